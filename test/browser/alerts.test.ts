// Email alerts end to end on a phone: an admin sets the address for contact enquiries, a
// visitor sends one, `wrangler dev` simulates the Email Service binding (it prints the email),
// and the staff page shows the alert sent; then an alert made to fail, and "Try again now".
import { execFileSync } from 'node:child_process'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, launchChromium } from './browser.ts'
import { PHONE, addStaff, checkNarrow, firstSignIn, run } from './staff.ts'

let browser: Browser

/** Runs SQL against the local D1 the site serves, as `npm run staff` does. */
const localSql = (sql: string) =>
  execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', '--command', sql], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  // Later checks send forms too: they should not be alerted about.
  localSql("UPDATE settings SET value = '' WHERE key = 'alert_email_enquiry'")
  await browser?.close()
})

describe('email alerts', () => {
  it('are set, sent, shown and tried again, on a phone, with no accessibility findings', async () => {
    const page = await firstSignIn(browser, addStaff('admin'))
    await page.setViewportSize(PHONE)
    // A long address, to show it wraps rather than widening the page.
    const address = `enquiry-alerts-for-the-serious-organised-crime-agency-${run}@soca.example`

    await page.goto(`${BASE_URL}/admin/settings`)
    const results = [await checkNarrow(page)]
    await page.getByLabel('Contact enquiries').fill('enquiry-alerts-at-soca')
    await page.getByRole('button', { name: 'Save email alerts' }).click()
    await page.waitForLoadState()
    expect(await page.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'Enter the email address for contact enquiry alerts in the correct format, like name@example.com',
    ])
    expect(await page.getByLabel('Contact enquiries').inputValue()).toBe('enquiry-alerts-at-soca')
    results.push(await checkNarrow(page))
    await page.getByLabel('Contact enquiries').fill(address)
    await page.getByRole('button', { name: 'Save email alerts' }).click()
    await page.waitForURL(/done=alerts/)
    results.push(await checkNarrow(page))

    // A visitor's enquiry: its alert goes out after the confirmation, through the simulation.
    const visitor = await (await browser.newContext({ viewport: PHONE })).newPage()
    await visitor.goto(`${BASE_URL}/contact`)
    await visitor.getByLabel('Media enquiry').check()
    await visitor.getByLabel('Full name').fill('Browser Visitor')
    await visitor.getByLabel('Email address').fill('visitor@example.com')
    await visitor.getByLabel('Your message').fill(`Alert check ${run}`)
    await visitor.getByRole('button', { name: 'Send message' }).click()
    await visitor.waitForURL(/\/contact\/sent\?reference=/)
    const reference = new URL(visitor.url()).searchParams.get('reference')!

    const sentItem = page.locator('li', { hasText: reference })
    for (let i = 0; i < 20 && (await sentItem.count()) === 0; i++) {
      await page.goto(`${BASE_URL}/admin/alerts`)
      if ((await sentItem.count()) === 0) await page.waitForTimeout(250)
    }
    expect(await sentItem.textContent()).toContain('(enquiry)')
    results.push(await checkNarrow(page))

    // The same alert as if every attempt had failed.
    localSql(
      `UPDATE submission_alerts SET status = 'failed', attempts = 8, sent_at = NULL, last_error = 'Simulated failure' WHERE submission_id = (SELECT id FROM submissions WHERE reference = '${reference}')`,
    )
    await page.goto(`${BASE_URL}/admin/alerts`)
    const card = page.locator('.govuk-summary-card', { hasText: reference })
    expect(await card.textContent()).toContain('Simulated failure')
    results.push(await checkNarrow(page))
    await card.getByRole('button', { name: /Try again now/ }).click()
    await page.waitForURL(/done=sent/)
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('Alert sent.')
    expect(await page.locator('li', { hasText: reference }).count()).toBe(1)
    results.push(await checkNarrow(page))

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
  })
})
