import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import worker from '../../src/index.tsx'
import {
  ORIGIN,
  captureLogs,
  docxFile,
  getPage,
  insertVacancy,
  isoDay,
  pdfFile,
  postMultipart,
  request,
  sameSiteHeaders,
  storedSubmissions,
  summaryErrors,
  validApplication,
} from '../helpers.ts'

const apply = '/careers/vacancies/analyst/apply'

afterEach(() => vi.restoreAllMocks())

beforeAll(async () => {
  await insertVacancy('analyst', 'Analyst', isoDay(10))
  await insertVacancy('closed-analyst', 'Closed analyst', isoDay(-1))
})

describe('GET /careers/vacancies/:slug/apply', () => {
  it('shows the application form for an open vacancy', async () => {
    const { res, html } = await getPage(apply)
    expect(res.status).toBe(200)
    expect(html).toContain('<h1 class="govuk-heading-xl">Apply for Analyst</h1>')
    expect(html).toContain(
      `<form method="post" action="${apply}" enctype="multipart/form-data" novalidate="">`,
    )
    expect(html).toContain('<input class="govuk-file-upload" id="cv" name="cv" type="file"')
    for (const id of ['fullName', 'email', 'phone', 'rightToWork', 'statement', 'declaration']) {
      expect(html).toContain(`id="${id}"`)
    }
  })

  it('answers 410 for a closed vacancy and 404 for an unknown one', async () => {
    expect((await request('/careers/vacancies/closed-analyst/apply')).status).toBe(410)
    expect((await request('/careers/vacancies/nobody/apply')).status).toBe(404)
  })

  it('links to the form from the vacancy page', async () => {
    const { html } = await getPage('/careers/vacancies/analyst')
    expect(html).toContain(`href="${apply}"`)
  })
})

describe('POST /careers/vacancies/:slug/apply', () => {
  it('stores the application in D1 and the CV in R2, then redirects to a confirmation', async () => {
    const cv = pdfFile('My CV.pdf')
    const res = await postMultipart(apply, validApplication, { cv })
    expect(res.status).toBe(303)
    const location = res.headers.get('Location')!
    expect(location).toMatch(
      /^\/careers\/application-sent\?reference=SOCA-[A-Z2-9]{4}-[A-Z2-9]{4}$/,
    )
    const reference = location.split('=')[1]
    const row = (await storedSubmissions()).find((s) => s.reference === reference)!
    expect(row.kind).toBe('application')
    expect(row.status).toBe('new')
    expect(row.vacancy_id).not.toBeNull()
    expect(row.cv_key).toBe(`cv/${reference}.pdf`)
    expect(row.cv_content_type).toBe('application/pdf')
    expect(row.cv_size).toBe(cv.size)
    expect(JSON.parse(row.fields)).toEqual({ ...validApplication, vacancy: 'Analyst' })

    const object = await env.CV_BUCKET.get(row.cv_key!)
    expect(object).not.toBeNull()
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(
      new Uint8Array(await cv.arrayBuffer()),
    )
    expect(object!.httpMetadata?.contentType).toBe('application/pdf')

    const confirmation = await getPage(location)
    expect(confirmation.res.status).toBe(200)
    expect(confirmation.html).toContain('Application sent')
    expect(confirmation.html).toContain(reference)
  })

  it('accepts a DOCX, recognised by its content', async () => {
    const res = await postMultipart(apply, validApplication, { cv: docxFile() })
    expect(res.status).toBe(303)
    const row = (await storedSubmissions()).at(-1)!
    expect(row.cv_key).toMatch(/\.docx$/)
  })

  it('answers 400 listing every problem in page order, asking for the file again', async () => {
    const res = await postMultipart(apply, {})
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<title>Error: Apply for Analyst – SOCA</title>')
    expect(summaryErrors(html)).toEqual([
      { field: 'fullName', message: 'Enter your full name' },
      { field: 'email', message: 'Enter your email address' },
      { field: 'phone', message: 'Enter your telephone number' },
      { field: 'rightToWork', message: 'Select yes if you have the right to work in the UK' },
      { field: 'statement', message: 'Enter how you meet the requirements of the role' },
      { field: 'cv', message: 'Select your CV' },
      {
        field: 'declaration',
        message: 'Confirm that the information you have given is true and complete',
      },
    ])
  })

  it.each([
    [
      'a text file named .pdf',
      new File(['just text'], 'cv.pdf', { type: 'application/pdf' }),
      'The selected file must be a PDF or Word document (DOCX)',
    ],
    [
      'an image',
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'cv.docx'),
      'The selected file must be a PDF or Word document (DOCX)',
    ],
    [
      'an empty file',
      new File([], 'cv.pdf', { type: 'application/pdf' }),
      'The selected file is empty',
    ],
    [
      'a file over 2MB',
      pdfFile('big.pdf', 2 * 1024 * 1024 + 1),
      'The selected file must be smaller than 2MB',
    ],
  ])('refuses %s with a message, keeping every answer', async (_, cv, message) => {
    const res = await postMultipart(apply, validApplication, { cv })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(summaryErrors(html)).toEqual([{ field: 'cv', message }])
    expect(html).toContain('value="Sam Applicant"')
    expect(html).toContain('value="sam@example.com"')
    expect(html).toContain('value="01632 960 001"')
    expect(html).toMatch(/value="yes" checked=""/)
    expect(html).toContain('>I have ten years of experience in financial investigation.</textarea>')
    expect(html).toMatch(/value="confirmed" checked=""/)
  })

  it('asks for a good CV again when another answer has a problem', async () => {
    const res = await postMultipart(
      apply,
      { ...validApplication, email: 'nope' },
      { cv: pdfFile() },
    )
    expect(res.status).toBe(400)
    expect(summaryErrors(await res.text())).toEqual([
      {
        field: 'email',
        message: 'Enter an email address in the correct format, like name@example.com',
      },
      {
        field: 'cv',
        message: 'Select your CV again – files are not kept when there is a problem with the form',
      },
    ])
  })

  it('refuses an answer over 5,000 characters', async () => {
    const res = await postMultipart(
      apply,
      { ...validApplication, statement: 'x'.repeat(5001) },
      { cv: pdfFile() },
    )
    expect(summaryErrors(await res.text())[0]).toEqual({
      field: 'statement',
      message: 'How you meet the requirements of the role must be 5,000 characters or less',
    })
  })

  it('never accepts an application for a closed or unknown vacancy', async () => {
    const before = (await storedSubmissions()).length
    const closed = await postMultipart(
      '/careers/vacancies/closed-analyst/apply',
      validApplication,
      { cv: pdfFile() },
    )
    expect(closed.status).toBe(410)
    const unknown = await postMultipart('/careers/vacancies/nobody/apply', validApplication, {
      cv: pdfFile(),
    })
    expect(unknown.status).toBe(404)
    expect(await storedSubmissions()).toHaveLength(before)
    const withCv = (await storedSubmissions()).filter((s) => s.cv_key)
    expect((await env.CV_BUCKET.list()).objects).toHaveLength(withCv.length)
  })

  it('answers a body over the CV limit plus form overhead with 413', async () => {
    const res = await postMultipart(apply, validApplication, {
      cv: pdfFile('huge.pdf', 3 * 1024 * 1024),
    })
    expect(res.status).toBe(413)
  })

  it('answers a urlencoded body with 415', async () => {
    const res = await request(apply, {
      method: 'POST',
      body: new URLSearchParams(validApplication),
      headers: sameSiteHeaders(),
    })
    expect(res.status).toBe(415)
  })

  it('refuses a cross-site POST with 403', async () => {
    const res = await postMultipart(
      apply,
      validApplication,
      { cv: pdfFile() },
      { Origin: 'https://evil.example' },
    )
    expect(res.status).toBe(403)
  })

  it('answers 503 with every answer kept, and stores nothing, when R2 fails', async () => {
    const logs = captureLogs()
    const before = (await storedSubmissions()).length
    const failingBucket = {
      put: async () => {
        throw new Error('R2 is down')
      },
    } as unknown as R2Bucket
    const body = new FormData()
    for (const [k, v] of Object.entries(validApplication)) body.append(k, v)
    body.append('cv', pdfFile())
    const ctx = createExecutionContext()
    const res = await worker.fetch(
      new Request(new URL(apply, ORIGIN), { method: 'POST', body, headers: sameSiteHeaders() }),
      { ...env, CV_BUCKET: failingBucket },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('60')
    const html = await res.text()
    expect(html).toContain('Your application has not been sent')
    expect(html).toContain('value="Sam Applicant"')
    expect(html).toContain('>I have ten years of experience in financial investigation.</textarea>')
    expect(await storedSubmissions()).toHaveLength(before)
    expect(logs).toEqual([
      expect.objectContaining({ level: 'error', event: 'cv-not-stored', message: 'R2 is down' }),
    ])
    expect(JSON.stringify(logs)).not.toContain('Sam Applicant')
  })
})
