import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { NEWS_PAGE_SIZE } from '../../src/db/news.ts'
import { createStaff, signedIn } from '../admin-helpers.ts'
import {
  countOf,
  getPage,
  insertArticle,
  newClientIp,
  postForm,
  request,
  sameSiteHeaders,
  storedSubmissions,
  summaryErrors,
} from '../helpers.ts'

/** The counts row of a page, if it has one. */
const countsOf = (path: string) =>
  env.DB.prepare('SELECT yes, no FROM page_feedback WHERE path = ?')
    .bind(path)
    .first<{ yes: number; no: number }>()

/** The component's markup on a page, or undefined. */
const componentOf = (html: string) =>
  html.match(/<div class="soca-feedback">[\s\S]*?Report a problem with this page<\/a><\/div>/)?.[0]

const report = {
  path: '/threats/fraud',
  whatDoing: 'Reading about fraud',
  whatWrong: 'A link is broken',
}

describe('"Is this page useful?" on a public page', () => {
  it.each(['/', '/threats/fraud', '/contact', '/news', '/careers', '/sitemap'])(
    'is on %s with a form posting its path, and the report link',
    async (path) => {
      const { res, html } = await getPage(path)
      expect(res.status).toBe(200)
      const component = componentOf(html)!
      expect(component).toContain('<form method="post" action="/feedback">')
      expect(component).toContain(`<input type="hidden" name="path" value="${path}"/>`)
      expect(component).toContain('<h2 class="govuk-heading-s">Is this page useful?</h2>')
      expect(component).toContain('name="useful" value="yes"')
      expect(component).toContain('name="useful" value="no"')
      expect(component).toContain(`href="/feedback?path=${encodeURIComponent(path)}"`)
      // After the main content, before the footer.
      expect(html.indexOf('</main>')).toBeLessThan(html.indexOf('soca-feedback'))
      expect(html.indexOf('soca-feedback')).toBeLessThan(html.indexOf('<footer'))
    },
  )

  it('leaves a page cacheable and the same for everyone: no token, cookie or per-visitor part', async () => {
    const first = await getPage('/threats/fraud', {
      headers: { 'CF-Connecting-IP': newClientIp() },
    })
    const second = await getPage('/threats/fraud', {
      headers: { 'CF-Connecting-IP': newClientIp() },
    })
    for (const { res } of [first, second]) {
      expect(res.headers.get('Cache-Control')).toBe(
        'public, max-age=60, stale-while-revalidate=300',
      )
      expect(res.headers.get('Set-Cookie')).toBeNull()
    }
    expect(second.res.headers.get('X-Cache')).toBe('HIT')
    expect(second.html).toBe(first.html)
    const component = componentOf(first.html)!
    // Only the page's path and the answer: nothing that could be a token.
    expect([...component.matchAll(/<input[^>]*>/g)].map((m) => m[0])).toEqual([
      '<input type="hidden" name="path" value="/threats/fraud"/>',
    ])
    expect(component).not.toMatch(/csrf|token/i)
  })

  it.each([
    ['a 404 page', '/no-such-page'],
    ['the feedback form', '/feedback?path=%2Fthreats%2Ffraud'],
    ['the thank-you page', '/feedback/sent?path=%2Fthreats%2Ffraud'],
  ])('is not on %s', async (_, path) => {
    const { html } = await getPage(path)
    expect(html).toContain('</footer>')
    expect(html).not.toContain('soca-feedback')
  })

  it('is not on a contact confirmation page', async () => {
    const res = await postForm('/contact', {
      topic: 'general',
      fullName: 'Alex Example',
      email: 'alex@example.com',
      message: 'Hello',
    })
    const { res: sent, html } = await getPage(res.headers.get('Location')!)
    expect(sent.status).toBe(200)
    expect(html).toContain('Message sent')
    expect(html).not.toContain('soca-feedback')
  })

  it('is not on a preview of a draft', async () => {
    const editor = await signedIn(
      await createStaff({ email: 'fb-preview@example.com', role: 'editor' }),
    )
    const id = (await env.DB.prepare("SELECT id FROM pages WHERE path = '/threats/fraud'").first<{
      id: number
    }>())!.id
    const res = await editor.get(`/admin/pages/${id}/preview`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Preview: this version is not published')
    expect(html).not.toContain('soca-feedback')
  })
})

describe('a page seen with a query', () => {
  beforeAll(async () => {
    // Enough articles for a second page of /news.
    for (let i = 0; i < NEWS_PAGE_SIZE; i++) {
      await insertArticle(`feedback-filler-${i}`, `Filler ${i}`, new Date(Date.UTC(2012, 0, i + 1)))
    }
  })

  it.each([
    ['/news?page=2', '/news'],
    ['/search?q=fraud', '/search'],
  ])('%s asks about %s, and its Yes is counted', async (url, path) => {
    const { res, html } = await getPage(url)
    expect(res.status).toBe(200)
    const sent = componentOf(html)?.match(/name="path" value="([^"]*)"/)?.[1]
    expect(sent).toBe(path)
    const before = (await countsOf(path))?.yes ?? 0
    const vote = await postForm(
      '/feedback',
      { path: sent!, useful: 'yes' },
      sameSiteHeaders(newClientIp()),
    )
    expect(vote.status).toBe(303)
    expect(await countsOf(path)).toMatchObject({ yes: before + 1 })
  })
})

describe('POST /feedback with Yes or No', () => {
  it('counts a Yes and thanks the visitor', async () => {
    const before = (await countsOf('/about'))?.yes ?? 0
    const res = await postForm('/feedback', { path: '/about', useful: 'yes' })
    expect(res.status).toBe(303)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('Location')).toBe('/feedback/sent?path=%2Fabout')
    expect(await countsOf('/about')).toEqual({ yes: before + 1, no: 0 })
    await postForm('/feedback', { path: '/about', useful: 'yes' })
    expect(await countsOf('/about')).toEqual({ yes: before + 2, no: 0 })

    const { res: sent, html } = await getPage(res.headers.get('Location')!)
    expect(sent.status).toBe(200)
    expect(sent.headers.get('Cache-Control')).toBe('no-store')
    expect(html).toContain('<h1 class="govuk-panel__title">Thank you for your feedback</h1>')
    expect(html).toContain(
      '<a class="govuk-link" href="/about">Go back to the page you were on</a>',
    )
    expect(html).toContain('<meta name="robots" content="noindex">')
  })

  it('counts a No and asks what went wrong, GOV.UK style', async () => {
    const res = await postForm('/feedback', { path: '/threats/gun-crime', useful: 'no' })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/feedback?path=%2Fthreats%2Fgun-crime&useful=no')
    expect(await countsOf('/threats/gun-crime')).toEqual({ yes: 0, no: 1 })

    const { res: form, html } = await getPage(res.headers.get('Location')!)
    expect(form.status).toBe(200)
    expect(form.headers.get('Cache-Control')).toBe('no-store')
    expect(html).toContain('<h1 class="govuk-heading-xl">Help us improve this page</h1>')
    expect(html).toContain('<input type="hidden" name="path" value="/threats/gun-crime"/>')
    expect(html).toContain('<label class="govuk-label" for="whatDoing">')
    expect(html).toContain('<label class="govuk-label" for="whatWrong">')
    expect(html).toContain('In an emergency call 999')
    expect(html).toContain('Crimestoppers on 0800 555 111')
    expect(html).toContain('we do not ask for your name or any other personal')
    expect(html).toContain('class="soca-honeypot" aria-hidden="true"')
  })

  it.each([
    [{ path: '/about', useful: 'maybe' }, 'Choose Yes or No.'],
    [{ path: '/about' }, 'Choose Yes or No.'],
    [{ useful: 'yes' }, 'The feedback must be about a page on this website'],
    [{ path: 'https://evil.example/', useful: 'yes' }, 'about a page on this website'],
    [{ path: '//evil.example', useful: 'yes' }, 'about a page on this website'],
    [{ path: '/\\evil.example', useful: 'yes' }, 'about a page on this website'],
    [{ path: '/about\r\nSet-Cookie: x=1', useful: 'yes' }, 'about a page on this website'],
    [{ path: '/about?x=1', useful: 'no' }, 'about a page on this website'],
    [{ path: '/admin/staff', useful: 'no' }, 'about a page on this website'],
    [{ path: `/${'a'.repeat(400)}`, useful: 'no' }, 'about a page on this website'],
  ])('answers %j with a 400 page that says why, counting nothing', async (fields, message) => {
    const before = await env.DB.prepare('SELECT sum(yes) + sum(no) AS n FROM page_feedback').first()
    const res = await postForm('/feedback', fields)
    expect(res.status).toBe(400)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('There is a problem with your request')
    expect(html).toContain(message)
    expect(
      await env.DB.prepare('SELECT sum(yes) + sum(no) AS n FROM page_feedback').first(),
    ).toEqual(before)
  })

  it('does not count an answer that filled in the honeypot, but answers as if it did', async () => {
    const res = await postForm('/feedback', { path: '/ukhtc', useful: 'yes', website: 'x' })
    expect(res.status).toBe(303)
    expect(await countsOf('/ukhtc')).toBeNull()
  })

  it('refuses a cross-site POST with 403 and counts nothing', async () => {
    for (const headers of [
      { Origin: 'https://evil.example', 'CF-Connecting-IP': newClientIp() },
      {
        'Sec-Fetch-Site': 'cross-site',
        Origin: 'https://evil.example',
        'CF-Connecting-IP': newClientIp(),
      },
      { 'CF-Connecting-IP': newClientIp() },
    ] as Record<string, string>[]) {
      const res = await postForm('/feedback', { path: '/privacy', useful: 'no' }, headers)
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('You cannot send this form from another website')
    }
    expect(await countsOf('/privacy')).toBeNull()
  })

  it('answers a burst from one client with a friendly 429 page', async () => {
    const headers = sameSiteHeaders(newClientIp())
    const statuses: number[] = []
    for (let i = 0; i < 25; i++)
      statuses.push(
        (await postForm('/feedback', { path: '/sitemap', useful: 'yes' }, headers)).status,
      )
    // The limiter counts in fixed one-minute windows, so a burst may straddle two of them.
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(10)
    const counted = (await countsOf('/sitemap'))!.yes
    expect(counted).toBe(statuses.filter((s) => s === 303).length)
    expect(counted).toBeLessThanOrEqual(20)
    const res = await postForm('/feedback', { path: '/sitemap', useful: 'yes' }, headers)
    expect(res.status).toBe(429)
    expect(res.headers.get('Retry-After')).toBe('60')
    expect(await res.text()).toContain('You have sent too many forms in a short time')
  })

  it('answers another content type with 415 and a large body with 413', async () => {
    const json = await request('/feedback', {
      method: 'POST',
      body: '{"path":"/","useful":"yes"}',
      headers: { ...sameSiteHeaders(), 'Content-Type': 'application/json' },
    })
    expect(json.status).toBe(415)
    const big = await postForm('/feedback', { ...report, whatWrong: 'x'.repeat(40_000) })
    expect(big.status).toBe(413)
  })
})

describe('GET /feedback', () => {
  it('shows "Report a problem with this page" for the page it names, never cached', async () => {
    const { res, html } = await getPage('/feedback?path=%2Fthreats%2Ffraud')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('X-Cache')).not.toBe('HIT')
    expect(html).toContain('<title>Report a problem with this page – SOCA</title>')
    expect(html).toContain('<a class="govuk-link" href="/threats/fraud">/threats/fraud</a>')
    expect(html).toContain('<form method="post" action="/feedback" novalidate="">')
    expect(html).not.toContain('name="notUseful"')
  })

  it.each([
    '/feedback',
    '/feedback?path=',
    '/feedback?path=%2F%2Fevil.example',
    '/feedback/sent?path=javascript:alert(1)',
  ])('answers %s with a 400 page', async (path) => {
    const { res, html } = await getPage(path)
    expect(res.status).toBe(400)
    expect(html).toContain('The feedback must be about a page on this website')
  })
})

describe('POST /feedback with a problem report', () => {
  it('stores it as page feedback with a reference, and thanks the visitor', async () => {
    const res = await postForm('/feedback', report)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/feedback/sent?path=%2Fthreats%2Ffraud&reported=yes')
    const row = (await storedSubmissions()).at(-1)!
    expect(row.kind).toBe('feedback')
    expect(row.status).toBe('new')
    expect(row.reference).toMatch(/^SOCA-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    expect(JSON.parse(row.fields)).toEqual(report)

    const { res: sent, html } = await getPage(res.headers.get('Location')!)
    expect(sent.headers.get('Cache-Control')).toBe('no-store')
    expect(html).toContain('Thank you for your feedback')
    expect(html).toContain('we cannot reply to them')
    expect(html).toContain('Crimestoppers on 0800 555 111')
  })

  it('takes a report without "What were you doing?"', async () => {
    const res = await postForm('/feedback', { ...report, whatDoing: '' })
    expect(res.status).toBe(303)
    expect(JSON.parse((await storedSubmissions()).at(-1)!.fields)).toEqual({
      ...report,
      whatDoing: '',
    })
  })

  it('answers 400 with an error summary when "What went wrong?" is empty, keeping the rest', async () => {
    const before = (await storedSubmissions()).length
    const res = await postForm('/feedback', { ...report, whatWrong: '  ', notUseful: 'yes' })
    expect(res.status).toBe(400)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<title>Error: Help us improve this page – SOCA</title>')
    expect(html).toContain('<div class="govuk-error-summary" tabindex="-1" autofocus="">')
    expect(summaryErrors(html)).toEqual([{ field: 'whatWrong', message: 'Enter what went wrong' }])
    expect(html).toContain(
      '<p id="whatWrong-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter what went wrong</p>',
    )
    expect(html).toContain('>Reading about fraud</textarea>')
    expect(html).toContain('<input type="hidden" name="path" value="/threats/fraud"/>')
    expect(html).toContain('<input type="hidden" name="notUseful" value="yes"/>')
    expect(countOf(html, /govuk-form-group--error/)).toBe(1)
    expect(await storedSubmissions()).toHaveLength(before)
  })

  it('answers answers over 1,000 characters with their messages, keeping what was typed', async () => {
    const long = 'x'.repeat(1001)
    const res = await postForm('/feedback', {
      ...report,
      whatDoing: long,
      whatWrong: `<b>${long}</b>`,
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(summaryErrors(html)).toEqual([
      { field: 'whatDoing', message: 'What you were doing must be 1,000 characters or less' },
      { field: 'whatWrong', message: 'What went wrong must be 1,000 characters or less' },
    ])
    expect(html).toContain(`>${long}</textarea>`)
    expect(html).toContain(`>&lt;b&gt;${long}&lt;/b&gt;</textarea>`)
    expect(html).toContain('<title>Error: Report a problem with this page – SOCA</title>')
  })

  it('takes exactly 1,000 characters', async () => {
    const res = await postForm('/feedback', { ...report, whatWrong: 'y'.repeat(1000) })
    expect(res.status).toBe(303)
  })

  it('answers control characters with a message', async () => {
    const res = await postForm('/feedback', { ...report, whatWrong: 'Broken\u001b[31m' })
    expect(res.status).toBe(400)
    expect(summaryErrors(await res.text())).toEqual([
      {
        field: 'whatWrong',
        message:
          'What went wrong must not include control characters or characters that cannot be read',
      },
    ])
  })

  it('stores a report that filled in the honeypot as spam, and answers as if it were sent', async () => {
    const res = await postForm('/feedback', { ...report, website: 'https://spam.example' })
    expect(res.status).toBe(303)
    const row = (await storedSubmissions()).at(-1)!
    expect(row.kind).toBe('feedback')
    expect(row.status).toBe('spam')
  })

  it('refuses a report about a path that is not a page here with a 400 page, storing nothing', async () => {
    const before = (await storedSubmissions()).length
    const res = await postForm('/feedback', { ...report, path: '//evil.example/x' })
    expect(res.status).toBe(400)
    expect(await storedSubmissions()).toHaveLength(before)
  })

  it('refuses a cross-site report with 403, storing nothing', async () => {
    const before = (await storedSubmissions()).length
    const res = await postForm('/feedback', report, {
      Origin: 'https://evil.example',
      'CF-Connecting-IP': newClientIp(),
    })
    expect(res.status).toBe(403)
    expect(await storedSubmissions()).toHaveLength(before)
  })
})

beforeAll(async () => {
  // Each vote count test starts from none; the seed has no answers.
  expect(await env.DB.prepare('SELECT count(*) AS n FROM page_feedback').first()).toEqual({ n: 0 })
})
