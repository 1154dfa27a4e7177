import type { Database } from '../db/client.ts'
import type { SubmissionKind } from '../db/schema.ts'
import { deleteSubmissions, expiredSubmissions } from '../db/submissions.ts'

const DAY = 24 * 60 * 60 * 1000

/** How long each kind of submission is kept, in days. */
export type RetentionPeriods = Record<SubmissionKind, number>

/** Reads the retention periods from the environment: 180 days (enquiries), 365 (applications). */
export const retentionPeriods = (env: {
  ENQUIRY_RETENTION_DAYS?: string
  APPLICATION_RETENTION_DAYS?: string
}): RetentionPeriods => {
  const days = (value: string | undefined, fallback: number) => {
    const n = Number(value)
    return Number.isInteger(n) && n > 0 ? n : fallback
  }
  return {
    enquiry: days(env.ENQUIRY_RETENTION_DAYS, 180),
    application: days(env.APPLICATION_RETENTION_DAYS, 365),
  }
}

/**
 * Deletes submissions older than their retention period, and their CVs. CVs go first: if R2
 * fails, the rows stay and the next run tries again, so no CV outlives its period unnoticed.
 * Returns how many of each kind were deleted.
 */
export const deleteExpiredSubmissions = async (
  db: Database,
  bucket: R2Bucket,
  periods: RetentionPeriods,
  now: Date,
) => {
  const deleted: Record<SubmissionKind, number> = { enquiry: 0, application: 0 }
  for (const kind of Object.keys(periods) as SubmissionKind[]) {
    const expired = await expiredSubmissions(
      db,
      kind,
      new Date(now.getTime() - periods[kind] * DAY),
    )
    const keys = expired.flatMap((s) => (s.cvKey ? [s.cvKey] : []))
    // R2 deletes up to 1,000 keys a call.
    for (let i = 0; i < keys.length; i += 1000) await bucket.delete(keys.slice(i, i + 1000))
    await deleteSubmissions(
      db,
      expired.map((s) => s.id),
    )
    deleted[kind] = expired.length
  }
  return deleted
}
