// How many items staff have changed and not yet published, for the dashboard: counted in SQL,
// so only the numbers leave D1, whatever the size of the site.
import { count, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { CONTENT_TABLES, type EditableKind } from './content-tables.ts'

/**
 * Query for how many items of a kind have a revision newer than the live one, or have
 * revisions but none live: those whose newest revision (latest_revision_id, which the database
 * keeps) is after the live one, as revision ids only grow. The condition is the partial index's
 * (schema.ts, unpublishedChangesIndex), so SQLite counts that index's entries, one per such
 * item, and reads nothing else.
 */
export const unpublishedCountQuery = (db: Database, kind: EditableKind) => {
  const { table } = CONTENT_TABLES[kind]
  return db
    .select({ total: count() })
    .from(table)
    .where(sql`${table.latestRevisionId} > coalesce(${table.publishedRevisionId}, 0)`)
}

/** How many items, of every kind, have changes not yet published (one D1 batch). */
export const unpublishedChangesCount = async (db: Database) => {
  const results = await db.batch([
    unpublishedCountQuery(db, 'page'),
    unpublishedCountQuery(db, 'news'),
    unpublishedCountQuery(db, 'vacancy'),
  ])
  return results.reduce((sum, [row]) => sum + (row?.total ?? 0), 0)
}
