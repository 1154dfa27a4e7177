import { and, eq, inArray, lt } from 'drizzle-orm'
import { queueAlertQuery } from './alerts.ts'
import type { Database } from './client.ts'
import { type SubmissionKind, submissions } from './schema.ts'

/** A submission to store: what the form handlers hand over. */
export type NewSubmission = typeof submissions.$inferInsert

/** Where CVs are kept in the CV bucket: one object per application, named by its reference. */
export const CV_KEY_PREFIX = 'cv/'

/** The CV bucket key of an application's CV. */
export const cvKeyFor = (reference: string, extension: string) =>
  `${CV_KEY_PREFIX}${reference}.${extension}`

/**
 * Stores a submission, with the sender's name and lower-cased email address copied out of its
 * answers for the inbox search, and in the same batch its email alert when its kind has an
 * address set (db/alerts.ts). Resolves to whether an alert is waiting to be sent. Throws if D1
 * refuses it, so the caller can undo what it stored in R2.
 */
export const insertSubmission = async (db: Database, submission: NewSubmission) => {
  const [, alert] = await db.batch([
    db.insert(submissions).values({
      ...submission,
      senderName: submission.fields.fullName ?? '',
      senderEmail: (submission.fields.email ?? '').toLowerCase(),
    }),
    queueAlertQuery(db, submission.reference, new Date()),
  ])
  return alert.meta.changes > 0
}

/** Query for the kind of the submission with this reference (zero or one row). */
export const submissionByReferenceQuery = (db: Database, reference: string) =>
  db
    .select({ kind: submissions.kind })
    .from(submissions)
    .where(eq(submissions.reference, reference))
    .limit(1)

/** Query for what the submission with this reference holds (zero or one row). */
export const submissionContentQuery = (db: Database, reference: string) =>
  db
    .select({ kind: submissions.kind, fields: submissions.fields })
    .from(submissions)
    .where(eq(submissions.reference, reference))
    .limit(1)

/** Submissions of a kind created before `cutoff`, with their CV keys, for the retention job. */
export const expiredSubmissions = (db: Database, kind: SubmissionKind, cutoff: Date) =>
  db
    .select({ id: submissions.id, cvKey: submissions.cvKey })
    .from(submissions)
    .where(and(eq(submissions.kind, kind), lt(submissions.createdAt, cutoff)))
    .all()

/** D1 binds at most 100 values in one statement. */
const MAX_BOUND = 100

/** Deletes the submissions with these ids. */
export const deleteSubmissions = async (db: Database, ids: number[]) => {
  for (let i = 0; i < ids.length; i += MAX_BOUND) {
    await db.delete(submissions).where(inArray(submissions.id, ids.slice(i, i + MAX_BOUND)))
  }
}

/**
 * Of these CV bucket keys, the ones a stored submission names; any other is an orphaned CV. Looked
 * up by reference (the key's name without its extension), which is indexed.
 */
export const namedCvKeys = async (db: Database, keys: string[]) => {
  const named = new Set<string>()
  const referenceOf = (key: string) => key.slice(CV_KEY_PREFIX.length).replace(/\.[^.]*$/, '')
  for (let i = 0; i < keys.length; i += MAX_BOUND) {
    const rows = await db
      .select({ cvKey: submissions.cvKey })
      .from(submissions)
      .where(inArray(submissions.reference, keys.slice(i, i + MAX_BOUND).map(referenceOf)))
      .all()
    for (const row of rows) if (row.cvKey) named.add(row.cvKey)
  }
  return named
}
