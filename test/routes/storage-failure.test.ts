import { env } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  insertVacancy,
  isoDay,
  pdfFile,
  postForm,
  postMultipart,
  validApplication,
} from '../helpers.ts'

// D1 refuses every new submission in this file: storage is isolated per test file.
beforeAll(async () => {
  await insertVacancy('analyst', 'Analyst', isoDay(10))
  await env.DB.prepare('DROP TABLE submissions').run()
})

afterEach(() => vi.restoreAllMocks())

describe('when D1 cannot store a submission', () => {
  it('answers the contact form with 503 and every answer kept, logging no personal data', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await postForm('/contact', {
      topic: 'general',
      fullName: 'Alex Example',
      email: 'alex@example.com',
      message: 'Please reply.',
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('60')
    const html = await res.text()
    expect(html).toContain('Your message has not been sent')
    expect(html).toContain('value="Alex Example"')
    expect(html).toContain('value="alex@example.com"')
    expect(html).toContain('>Please reply.</textarea>')
    expect(logged).toHaveBeenCalled()
    const logs = JSON.stringify(logged.mock.calls)
    expect(logs).not.toContain('alex@example.com')
    expect(logs).not.toContain('Alex Example')
  })

  it('answers an application with 503, keeps the answers and deletes the CV it stored in R2', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const res = await postMultipart('/careers/vacancies/analyst/apply', validApplication, {
      cv: pdfFile(),
    })
    expect(res.status).toBe(503)
    const html = await res.text()
    expect(html).toContain('Your application has not been sent')
    expect(html).toContain('value="Sam Applicant"')
    expect(html).toContain('Select your CV again')
    expect((await env.CV_BUCKET.list()).objects).toEqual([])
  })
})
