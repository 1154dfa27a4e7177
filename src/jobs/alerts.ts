// Email alerts of new submissions, sent from the outbox table submission_alerts. The submission
// and its alert are stored in one batch (db/submissions.ts); sending happens afterwards, in the
// staff Worker, which alone has the Email Service binding: right after the submission (the
// public Worker's hand-off) and every minute from the Cron Trigger, which retries failures.
import {
  type AlertRow,
  alertById,
  claimAlert,
  dueAlerts,
  markAlertNotSent,
  markAlertSent,
  retryAlertQuery,
} from '../db/alerts.ts'
import { auditQuery } from '../db/audit.ts'
import type { Database } from '../db/client.ts'
import type { SubmissionKind } from '../db/schema.ts'
import { can } from '../auth/permissions.ts'
import { logError, loggableError } from '../lib/log.ts'
import { NOT_FOUND, type Actor, type Result } from '../publishing/result.ts'

const MINUTE = 60_000

/** Minutes to wait after each failed attempt: after the eighth, about 4 hours on, it gives up. */
const RETRY_MINUTES = [1, 2, 5, 10, 30, 60, 120]

/** Attempts at sending an alert before it is marked failed. */
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1

/** Alerts one run sends at most; any more wait for the next minute's run. */
const RUN_LIMIT = 20

/** An email as the Email Service binding's `send()` takes it. */
export type AlertEmail = { from: string; to: string; subject: string; text: string }

/** What sends the alerts: the address they are from, the site's origin, and the sending. */
export type AlertMailer = {
  from: string
  siteUrl: string
  /** Sends one email; rejects if it was not accepted. */
  send: (email: AlertEmail) => Promise<unknown>
}

/**
 * The mailer of the staff Worker's environment. When the binding or the sender address is
 * missing, every attempt fails with the reason, which staff see on the alerts page, and is
 * retried as any failure is, so an alert outlives the mistake once it is put right.
 */
export const alertMailer = (env: {
  ALERT_EMAIL?: SendEmail
  ALERT_FROM?: string
  SITE_URL: string
}): AlertMailer => ({
  from: env.ALERT_FROM ?? '',
  siteUrl: env.SITE_URL,
  send: async (email) => {
    if (!env.ALERT_EMAIL) throw new Error('Email sending is not set up: no ALERT_EMAIL binding')
    if (!email.from) throw new Error('Email sending is not set up: ALERT_FROM is empty')
    return env.ALERT_EMAIL.send(email)
  },
})

/** What each kind of submission is called in an alert. */
const KIND_TEXT: Record<SubmissionKind, string> = {
  enquiry: 'contact enquiry',
  application: 'job application',
  feedback: 'problem reported with a page',
}

/**
 * The alert email of a submission: its kind, its reference and a link to it in the staff area,
 * and nothing else. Email is neither private nor under the agency's control once sent, so no
 * answer, name or address of the sender is in it; staff sign in to read the submission.
 */
export const alertEmail = (
  alert: Pick<AlertRow, 'kind' | 'reference' | 'submissionId' | 'recipient'>,
  mailer: Pick<AlertMailer, 'from' | 'siteUrl'>,
): AlertEmail => {
  const kind = KIND_TEXT[alert.kind]
  const link = `${mailer.siteUrl.replace(/\/+$/, '')}/admin/submissions/${alert.submissionId}`
  return {
    from: mailer.from,
    to: alert.recipient,
    subject: `New ${kind} ${alert.reference}`,
    text: [
      `A new ${kind} came in through the SOCA website.`,
      '',
      `Reference: ${alert.reference}`,
      '',
      'Read it in the staff area (you will be asked to sign in):',
      link,
      '',
      'This email holds no personal details. Replies to it are not read.',
      '',
    ].join('\n'),
  }
}

/** Why an attempt failed, as staff see it: the error's message, short, no stack. */
const failureText = (err: unknown) => loggableError(err).message.slice(0, 300) || 'Unknown error'

/** What a delivery run did. */
export type DeliverySummary = {
  /** Alerts that were due. */
  due: number
  sent: number
  /** Failed this time, to be tried again later. */
  retrying: number
  /** Failed for the last time. */
  failed: number
  /** Claimed by another run at the same time. */
  skipped: number
}

/**
 * Sends the alerts that are due: claims each one (so that two runs at once never both send
 * it), sends it, then marks it sent, or records why not and when it is tried next, or, after
 * MAX_ATTEMPTS, that it failed. The claim already sets the next try, so an alert whose run
 * stops halfway is tried again too. Throws only if D1 does.
 */
export const deliverDueAlerts = async (db: Database, mailer: AlertMailer, now = new Date()) => {
  const due = await dueAlerts(db, now, RUN_LIMIT)
  const summary: DeliverySummary = { due: due.length, sent: 0, retrying: 0, failed: 0, skipped: 0 }
  for (const alert of due) {
    const attempt = alert.attempts + 1
    const delay = (RETRY_MINUTES[attempt - 1] ?? RETRY_MINUTES.at(-1)!) * MINUTE
    if (!(await claimAlert(db, alert, new Date(now.getTime() + delay)))) {
      summary.skipped++
      continue
    }
    try {
      await mailer.send(alertEmail(alert, mailer))
    } catch (err) {
      const gaveUp = attempt >= MAX_ATTEMPTS
      await markAlertNotSent(db, alert.id, failureText(err), gaveUp)
      summary[gaveUp ? 'failed' : 'retrying']++
      // The reference names the submission for whoever looks into it; it is not personal data.
      logError('alert-not-sent', undefined, err, {
        alertId: alert.id,
        reference: alert.reference,
        attempt,
        gaveUp,
      })
      continue
    }
    await markAlertSent(db, alert.id, new Date())
    summary.sent++
  }
  return summary
}

/**
 * Sends the due alerts and logs a one-line summary when there were any; never throws, so a
 * caller with other work (the every-minute run) carries on. Returns the summary, or undefined
 * when D1 failed.
 */
export const runAlertDelivery = async (db: Database, mailer: AlertMailer, now = new Date()) => {
  try {
    const summary = await deliverDueAlerts(db, mailer, now)
    if (summary.due > 0) console.log(JSON.stringify({ level: 'info', event: 'alerts', ...summary }))
    return summary
  } catch (err) {
    logError('alerts-failed', undefined, err)
    return undefined
  }
}

/**
 * Makes an alert that was not sent due at once, failed or still waiting for its next try, and
 * audits it. A failed alert gets one more attempt; if that fails too, it is failed again.
 */
export const retryAlert = async (
  db: Database,
  actor: Actor,
  id: number,
  now = new Date(),
): Promise<Result> => {
  if (!can(actor.role, 'submissions:read')) {
    return { ok: false, reason: 'forbidden', message: 'Your role does not allow this.' }
  }
  const alert = await alertById(db, id)
  if (!alert) return NOT_FOUND
  if (alert.status === 'sent') {
    return { ok: false, reason: 'conflict', message: 'This alert has been sent already.' }
  }
  await db.batch([
    retryAlertQuery(db, id, now),
    auditQuery(db, {
      actorId: actor.id,
      action: 'alert.retry',
      target: `submission:${alert.submissionId}`,
      detail: alert.reference,
    }),
  ])
  return { ok: true }
}
