import type { Database } from './client.ts'
import { settings } from './schema.ts'

/** Keys of the site-wide settings. */
export const SETTING = {
  /** Notice shown at the top of every page when not empty. */
  siteNotice: 'site_notice',
  /** Postal address, one line per line, shown in the footer. */
  postalAddress: 'postal_address',
} as const

/** Query for every setting; the table holds a handful of rows. */
export const settingsQuery = (db: Database) =>
  db.select({ key: settings.key, value: settings.value }).from(settings)
