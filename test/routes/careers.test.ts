import { beforeAll, describe, expect, it } from 'vitest'
import { getPage, insertVacancy, isoDay, request } from '../helpers.ts'

beforeAll(async () => {
  await insertVacancy('open-role', 'Open role', isoDay(30))
  await insertVacancy('last-day-role', 'Last day role', isoDay(0))
  await insertVacancy('closed-role', 'Closed role', isoDay(-2))
})

describe('GET /careers', () => {
  it('lists open vacancies with their grade, location, salary and closing date', async () => {
    const { res, html } = await getPage('/careers')
    expect(res.status).toBe(200)
    expect(html).toContain('href="/careers/vacancies/open-role"')
    expect(html).toContain('href="/careers/vacancies/last-day-role"')
    expect(html).toContain('<dt class="govuk-summary-list__key">Closing date</dt>')
    expect(html).toContain('Manchester')
  })

  it('does not list a vacancy past its closing date', async () => {
    const { html } = await getPage('/careers')
    expect(html).not.toContain('closed-role')
    expect(html).not.toContain('intelligence-analyst-2013')
  })
})

describe('GET /careers/vacancies/:slug', () => {
  it('renders an open vacancy', async () => {
    const { res, html } = await getPage('/careers/vacancies/open-role')
    expect(res.status).toBe(200)
    expect(html).toContain('<h1 class="govuk-heading-xl">Open role</h1>')
    expect(html).toContain('href="/careers">Careers</a>')
  })

  it('answers 410 with an explanation for a closed vacancy', async () => {
    const { res, html } = await getPage('/careers/vacancies/closed-role')
    expect(res.status).toBe(410)
    expect(html).toContain('This vacancy closed on')
  })

  it('answers 404 for an unknown vacancy', async () => {
    expect((await request('/careers/vacancies/nothing-here')).status).toBe(404)
  })
})
