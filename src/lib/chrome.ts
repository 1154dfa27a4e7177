import type { TreePage } from '../db/pages.ts'
import { SETTING } from '../db/settings.ts'
import type { Chrome } from '../views/layout.tsx'
import { navigationLinks } from './site-tree.ts'

/** Builds the page chrome from the published page tree and the settings rows. */
export const buildChrome = (
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
export const bareChrome = (siteUrl: string): Chrome => ({ nav: [], notice: '', address: [], siteUrl })
