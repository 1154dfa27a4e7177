import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, axeViolations, launchChromium, nuErrors } from './browser.ts'

let browser: Browser
let applyPath: string

beforeAll(async () => {
  browser = await launchChromium()
  const careers = await (await fetch(`${BASE_URL}/careers`)).text()
  const vacancy = careers.match(/href="(\/careers\/vacancies\/[^"]+)"/)?.[1]
  if (!vacancy) throw new Error('no open vacancy on /careers')
  applyPath = `${vacancy}/apply`
})

afterAll(() => browser?.close())

/** Whether keyboard focus is on the error summary. */
const focusIsOnErrorSummary = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary') ?? false)

/**
 * Runs axe on what a page shows. axe runs inside the page, so when JavaScript is off the same
 * HTML is served again, at the same URL, to a page with JavaScript on.
 */
const axeOn = async (page: Page, javaScriptEnabled: boolean) => {
  if (javaScriptEnabled) return axeViolations(page)
  const html = await page.content()
  const context = await browser.newContext()
  await context.route(page.url(), (route) =>
    route.fulfill({ body: html, contentType: 'text/html' }),
  )
  const copy = await context.newPage()
  await copy.goto(page.url())
  return axeViolations(copy)
}

/** Checks a page with axe and the Nu HTML Checker, returning their findings. */
const checkPage = async (page: Page, javaScriptEnabled: boolean) => ({
  axe: await axeOn(page, javaScriptEnabled),
  nu: await nuErrors({ [page.url()]: await page.content() }),
})

const pdf = {
  name: 'cv.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.7\n%test CV\n'),
}

describe.each([
  ['on', true],
  ['off', false],
])('with JavaScript %s', (_, javaScriptEnabled) => {
  it('the contact form shows its errors with focus on the summary, then sends', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled })).newPage()
    await page.goto(`${BASE_URL}/contact`)
    await page.getByRole('button', { name: 'Send message' }).click()
    await page.waitForLoadState()
    expect(await page.title()).toBe('Error: Contact us – SOCA')
    expect(await focusIsOnErrorSummary(page)).toBe(true)
    expect(await axeOn(page, javaScriptEnabled)).toEqual([])

    await page.getByLabel('Media enquiry').check()
    await page.getByLabel('Full name').fill('Browser Tester')
    await page.getByLabel('Email address').fill('tester@example.com')
    await page.getByLabel('Your message').fill('Sent from the browser checks.')
    await page.getByRole('button', { name: 'Send message' }).click()
    await page.waitForURL(/\/contact\/sent\?reference=SOCA-/)
    expect(await page.locator('h1').textContent()).toBe('Message sent')
    expect(await checkPage(page, javaScriptEnabled)).toEqual({ axe: [], nu: [] })
  })

  it('the job application shows its errors with focus on the summary, then sends with a CV', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled })).newPage()
    await page.goto(`${BASE_URL}${applyPath}`)
    await page.getByRole('button', { name: 'Send application' }).click()
    await page.waitForLoadState()
    expect(await page.title()).toMatch(/^Error: Apply for /)
    expect(await focusIsOnErrorSummary(page)).toBe(true)
    expect(await checkPage(page, javaScriptEnabled)).toEqual({ axe: [], nu: [] })

    await page.getByLabel('Full name').fill('Browser Applicant')
    await page.getByLabel('Email address').fill('applicant@example.com')
    await page.getByLabel('Telephone number').fill('01632 960 001')
    await page.getByLabel('Yes').check()
    await page.getByLabel('How you meet the requirements of the role').fill('Years of analysis.')
    await page.getByLabel('Upload your CV').setInputFiles(pdf)
    await page.getByLabel(/I confirm that the information/).check()
    await page.getByRole('button', { name: 'Send application' }).click()
    await page.waitForURL(/\/careers\/application-sent\?reference=SOCA-/)
    expect(await page.locator('h1').textContent()).toBe('Application sent')
    expect(await checkPage(page, javaScriptEnabled)).toEqual({ axe: [], nu: [] })
  })
})
