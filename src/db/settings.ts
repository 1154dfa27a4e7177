import { eq } from 'drizzle-orm'
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

/** Key of the content version: the time (ms) public content last changed. */
export const CONTENT_VERSION = 'content_version'

/** Query for the content version (zero or one row). */
export const contentVersionQuery = (db: Database) =>
  db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, CONTENT_VERSION))
    .limit(1)

/**
 * Query that moves the content version on to `now`. Batch it with every write that changes
 * what visitors see: cached pages are keyed by the version, so they are all fresh at once.
 */
export const bumpContentVersionQuery = (db: Database, now: Date) =>
  db
    .insert(settings)
    .values({ key: CONTENT_VERSION, value: String(now.getTime()), updatedAt: now })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: String(now.getTime()), updatedAt: now },
    })
