import type { Context } from 'hono'
import { createDb } from '../db/client.ts'
import { type NewSubmission, insertSubmission, submissionContentQuery } from '../db/submissions.ts'
import type { AppEnv } from '../env.ts'
import { logError } from '../lib/log.ts'
import { TURNSTILE_FIELD, turnstileSiteKey, verifyTurnstile } from '../lib/turnstile.ts'
import { type FieldError, HONEYPOT_FIELD, readableOnly } from '../forms/fields.ts'

/** The visitor's answers as they are shown back in the form: unreadable characters removed. */
export const shownValues = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, readableOnly(v)]))

/** Whether a bot filled in the field people cannot see. */
export const filledHoneypot = (values: Record<string, string>) =>
  (values[HONEYPOT_FIELD] ?? '').trim() !== ''

/** The error for a failed Turnstile check, linking to the widget. */
export const TURNSTILE_ERROR: FieldError = {
  field: 'turnstile',
  message: 'Complete the security check to show you are not a robot',
}

/**
 * Runs the Turnstile check when Turnstile is on: 'passed' (or off), 'failed', or 'unavailable'
 * when Cloudflare did not answer.
 */
export const securityCheck = async (c: Context<AppEnv>, values: Record<string, string>) => {
  const secret = c.env.TURNSTILE_SECRET_KEY
  if (!turnstileSiteKey(c.env) || !secret) return 'passed'
  return verifyTurnstile(secret, values[TURNSTILE_FIELD], c.req.header('CF-Connecting-IP'))
}

/** Puts errors in the order the fields appear on the page. */
export const inPageOrder = (errors: FieldError[], order: readonly string[]) =>
  [...errors].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))

/** The staff Worker's internal route that sends due alerts, and the header it needs. */
const ALERTS_URL = 'https://admin.internal/__alerts/deliver'
const ALERTS_HEADERS = { 'X-Alert-Delivery': '1' }

/**
 * Stores a submission (and its email alert, in the same batch). When an alert is waiting, the
 * staff Worker, which alone can send email, is asked to send it after the response: the visitor
 * never waits for it, and a hand-off that fails is only logged, as the every-minute Cron
 * Trigger sends any alert still due (src/admin.tsx). Throws as `insertSubmission` does.
 */
export const storeSubmission = async (c: Context<AppEnv>, submission: NewSubmission) => {
  if (!(await insertSubmission(c.var.db, submission))) return
  try {
    c.executionCtx.waitUntil(
      Promise.resolve()
        .then(() => c.env.ADMIN.fetch(ALERTS_URL, { method: 'POST', headers: ALERTS_HEADERS }))
        .then((res) => {
          void res.body?.cancel()
          if (!res.ok) throw new Error(`The staff Worker answered ${res.status}`)
        })
        .catch((err: unknown) => logError('alert-hand-off-failed', c.var.requestId, err)),
    )
  } catch (err) {
    logError('alert-hand-off-failed', c.var.requestId, err)
  }
}

/** Logs a failed write without any of the visitor's answers. */
export const logStorageFailure = (c: Context<AppEnv>, event: string, err: unknown) =>
  logError(event, c.var.requestId, err)

/**
 * Whether D1 holds this very submission after a write that failed: the write may have been
 * stored with only its answer lost. Asked of the primary, as the request's session never saw
 * the write and a replica may not have it yet. A row under the same reference with other
 * answers is someone else's (a reference collision), so it does not count. False when D1
 * cannot say.
 */
export const wasStored = async (
  c: Context<AppEnv>,
  submission: Pick<NewSubmission, 'reference' | 'kind' | 'fields'>,
) => {
  try {
    const primary = createDb(c.env.DB.withSession('first-primary'))
    const [row] = await submissionContentQuery(primary, submission.reference)
    return (
      row?.kind === submission.kind &&
      JSON.stringify(row.fields) === JSON.stringify(submission.fields)
    )
  } catch {
    // Unknown counts as not stored: the form comes back and nothing half-stored is kept.
    return false
  }
}

/**
 * Finishes the response of a form page: one that came back with problems is the visitor's own
 * and never cached, and one whose answers could not be stored says when to try again.
 */
export const formPageHeaders = (res: Response, status: number, unavailable?: boolean) => {
  if (status !== 200) res.headers.set('Cache-Control', 'no-store')
  if (unavailable) res.headers.set('Retry-After', '60')
  return res
}
