import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, axeViolations, launchChromium, nuErrors } from './browser.ts'
import { addStaff, check, firstSignIn, run } from './staff.ts'

const PHONE = { width: 375, height: 667 }

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

/**
 * axe and Nu on what a page without JavaScript shows. axe runs inside the page, so the same HTML
 * is served again, at the same URL and size, to a page with JavaScript on.
 */
const checkWithoutJs = async (page: Page) => {
  const html = await page.content()
  const context = await browser.newContext({ viewport: PHONE })
  await context.route(page.url(), (route) =>
    route.fulfill({ body: html, contentType: 'text/html' }),
  )
  const copy = await context.newPage()
  await copy.goto(page.url())
  const result = {
    page: new URL(page.url()).pathname,
    axe: await axeViolations(copy),
    nu: await nuErrors({ [page.url()]: html }),
  }
  await context.close()
  return result
}

/** Whether the page fits the phone's width without scrolling sideways. */
const fitsWidth = async (page: Page) =>
  (await page.evaluate(() => document.documentElement.scrollWidth)) <= PHONE.width

describe('"Is this page useful?" at 375 × 667 without JavaScript', () => {
  it('takes a No from a page, then the report, confirms it, and staff see it in the inbox', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })
    const page = await context.newPage()
    const results = []

    await page.goto(`${BASE_URL}/threats/fraud`)
    const feedback = page.locator('.soca-feedback')
    expect(await feedback.getByRole('heading', { name: 'Is this page useful?' }).count()).toBe(1)
    expect(await fitsWidth(page)).toBe(true)
    // Yes and No sit side by side on a phone, not stretched to full width.
    const yes = (await feedback
      .getByRole('button', { name: 'Yes this page is useful' })
      .boundingBox())!
    const no = (await feedback
      .getByRole('button', { name: 'No this page is not useful' })
      .boundingBox())!
    expect(Math.abs(yes.y - no.y)).toBeLessThan(2)
    results.push(await checkWithoutJs(page))

    await feedback.getByRole('button', { name: 'No this page is not useful' }).click()
    await page.waitForURL(/\/feedback\?path=%2Fthreats%2Ffraud&useful=no$/)
    expect(await page.locator('h1').textContent()).toBe('Help us improve this page')
    expect(await page.locator('.soca-feedback').count()).toBe(0)
    expect(await fitsWidth(page)).toBe(true)
    results.push(await checkWithoutJs(page))

    // Sent empty: the error summary, focused, and what was typed kept.
    const doing = `Checking the fraud advice ${run}`
    await page.getByLabel('What were you doing? (optional)').fill(doing)
    await page.getByRole('button', { name: 'Send' }).click()
    await page.waitForLoadState()
    expect(await page.title()).toBe('Error: Help us improve this page – SOCA')
    expect(
      await page.evaluate(
        () => document.activeElement?.classList.contains('govuk-error-summary') ?? false,
      ),
    ).toBe(true)
    expect(await page.getByLabel('What were you doing? (optional)').inputValue()).toBe(doing)
    results.push(await checkWithoutJs(page))

    const wrong = `The phone number is out of date ${run}`
    await page.getByLabel('What went wrong?').fill(wrong)
    await page.getByRole('button', { name: 'Send' }).click()
    await page.waitForURL(/\/feedback\/sent\?path=%2Fthreats%2Ffraud&reported=yes$/)
    expect(await page.locator('h1').textContent()).toBe('Thank you for your feedback')
    expect(await page.locator('.soca-feedback').count()).toBe(0)
    results.push(await checkWithoutJs(page))

    // A Yes from another page, and its thank-you page.
    await page.goto(`${BASE_URL}/about`)
    await page.getByRole('button', { name: 'Yes this page is useful' }).click()
    await page.waitForURL(/\/feedback\/sent\?path=%2Fabout$/)
    expect(await page.locator('h1').textContent()).toBe('Thank you for your feedback')
    results.push(await checkWithoutJs(page))

    // "Report a problem with this page" and its too-long error.
    await page.goto(`${BASE_URL}/contact`)
    await page.getByRole('link', { name: 'Report a problem with this page' }).click()
    await page.waitForURL(/\/feedback\?path=%2Fcontact$/)
    expect(await page.locator('h1').textContent()).toBe('Report a problem with this page')
    results.push(await checkWithoutJs(page))
    await page.getByLabel('What went wrong?').fill('x'.repeat(1001))
    await page.getByRole('button', { name: 'Send' }).click()
    await page.waitForLoadState()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'What went wrong must be 1,000 characters or less',
    )
    results.push(await checkWithoutJs(page))
    await context.close()

    // Staff: the report in the inbox, then the counts.
    const staff = await firstSignIn(browser, addStaff('editor'))
    await staff.setViewportSize(PHONE)
    await staff.goto(`${BASE_URL}/admin/submissions?kind=feedback`)
    const row = staff.locator('.soca-inbox__item').first()
    expect(await row.textContent()).toContain('Page feedback')
    expect(await row.getByRole('link', { name: '/threats/fraud' }).count()).toBe(1)
    results.push(await check(staff))
    await row.locator('a').first().click()
    await staff.waitForLoadState()
    expect(await staff.locator('main').textContent()).toContain(wrong)
    expect(await staff.locator('main').textContent()).toContain(doing)
    results.push(await check(staff))

    await staff.goto(`${BASE_URL}/admin/feedback`)
    expect(await staff.locator('h1').textContent()).toBe('Page feedback')
    const fraud = staff.locator('tbody tr', {
      has: staff.getByRole('link', { name: '/threats/fraud', exact: true }),
    })
    expect(Number(await fraud.locator('td').nth(1).textContent())).toBeGreaterThanOrEqual(1)
    expect(await fitsWidth(staff)).toBe(true)
    results.push(await check(staff))

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
    expect(results).toHaveLength(10)
  })
})
