import { eq } from 'drizzle-orm'
import type { Database } from './client.ts'
import { settings } from './schema.ts'

/** Setting that makes publishing need a publisher other than the author ('true' or absent). */
export const SECOND_PUBLISHER = 'require_second_publisher'

/** A setting's value, or '' when it is not set. */
export const settingValue = async (db: Database, key: string) =>
  (await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get())
    ?.value ?? ''

/** Query that sets a setting. */
export const setSettingQuery = (db: Database, key: string, value: string, now: Date) =>
  db
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } })
