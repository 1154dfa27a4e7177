import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import adminWorker from '../../src/admin.tsx'
import { claimAlert } from '../../src/db/alerts.ts'
import { createDb } from '../../src/db/client.ts'
import type { SubmissionKind } from '../../src/db/schema.ts'
import { insertSubmission } from '../../src/db/submissions.ts'
import publicWorker from '../../src/index.tsx'
import {
  type AlertEmail,
  type AlertMailer,
  MAX_ATTEMPTS,
  alertEmail,
  alertMailer,
  deliverDueAlerts,
  retryAlert,
} from '../../src/jobs/alerts.ts'
import { newReference } from '../../src/lib/reference.ts'
import { auditEntries, createActor } from '../admin-helpers.ts'
import { faultyD1 } from '../faults/faults.ts'
import { ORIGIN, captureLogs, request, row, sameSiteHeaders } from '../helpers.ts'

const MINUTE = 60_000
const FROM = 'website-alerts@soca.example'
const TEAM = 'enquiries-team@soca.example'

/** A contact enquiry whose every answer is personal data the alert must not carry. */
const enquiry = {
  topic: 'media',
  fullName: 'Alexandra Quennell',
  email: 'alexandra.quennell@example.com',
  phone: '07700 900 982',
  message: 'My neighbour Brian Ostrowski is selling counterfeit medicine.',
}

/** Sets (or with '' clears) the address alerted to a kind of submission. */
const setAlertAddress = (kind: SubmissionKind, value: string) =>
  env.DB.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
    .bind(`alert_email_${kind}`, value)
    .run()

type AlertRecord = {
  id: number
  submission_id: number
  recipient: string
  status: string
  attempts: number
  next_attempt_at: number
  last_error: string
  sent_at: number | null
}

/** The alert of the submission with this reference, or null. */
const alertOf = (reference: string) =>
  row<AlertRecord>(
    'SELECT a.* FROM submission_alerts a JOIN submissions s ON s.id = a.submission_id WHERE s.reference = ?',
    reference,
  )

/** A fake Email Service binding: keeps each email it is given, or throws `failing`. */
const fakeMail = () => {
  const mail = {
    sent: [] as AlertEmail[],
    failing: undefined as Error | undefined,
    send: async (email: AlertEmail) => {
      if (mail.failing) throw mail.failing
      mail.sent.push(email)
      return { messageId: `<${mail.sent.length}@soca.example>` }
    },
  }
  return mail
}

/** The mailer the staff Worker makes of an environment holding the fake binding. */
const mailerOf = (mail: ReturnType<typeof fakeMail>): AlertMailer =>
  alertMailer({ ALERT_EMAIL: mail as unknown as SendEmail, ALERT_FROM: FROM, SITE_URL: ORIGIN })

/**
 * The site's two Workers wired as in production (as test/worker.ts does), the staff one with the
 * fake Email Service binding; `adminDown` makes the ADMIN service binding throw instead.
 */
const site = (mail: ReturnType<typeof fakeMail>, options: { adminDown?: boolean } = {}) => {
  const bindings = (ctx: ExecutionContext) => {
    const staffEnv = { ...env, ALERT_EMAIL: mail as unknown as SendEmail, ALERT_FROM: FROM }
    const admin = {
      fetch: options.adminDown
        ? () => {
            throw new Error('Network connection lost.')
          }
        : (input: RequestInfo, init?: RequestInit) =>
            adminWorker.fetch(new Request(input, init), staffEnv, ctx),
    } as unknown as Fetcher
    return { ...env, ADMIN: admin }
  }
  return {
    /** POSTs a form as a visitor, then waits for what the Worker does after answering. */
    post: async (path: string, fields: Record<string, string>) => {
      const ctx = createExecutionContext()
      const res = await publicWorker.fetch(
        new Request(new URL(path, ORIGIN), {
          method: 'POST',
          body: new URLSearchParams(fields),
          headers: sameSiteHeaders(),
          redirect: 'manual',
        }),
        bindings(ctx),
        ctx,
      )
      await waitOnExecutionContext(ctx)
      return res
    },
    /** Runs the every-minute Cron Trigger. */
    cron: async () => {
      const ctx = createExecutionContext()
      await publicWorker.scheduled(
        createScheduledController({ scheduledTime: Date.now(), cron: '* * * * *' }),
        bindings(ctx),
        ctx,
      )
      await waitOnExecutionContext(ctx)
    },
  }
}

/** Stores a submission as the forms do, returning its reference and whether an alert waits. */
const store = async (kind: SubmissionKind, status: 'new' | 'spam' = 'new') => {
  const reference = newReference()
  const queued = await insertSubmission(createDb(env.DB), {
    reference,
    kind,
    fields: { fullName: 'Pat Private', email: 'pat@example.com', message: 'Private' },
    status,
  })
  return { reference, queued }
}

/** Stands in for time passing: the alert is due for its next try now. */
const makeDue = (id: number) =>
  env.DB.prepare('UPDATE submission_alerts SET next_attempt_at = ? WHERE id = ?')
    .bind(Date.now() - 1000, id)
    .run()

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM submission_alerts').run()
  for (const kind of ['enquiry', 'application', 'feedback'] as const)
    await setAlertAddress(kind, '')
})
afterEach(() => vi.restoreAllMocks())

describe('storing a submission with its alert', () => {
  it('stores one pending alert for the kind’s address in the same D1 batch as the submission', async () => {
    await setAlertAddress('enquiry', TEAM)
    const trips: string[] = []
    const { db } = faultyD1((_, sql) => {
      trips.push(sql)
      return 'none'
    })
    const reference = newReference()
    const before = Date.now()
    const queued = await insertSubmission(createDb(db), {
      reference,
      kind: 'enquiry',
      fields: enquiry,
      status: 'new',
    })
    expect(queued).toBe(true)
    // One round trip: the submission's insert and the alert's, together or not at all.
    expect(trips).toHaveLength(1)
    expect(trips[0]).toMatch(/insert into "submissions"[^;]*;\ninsert into "submission_alerts"/i)
    const alert = await alertOf(reference)
    expect(alert).toMatchObject({
      recipient: TEAM,
      status: 'pending',
      attempts: 0,
      last_error: '',
      sent_at: null,
    })
    expect(alert!.next_attempt_at).toBeGreaterThanOrEqual(before)
    expect(alert!.next_attempt_at).toBeLessThanOrEqual(Date.now())
    const count = await row<{ n: number }>('SELECT count(*) AS n FROM submission_alerts')
    expect(count!.n).toBe(1)
  })

  it('stores no alert when no address is set for the kind, nor for spam', async () => {
    await setAlertAddress('application', TEAM)
    const unset = await store('enquiry')
    await setAlertAddress('enquiry', TEAM)
    const spam = await store('enquiry', 'spam')
    expect(unset.queued).toBe(false)
    expect(spam.queued).toBe(false)
    expect(
      await row(
        'SELECT count(*) AS n FROM submissions WHERE reference IN (?, ?)',
        unset.reference,
        spam.reference,
      ),
    ).toEqual({ n: 2 })
    expect(await row('SELECT count(*) AS n FROM submission_alerts')).toEqual({ n: 0 })
  })

  it('deletes the alert with its submission (inbox delete, retention job)', async () => {
    await setAlertAddress('enquiry', TEAM)
    const { reference } = await store('enquiry')
    expect(await alertOf(reference)).not.toBeNull()
    await env.DB.prepare('DELETE FROM submissions WHERE reference = ?').bind(reference).run()
    expect(await row('SELECT count(*) AS n FROM submission_alerts')).toEqual({ n: 0 })
  })

  it('alerts each kind’s own address', async () => {
    const addresses = {
      enquiry: 'enquiries@soca.example',
      application: 'recruitment@soca.example',
      feedback: 'web-team@soca.example',
    } as const
    for (const [kind, address] of Object.entries(addresses)) {
      await setAlertAddress(kind as SubmissionKind, address)
    }
    for (const kind of Object.keys(addresses) as SubmissionKind[]) {
      const { reference, queued } = await store(kind)
      expect(queued).toBe(true)
      expect((await alertOf(reference))!.recipient).toBe(addresses[kind])
    }
  })
})

describe('POST /contact with an alert address set', () => {
  beforeEach(() => setAlertAddress('enquiry', TEAM))

  it('emails the address after answering: the kind, the reference and a link, no personal data', async () => {
    const logs = captureLogs()
    const mail = fakeMail()
    const res = await site(mail).post('/contact', enquiry)
    expect(res.status).toBe(303)
    const reference = res.headers.get('Location')!.split('reference=')[1]!
    const alert = await alertOf(reference)
    expect(mail.sent).toEqual([
      {
        from: FROM,
        to: TEAM,
        subject: `New contact enquiry ${reference}`,
        text: expect.stringContaining(`${ORIGIN}/admin/submissions/${alert!.submission_id}\n`),
      },
    ])
    expect(mail.sent[0]!.text).toContain(`Reference: ${reference}`)
    const message = JSON.stringify(mail.sent)
    for (const answer of Object.values(enquiry).filter((v) => v !== 'media')) {
      expect(message).not.toContain(answer)
    }
    for (const word of ['Alexandra', 'Quennell', 'Brian', 'Ostrowski', '07700', 'media']) {
      expect(message).not.toContain(word)
    }
    expect(alert).toMatchObject({ status: 'sent', attempts: 1, last_error: '' })
    expect(alert!.sent_at).toBeGreaterThan(0)
    expect(logs).toEqual([
      { level: 'info', event: 'alerts', due: 1, sent: 1, retrying: 0, failed: 0, skipped: 0 },
    ])
  })

  it('keeps the enquiry and confirms it when the send fails; the alert waits and the cron retries it', async () => {
    const logs = captureLogs()
    const mail = fakeMail()
    mail.failing = new Error('Email Service: too many requests')
    const res = await site(mail).post('/contact', enquiry)
    expect(res.status).toBe(303)
    const location = res.headers.get('Location')!
    expect(location).toMatch(/^\/contact\/sent\?reference=/)
    const reference = location.split('reference=')[1]!
    const confirmation = await request(location)
    expect(confirmation.status).toBe(200)
    expect(await confirmation.text()).toContain(reference)
    const stored = await row<{ fields: string }>(
      'SELECT fields FROM submissions WHERE reference = ?',
      reference,
    )
    expect(JSON.parse(stored!.fields)).toEqual(enquiry)

    const waiting = await alertOf(reference)
    expect(waiting).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'Email Service: too many requests',
      sent_at: null,
    })
    expect(waiting!.next_attempt_at).toBeGreaterThan(Date.now() + 0.5 * MINUTE)
    expect(waiting!.next_attempt_at).toBeLessThanOrEqual(Date.now() + MINUTE)
    expect(mail.sent).toEqual([])
    const failure = logs.find((l) => l.event === 'alert-not-sent')
    expect(failure).toMatchObject({ level: 'error', reference, attempt: 1, gaveUp: false })
    expect(JSON.stringify(logs)).not.toMatch(/Alexandra|Quennell|Brian|07700/)

    // The every-minute run before the next try leaves it alone; the one after sends it.
    mail.failing = undefined
    await site(mail).cron()
    expect(mail.sent).toEqual([])
    expect((await alertOf(reference))!.status).toBe('pending')
    await makeDue(waiting!.id)
    await site(mail).cron()
    expect(mail.sent.map((m) => m.subject)).toEqual([`New contact enquiry ${reference}`])
    expect(await alertOf(reference)).toMatchObject({ status: 'sent', attempts: 2, last_error: '' })
    expect(logs).toContainEqual(
      expect.objectContaining({ event: 'alerts', due: 1, sent: 1, retrying: 0, failed: 0 }),
    )
  })

  it('keeps the enquiry when the hand-off to the staff Worker fails, and the cron sends the alert', async () => {
    const logs = captureLogs()
    const mail = fakeMail()
    const res = await site(mail, { adminDown: true }).post('/contact', enquiry)
    expect(res.status).toBe(303)
    const reference = res.headers.get('Location')!.split('reference=')[1]!
    expect(await row('SELECT kind FROM submissions WHERE reference = ?', reference)).toEqual({
      kind: 'enquiry',
    })
    expect(await alertOf(reference)).toMatchObject({ status: 'pending', attempts: 0 })
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'error', event: 'alert-hand-off-failed' }),
    )
    expect(JSON.stringify(logs)).not.toMatch(/Alexandra|Quennell|Brian|07700/)

    await site(mail).cron()
    expect(mail.sent.map((m) => m.to)).toEqual([TEAM])
    expect((await alertOf(reference))!.status).toBe('sent')
  })

  it('hands nothing to the staff Worker when no address is set', async () => {
    await setAlertAddress('enquiry', '')
    const mail = fakeMail()
    const logs = captureLogs()
    // The staff Worker is down: a hand-off would be logged as failed.
    const res = await site(mail, { adminDown: true }).post('/contact', enquiry)
    expect(res.status).toBe(303)
    expect(logs).toEqual([])
    expect(await row('SELECT count(*) AS n FROM submission_alerts')).toEqual({ n: 0 })
  })
})

describe('deliverDueAlerts', () => {
  it('tries again less often each time, then marks the alert failed after the last attempt', async () => {
    captureLogs()
    await setAlertAddress('feedback', TEAM)
    const { reference } = await store('feedback')
    const db = createDb(env.DB)
    const mail = fakeMail()
    mail.failing = new Error('Recipient address rejected')
    let now = new Date()
    const delays: number[] = []
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const summary = await deliverDueAlerts(db, mailerOf(mail), now)
      expect(summary.due).toBe(1)
      const alert = (await alertOf(reference))!
      expect(alert.attempts).toBe(attempt)
      expect(alert.last_error).toBe('Recipient address rejected')
      if (attempt < MAX_ATTEMPTS) {
        expect(summary.retrying).toBe(1)
        expect(alert.status).toBe('pending')
        delays.push((alert.next_attempt_at - now.getTime()) / MINUTE)
        // Just before the next try, nothing is due.
        expect(
          (await deliverDueAlerts(db, mailerOf(mail), new Date(alert.next_attempt_at - 1))).due,
        ).toBe(0)
        now = new Date(alert.next_attempt_at)
      } else {
        expect(summary.failed).toBe(1)
        expect(alert.status).toBe('failed')
      }
    }
    expect(delays).toEqual([1, 2, 5, 10, 30, 60, 120])
    expect(MAX_ATTEMPTS).toBe(8)
    // Failed is final: no run tries it again, however late.
    const later = await deliverDueAlerts(db, mailerOf(mail), new Date(now.getTime() + 86_400_000))
    expect(later.due).toBe(0)
    expect(mail.sent).toEqual([])
  })

  it('sends an alert once when two runs overlap', async () => {
    await setAlertAddress('enquiry', TEAM)
    const { reference } = await store('enquiry')
    const db = createDb(env.DB)
    const mail = fakeMail()
    const [first, second] = await Promise.all([
      deliverDueAlerts(db, mailerOf(mail)),
      deliverDueAlerts(db, mailerOf(mail)),
    ])
    expect(mail.sent).toHaveLength(1)
    expect(first.sent + second.sent).toBe(1)
    expect(await alertOf(reference)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('lets only the first of two runs that saw the same alert claim it', async () => {
    await setAlertAddress('enquiry', TEAM)
    const { reference } = await store('enquiry')
    const { id, attempts } = (await alertOf(reference))!
    const db = createDb(env.DB)
    const retryAt = new Date(Date.now() + MINUTE)
    expect(await claimAlert(db, { id, attempts }, retryAt)).toBe(true)
    expect(await claimAlert(db, { id, attempts }, retryAt)).toBe(false)
    expect((await alertOf(reference))!.attempts).toBe(1)
  })

  it('records why when the staff Worker has no Email Service binding or sender address', async () => {
    captureLogs()
    await setAlertAddress('enquiry', TEAM)
    const { reference } = await store('enquiry')
    const db = createDb(env.DB)
    await deliverDueAlerts(db, alertMailer({ SITE_URL: ORIGIN, ALERT_FROM: FROM }))
    expect((await alertOf(reference))!.last_error).toBe(
      'Email sending is not set up: no ALERT_EMAIL binding',
    )
    const mail = fakeMail()
    const { id } = (await alertOf(reference))!
    await makeDue(id)
    await deliverDueAlerts(
      db,
      alertMailer({ SITE_URL: ORIGIN, ALERT_EMAIL: mail as unknown as SendEmail }),
    )
    expect((await alertOf(reference))!.last_error).toBe(
      'Email sending is not set up: ALERT_FROM is empty',
    )
    expect(mail.sent).toEqual([])
  })
})

describe('retryAlert', () => {
  it('makes a failed alert due again, audited, and the next run sends it', async () => {
    await setAlertAddress('application', TEAM)
    const { reference } = await store('application')
    const alert = (await alertOf(reference))!
    await env.DB.prepare(
      "UPDATE submission_alerts SET status = 'failed', attempts = 8, last_error = 'Timed out', next_attempt_at = ? WHERE id = ?",
    )
      .bind(Date.now() + 86_400_000, alert.id)
      .run()
    const actor = await createActor('retry-editor@example.com', 'editor')
    const db = createDb(env.DB)
    expect(await retryAlert(db, actor, alert.id)).toEqual({ ok: true })
    expect(await alertOf(reference)).toMatchObject({ status: 'pending', attempts: 8 })
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: actor.id,
      action: 'alert.retry',
      target: `submission:${alert.submission_id}`,
      detail: reference,
    })
    const mail = fakeMail()
    expect((await deliverDueAlerts(db, mailerOf(mail))).sent).toBe(1)
    expect(mail.sent.map((m) => m.subject)).toEqual([`New job application ${reference}`])
    expect(await alertOf(reference)).toMatchObject({ status: 'sent', attempts: 9 })
  })

  it('gives a failed alert one more attempt only', async () => {
    captureLogs()
    await setAlertAddress('application', TEAM)
    const { reference } = await store('application')
    const alert = (await alertOf(reference))!
    await env.DB.prepare(
      "UPDATE submission_alerts SET status = 'failed', attempts = 8 WHERE id = ?",
    )
      .bind(alert.id)
      .run()
    const actor = await createActor('retry-again@example.com', 'editor')
    const db = createDb(env.DB)
    await retryAlert(db, actor, alert.id)
    const mail = fakeMail()
    mail.failing = new Error('Still failing')
    expect((await deliverDueAlerts(db, mailerOf(mail))).failed).toBe(1)
    expect(await alertOf(reference)).toMatchObject({
      status: 'failed',
      attempts: 9,
      last_error: 'Still failing',
    })
  })

  it('refuses an alert that was sent, and one that does not exist', async () => {
    await setAlertAddress('enquiry', TEAM)
    const { reference } = await store('enquiry')
    const db = createDb(env.DB)
    await deliverDueAlerts(db, mailerOf(fakeMail()))
    const { id } = (await alertOf(reference))!
    const actor = await createActor('retry-refused@example.com', 'editor')
    expect(await retryAlert(db, actor, id)).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await retryAlert(db, actor, id + 1000)).toEqual({ ok: false, reason: 'not-found' })
  })
})

describe('alertEmail', () => {
  it('names each kind, and links to the submission whatever SITE_URL ends with', () => {
    const email = alertEmail(
      { kind: 'feedback', reference: 'SOCA-7K3F-Q9PX', submissionId: 42, recipient: TEAM },
      { from: FROM, siteUrl: 'https://www.soca.example/' },
    )
    expect(email.subject).toBe('New problem reported with a page SOCA-7K3F-Q9PX')
    expect(email.text).toContain('\nhttps://www.soca.example/admin/submissions/42\n')
    expect(email.text).toContain('no personal details')
  })
})
