import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import {
  type SubmissionKind,
  type SubmissionStatus,
  staff,
  submissionAlerts,
  submissions,
  vacancies,
} from './schema.ts'

/**
 * What the inbox search looks for: a reference (exact, on its unique index), an email address
 * (exact, lower-cased, on its index) or part of a name (case-insensitive).
 */
export type InboxSearch =
  { by: 'reference'; text: string } | { by: 'email'; text: string } | { by: 'name'; text: string }

/** Filters of the submissions inbox. `assignedTo` null means assigned to nobody. */
export type InboxFilter = {
  kind?: SubmissionKind
  status?: SubmissionStatus
  assignedTo?: number | null
  search?: InboxSearch
}

const searchWhere = (search: InboxSearch) => {
  switch (search.by) {
    case 'reference':
      return eq(submissions.reference, search.text)
    case 'email':
      return eq(submissions.senderEmail, search.text.toLowerCase())
    case 'name':
      // instr, not LIKE: D1 refuses LIKE patterns over 50 bytes, and a name's part needs no
      // wildcards escaped. lower() folds ASCII, as LIKE would.
      return sql`instr(lower(${submissions.senderName}), lower(${search.text})) > 0`
  }
}

/**
 * The WHERE clause of a filter. For the list (`ordered`), a kind without a status is matched
 * with `+kind`, which keeps SQLite off the (kind, status, created_at) index: through it, the
 * newest 50 of a kind means sorting every row of that kind, while walking the created_at index
 * newest first and skipping other kinds stops after 50. The count still uses that index.
 */
const where = (filter: InboxFilter, ordered = false) =>
  and(
    filter.kind
      ? ordered && !filter.status
        ? sql`+${submissions.kind} = ${filter.kind}`
        : eq(submissions.kind, filter.kind)
      : undefined,
    filter.status ? eq(submissions.status, filter.status) : undefined,
    filter.assignedTo === null
      ? isNull(submissions.assignedTo)
      : filter.assignedTo !== undefined
        ? eq(submissions.assignedTo, filter.assignedTo)
        : undefined,
    filter.search ? searchWhere(filter.search) : undefined,
  )

// Newest first, by the created_at index (which holds the id too), so the list never sorts.
const NEWEST_FIRST = [desc(submissions.createdAt), desc(submissions.id)] as const

/** Query for one page of the inbox list, newest first. */
export const inboxListQuery = (db: Database, filter: InboxFilter, page: number, size: number) =>
  db
    .select({
      id: submissions.id,
      reference: submissions.reference,
      kind: submissions.kind,
      status: submissions.status,
      senderName: submissions.senderName,
      // Only the page a piece of feedback is about, not every answer of every row.
      path: sql<string | null>`json_extract(${submissions.fields}, '$.path')`,
      vacancyTitle: vacancies.title,
      assigneeName: staff.name,
      createdAt: submissions.createdAt,
    })
    .from(submissions)
    .leftJoin(vacancies, eq(vacancies.id, submissions.vacancyId))
    .leftJoin(staff, eq(staff.id, submissions.assignedTo))
    .where(where(filter, true))
    .orderBy(...NEWEST_FIRST)
    .limit(size)
    .offset((page - 1) * size)

/** Query for how many submissions match the filter. */
export const inboxCountQuery = (db: Database, filter: InboxFilter) =>
  db.select({ total: count() }).from(submissions).where(where(filter))

/** One page of the inbox list, newest first, and how many match: one batch. */
export const inboxPage = (db: Database, filter: InboxFilter, page: number, size: number) =>
  db.batch([inboxListQuery(db, filter, page, size), inboxCountQuery(db, filter)])

/** A submission in the inbox list. */
export type InboxListItem = Awaited<ReturnType<typeof inboxPage>>[0][number]

const columns = {
  id: submissions.id,
  reference: submissions.reference,
  kind: submissions.kind,
  status: submissions.status,
  fields: submissions.fields,
  vacancyTitle: vacancies.title,
  cvKey: submissions.cvKey,
  cvFileName: submissions.cvFileName,
  cvContentType: submissions.cvContentType,
  cvSize: submissions.cvSize,
  assignedTo: submissions.assignedTo,
  assigneeName: staff.name,
  createdAt: submissions.createdAt,
}

/** Every submission matching the filter, for the CSV export. */
export const inboxAll = (db: Database, filter: InboxFilter) =>
  db
    .select(columns)
    .from(submissions)
    .leftJoin(vacancies, eq(vacancies.id, submissions.vacancyId))
    .leftJoin(staff, eq(staff.id, submissions.assignedTo))
    .where(where(filter))
    .orderBy(...NEWEST_FIRST)

/** A submission with all it holds. */
export type InboxItem = Awaited<ReturnType<typeof inboxAll>>[number]

const itemQuery = (db: Database, id: number) =>
  db
    .select(columns)
    .from(submissions)
    .leftJoin(vacancies, eq(vacancies.id, submissions.vacancyId))
    .leftJoin(staff, eq(staff.id, submissions.assignedTo))
    .where(eq(submissions.id, id))

/** One submission. */
export const inboxItem = (db: Database, id: number) => itemQuery(db, id).get()

/**
 * One submission for its page, in one batch: the submission, its email alert if it has one,
 * and the active staff it can be assigned to.
 */
export const submissionView = async (db: Database, id: number) => {
  const [items, alerts, people] = await db.batch([
    itemQuery(db, id),
    db
      .select({
        status: submissionAlerts.status,
        attempts: submissionAlerts.attempts,
        nextAttemptAt: submissionAlerts.nextAttemptAt,
        lastError: submissionAlerts.lastError,
        sentAt: submissionAlerts.sentAt,
      })
      .from(submissionAlerts)
      .where(eq(submissionAlerts.submissionId, id)),
    activeStaffQuery(db),
  ])
  const item = items[0]
  return item ? { item, alert: alerts[0], people } : undefined
}

/** The email alert of a submission, as its page shows it. */
export type SubmissionAlert = NonNullable<Awaited<ReturnType<typeof submissionView>>>['alert']

/** Query for the staff a submission can be assigned to: active members, by name. */
export const activeStaffQuery = (db: Database) =>
  db
    .select({ id: staff.id, name: staff.name })
    .from(staff)
    .where(eq(staff.active, true))
    .orderBy(asc(staff.name), asc(staff.id))

/** A member of staff a submission can be assigned to. */
export type Assignee = Awaited<ReturnType<typeof activeStaffQuery>>[number]

/** Query that sets a submission's status. */
export const setSubmissionStatusQuery = (db: Database, id: number, status: SubmissionStatus) =>
  db.update(submissions).set({ status }).where(eq(submissions.id, id))

/** Query that assigns a submission to a member of staff, or to nobody (null). */
export const assignSubmissionQuery = (db: Database, id: number, staffId: number | null) =>
  db.update(submissions).set({ assignedTo: staffId }).where(eq(submissions.id, id))

/** Query that deletes a submission. */
export const deleteSubmissionQuery = (db: Database, id: number) =>
  db.delete(submissions).where(eq(submissions.id, id))

/** How many submissions are new, for the dashboard. */
export const newSubmissionCount = async (db: Database) =>
  (await db.select({ n: count() }).from(submissions).where(eq(submissions.status, 'new')).get())
    ?.n ?? 0
