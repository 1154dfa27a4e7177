// Every query parameter of the staff area's list pages, checked: a bad value is the asker's
// mistake (400 with a message, or 404 for a page that does not exist), never a 500.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_FORM_MAX_BYTES } from '../../src/http/admin-form.ts'
import { auditPage } from '../../src/db/audit.ts'
import { createDb } from '../../src/db/client.ts'
import { createStaff, signedIn } from '../admin-helpers.ts'
import { postForm, request, sameSiteHeaders } from '../helpers.ts'

type Browser = Awaited<ReturnType<typeof signedIn>>
let admin: Browser

beforeAll(async () => {
  admin = await signedIn(await createStaff({ email: 'admin@example.com', role: 'admin' }))
  await postForm('/contact', {
    topic: 'general',
    fullName: 'Alex Example',
    email: 'alex@example.com',
    message: 'Hello.',
  })
})

/** The page's status and the text of its body. */
const get = async (path: string) => {
  const res = await admin.get(path)
  return { status: res.status, html: await res.text() }
}

describe('the audit log page', () => {
  it.each([
    ['an action filter of 50 characters', `action=${'a'.repeat(50)}`, 400, '40 characters'],
    ['an action filter of 41 characters', `action=${'a'.repeat(41)}`, 400, '40 characters'],
    ['LIKE wildcards', 'action=%25%25_', 400, 'letters'],
    ['a person that is not a number', 'actor=abc', 400, 'person'],
    ['a person of zero', 'actor=0', 400, 'person'],
    ['a person past the safe integers', 'actor=99999999999999999999', 400, 'person'],
    ['a date that is not a date', 'from=yesterday', 400, 'YYYY-MM-DD'],
    ['the 30th of February', 'from=2025-02-30', 400, 'YYYY-MM-DD'],
    ['a 13th month', 'to=2025-13-01', 400, 'YYYY-MM-DD'],
    ['a from date after the to date', 'from=2025-03-02&to=2025-03-01', 400, 'before'],
    ['a page in exponent form', 'page=1e23', 400, 'page number'],
    ['a page of 10^23', `page=1${'0'.repeat(23)}`, 400, 'page number'],
    ['page zero', 'page=0', 400, 'page number'],
    ['a negative page', 'page=-1', 400, 'page number'],
    ['a fractional page', 'page=1.5', 400, 'page number'],
    ['a page past the last', 'page=2', 404, ''],
    ['a page past any possible offset', 'page=9007199254740991', 404, ''],
    ['a huge page within safe offsets', 'page=90071992547409', 404, ''],
  ])('answers %s (%s) with %i', async (_, query, status, message) => {
    const res = await get(`/admin/audit?${query}`)
    expect(res.status).toBe(status)
    expect(res.html).toContain(message)
  })

  it.each([
    ['no filters', ''],
    ['empty filters, as the form sends them', 'action=&actor=&from=&to='],
    ['an action of exactly 40 characters', `action=${'a'.repeat(40)}`],
    ['real dates', 'from=2024-02-29&to=2024-02-29'],
    ['the first page', 'page=1'],
  ])('answers %s (%s) with 200', async (_, query) => {
    expect((await get(`/admin/audit?${query}`)).status).toBe(200)
  })

  it('matches the action prefix literally in the query: % and _ are not wildcards', async () => {
    const db = createDb(env.DB)
    const total = async (action: string) => (await auditPage(db, { action }, 1, 10))[1][0]?.total
    expect(await total('sign-in')).toBeGreaterThan(0)
    expect(await total('%')).toBe(0)
    expect(await total('sign_in')).toBe(0)
    expect(await total('\\')).toBe(0)
  })

  it('still filters by the start of an action', async () => {
    const { html } = await get('/admin/audit?action=sign-in.pass')
    expect(html).toContain('sign-in.password-accepted')
    expect(html).not.toContain('>sign-in<')
  })
})

describe('the submissions inbox', () => {
  it.each([
    ['/admin/submissions?page=1e23', 400, 'page number'],
    [`/admin/submissions?page=1${'0'.repeat(23)}`, 400, 'page number'],
    ['/admin/submissions?page=0', 400, 'page number'],
    ['/admin/submissions?page=abc', 400, 'page number'],
    ['/admin/submissions?page=2', 404, ''],
    ['/admin/submissions?page=9007199254740991', 404, ''],
    ['/admin/submissions?kind=letter', 400, 'kind'],
    ['/admin/submissions?status=deleted', 400, 'status'],
    ['/admin/submissions/export.csv?kind=letter', 400, 'kind'],
    ['/admin/submissions/export.csv?status=__proto__', 400, 'status'],
    ['/admin/submissions?assigned=__proto__', 400, 'assigned'],
    ['/admin/submissions?assigned=Me', 400, 'assigned'],
  ])('answers %s with %i', async (path, status, message) => {
    const res = await get(path)
    expect(res.status).toBe(status)
    expect(res.html).toContain(message)
  })

  it.each([
    '/admin/submissions',
    '/admin/submissions?kind=&status=',
    '/admin/submissions?kind=enquiry&status=new&page=1',
    '/admin/submissions/export.csv?kind=&status=',
    '/admin/submissions?q=&kind=&status=&assigned=',
    '/admin/submissions?q=%00%25_%5C&assigned=nobody',
  ])('answers %s with 200', async (path) => {
    expect((await get(path)).status).toBe(200)
  })

  it.each(['constructor', 'toString', '__proto__', 'anything'])(
    'ignores a notice it does not know (done=%s)',
    async (done) => {
      const res = await get(`/admin/submissions?done=${done}`)
      expect(res.status).toBe(200)
      expect(res.html).not.toContain('govuk-notification-banner')
    },
  )
})

describe('GET /admin/pages/:id/compare', () => {
  it.each(['from=abc&to=1', 'from=1e3&to=1', 'to=2', 'from=-1&to=1'])(
    'answers 404, not 500, for revisions named %s',
    async (query) => {
      const page = await env.DB.prepare("SELECT id FROM pages WHERE path = '/about'").first()
      expect((await get(`/admin/pages/${page?.id}/compare?${query}`)).status).toBe(404)
    },
  )
})

describe('a staff form that is not a readable form', () => {
  it('answers 400, not 500, for a multipart part with no name', async () => {
    const body =
      '------fuzz\r\nContent-Disposition: form-data; name="email"\r\n\r\nsignin@example.com\r\n' +
      '------fuzz\r\nContent-Disposition: form-data; filename=""\r\n\r\n%PDF-1.7\r\n------fuzz--\r\n'
    const res = await request('/admin/sign-in', {
      method: 'POST',
      body,
      headers: {
        'Content-Type': 'multipart/form-data; boundary=----fuzz',
        ...sameSiteHeaders(),
      },
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('The form could not be read')
  })
})

describe('a staff form body over the limit', () => {
  it('is refused with 413 before it is read, even where no sign-in is needed', async () => {
    const res = await request('/admin/sign-in', {
      method: 'POST',
      body: `email=a%40example.com&password=${'x'.repeat(ADMIN_FORM_MAX_BYTES)}`,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...sameSiteHeaders() },
    })
    expect(res.status).toBe(413)
  })
})
