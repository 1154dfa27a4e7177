import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import adminWorker from '../../src/admin.tsx'
import { createDb } from '../../src/db/client.ts'
import type { SubmissionKind } from '../../src/db/schema.ts'
import { insertSubmission } from '../../src/db/submissions.ts'
import publicWorker from '../../src/index.tsx'
import type { AlertEmail } from '../../src/jobs/alerts.ts'
import { newReference } from '../../src/lib/reference.ts'
import {
  type StaffBrowser,
  auditEntries,
  createStaff,
  csrfFrom,
  editorAndPublisher,
  signedIn,
} from '../admin-helpers.ts'
import {
  ORIGIN,
  captureLogs,
  newClientIp,
  request,
  row,
  sameSiteHeaders,
  summaryErrors,
} from '../helpers.ts'

const TEAM = 'enquiries-team@soca.example'

let admin: StaffBrowser
let editor: StaffBrowser
let publisher: StaffBrowser

beforeAll(async () => {
  const staff = await editorAndPublisher()
  editor = staff.editor
  publisher = staff.publisher
  admin = await signedIn(await createStaff({ email: 'ada@example.com', role: 'admin' }))
})
beforeEach(() => env.DB.prepare('DELETE FROM submission_alerts').run())
afterEach(() => vi.restoreAllMocks())

/** The stored alert settings, by key. */
const alertSettings = async () =>
  Object.fromEntries(
    (
      await env.DB.prepare(
        "SELECT key, value FROM settings WHERE key LIKE 'alert_email_%' ORDER BY key",
      ).all<{ key: string; value: string }>()
    ).results.map((r) => [r.key, r.value]),
  )

/** Stores a submission of a kind whose alert goes to TEAM; returns its reference and alert id. */
const submissionWithAlert = async (kind: SubmissionKind = 'enquiry') => {
  await env.DB.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
    .bind(`alert_email_${kind}`, TEAM)
    .run()
  const reference = newReference()
  await insertSubmission(createDb(env.DB), {
    reference,
    kind,
    fields: { fullName: 'Pat Private', email: 'pat.private@example.com', message: 'Secret' },
    status: 'new',
  })
  const alert = await row<{ id: number; submission_id: number }>(
    'SELECT a.id, a.submission_id FROM submission_alerts a JOIN submissions s ON s.id = a.submission_id WHERE s.reference = ?',
    reference,
  )
  return { reference, id: alert!.id, submissionId: alert!.submission_id }
}

/** Sets an alert's state as a run of the delivery job would have left it. */
const setAlert = (id: number, state: string, ...values: unknown[]) =>
  env.DB.prepare(`UPDATE submission_alerts SET ${state} WHERE id = ?`)
    .bind(...values, id)
    .run()

/** An alert's stored state. */
const alertState = (id: number) =>
  row<{ status: string; attempts: number; last_error: string }>(
    'SELECT status, attempts, last_error FROM submission_alerts WHERE id = ?',
    id,
  )

describe('Site settings: email alerts', () => {
  it('lets an admin set an address for each kind, audited, and shows them again', async () => {
    const page = await (await admin.get('/admin/settings')).text()
    for (const field of ['alertEnquiry', 'alertApplication', 'alertFeedback']) {
      expect(page).toContain(`name="${field}" type="email"`)
    }
    const res = await admin.submit(
      '/admin/settings/alerts',
      {
        alertEnquiry: ` ${TEAM} `,
        alertApplication: 'recruitment@soca.example',
        alertFeedback: '',
      },
      '/admin/settings',
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin/settings?done=alerts')
    expect(await alertSettings()).toEqual({
      alert_email_application: 'recruitment@soca.example',
      alert_email_enquiry: TEAM,
      alert_email_feedback: '',
    })
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'settings.alert-emails',
      detail: `enquiry: ${TEAM}; application: recruitment@soca.example; feedback: none`,
    })
    const saved = await (await admin.get('/admin/settings?done=alerts')).text()
    expect(saved).toContain('Email alerts saved.')
    expect(saved).toContain(`value="${TEAM}"`)
    expect(saved).toContain('value="recruitment@soca.example"')
  })

  it('shows GOV.UK errors and keeps what was typed when an address is not one', async () => {
    const before = await alertSettings()
    const res = await admin.submit(
      '/admin/settings/alerts',
      {
        alertEnquiry: 'team-at-soca',
        alertApplication: 'jobs@soca.example',
        alertFeedback: 'web@soca.example\r\nBcc: someone@example.com',
      },
      '/admin/settings',
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<title>Error: Site settings')
    expect(summaryErrors(html)).toEqual([
      {
        field: 'alertEnquiry',
        message:
          'Enter the email address for contact enquiry alerts in the correct format, like name@example.com',
      },
      {
        field: 'alertFeedback',
        message:
          'Enter the email address for page feedback alerts in the correct format, like name@example.com',
      },
    ])
    expect(html).toContain('id="alertEnquiry-error"')
    expect(html).toContain('value="team-at-soca"')
    expect(html).toContain('value="jobs@soca.example"')
    expect(await alertSettings()).toEqual(before)
  })

  it('shows publishers and editors the addresses but lets only admins change them', async () => {
    await admin.submit('/admin/settings/alerts', { alertEnquiry: TEAM }, '/admin/settings')
    const before = await alertSettings()
    for (const member of [publisher, editor]) {
      const page = await (await member.get('/admin/settings')).text()
      expect(page).not.toContain('action="/admin/settings/alerts"')
      expect(page).toContain(TEAM)
      expect(page).toContain('Only admins can change email alerts.')
      const res = await member.submit(
        '/admin/settings/alerts',
        { alertEnquiry: 'other@soca.example' },
        '/admin/settings',
      )
      expect(res.status).toBe(403)
    }
    expect(await alertSettings()).toEqual(before)
  })
})

describe('GET /admin/alerts', () => {
  it('lists alerts not sent with their state and error, and those sent lately', async () => {
    const failed = await submissionWithAlert('application')
    await setAlert(failed.id, "status = 'failed', attempts = 8, last_error = 'Mailbox unavailable'")
    const waiting = await submissionWithAlert('feedback')
    await setAlert(
      waiting.id,
      "attempts = 2, last_error = 'Rate limited', next_attempt_at = ?",
      Date.UTC(2030, 5, 1, 9, 30),
    )
    const sent = await submissionWithAlert('enquiry')
    await setAlert(sent.id, "status = 'sent', attempts = 1, sent_at = ?", Date.now())

    const res = await editor.get('/admin/alerts')
    expect(res.status).toBe(200)
    const html = await res.text()
    const notSent = html.slice(html.indexOf('Not sent'), html.indexOf('Recently sent'))
    // Failed first, then waiting.
    expect(notSent.indexOf(failed.reference)).toBeLessThan(notSent.indexOf(waiting.reference))
    expect(notSent).toContain('govuk-tag--red">Failed')
    expect(notSent).toContain('Mailbox unavailable')
    expect(notSent).toContain('8, no more will be made')
    expect(notSent).toContain('govuk-tag--blue">Waiting')
    expect(notSent).toContain('Rate limited')
    expect(notSent).toContain('2 of 8')
    expect(notSent).toContain('1 June 2030 at 10:30 am BST or soon after')
    expect(notSent).toContain(`action="/admin/alerts/${failed.id}/retry"`)
    expect(notSent).toContain(`action="/admin/alerts/${waiting.id}/retry"`)
    expect(notSent).toContain(`href="/admin/submissions/${failed.submissionId}"`)
    expect(notSent).not.toContain(sent.reference)
    const recent = html.slice(html.indexOf('Recently sent'))
    expect(recent).toContain(sent.reference)
    expect(recent).not.toContain('retry')
    // No personal data of the submissions.
    expect(html).not.toMatch(/Pat Private|pat\.private|Secret/)
  })

  it('is linked from the dashboard and the settings page', async () => {
    expect(await (await editor.get('/admin')).text()).toContain('href="/admin/alerts"')
    expect(await (await editor.get('/admin/settings')).text()).toContain('href="/admin/alerts"')
  })

  it('says so when every alert was sent', async () => {
    const html = await (await editor.get('/admin/alerts')).text()
    expect(html).toContain('Every alert has been sent.')
    expect(html).toContain('No alerts have been sent yet.')
  })
})

describe('POST /admin/alerts/:id/retry (Try again now)', () => {
  /** Sends the member's POST through the two Workers, the staff one with a fake Email Service. */
  const postWithMail = async (member: StaffBrowser, path: string, sent: AlertEmail[]) => {
    const csrf = csrfFrom(await (await member.get('/admin/alerts')).text())
    const ctx = createExecutionContext()
    const staffEnv = {
      ...env,
      ALERT_FROM: 'website-alerts@soca.example',
      ALERT_EMAIL: { send: async (email: AlertEmail) => sent.push(email) } as unknown as SendEmail,
    }
    const adminBinding = {
      fetch: (input: RequestInfo, init?: RequestInit) =>
        adminWorker.fetch(new Request(input, init), staffEnv, ctx),
    } as unknown as Fetcher
    const res = await publicWorker.fetch(
      new Request(new URL(path, ORIGIN), {
        method: 'POST',
        body: new URLSearchParams({ csrf }),
        headers: { ...sameSiteHeaders(newClientIp()), Cookie: member.cookie! },
        redirect: 'manual',
      }),
      { ...env, ADMIN: adminBinding },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    return res
  }

  it('sends a failed alert at once and says so', async () => {
    captureLogs()
    const { id, reference } = await submissionWithAlert()
    await setAlert(id, "status = 'failed', attempts = 8, last_error = 'Timed out'")
    const sent: AlertEmail[] = []
    const res = await postWithMail(editor, `/admin/alerts/${id}/retry`, sent)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin/alerts?done=sent')
    expect(sent.map((m) => [m.to, m.subject])).toEqual([[TEAM, `New contact enquiry ${reference}`]])
    expect(await alertState(id)).toEqual({ status: 'sent', attempts: 9, last_error: '' })
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'alert.retry',
      detail: reference,
    })
    expect(await (await editor.get('/admin/alerts?done=sent')).text()).toContain('Alert sent.')
  })

  it('shows the new error when it fails again', async () => {
    const logs = captureLogs()
    const { id, reference } = await submissionWithAlert()
    await setAlert(id, "status = 'failed', attempts = 8, last_error = 'Timed out'")
    // The test Worker has no Email Service binding, so the attempt fails with that reason.
    const res = await editor.submit(`/admin/alerts/${id}/retry`, {}, '/admin/alerts')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin/alerts?done=not-sent')
    expect(await alertState(id)).toEqual({
      status: 'failed',
      attempts: 9,
      last_error: 'Email sending is not set up: no ALERT_EMAIL binding',
    })
    const html = await (await editor.get('/admin/alerts?done=not-sent')).text()
    expect(html).toContain('Tried again, and the alert could not be sent.')
    expect(html).toContain('Email sending is not set up: no ALERT_EMAIL binding')
    expect(logs).toContainEqual(
      expect.objectContaining({ event: 'alert-not-sent', reference, gaveUp: true }),
    )
  })

  it('refuses a request without the CSRF token, a sent alert and an unknown one', async () => {
    const { id } = await submissionWithAlert()
    await setAlert(id, "status = 'failed', attempts = 8")
    expect((await editor.post(`/admin/alerts/${id}/retry`, {})).status).toBe(403)
    expect(await alertState(id)).toMatchObject({ status: 'failed', attempts: 8 })
    await setAlert(id, "status = 'sent'")
    expect((await editor.submit(`/admin/alerts/${id}/retry`, {}, '/admin/alerts')).status).toBe(409)
    expect(
      (await editor.submit(`/admin/alerts/${id + 1000}/retry`, {}, '/admin/alerts')).status,
    ).toBe(404)
  })
})

describe('the internal delivery route', () => {
  it('cannot be reached from the internet, nor without its header', async () => {
    const res = await request('/__alerts/deliver', {
      method: 'POST',
      headers: { ...sameSiteHeaders(), 'X-Alert-Delivery': '1' },
    })
    expect(res.status).toBe(404)
    const ctx = createExecutionContext()
    const bare = await adminWorker.fetch(
      new Request('https://admin.internal/__alerts/deliver', { method: 'POST' }),
      env,
      ctx,
    )
    expect(bare.status).toBe(404)
  })
})
