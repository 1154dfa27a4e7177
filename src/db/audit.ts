import { type SQL, and, count, desc, eq, gte, lt, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { auditLog, staff } from './schema.ts'

/**
 * An audit entry to add. `actorId` is null for someone not signed in. `target` may be SQL when
 * the batch that records it creates the target (its id is known only inside the batch).
 */
export type AuditEntry = {
  actorId: number | null
  action: string
  target?: string | SQL
  detail?: string
}

/** Query that adds an audit entry; batch it with the change it records. The log is append-only. */
export const auditQuery = (db: Database, entry: AuditEntry) =>
  db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    target: entry.target ?? '',
    detail: (entry.detail ?? '').slice(0, 1000),
  })

/** Adds an audit entry on its own. */
export const audit = (db: Database, entry: AuditEntry) => auditQuery(db, entry).run()

/**
 * The longest action prefix the log can be filtered by. D1 refuses a LIKE pattern over 50 bytes
 * ("LIKE or GLOB pattern too complex"); callers keep the prefix within this, in plain ASCII.
 */
export const ACTION_FILTER_MAX = 40

/** Filters for the audit log page. */
export type AuditFilter = {
  /** The start of the action, matched literally: at most ACTION_FILTER_MAX characters. */
  action?: string
  actorId?: number
  /** Inclusive start and exclusive end. */
  from?: Date
  to?: Date
}

/** Text as a LIKE pattern that matches only itself: wildcards and the escape escaped. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&')

const auditWhere = (filter: AuditFilter) =>
  and(
    filter.action
      ? sql`${auditLog.action} like ${`${likeLiteral(filter.action)}%`} escape '\\'`
      : undefined,
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, filter.to) : undefined,
  )

/** One page of audit entries, newest first, with the actor's name. */
export const auditPage = (db: Database, filter: AuditFilter, page: number, size: number) =>
  db.batch([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        target: auditLog.target,
        detail: auditLog.detail,
        actorName: staff.name,
        actorEmail: staff.email,
      })
      .from(auditLog)
      .leftJoin(staff, eq(staff.id, auditLog.actorId))
      .where(auditWhere(filter))
      .orderBy(desc(auditLog.id))
      .limit(size)
      .offset((page - 1) * size),
    db.select({ total: count() }).from(auditLog).where(auditWhere(filter)),
  ])
