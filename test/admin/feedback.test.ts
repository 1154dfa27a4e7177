import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { client, createStaff, signedIn } from '../admin-helpers.ts'
import { postForm, storedSubmissions } from '../helpers.ts'

let editor: Awaited<ReturnType<typeof signedIn>>

/** Sets a page's counts directly: the votes themselves are tested in test/routes/feedback.test.ts. */
const setCounts = (path: string, yes: number, no: number, at = Date.now()) =>
  env.DB.prepare('INSERT INTO page_feedback (path, yes, no, updated_at) VALUES (?, ?, ?, ?)')
    .bind(path, yes, no, at)
    .run()

/** The page paths in the counts table, in order. */
const pathsListed = (html: string) =>
  [...html.matchAll(/<td class="govuk-table__cell"><a class="govuk-link" href="([^"]+)">/g)].map(
    (m) => m[1],
  )

beforeAll(async () => {
  editor = await signedIn(await createStaff({ email: 'fb-editor@example.com', role: 'editor' }))
})

describe('page feedback in the inbox', () => {
  it('lists a problem report as page feedback, linking to its page, and shows its answers', async () => {
    const res = await postForm('/feedback', {
      path: '/threats/fraud',
      whatDoing: 'Looking for the phone number',
      whatWrong: 'The <b>number</b> is missing',
    })
    expect(res.status).toBe(303)
    const row = (await storedSubmissions()).at(-1)!

    const inbox = await (await editor.get('/admin/submissions?kind=feedback')).text()
    expect(inbox).toContain('<option value="feedback" selected="">Page feedback</option>')
    expect(inbox).toContain(`href="/admin/submissions/${row.id}">${row.reference}</a>`)
    const item = inbox.slice(
      inbox.indexOf(row.reference),
      inbox.indexOf('</li>', inbox.indexOf(row.reference)),
    )
    expect(item).toContain('Page feedback')
    expect(item).toContain('<a class="govuk-link" href="/threats/fraud">/threats/fraud</a>')
    expect(inbox).toContain('href="/admin/feedback"')

    const page = await (await editor.get(`/admin/submissions/${row.id}`)).text()
    expect(page).toContain(`<h1 class="govuk-heading-xl">Page feedback ${row.reference}</h1>`)
    expect(page).toMatch(
      /<dt class="govuk-summary-list__key">Page<\/dt>\s*<dd[^>]*><a class="govuk-link" href="\/threats\/fraud">/,
    )
    expect(page).toContain('What were you doing?')
    expect(page).toContain('Looking for the phone number')
    expect(page).toContain('What went wrong?')
    expect(page).toContain('The &lt;b&gt;number&lt;/b&gt; is missing')
  })

  it('exports page feedback with its page and answers', async () => {
    const csv = await (await editor.get('/admin/submissions/export.csv?kind=feedback')).text()
    const [header, line] = csv.trimEnd().split('\r\n')
    expect(header).toContain('Page')
    expect(header).toContain('What they were doing')
    expect(line).toContain('/threats/fraud')
    expect(line).toContain('Looking for the phone number')
    expect(line).toContain('The <b>number</b> is missing')
  })
})

describe('GET /admin/feedback', () => {
  it('is for signed-in staff only', async () => {
    const res = await client().get('/admin/feedback')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin/sign-in')
  })

  it('says when no one has answered yet', async () => {
    await env.DB.prepare('DELETE FROM page_feedback').run()
    const res = await editor.get('/admin/feedback')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(await res.text()).toContain('No one has answered yet.')
  })

  it('shows editors the Yes and No counts per page, most No first, 25 a page', async () => {
    await env.DB.prepare('DELETE FROM page_feedback').run()
    // 30 pages: /p00 has the most No answers, then each has one fewer; ties go to fewer Yes.
    for (let i = 0; i < 30; i++) await setCounts(`/p${String(i).padStart(2, '0')}`, i, 60 - 2 * i)
    await setCounts('/tie-more-yes', 9, 60)
    await setCounts('/tie-fewer-yes', 1, 60)
    // Counted from votes, like a visitor's.
    await postForm('/feedback', { path: '/p29', useful: 'no' })

    const first = await editor.get('/admin/feedback')
    expect(first.status).toBe(200)
    const html = await first.text()
    expect(html).toContain('<h1 class="govuk-heading-xl">Page feedback</h1>')
    expect(html).toContain('32 pages with answers')
    expect(html).toContain(
      '<div class="soca-table-scroll" role="region" aria-labelledby="feedback-counts" tabindex="0">',
    )
    const listed = pathsListed(html)
    expect(listed).toHaveLength(25)
    expect(listed.slice(0, 4)).toEqual(['/p00', '/tie-fewer-yes', '/tie-more-yes', '/p01'])
    expect(html).toMatch(
      /href="\/p00">\/p00<\/a><\/td><td class="govuk-table__cell govuk-table__cell--numeric">60<\/td><td class="govuk-table__cell govuk-table__cell--numeric">0<\/td>/,
    )
    expect(html).toContain('href="/admin/feedback?page=2"')

    const second = await (await editor.get('/admin/feedback?page=2')).text()
    const rest = pathsListed(second)
    expect(rest).toEqual(['/p23', '/p24', '/p25', '/p26', '/p27', '/p28', '/p29'])
    expect(second).toMatch(
      /href="\/p29">\/p29<\/a><\/td><td class="govuk-table__cell govuk-table__cell--numeric">3<\/td>/,
    )
  })

  it.each([
    ['?page=3', 404],
    ['?page=0', 400],
    ['?page=two', 400],
  ])('answers %s with %i', async (query, status) => {
    expect((await editor.get(`/admin/feedback${query}`)).status).toBe(status)
  })
})
