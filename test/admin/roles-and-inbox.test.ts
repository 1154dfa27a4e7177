import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEntries, client, createStaff, csrfFrom, signedIn } from '../admin-helpers.ts'
import {
  insertVacancy,
  isoDay,
  pdfFile,
  postForm,
  postMultipart,
  storedSubmissions,
  validApplication,
} from '../helpers.ts'

type Browser = Awaited<ReturnType<typeof signedIn>>
const as: Record<'editor' | 'publisher' | 'admin', Browser> = {} as never
const ids: Record<string, number> = {}

beforeAll(async () => {
  for (const role of ['editor', 'publisher', 'admin'] as const) {
    const member = await createStaff({ email: `${role}@example.com`, role })
    ids[role] = member.id
    as[role] = await signedIn(member)
  }
  await insertVacancy('analyst', 'Analyst', isoDay(10))
  await postForm('/contact', {
    topic: 'general',
    fullName: '=HYPERLINK("http://evil.example")',
    email: 'alex@example.com',
    message: '+SUM(A1)',
  })
  await postMultipart('/careers/vacancies/analyst/apply', validApplication, {
    cv: pdfFile('my cv.pdf'),
  })
})

describe('roles, enforced on the server', () => {
  it.each([
    ['editor', '/admin/audit', 403],
    ['editor', '/admin/staff', 403],
    ['publisher', '/admin/audit', 403],
    ['publisher', '/admin/staff', 403],
    ['admin', '/admin/audit', 200],
    ['admin', '/admin/staff', 200],
    ['editor', '/admin/pages', 200],
    ['editor', '/admin/submissions', 200],
  ] as const)('%s GET %s answers %i', async (role, path, status) => {
    expect((await as[role].get(path)).status).toBe(status)
  })

  it('shows each role only what it can do', async () => {
    const nav = async (role: keyof typeof as) =>
      (await (await as[role].get('/admin')).text()).match(
        /<nav aria-label="Staff menu"[\s\S]*?<\/nav>/,
      )![0]
    expect(await nav('editor')).not.toContain('/admin/audit')
    expect(await nav('editor')).not.toContain('/admin/staff')
    expect(await nav('admin')).toContain('/admin/audit')
    expect(await nav('admin')).toContain('/admin/staff')
  })

  it('marks the current section of the staff menu for screen readers', async () => {
    const list = await (await as.editor.get('/admin/pages')).text()
    expect(list).toContain('href="/admin/pages" aria-current="page"')
    const item = await (await as.editor.get('/admin/news/1')).text()
    expect(item).toContain('href="/admin/news" aria-current="true"')
    expect(item.match(/aria-current=/g)).toHaveLength(1)
  })

  it('lets only an admin add staff, and audits the refusal', async () => {
    const res = await as.publisher.post('/admin/staff', {
      csrf: csrfFrom(await (await as.publisher.get('/admin')).text()),
      name: 'X',
      email: 'x@example.com',
      role: 'admin',
    })
    expect(res.status).toBe(403)
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: ids.publisher,
      action: 'refused',
      detail: 'needs staff:manage',
    })

    const added = await as.admin.submit(
      '/admin/staff',
      { name: 'Nia New', email: 'nia@example.com', role: 'editor' },
      '/admin/staff',
    )
    expect(added.status).toBe(200)
    const html = await added.text()
    const password = html.match(/<strong>([a-z2-7-]{29})<\/strong>/)![1]
    expect(password).toBeDefined()
    const row = await env.DB.prepare(
      "SELECT role, password_hash, totp_secret FROM staff WHERE email = 'nia@example.com'",
    ).first<{ role: string; password_hash: string; totp_secret: string | null }>()
    expect(row).toMatchObject({ role: 'editor', totp_secret: null })
    expect(row!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  })

  it('lets an admin change a role, effective on the next request', async () => {
    const member = await createStaff({ email: 'promoted@example.com', role: 'editor' })
    const theirs = await signedIn(member)
    expect((await theirs.get('/admin/staff')).status).toBe(403)
    await as.admin.submit(`/admin/staff/${member.id}/role`, { role: 'admin' }, '/admin/staff')
    expect((await theirs.get('/admin/staff')).status).toBe(200)
  })

  it('lets only publishers delete submissions', async () => {
    const [first] = await storedSubmissions()
    expect(
      (
        await as.editor.submit(
          `/admin/submissions/${first!.id}/delete`,
          {},
          `/admin/submissions/${first!.id}`,
        )
      ).status,
    ).toBe(403)
    expect(await storedSubmissions()).toHaveLength(2)
  })
})

describe('the submissions inbox', () => {
  it('lists enquiries and applications, filtered by kind and status, and audits the view', async () => {
    const all = await (await as.editor.get('/admin/submissions')).text()
    expect(all).toContain('2 submissions')
    const applications = await (await as.editor.get('/admin/submissions?kind=application')).text()
    expect(applications).toContain('1 submission<')
    expect(applications).toContain('Application: Analyst')
    expect(await (await as.editor.get('/admin/submissions?status=handled')).text()).toContain(
      '0 submissions',
    )
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'submissions.list',
      detail: '?status=handled',
    })
  })

  it('opens one, audited, and marks it handled', async () => {
    const enquiry = (await storedSubmissions()).find((s) => s.kind === 'enquiry')!
    const page = await (await as.editor.get(`/admin/submissions/${enquiry.id}`)).text()
    expect(page).toContain('alex@example.com')
    expect(page).toContain('=HYPERLINK(&quot;http://evil.example&quot;)')
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: ids.editor,
      action: 'submission.view',
      detail: enquiry.reference,
    })
    const res = await as.editor.submit(
      `/admin/submissions/${enquiry.id}/status`,
      { status: 'handled' },
      `/admin/submissions/${enquiry.id}`,
    )
    expect(res.status).toBe(303)
    expect((await storedSubmissions()).find((s) => s.id === enquiry.id)!.status).toBe('handled')
    expect((await auditEntries()).at(-1)).toMatchObject({ action: 'submission.mark-handled' })
  })

  it('downloads a CV only as an attachment, to staff only', async () => {
    const application = (await storedSubmissions()).find((s) => s.kind === 'application')!
    const res = await as.editor.get(`/admin/submissions/${application.id}/cv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Disposition')).toBe(
      `attachment; filename="${application.reference}-cv.pdf"`,
    )
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5))).toBe('%PDF-')
    expect((await auditEntries()).at(-1)).toMatchObject({ action: 'submission.cv-download' })
    const anonymous = await client().get(`/admin/submissions/${application.id}/cv`)
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('Location')).toBe('/admin/sign-in')
  })

  it('exports CSV that a spreadsheet will not run as formulas', async () => {
    const res = await as.editor.get('/admin/submissions/export.csv')
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="submissions-\d{4}-\d{2}-\d{2}\.csv"$/,
    )
    const csv = await res.text()
    const lines = csv.trimEnd().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
    expect(csv).toContain(`"'+SUM(A1)"`)
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m)
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'submissions.export',
      detail: '2 rows ',
    })
  })

  it('deletes a submission with its CV, audited', async () => {
    const application = (await storedSubmissions()).find((s) => s.kind === 'application')!
    const res = await as.publisher.submit(
      `/admin/submissions/${application.id}/delete`,
      {},
      `/admin/submissions/${application.id}`,
    )
    expect(res.status).toBe(303)
    expect((await storedSubmissions()).map((s) => s.id)).not.toContain(application.id)
    expect(await env.CV_BUCKET.get(application.cv_key!)).toBeNull()
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: ids.publisher,
      action: 'submission.delete',
      detail: application.reference,
    })
  })
})

describe('the audit log page', () => {
  it('lists entries newest first, filterable by action and person', async () => {
    const html = await (
      await as.admin.get(`/admin/audit?action=submission.&actor=${ids.editor}`)
    ).text()
    expect(html).toContain('submission.view')
    expect(html).not.toContain('sign-in.password-accepted')
    expect(html).not.toContain('submission.delete')
    expect(html.indexOf('submission.mark-handled')).toBeLessThan(html.indexOf('submission.view'))
  })
})
