import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import { inArray } from 'drizzle-orm'
import {
  isMenuPage,
  pagesAroundPageQuery,
  pagesAroundQuery,
  prebuiltTrailAndChildren,
  type TreePage,
} from '../db/pages.ts'
import { settings } from '../db/schema.ts'
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
 * Which part of the page tree a page shows: that around the page at a path (or the page an
 * item at the path is listed on, such as /news for an article), or, for a preview of a page,
 * around the page by its id and its draft's parent, as a draft need be neither published nor
 * at its path yet.
 */
export type TreePart = { path: string } | { id: number; parentId: number | null }

/**
 * The query for that part, at any size of site: the header menu, the page with every page
 * above it for breadcrumbs, and its children.
 */
const treeQuery = (db: Database, part: TreePart) =>
  'path' in part ? pagesAroundQuery(db, part.path) : pagesAroundPageQuery(db, part)

/** The settings every public page shows, each found by its key. */
const chromeSettingsQuery = (db: Database) =>
  settingsQuery(db).where(inArray(settings.key, [SETTING.siteNotice, SETTING.postalAddress]))

/** The site-wide part of the chrome at a content version: the header menu, and the chrome. */
type SiteChrome = { version: string; menu: TreePage[]; chrome: Chrome }

/**
 * The site-wide part at the latest content version the edge cache resolved (c.var), so each
 * miss after the first at a version reads only its own part of the tree. Safe for the reason the
 * edge cache's keys are: every change visitors see, settings included, makes a new version.
 * Requests the edge cache does not serve (staff, previews) have no version and read it all.
 */
let siteChrome: SiteChrome | undefined

/**
 * Runs a route's own queries in one D1 batch with those every public page needs (the part of
 * the published page tree it shows, and the settings), so a page costs one round trip. Returns
 * that part of the tree (navigation, the page at the request's path or above it with each of
 * its ancestors, and its children: enough for breadcrumbs and child lists; `part` names
 * another), the chrome built from it, and the route's results in the order it gave them. At a
 * version this isolate has seen, the menu and chrome come from memory, and only the page's
 * trail and children from D1.
 */
export const batchWithChrome = async <const T extends readonly BatchItem<'sqlite'>[]>(
  // Only what it reads, so public and staff routes (whose environments differ) both pass `c`.
  c: {
    var: { db: Database; contentVersion?: string | undefined }
    env: { SITE_URL: string }
    req: { path: string }
  },
  queries: T,
  part: TreePart = { path: c.req.path },
): Promise<{ tree: TreePage[]; chrome: Chrome; results: BatchResponse<T> }> => {
  const db = c.var.db
  const version = c.var.contentVersion
  // A page in two parts of the tree (a top-level page is in the menu and its own trail) once.
  const unique = (rows: TreePage[]) => [...new Map(rows.map((page) => [page.id, page])).values()]
  // db.batch types its answer from a tuple it is given whole; spreading `queries` into it
  // loses the positions, which the casts below restore.
  if (version !== undefined && siteChrome?.version === version && 'path' in part) {
    const { menu, chrome } = siteChrome
    const [around, ...results] = await db.batch([
      prebuiltTrailAndChildren(db, part.path),
      ...queries,
    ])
    return { tree: unique([...menu, ...around]), chrome, results: results as BatchResponse<T> }
  }
  const [settingRows, treeRows, ...results] = await db.batch([
    chromeSettingsQuery(db),
    treeQuery(db, part),
    ...queries,
  ])
  const tree = unique(treeRows)
  const chrome = buildChrome(tree, settingRows, c.env.SITE_URL)
  if (version !== undefined) siteChrome = { version, menu: tree.filter(isMenuPage), chrome }
  return { tree, chrome, results: results as BatchResponse<T> }
}
