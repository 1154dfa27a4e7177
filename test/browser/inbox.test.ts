import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, launchChromium } from './browser.ts'
import { addStaff, check, firstSignIn, run } from './staff.ts'

const PHONE = { width: 375, height: 667 }

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

/** Whether the page scrolls sideways: wider content than the viewport. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth)

describe('the submissions inbox at 375 × 667', () => {
  it('lists, searches and opens submissions without scrolling sideways, and moves one on', async () => {
    // An enquiry sent the way visitors send one, with a name and address too long for a phone.
    const name = `Inbox${run}${'x'.repeat(60)} Tester`
    const email = `inbox-${run}-${'y'.repeat(60)}@example.com`
    const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
    await visitor.goto(`${BASE_URL}/contact`)
    await visitor.getByLabel('Media enquiry').check()
    await visitor.getByLabel('Full name').fill(name)
    await visitor.getByLabel('Email address').fill(email)
    await visitor.getByLabel('Your message').fill('First line\nSecond line')
    await visitor.getByRole('button', { name: 'Send message' }).click()
    await visitor.waitForURL(/\/contact\/sent\?reference=SOCA-/)
    const reference = new URL(visitor.url()).searchParams.get('reference')!
    await visitor.context().close()

    const page = await firstSignIn(browser, addStaff('editor'))
    await page.setViewportSize(PHONE)
    const results = []

    await page.goto(`${BASE_URL}/admin/submissions`)
    expect(await page.locator('h1').textContent()).toBe('Submissions')
    expect(await page.locator('.soca-inbox__item').count()).toBeGreaterThan(0)
    expect(await scrollsSideways(page)).toBe(false)
    results.push(await check(page))

    // A reference typed in lower case finds the one submission.
    await page
      .getByLabel('Search by reference, name or email address')
      .fill(reference.toLowerCase())
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForLoadState()
    const items = page.locator('.soca-inbox__item')
    expect(await items.count()).toBe(1)
    expect(await items.first().textContent()).toContain('Enquiry from')
    expect(await scrollsSideways(page)).toBe(false)
    results.push(await check(page))

    // An address no one used: the message, not an empty page.
    await page
      .getByLabel('Search by reference, name or email address')
      .fill('no-one@nowhere.example')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForLoadState()
    expect(await page.locator('main').textContent()).toContain(
      'No submissions match your search and filters.',
    )
    expect(await scrollsSideways(page)).toBe(false)
    results.push(await check(page))

    // The sender's address in another case finds it too; open it.
    await page.getByLabel('Search by reference, name or email address').fill(email.toUpperCase())
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForLoadState()
    await page.getByRole('link', { name: reference }).click()
    await page.waitForLoadState()
    expect(await page.locator('h1').textContent()).toBe(`Enquiry ${reference}`)
    const main = (await page.locator('main').textContent())!
    expect(main).toContain('What is your enquiry about?')
    expect(main).toContain('Media enquiry')
    expect(await scrollsSideways(page)).toBe(false)
    results.push(await check(page))

    // Moved on and taken on, without JavaScript needed.
    await page.getByLabel('In progress').check()
    await page.getByRole('button', { name: 'Change status' }).click()
    await page.waitForLoadState()
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Marked as in progress.',
    )
    const me = (await page.locator('#assignee option', { hasText: '(you)' }).getAttribute('value'))!
    await page.getByLabel('Assigned to').selectOption(me)
    await page.getByRole('button', { name: 'Assign' }).click()
    await page.waitForLoadState()
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Assignment saved.',
    )
    expect(await page.locator('main').textContent()).toMatch(/Assigned to\s*Browser editor/)
    expect(await scrollsSideways(page)).toBe(false)
    results.push(await check(page))

    await page.goto(`${BASE_URL}/admin/submissions?assigned=me&status=in_progress`)
    expect(await page.getByRole('link', { name: reference }).count()).toBe(1)
    expect(await scrollsSideways(page)).toBe(false)

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
    expect(results).toHaveLength(5)
  })
})
