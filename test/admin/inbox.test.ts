import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type StaffBrowser,
  auditEntries,
  client,
  createStaff,
  csrfFrom,
  editorAndPublisher,
} from '../admin-helpers.ts'
import { createDb } from '../../src/db/client.ts'
import { type InboxFilter, inboxCountQuery, inboxListQuery } from '../../src/db/inbox.ts'
import {
  insertVacancy,
  isoDay,
  pdfFile,
  postForm,
  postMultipart,
  row,
  rows,
  sql,
  summaryErrors,
  validApplication,
} from '../helpers.ts'

let editor: StaffBrowser
let publisher: StaffBrowser
let editorId: number
let publisherId: number
let formerId: number
/** The submissions the forms stored, by kind, and one older row. */
const ids: Record<'enquiry' | 'application' | 'feedback' | 'older', number> = {
  enquiry: 0,
  application: 0,
  feedback: 0,
  older: 0,
}
const references: Record<string, string> = {}

const latest = () =>
  row<{ id: number; reference: string }>(
    'SELECT id, reference FROM submissions ORDER BY id DESC LIMIT 1',
  )

/** The rows of a summary list as [key, value-markup] pairs, tags stripped from the key. */
const summaryRows = (html: string) =>
  [
    ...html.matchAll(
      /<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g,
    ),
  ].map((m) => [m[1]!, m[2]!.trim()] as const)

const valueOf = (html: string, key: string) => summaryRows(html).find(([k]) => k === key)?.[1]

/** The references listed on an inbox page, in order. */
const listed = (html: string) =>
  [
    ...html.matchAll(
      /<h3 class="govuk-heading-s[^"]*"><a class="govuk-link" href="\/admin\/submissions\/\d+">([^<]+)<\/a>/g,
    ),
  ].map((m) => m[1]!)

const page = async (browser: StaffBrowser, path: string) => {
  const res = await browser.get(path)
  expect(res.status).toBe(200)
  return res.text()
}

beforeAll(async () => {
  ;({ editor, publisher, editorId, publisherId } = await editorAndPublisher())
  formerId = (
    await createStaff({ email: 'former@example.com', role: 'editor', name: 'Fay Former' })
  ).id
  await sql('UPDATE staff SET active = 0 WHERE id = ?', formerId)

  await insertVacancy('analyst', 'Analyst', isoDay(10))
  expect(
    (
      await postForm('/contact', {
        topic: 'media',
        fullName: 'Robin Quill',
        email: 'Robin.Quill@Example.com',
        phone: '',
        message: 'First line\nSecond <script>alert(1)</script> line',
      })
    ).status,
  ).toBe(303)
  ;({ id: ids.enquiry, reference: references.enquiry } = (await latest())!)
  expect(
    (
      await postMultipart(
        '/careers/vacancies/analyst/apply',
        { ...validApplication, statement: 'Ten years\nin finance' },
        { cv: pdfFile('my cv.pdf') },
      )
    ).status,
  ).toBe(303)
  ;({ id: ids.application, reference: references.application } = (await latest())!)
  expect(
    (
      await postForm('/feedback', {
        path: '/threats/fraud',
        whatDoing: 'Looking',
        whatWrong: 'A broken link',
      })
    ).status,
  ).toBe(303)
  ;({ id: ids.feedback, reference: references.feedback } = (await latest())!)
  // A row from an older version of the contact form: an option and a question it no longer has.
  await sql(
    `INSERT INTO submissions (reference, kind, fields, status, sender_name, sender_email, created_at)
     VALUES ('SOCA-AAAA-BBBB', 'enquiry', ?, 'new', 'Old Timer', 'old@example.com', 1000)`,
    JSON.stringify({ topic: 'press', fullName: 'Old Timer', fax: '01632 960 002' }),
  )
  ids.older = (await row<{ id: number }>(
    "SELECT id FROM submissions WHERE reference = 'SOCA-AAAA-BBBB'",
  ))!.id
})

describe("a submission's page", () => {
  it("shows an enquiry's answers with the contact form's labels and the option text chosen", async () => {
    const html = await page(editor, `/admin/submissions/${ids.enquiry}`)
    expect(valueOf(html, 'What is your enquiry about?')).toBe('Media enquiry')
    expect(valueOf(html, 'Full name')).toBe('Robin Quill')
    expect(valueOf(html, 'Email address')).toBe('Robin.Quill@Example.com')
    expect(valueOf(html, 'Telephone number')).toBe('Not given')
    // The form's order, after what the submission is.
    expect(summaryRows(html).map(([k]) => k)).toEqual([
      'Reference',
      'Kind',
      'Received',
      'Status',
      'Assigned to',
      'Email alert',
      'What is your enquiry about?',
      'Full name',
      'Email address',
      'Telephone number',
      'Your message',
    ])
    expect(valueOf(html, 'Reference')).toBe(references.enquiry)
    expect(valueOf(html, 'Kind')).toBe('Enquiry')
    expect(valueOf(html, 'Status')).toBe('<strong class="govuk-tag govuk-tag--blue">New</strong>')
    expect(valueOf(html, 'Assigned to')).toBe('Nobody')
    expect(valueOf(html, 'Received')).toMatch(
      /^\d{1,2} [A-Z][a-z]+ \d{4} at \d{1,2}:\d{2}\s?[ap]m$/,
    )
  })

  it('keeps the line breaks of a multi-line answer and escapes what was typed', async () => {
    const html = await page(editor, `/admin/submissions/${ids.enquiry}`)
    expect(valueOf(html, 'Your message')).toBe(
      'First line<br/>Second &lt;script&gt;alert(1)&lt;/script&gt; line',
    )
    expect(html).not.toContain('<script>alert(1)')
  })

  it("shows an application's answers, the chosen options' text and the CV", async () => {
    const html = await page(editor, `/admin/submissions/${ids.application}`)
    expect(valueOf(html, 'Kind')).toBe('Application: Analyst')
    expect(valueOf(html, 'Vacancy')).toBe('Analyst')
    expect(valueOf(html, 'Telephone number')).toBe('01632 960 001')
    expect(valueOf(html, 'Do you have the right to work in the UK?')).toBe('Yes')
    expect(valueOf(html, 'How you meet the requirements of the role')).toBe(
      'Ten years<br/>in finance',
    )
    expect(valueOf(html, 'Declaration')).toBe(
      'I confirm that the information I have given is true and complete',
    )
    expect(valueOf(html, 'CV')).toMatch(
      new RegExp(
        `^<a class="govuk-link" href="/admin/submissions/${ids.application}/cv">Download my cv.pdf \\(2 KB\\)</a>$`,
      ),
    )
    expect(html).not.toMatch(/>(yes|confirmed)</)
  })

  it('shows page feedback with its page as a link and the questions as the form asks them', async () => {
    const html = await page(editor, `/admin/submissions/${ids.feedback}`)
    expect(valueOf(html, 'Page')).toBe(
      '<a class="govuk-link" href="/threats/fraud">/threats/fraud</a>',
    )
    expect(valueOf(html, 'What were you doing?')).toBe('Looking')
    expect(valueOf(html, 'What went wrong?')).toBe('A broken link')
  })

  it('shows an answer or question the form no longer has as it was stored', async () => {
    const html = await page(editor, `/admin/submissions/${ids.older}`)
    expect(valueOf(html, 'What is your enquiry about?')).toBe('press')
    expect(valueOf(html, 'fax')).toBe('01632 960 002')
  })

  it.each([
    ['no alert row', null, 'None (no alert address set)'],
    [
      'a sent alert',
      { status: 'sent', attempts: 1, sentAt: Date.UTC(2026, 10, 30, 13, 5), lastError: '' },
      'Sent 30 November 2026 at 1:05 pm',
    ],
    [
      'a first try still to come',
      { status: 'pending', attempts: 0, sentAt: null, lastError: '' },
      'Not sent yet: will try at 1 December 2026 at 9:30 am',
    ],
    [
      'a retry',
      { status: 'pending', attempts: 3, sentAt: null, lastError: 'Mailbox <full>' },
      'Not sent yet: will try again at 1 December 2026 at 9:30 am (3 attempts; last error: Mailbox &lt;full&gt;)',
    ],
    [
      'an alert given up on',
      { status: 'failed', attempts: 5, sentAt: null, lastError: 'Address rejected' },
      'Failed after 5 attempts: Address rejected',
    ],
  ] as const)('shows the email alert state for %s', async (_, alert, text) => {
    await sql('DELETE FROM submission_alerts WHERE submission_id = ?', ids.feedback)
    if (alert) {
      await sql(
        `INSERT INTO submission_alerts
           (submission_id, recipient, status, attempts, next_attempt_at, last_error, sent_at)
         VALUES (?, 'alerts@example.com', ?, ?, ?, ?, ?)`,
        ids.feedback,
        alert.status,
        alert.attempts,
        Date.UTC(2026, 11, 1, 9, 30),
        alert.lastError,
        alert.sentAt,
      )
    }
    const html = await page(editor, `/admin/submissions/${ids.feedback}`)
    expect(valueOf(html, 'Email alert')?.replace(/\u202f/g, ' ')).toBe(text)
  })

  it('is not found for a submission that is not there', async () => {
    expect((await editor.get('/admin/submissions/999999')).status).toBe(404)
  })
})

describe('searching and filtering the inbox', () => {
  it('finds a reference typed in lower case with spaces, by its unique index', async () => {
    const typed = references.enquiry!.toLowerCase().replace(/-/g, ' ')
    const html = await page(editor, `/admin/submissions?q=${encodeURIComponent(` ${typed} `)}`)
    expect(listed(html)).toEqual([references.enquiry])
    expect(html).toContain('1 submission</h2>')
    expect(html).toContain(`value="${typed}"`)
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: editorId,
      action: 'submissions.list',
      detail: `?q=${encodeURIComponent(typed).replace(/%20/g, '+')}`,
    })
  })

  it('finds an email address typed in mixed case', async () => {
    const html = await page(editor, '/admin/submissions?q=rOBIN.quill%40EXAMPLE.com')
    expect(listed(html)).toEqual([references.enquiry])
  })

  it('finds part of a name, in any case', async () => {
    const html = await page(editor, '/admin/submissions?q=sam+APP')
    expect(listed(html)).toEqual([references.application])
    const list = html.slice(html.indexOf('<ul class="govuk-list soca-inbox">'))
    expect(list).toContain('Application: Analyst from Sam Applicant')
    expect(list).toContain('Assigned to nobody.')
  })

  it('says so, and what to try, when nothing matches', async () => {
    const html = await page(editor, '/admin/submissions?q=nobody%40nowhere.example')
    expect(listed(html)).toEqual([])
    expect(html).toContain('0 submissions</h2>')
    expect(html).toContain('No submissions match your search and filters.')
    expect(html).toContain('href="/admin/submissions">Clear search and filters</a>')
  })

  it('searches for a name longer than D1 allows in a LIKE pattern without failing', async () => {
    const html = await page(editor, `/admin/submissions?q=${'x'.repeat(300)}`)
    expect(listed(html)).toEqual([])
  })

  it('filters by kind and status, and lists page feedback with its page', async () => {
    const feedback = await page(editor, '/admin/submissions?kind=feedback')
    expect(listed(feedback)).toEqual([references.feedback])
    expect(feedback).toContain('<option value="feedback" selected="">Page feedback</option>')
    expect(feedback).toContain(
      'Page feedback about <a class="govuk-link" href="/threats/fraud">/threats/fraud</a>',
    )
    const handled = await page(editor, '/admin/submissions?status=handled&kind=enquiry')
    expect(listed(handled)).toEqual([])
  })

  it.each([
    ['/admin/submissions?assigned=someone', 'who it is assigned to'],
    ['/admin/submissions?status=closed', 'status'],
  ])('refuses a filter value the form does not offer: %s', async (path, words) => {
    const res = await editor.get(path)
    expect(res.status).toBe(400)
    expect(await res.text()).toContain(words)
  })
})

describe('changing status and assignment', () => {
  /** How many audit entries record a change (opening the page to get its form records a view). */
  const changesAudited = async () =>
    (await auditEntries()).filter((e) => e.action !== 'submission.view').length

  const status = (id: number) =>
    row<{ status: string; assigned_to: number | null }>(
      'SELECT status, assigned_to FROM submissions WHERE id = ?',
      id,
    )

  it('moves a submission to in progress, audited, and says so', async () => {
    const id = ids.enquiry
    const res = await editor.submit(
      `/admin/submissions/${id}/status`,
      { status: 'in_progress' },
      `/admin/submissions/${id}`,
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/admin/submissions/${id}?done=in_progress`)
    expect(await status(id)).toMatchObject({ status: 'in_progress' })
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: editorId,
      action: 'submission.mark-in-progress',
      target: `submission:${id}`,
      detail: `${references.enquiry}, was new`,
    })
    const html = await page(editor, res.headers.get('Location')!)
    expect(html).toContain('Marked as in progress.')
    expect(valueOf(html, 'Status')).toContain('In progress')
    expect(html).toMatch(/value="in_progress" checked=""/)
    const list = await page(editor, '/admin/submissions?status=in_progress')
    expect(listed(list)).toEqual([references.enquiry])
  })

  it.each([['spam'], ['deleted'], ['']])(
    'refuses the status %j with the error summary, changing nothing',
    async (value) => {
      const before = await status(ids.application)
      const audits = await changesAudited()
      const res = await editor.submit(
        `/admin/submissions/${ids.application}/status`,
        { status: value },
        `/admin/submissions/${ids.application}`,
      )
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(summaryErrors(html)).toEqual([
        { field: 'status', message: 'Select new, in progress or handled' },
      ])
      expect(html).toContain('<title>Error: Application')
      expect(await status(ids.application)).toEqual(before)
      expect(await changesAudited()).toBe(audits)
    },
  )

  it('assigns a submission to a member, shows it in the list, and to nobody again', async () => {
    const id = ids.application
    const res = await editor.submit(
      `/admin/submissions/${id}/assign`,
      { assignee: String(publisherId) },
      `/admin/submissions/${id}`,
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/admin/submissions/${id}?done=assigned`)
    expect(await status(id)).toMatchObject({ assigned_to: publisherId })
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: editorId,
      action: 'submission.assign',
      target: `submission:${id}`,
      detail: `${references.application} to Pat Publisher`,
    })
    const html = await page(publisher, `/admin/submissions/${id}`)
    expect(valueOf(html, 'Assigned to')).toBe('Pat Publisher')
    expect(html).toContain(
      `<option value="${publisherId}" selected="">Pat Publisher (you)</option>`,
    )
    // The inactive member cannot be chosen.
    expect(html).not.toContain('Fay Former')

    expect(listed(await page(publisher, '/admin/submissions?assigned=me'))).toEqual([
      references.application,
    ])
    expect(listed(await page(editor, '/admin/submissions?assigned=me'))).toEqual([])
    expect(listed(await page(editor, '/admin/submissions?assigned=nobody'))).not.toContain(
      references.application,
    )
    expect(await page(editor, '/admin/submissions?q=Sam')).toContain('Assigned to Pat Publisher.')

    await publisher.submit(
      `/admin/submissions/${id}/assign`,
      { assignee: '' },
      `/admin/submissions/${id}`,
    )
    expect(await status(id)).toMatchObject({ assigned_to: null })
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: publisherId,
      action: 'submission.assign',
      detail: `${references.application} to nobody`,
    })
  })

  it.each([
    [
      'a member who can no longer sign in',
      () => String(formerId),
      'Select someone who can sign in, or nobody',
    ],
    ['nobody there', () => '999999', 'Select someone who can sign in, or nobody'],
    ['not an id', () => 'me', 'Select who is dealing with it from the list'],
  ])('refuses to assign it to %s', async (_, assignee, message) => {
    const audits = await changesAudited()
    const res = await editor.submit(
      `/admin/submissions/${ids.feedback}/assign`,
      { assignee: assignee() },
      `/admin/submissions/${ids.feedback}`,
    )
    expect(res.status).toBe(400)
    expect(summaryErrors(await res.text())).toEqual([{ field: 'assignee', message }])
    expect(await status(ids.feedback)).toMatchObject({ assigned_to: null })
    expect(await changesAudited()).toBe(audits)
  })

  it('refuses a change without the CSRF token, or from someone not signed in', async () => {
    const before = await status(ids.feedback)
    const forged = await editor.post(`/admin/submissions/${ids.feedback}/status`, {
      status: 'handled',
    })
    expect(forged.status).toBe(403)
    const csrf = csrfFrom(await (await editor.get(`/admin/submissions/${ids.feedback}`)).text())
    const anonymous = await client().post(`/admin/submissions/${ids.feedback}/assign`, {
      assignee: String(editorId),
      csrf,
    })
    expect([303, 401, 403]).toContain(anonymous.status)
    expect(anonymous.headers.get('Location') ?? '').not.toContain(`/admin/submissions/`)
    expect(await status(ids.feedback)).toEqual(before)
  })

  it('is not found for a submission that is not there', async () => {
    const res = await editor.submit('/admin/submissions/999999/status', { status: 'handled' })
    expect(res.status).toBe(404)
  })
})

describe('the inbox list at scale', () => {
  beforeAll(async () => {
    // 120 more enquiries from "Bulk Person n", one second apart, newest last.
    await sql(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
       INSERT INTO submissions (reference, kind, fields, status, sender_name, sender_email, created_at)
       SELECT printf('SOCA-BULK-%04d', i), 'enquiry', json_object('fullName', 'Bulk Person ' || i),
              'new', 'Bulk Person ' || i, 'bulk' || i || '@example.com', 2000000000000 + i * 1000
       FROM n`,
    )
  })

  it('pages 50 at a time, newest first, with GOV.UK pagination that keeps the search', async () => {
    const first = await page(editor, '/admin/submissions?q=bulk+person')
    expect(first).toContain('120 submissions</h2>')
    const one = listed(first)
    expect(one).toHaveLength(50)
    expect(one[0]).toBe('SOCA-BULK-0120')
    expect(one[49]).toBe('SOCA-BULK-0071')
    expect(first).toContain('href="/admin/submissions?q=bulk+person&amp;page=2" rel="next"')
    const last = await page(editor, '/admin/submissions?q=bulk+person&page=3')
    expect(listed(last)).toHaveLength(20)
    expect(listed(last).at(-1)).toBe('SOCA-BULK-0001')
    expect(last).toContain('aria-current="page">3</a>')
    expect((await editor.get('/admin/submissions?q=bulk+person&page=4')).status).toBe(404)
  })

  it('lists the newest first by default, with an ellipsis between far-apart page numbers', async () => {
    const html = await page(editor, '/admin/submissions?page=2')
    const total = (await row<{ n: number }>('SELECT count(*) AS n FROM submissions'))!.n
    expect(html).toContain(`${total} submissions</h2>`)
    expect(listed(html)[0]).toBe('SOCA-BULK-0070')
    expect(html).toMatch(/aria-label="Page 1"[\s\S]*aria-label="Page 2"[\s\S]*aria-label="Page 3"/)
    if (total > 200) expect(html).toContain('govuk-pagination__item--ellipsis')
  })

  /** The plan SQLite makes for a query, one line a step. */
  const planOf = async (query: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql: text, params } = query.toSQL()
    return (await rows<{ detail: string }>(`EXPLAIN QUERY PLAN ${text}`, ...params)).map(
      (r) => r.detail,
    )
  }

  it.each<[string, InboxFilter, RegExp]>([
    ['the default list', {}, /USING (COVERING )?INDEX submissions_created_idx/],
    ['a kind', { kind: 'application' }, /USING INDEX submissions_created_idx/],
    ['a status', { status: 'new' }, /USING INDEX submissions_created_idx/],
    ['a kind and status', { kind: 'enquiry', status: 'new' }, /USING INDEX submissions_inbox_idx/],
    [
      'a reference',
      { search: { by: 'reference', text: 'SOCA-AAAA-BBBB' } },
      /submissions_reference_unique/,
    ],
    [
      'an email address',
      { search: { by: 'email', text: 'a@example.com' } },
      /submissions_sender_email_idx/,
    ],
  ])('reads %s through an index, never sorting', async (_, filter, index) => {
    const db = createDb(env.DB)
    const plan = await planOf(inboxListQuery(db, filter, 1, 50))
    expect(plan.join('\n')).toMatch(index)
    expect(plan.join('\n')).not.toMatch(/^SCAN submissions$/m)
    if (!filter.search) expect(plan.join('\n')).not.toContain('TEMP B-TREE')
    const counted = await planOf(inboxCountQuery(db, filter))
    expect(counted.join('\n')).not.toMatch(/^SCAN submissions$/m)
  })
})
