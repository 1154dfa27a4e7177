import { and, asc, desc, eq, inArray, lte, ne, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { type SubmissionKind, settings, submissionAlerts, submissions } from './schema.ts'

/** The setting that holds the address alerted to each kind of new submission ('' for none). */
export const ALERT_SETTING = {
  enquiry: 'alert_email_enquiry',
  application: 'alert_email_application',
  feedback: 'alert_email_feedback',
} as const satisfies Record<SubmissionKind, string>

/** The address alerted to each kind of new submission ('' for none). */
export const alertAddresses = async (db: Database): Promise<Record<SubmissionKind, string>> => {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, Object.values(ALERT_SETTING)))
    .all()
  const value = (key: string) => rows.find((r) => r.key === key)?.value ?? ''
  return {
    enquiry: value(ALERT_SETTING.enquiry),
    application: value(ALERT_SETTING.application),
    feedback: value(ALERT_SETTING.feedback),
  }
}

/**
 * Query that queues the email alert of the submission just stored under `reference`, for the
 * address its kind's setting names: batch it with the submission's insert, so the two are stored
 * together or not at all, in one round trip. It adds nothing when the setting is empty or absent,
 * or when the submission is spam (a bot that filled in the hidden field alerts no one).
 */
export const queueAlertQuery = (db: Database, reference: string, now: Date) =>
  db.insert(submissionAlerts).select((qb) =>
    qb
      .select({
        // Every column, in the table's order (Drizzle's rule for INSERT ... SELECT).
        id: sql`null`.as('id'),
        submissionId: submissions.id,
        recipient: settings.value,
        status: sql`'pending'`.as('status'),
        attempts: sql`0`.as('attempts'),
        nextAttemptAt: sql`${now.getTime()}`.as('next_attempt_at'),
        lastError: sql`''`.as('last_error'),
        sentAt: sql`null`.as('sent_at'),
        createdAt: sql`${now.getTime()}`.as('created_at'),
      })
      .from(submissions)
      .innerJoin(settings, eq(settings.key, sql`'alert_email_' || ${submissions.kind}`))
      .where(
        and(
          eq(submissions.reference, reference),
          eq(submissions.status, 'new'),
          ne(settings.value, ''),
        ),
      ),
  )

/** An alert as the delivery job and the staff page see it, with its submission's kind. */
export type AlertRow = {
  id: number
  submissionId: number
  reference: string
  kind: SubmissionKind
  recipient: string
  status: 'pending' | 'sent' | 'failed'
  attempts: number
  nextAttemptAt: Date
  lastError: string
  sentAt: Date | null
  createdAt: Date
}

const alertColumns = {
  id: submissionAlerts.id,
  submissionId: submissionAlerts.submissionId,
  reference: submissions.reference,
  kind: submissions.kind,
  recipient: submissionAlerts.recipient,
  status: submissionAlerts.status,
  attempts: submissionAlerts.attempts,
  nextAttemptAt: submissionAlerts.nextAttemptAt,
  lastError: submissionAlerts.lastError,
  sentAt: submissionAlerts.sentAt,
  createdAt: submissionAlerts.createdAt,
}

/** Pending alerts due by `now`, oldest due first (through the status and due-time index). */
export const dueAlerts = (db: Database, now: Date, limit: number): Promise<AlertRow[]> =>
  db
    .select(alertColumns)
    .from(submissionAlerts)
    .innerJoin(submissions, eq(submissions.id, submissionAlerts.submissionId))
    .where(and(eq(submissionAlerts.status, 'pending'), lte(submissionAlerts.nextAttemptAt, now)))
    .orderBy(asc(submissionAlerts.nextAttemptAt))
    .limit(limit)
    .all()

/**
 * Claims a pending alert for one attempt: counts the attempt and sets when to try again should
 * this one never report back. Changes one row only if no other run claimed it first (the
 * attempts seen are still the stored ones), so two runs never both send it.
 */
export const claimAlert = async (
  db: Database,
  alert: Pick<AlertRow, 'id' | 'attempts'>,
  retryAt: Date,
) => {
  const result = await db
    .update(submissionAlerts)
    .set({ attempts: alert.attempts + 1, nextAttemptAt: retryAt })
    .where(
      and(
        eq(submissionAlerts.id, alert.id),
        eq(submissionAlerts.status, 'pending'),
        eq(submissionAlerts.attempts, alert.attempts),
      ),
    )
    .run()
  return result.meta.changes === 1
}

/** Records that an alert was sent. */
export const markAlertSent = (db: Database, id: number, now: Date) =>
  db
    .update(submissionAlerts)
    .set({ status: 'sent', sentAt: now, lastError: '' })
    .where(eq(submissionAlerts.id, id))
    .run()

/** Records why an attempt failed; `gaveUp` marks the alert failed, with no more tries. */
export const markAlertNotSent = (db: Database, id: number, error: string, gaveUp: boolean) =>
  db
    .update(submissionAlerts)
    .set({ lastError: error, ...(gaveUp ? { status: 'failed' as const } : {}) })
    .where(eq(submissionAlerts.id, id))
    .run()

/** One alert with its submission's kind and reference, or undefined. */
export const alertById = (db: Database, id: number): Promise<AlertRow | undefined> =>
  db
    .select(alertColumns)
    .from(submissionAlerts)
    .innerJoin(submissions, eq(submissions.id, submissionAlerts.submissionId))
    .where(eq(submissionAlerts.id, id))
    .get()

/** Query that makes an alert that is not sent due now, as pending. */
export const retryAlertQuery = (db: Database, id: number, now: Date) =>
  db
    .update(submissionAlerts)
    .set({ status: 'pending', nextAttemptAt: now })
    .where(
      and(eq(submissionAlerts.id, id), inArray(submissionAlerts.status, ['pending', 'failed'])),
    )

/** How many recently sent alerts the staff page lists. */
export const RECENT_SENT = 20

/** How many alerts not sent the staff page lists at most. */
export const UNSENT_SHOWN = 100

/**
 * Alerts for the staff page: those not sent (failed first, then pending by when each is next
 * tried), and the most recently sent.
 */
export const alertsForStaff = async (db: Database) => {
  const [unsent, sent] = await db.batch([
    db
      .select(alertColumns)
      .from(submissionAlerts)
      .innerJoin(submissions, eq(submissions.id, submissionAlerts.submissionId))
      .where(inArray(submissionAlerts.status, ['pending', 'failed']))
      // 'failed' sorts before 'pending'.
      .orderBy(asc(submissionAlerts.status), asc(submissionAlerts.nextAttemptAt))
      .limit(UNSENT_SHOWN),
    db
      .select(alertColumns)
      .from(submissionAlerts)
      .innerJoin(submissions, eq(submissions.id, submissionAlerts.submissionId))
      .where(eq(submissionAlerts.status, 'sent'))
      .orderBy(desc(submissionAlerts.sentAt))
      .limit(RECENT_SENT),
  ])
  return { unsent: unsent as AlertRow[], sent: sent as AlertRow[] }
}
