import type { Database } from '../db/client.ts'
import type { SubmissionKind } from '../db/schema.ts'
import {
  CV_KEY_PREFIX,
  deleteSubmissions,
  expiredSubmissions,
  namedCvKeys,
} from '../db/submissions.ts'

const DAY = 24 * 60 * 60 * 1000

/** How long each kind of submission is kept, in days. */
export type RetentionPeriods = Record<SubmissionKind, number>

/**
 * Reads the retention periods from the environment: 180 days (enquiries, and reports of a problem
 * with a page, which are kept as long), 365 (applications).
 */
export const retentionPeriods = (env: {
  ENQUIRY_RETENTION_DAYS?: string
  APPLICATION_RETENTION_DAYS?: string
}): RetentionPeriods => {
  const days = (value: string | undefined, fallback: number) => {
    const n = Number(value)
    return Number.isInteger(n) && n > 0 ? n : fallback
  }
  const enquiry = days(env.ENQUIRY_RETENTION_DAYS, 180)
  return { enquiry, application: days(env.APPLICATION_RETENTION_DAYS, 365), feedback: enquiry }
}

/** D1 binds at most 100 values a statement: expired submissions go a hundred at a time. */
const CHUNK = 100

/**
 * How long after its upload a CV with no submission row is left alone, so an application
 * between its two writes (the CV, then the row) is never taken for an orphan.
 */
const ORPHAN_GRACE_MS = DAY

/**
 * Deletes submissions older than their retention period, and their CVs, then any CV that no
 * submission names (left by an application whose row D1 refused). Expired submissions go a
 * hundred at a time, CVs first and then rows: if R2 fails, those rows stay for the next run,
 * which deletes them (deleting a CV that is already gone is harmless). So a run that stopped
 * halfway can simply run again. Returns how many of each kind were deleted.
 */
export const deleteExpiredSubmissions = async (
  db: Database,
  bucket: R2Bucket,
  periods: RetentionPeriods,
  now: Date,
) => {
  const deleted: Record<SubmissionKind, number> = { enquiry: 0, application: 0, feedback: 0 }
  for (const kind of Object.keys(periods) as SubmissionKind[]) {
    const expired = await expiredSubmissions(
      db,
      kind,
      new Date(now.getTime() - periods[kind] * DAY),
    )
    for (let i = 0; i < expired.length; i += CHUNK) {
      const chunk = expired.slice(i, i + CHUNK)
      const keys = chunk.flatMap((s) => (s.cvKey ? [s.cvKey] : []))
      if (keys.length > 0) await bucket.delete(keys)
      await deleteSubmissions(
        db,
        chunk.map((s) => s.id),
      )
      deleted[kind] += chunk.length
    }
  }
  const orphans = await deleteOrphanedCvs(db, bucket, now)
  // Each one means an earlier application failed halfway and its CV could not be deleted then.
  if (orphans > 0)
    console.log(JSON.stringify({ level: 'warn', event: 'orphaned-cvs-deleted', count: orphans }))
  return deleted
}

/** Deletes the CVs, uploaded before the grace period, that no submission names. */
const deleteOrphanedCvs = async (db: Database, bucket: R2Bucket, now: Date) => {
  let count = 0
  let cursor: string | undefined
  do {
    const listed = await bucket.list({ prefix: CV_KEY_PREFIX, cursor })
    const settled = listed.objects
      .filter((o) => o.uploaded.getTime() < now.getTime() - ORPHAN_GRACE_MS)
      .map((o) => o.key)
    const named = await namedCvKeys(db, settled)
    const orphans = settled.filter((key) => !named.has(key))
    if (orphans.length > 0) await bucket.delete(orphans)
    count += orphans.length
    cursor = listed.truncated ? listed.cursor : undefined
  } while (cursor)
  return count
}
