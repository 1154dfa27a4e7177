// A CV is a visitor's file: a PDF can also be valid HTML. Its download keeps its own locked-down
// Content-Security-Policy rather than the site's, which would let such a file run as a page.
import { beforeAll, describe, expect, it } from 'vitest'
import { createStaff, signedIn } from '../admin-helpers.ts'
import {
  insertVacancy,
  isoDay,
  pdfFile,
  postMultipart,
  request,
  storedSubmissions,
  validApplication,
} from '../helpers.ts'

type Browser = Awaited<ReturnType<typeof signedIn>>
let editor: Browser

beforeAll(async () => {
  editor = await signedIn(await createStaff({ email: 'ed@example.com', role: 'editor' }))
  await insertVacancy('analyst', 'Analyst', isoDay(10))
  await postMultipart('/careers/vacancies/analyst/apply', validApplication, {
    cv: pdfFile('my cv.pdf'),
  })
})

describe('the Content-Security-Policy', () => {
  it("is the CV download's own sandboxing policy, not the site's", async () => {
    const application = (await storedSubmissions()).find((s) => s.kind === 'application')!
    const res = await editor.get(`/admin/submissions/${application.id}/cv`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox")
    // The other security headers are still added.
    expect(res.headers.get('X-Frame-Options')).toBe('DENY')
  })

  it.each(['/', '/careers', '/admin/sign-in'])('is the site policy on %s', async (path) => {
    const res = path.startsWith('/admin') ? await editor.get(path) : await request(path)
    expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'self'; /)
  })
})
