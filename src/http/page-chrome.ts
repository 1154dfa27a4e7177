import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import { publishedPagesQuery, type TreePage } from '../db/pages.ts'
import { SETTING, settingsQuery } from '../db/settings.ts'
import type { Database } from '../db/client.ts'
import { navigationLinks } from '../lib/site-tree.ts'
import type { Chrome } from '../views/layout.tsx'

/** Builds the page chrome from the published page tree and the settings rows. */
const buildChrome = (
  tree: TreePage[],
  settingRows: { key: string; value: string }[],
  siteUrl: string,
): Chrome => {
  const setting = (key: string) => settingRows.find((row) => row.key === key)?.value ?? ''
  return {
    nav: navigationLinks(tree),
    notice: setting(SETTING.siteNotice).trim(),
    address: setting(SETTING.postalAddress)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    siteUrl,
  }
}

/** Chrome for when the database cannot be read: no navigation, notice or address. */
export const bareChrome = (siteUrl: string): Chrome => ({
  nav: [],
  notice: '',
  address: [],
  siteUrl,
})

/**
 * Runs a route's own queries in one D1 batch with the two every public page needs (the
 * published page tree and the settings), so a page costs one round trip. Returns the tree,
 * the chrome built from it, and the route's results in the order it gave them.
 */
export const batchWithChrome = async <const T extends readonly BatchItem<'sqlite'>[]>(
  // Only what it reads, so public and staff routes (whose environments differ) both pass `c`.
  c: { var: { db: Database }; env: { SITE_URL: string } },
  queries: T,
): Promise<{ tree: TreePage[]; chrome: Chrome; results: BatchResponse<T> }> => {
  const db = c.var.db
  const [tree, settingRows, ...results] = await db.batch([
    publishedPagesQuery(db),
    settingsQuery(db),
    ...queries,
  ])
  return {
    tree,
    chrome: buildChrome(tree, settingRows, c.env.SITE_URL),
    // db.batch types its answer from a tuple it is given whole; spreading `queries` into it
    // loses the positions, which this restores.
    results: results as BatchResponse<T>,
  }
}
