// Queries of scheduled publishing and unpublishing (`scheduled_changes`). A row is pending
// until the Cron Trigger applies it (done), refuses it (failed) or staff cancel it.
import { and, asc, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import type { EditableKind } from './content-tables.ts'
import { type ScheduledAction, type ScheduleStatus, scheduledChanges } from './schema.ts'

/** A scheduled change as staff pages show it. */
export type ScheduledChange = {
  id: number
  kind: EditableKind
  contentId: number
  action: ScheduledAction
  at: Date
  revisionId: number | null
  status: ScheduleStatus
  createdBy: number
  /** Who set it. */
  createdByName: string
  settledAt: Date | null
  /** Who cancelled it; null when the scheduler applied or refused it. */
  settledByName: string | null
  detail: string
}

/** A scheduled change with the title of its item, for the dashboard. */
export type ScheduledChangeWithTitle = ScheduledChange & { title: string }

// Names through subqueries rather than two joins on staff: the row stays one flat select.
const columns = {
  id: scheduledChanges.id,
  kind: scheduledChanges.kind,
  contentId: scheduledChanges.contentId,
  action: scheduledChanges.action,
  at: scheduledChanges.at,
  revisionId: scheduledChanges.revisionId,
  status: scheduledChanges.status,
  createdBy: scheduledChanges.createdBy,
  createdByName: sql<string>`coalesce((select s.name from staff s
    where s.id = scheduled_changes.created_by), 'Unknown')`,
  settledAt: scheduledChanges.settledAt,
  settledByName: sql<string | null>`(select s.name from staff s
    where s.id = scheduled_changes.settled_by)`,
  detail: scheduledChanges.detail,
}

/** How many settled changes an item's schedule page shows. */
const RECENT_SETTLED = 5

/** An item's pending changes, soonest first, and its last few settled ones, newest first. */
export const scheduleOf = async (
  db: Database,
  kind: EditableKind,
  contentId: number,
): Promise<{ pending: ScheduledChange[]; settled: ScheduledChange[] }> => {
  const ofItem = and(eq(scheduledChanges.kind, kind), eq(scheduledChanges.contentId, contentId))
  const [pending, settled] = await Promise.all([
    db
      .select(columns)
      .from(scheduledChanges)
      .where(and(ofItem, eq(scheduledChanges.status, 'pending')))
      .orderBy(asc(scheduledChanges.at), asc(scheduledChanges.id)),
    db
      .select(columns)
      .from(scheduledChanges)
      .where(and(ofItem, inArray(scheduledChanges.status, ['done', 'cancelled', 'failed'])))
      .orderBy(desc(scheduledChanges.settledAt), desc(scheduledChanges.id))
      .limit(RECENT_SETTLED),
  ])
  return { pending, settled }
}

/** One scheduled change of an item, or undefined. */
export const scheduledChangeOf = (
  db: Database,
  kind: EditableKind,
  contentId: number,
  id: number,
): Promise<ScheduledChange | undefined> =>
  db
    .select(columns)
    .from(scheduledChanges)
    .where(
      and(
        eq(scheduledChanges.id, id),
        eq(scheduledChanges.kind, kind),
        eq(scheduledChanges.contentId, contentId),
      ),
    )
    .get()

/** Query that adds a pending change. */
export const insertScheduledQuery = (
  db: Database,
  change: {
    kind: EditableKind
    contentId: number
    action: ScheduledAction
    at: Date
    revisionId: number | null
    createdBy: number
  },
) => db.insert(scheduledChanges).values(change)

/** Query that cancels an item's pending changes of one action: a new time replaces them. */
export const replacePendingQuery = (
  db: Database,
  kind: EditableKind,
  contentId: number,
  action: ScheduledAction,
  by: number,
  now: Date,
) =>
  db
    .update(scheduledChanges)
    .set({ status: 'cancelled', settledAt: now, settledBy: by, detail: 'Replaced by a new time' })
    .where(
      and(
        eq(scheduledChanges.kind, kind),
        eq(scheduledChanges.contentId, contentId),
        eq(scheduledChanges.action, action),
        eq(scheduledChanges.status, 'pending'),
      ),
    )

/** Query that cancels one change, if it is still pending. */
export const cancelScheduledQuery = (db: Database, id: number, by: number, now: Date) =>
  db
    .update(scheduledChanges)
    .set({ status: 'cancelled', settledAt: now, settledBy: by })
    .where(and(eq(scheduledChanges.id, id), eq(scheduledChanges.status, 'pending')))

/** Pending changes due by `now`, oldest first (the (status, at) index), at most `limit`. */
export const dueChanges = (db: Database, now: Date, limit: number) =>
  db
    .select({
      id: scheduledChanges.id,
      kind: scheduledChanges.kind,
      contentId: scheduledChanges.contentId,
      action: scheduledChanges.action,
      at: scheduledChanges.at,
      revisionId: scheduledChanges.revisionId,
      createdBy: scheduledChanges.createdBy,
    })
    .from(scheduledChanges)
    .where(and(eq(scheduledChanges.status, 'pending'), lte(scheduledChanges.at, now)))
    .orderBy(asc(scheduledChanges.at), asc(scheduledChanges.id))
    .limit(limit)

/**
 * Takes a pending change for applying: marks it done, only if it is still pending. True when
 * this call changed it, so two runs at once never both apply the same change.
 */
export const claimScheduled = async (db: Database, id: number, now: Date) => {
  const result = await db
    .update(scheduledChanges)
    .set({ status: 'done', settledAt: now })
    .where(and(eq(scheduledChanges.id, id), eq(scheduledChanges.status, 'pending')))
    .run()
  return result.meta.changes === 1
}

/** Marks a claimed change as refused when due, with the reason staff will see. */
export const failScheduled = (db: Database, id: number, detail: string, now: Date) =>
  db
    .update(scheduledChanges)
    .set({ status: 'failed', settledAt: now, detail: detail.slice(0, 500) })
    .where(eq(scheduledChanges.id, id))
    .run()

/** How far back the dashboard lists changes that failed. */
const FAILED_SHOWN_FOR_MS = 7 * 86_400_000

/**
 * The dashboard's list: every pending change, soonest first, then those that failed in the last
 * 7 days, newest first; each with its item's title. One query.
 */
export const scheduleOverview = (
  db: Database,
  now: Date,
  limit = 100,
): Promise<ScheduledChangeWithTitle[]> =>
  db
    .select({
      ...columns,
      title: sql<string>`coalesce(case scheduled_changes.kind
        when 'page' then (select t.title from pages t where t.id = scheduled_changes.content_id)
        when 'news' then (select t.title from news_articles t where t.id = scheduled_changes.content_id)
        else (select t.title from vacancies t where t.id = scheduled_changes.content_id) end, '')`,
    })
    .from(scheduledChanges)
    .where(
      or(
        eq(scheduledChanges.status, 'pending'),
        and(
          eq(scheduledChanges.status, 'failed'),
          gte(scheduledChanges.at, new Date(now.getTime() - FAILED_SHOWN_FOR_MS)),
        ),
      ),
    )
    .orderBy(
      sql`${scheduledChanges.status} = 'failed'`,
      sql`case when ${scheduledChanges.status} = 'failed' then -${scheduledChanges.at} else ${scheduledChanges.at} end`,
      asc(scheduledChanges.id),
    )
    .limit(limit)
