import { describe, expect, it } from 'vitest'
import { scriptHref } from '../../src/generated/assets.ts'
import {
  countOf,
  getPage,
  newClientIp,
  postForm,
  request,
  sameSiteHeaders,
  storedSubmissions,
  summaryErrors,
} from '../helpers.ts'

const valid = {
  topic: 'media',
  fullName: 'Alex Example',
  email: 'alex@example.com',
  phone: '07700 900 982',
  message: 'I am writing about a press release.',
}

describe('GET /contact', () => {
  it('shows the address, the warning about reporting crime and the form, with no cookie', async () => {
    const { res, html } = await getPage('/contact')
    expect(res.status).toBe(200)
    expect(res.headers.get('Set-Cookie')).toBeNull()
    expect(html).toContain('PO Box 8000')
    expect(html).toContain('In an emergency call 999')
    expect(html).toMatch(/police on\s+101/)
    expect(html).toContain('Crimestoppers on 0800 555 111')
    expect(html).toContain('<form method="post" action="/contact" novalidate="">')
    for (const label of [
      'General enquiry',
      'Media enquiry',
      'Careers',
      'Feedback about this website',
    ]) {
      expect(html).toContain(label)
    }
    for (const id of ['topic', 'fullName', 'email', 'phone', 'message'])
      expect(html).toContain(`id="${id}"`)
    expect(html).toContain('class="soca-honeypot" aria-hidden="true"')
    // Without Turnstile configured, the only script is the site's own enhancement.
    expect([...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])).toEqual([
      `<script type="module" src="${scriptHref}">`,
    ])
  })
})

describe('POST /contact', () => {
  it('stores the enquiry and redirects with 303 to a confirmation with its reference', async () => {
    const res = await postForm('/contact', valid)
    expect(res.status).toBe(303)
    const location = res.headers.get('Location')!
    expect(location).toMatch(/^\/contact\/sent\?reference=SOCA-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const reference = location.split('=')[1]
    const row = (await storedSubmissions()).find((s) => s.reference === reference)!
    expect(row.kind).toBe('enquiry')
    expect(row.status).toBe('new')
    expect(JSON.parse(row.fields)).toEqual(valid)
    expect(row.created_at).toBeGreaterThan(Date.now() - 60_000)

    const confirmation = await getPage(location)
    expect(confirmation.res.status).toBe(200)
    expect(confirmation.res.headers.get('Cache-Control')).toBe('no-store')
    expect(confirmation.html).toContain('<h1 class="govuk-panel__title">Message sent</h1>')
    expect(confirmation.html).toContain(`<strong>${reference}</strong>`)
    expect(confirmation.html).toContain('What happens next')
  })

  it('answers 400 with an error summary linking to every missing answer, in page order', async () => {
    const res = await postForm('/contact', {})
    expect(res.status).toBe(400)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<title>Error: Contact us – SOCA</title>')
    expect(html).toContain('<div class="govuk-error-summary" tabindex="-1" autofocus="">')
    expect(summaryErrors(html)).toEqual([
      { field: 'topic', message: 'Select what your enquiry is about' },
      { field: 'fullName', message: 'Enter your full name' },
      { field: 'email', message: 'Enter your email address' },
      { field: 'message', message: 'Enter your message' },
    ])
    expect(html).toContain(
      '<p id="fullName-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter your full name</p>',
    )
    expect(html).toContain('aria-describedby="fullName-error"')
    expect(countOf(html, /govuk-form-group--error/)).toBe(4)
  })

  it.each([
    [
      { email: 'not-an-email' },
      'email',
      'Enter an email address in the correct format, like name@example.com',
    ],
    [
      { phone: 'call me' },
      'phone',
      'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
    ],
    [{ message: 'x'.repeat(3001) }, 'message', 'Message must be 3,000 characters or less'],
    [{ fullName: 'x'.repeat(201) }, 'fullName', 'Full name must be 200 characters or less'],
    [{ topic: 'other' }, 'topic', 'Select what your enquiry is about'],
    [
      { fullName: 'Alex\u0000Example' },
      'fullName',
      'Full name must not include control characters or characters that cannot be read',
    ],
    [
      { message: 'Hello\u001b[31m' },
      'message',
      'Message must not include control characters or characters that cannot be read',
    ],
  ])(
    'answers %j with the message for %s, keeping the other answers',
    async (change, field, message) => {
      const res = await postForm('/contact', { ...valid, ...change })
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(summaryErrors(html)).toEqual([{ field, message }])
      if (field !== 'fullName') expect(html).toContain('value="Alex Example"')
      if (field !== 'email') expect(html).toContain('value="alex@example.com"')
      if (field !== 'message')
        expect(html).toContain('>I am writing about a press release.</textarea>')
      if (field !== 'topic') expect(html).toMatch(/value="media" checked=""/)
    },
  )

  it('answers invalid UTF-8 in a field with a 400 and a message', async () => {
    const res = await request('/contact', {
      method: 'POST',
      body: 'topic=general&fullName=%FF%FEAlex&email=alex%40example.com&message=Hello',
      headers: { ...sameSiteHeaders(), 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(res.status).toBe(400)
    expect(summaryErrors(await res.text())).toEqual([
      {
        field: 'fullName',
        message: 'Full name must not include control characters or characters that cannot be read',
      },
    ])
  })

  it('keeps what the visitor typed, escaped, when the form comes back', async () => {
    const res = await postForm('/contact', {
      ...valid,
      email: '',
      message: '<b>bold</b> & "quoted"',
    })
    const html = await res.text()
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</textarea>')
  })

  it('refuses a cross-site POST with 403 and stores nothing', async () => {
    const before = (await storedSubmissions()).length
    const attempts: Record<string, string>[] = [
      { Origin: 'https://evil.example', 'CF-Connecting-IP': newClientIp() },
      {
        'Sec-Fetch-Site': 'cross-site',
        Origin: 'https://evil.example',
        'CF-Connecting-IP': newClientIp(),
      },
      { 'CF-Connecting-IP': newClientIp() },
    ]
    for (const headers of attempts) {
      const res = await postForm('/contact', valid, headers)
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('You cannot send this form from another website')
    }
    expect(await storedSubmissions()).toHaveLength(before)
  })

  it('stores a submission that filled in the honeypot as spam, and answers as if it were sent', async () => {
    const res = await postForm('/contact', { ...valid, website: 'https://spam.example' })
    expect(res.status).toBe(303)
    const reference = res.headers.get('Location')!.split('=')[1]
    const row = (await storedSubmissions()).find((s) => s.reference === reference)!
    expect(row.status).toBe('spam')
  })

  it('never blocks a visitor correcting a few mistakes', async () => {
    const headers = sameSiteHeaders(newClientIp())
    for (let i = 0; i < 4; i++) expect((await postForm('/contact', {}, headers)).status).toBe(400)
    expect((await postForm('/contact', valid, headers)).status).toBe(303)
  })

  it('answers a burst from one client with a friendly 429 page', async () => {
    const headers = sameSiteHeaders(newClientIp())
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) statuses.push((await postForm('/contact', {}, headers)).status)
    // The limiter counts in fixed one-minute windows, so a burst may straddle two of them.
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(10)
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(20)
    const res = await postForm('/contact', valid, headers)
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('60')
    expect(await res.text()).toContain('You have sent too many forms in a short time')
    // Another client is not affected.
    expect((await postForm('/contact', valid)).status).toBe(303)
  })

  it('answers a body over 64 KB with a 413 page', async () => {
    const res = await postForm('/contact', { ...valid, message: 'x'.repeat(70_000) })
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('What you sent is too big')
  })

  it('answers another content type with a 415 page', async () => {
    for (const type of ['application/json', 'multipart/form-data; boundary=x', 'text/xml']) {
      const res = await request('/contact', {
        method: 'POST',
        body: '{}',
        headers: { ...sameSiteHeaders(), 'Content-Type': type },
      })
      expect(res.status).toBe(415)
    }
  })
})

describe('GET /contact/sent', () => {
  it.each(['', 'nonsense', 'SOCA-AAAA-AAAA', 'SOCA-0000-0000'])(
    'answers 404 for reference %j',
    async (ref) => {
      expect((await request(`/contact/sent?reference=${ref}`)).status).toBe(404)
    },
  )
})
