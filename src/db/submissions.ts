import { and, eq, inArray, lt } from 'drizzle-orm'
import type { Database } from './client.ts'
import { type SubmissionKind, submissions } from './schema.ts'

/** A submission to store: what the form handlers hand over. */
export type NewSubmission = typeof submissions.$inferInsert

/** Stores a submission. Throws if D1 refuses it, so the caller can undo what it stored in R2. */
export const insertSubmission = (db: Database, submission: NewSubmission) =>
  db.insert(submissions).values(submission).run()

/** Query for the kind of the submission with this reference (zero or one row). */
export const submissionByReferenceQuery = (db: Database, reference: string) =>
  db
    .select({ kind: submissions.kind })
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
