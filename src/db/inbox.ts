import { and, count, desc, eq } from 'drizzle-orm'
import type { Database } from './client.ts'
import { type SubmissionKind, type SubmissionStatus, submissions, vacancies } from './schema.ts'

/** Filters of the submissions inbox. */
export type InboxFilter = { kind?: SubmissionKind; status?: SubmissionStatus }

const where = (filter: InboxFilter) =>
  and(
    filter.kind ? eq(submissions.kind, filter.kind) : undefined,
    filter.status ? eq(submissions.status, filter.status) : undefined,
  )

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
  createdAt: submissions.createdAt,
}

/** One page of submissions, newest first, and how many match. */
export const inboxPage = (db: Database, filter: InboxFilter, page: number, size: number) =>
  db.batch([
    db
      .select(columns)
      .from(submissions)
      .leftJoin(vacancies, eq(vacancies.id, submissions.vacancyId))
      .where(where(filter))
      .orderBy(desc(submissions.id))
      .limit(size)
      .offset((page - 1) * size),
    db.select({ total: count() }).from(submissions).where(where(filter)),
  ])

/** Every submission matching the filter, for the CSV export. */
export const inboxAll = (db: Database, filter: InboxFilter) =>
  db
    .select(columns)
    .from(submissions)
    .leftJoin(vacancies, eq(vacancies.id, submissions.vacancyId))
    .where(where(filter))
    .orderBy(desc(submissions.id))

/** A submission seen in the inbox. */
export type InboxItem = Awaited<ReturnType<typeof inboxAll>>[number]

/** One submission. */
export const inboxItem = (db: Database, id: number) =>
  db
    .select(columns)
    .from(submissions)
    .leftJoin(vacancies, eq(vacancies.id, submissions.vacancyId))
    .where(eq(submissions.id, id))
    .get()

/** Query that sets a submission's status. */
export const setSubmissionStatusQuery = (db: Database, id: number, status: SubmissionStatus) =>
  db.update(submissions).set({ status }).where(eq(submissions.id, id))

/** Query that deletes a submission. */
export const deleteSubmissionQuery = (db: Database, id: number) =>
  db.delete(submissions).where(eq(submissions.id, id))

/** How many submissions are new, for the dashboard. */
export const newSubmissionCount = async (db: Database) =>
  (await db.select({ n: count() }).from(submissions).where(eq(submissions.status, 'new')).get())
    ?.n ?? 0
