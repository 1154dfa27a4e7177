// Scheduled publishing in the browser: a publisher saves a change, schedules it, and sees it go
// live when the Cron Trigger runs (started by hand: `npm start` passes --test-scheduled).
import { execFileSync } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ukWallTime } from '../../src/lib/uk-time.ts'
import { BASE_URL, launchChromium } from './browser.ts'
import { addStaff, check, firstSignIn, run } from './staff.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

/** Types a time into one of the schedule form's date-and-time groups, as UK wall time. */
const fillTime = async (page: Page, name: 'publishAt' | 'unpublishAt', at: Date) => {
  const t = ukWallTime(at)
  await page.locator(`#${name}-day`).fill(String(t.day))
  await page.locator(`#${name}-month`).fill(String(t.month))
  await page.locator(`#${name}-year`).fill(String(t.year))
  const pad = (n: number) => String(n).padStart(2, '0')
  await page.locator(`#${name}-time`).fill(`${pad(t.hour)}:${pad(t.minute)}`)
}

/** Runs SQL against the local D1 that `npm start` serves. */
const d1 = (sql: string) =>
  execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', '--command', sql], {
    stdio: 'ignore',
  })

/** The public page's text once it holds `text`, within 10 seconds (the content version's TTL). */
const publicPageWith = async (path: string, text: string) => {
  const deadline = Date.now() + 10_000
  let html = ''
  while (Date.now() < deadline) {
    html = await (await fetch(`${BASE_URL}${path}`)).text()
    if (html.includes(text)) return html
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return html
}

describe('scheduled publishing', () => {
  it('publishes a saved change when its time comes, cancels a schedule, and passes axe and Nu', async () => {
    const page = await firstSignIn(browser, addStaff('publisher'))
    await page.getByRole('link', { name: 'Continue to the staff area' }).click()
    await page.getByRole('link', { name: 'Pages', exact: true }).first().click()
    await page.getByRole('link', { name: 'UK Human Trafficking Centre' }).click()
    // A click does not wait for the navigation it starts.
    await page.waitForURL(/\/admin\/pages\/\d+$/)
    const editUrl = page.url()
    const marker = `Scheduled in the browser ${run}`
    const original = await page.getByLabel('Summary').inputValue()
    await page.getByLabel('Summary').fill(`${original} ${marker}`)
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(/done=saved/)

    const results = []
    await page.goto(`${editUrl}/schedule`)
    expect(await page.locator('h1').textContent()).toBe('Schedule UK Human Trafficking Centre')
    results.push(await check(page))

    // Nothing entered: the error summary, and still no findings.
    await page.getByRole('button', { name: 'Schedule', exact: true }).click()
    await page.waitForLoadState()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter a date and time to publish or unpublish',
    )
    results.push(await check(page))
    // A time in the past, with the values kept.
    await fillTime(page, 'publishAt', new Date(Date.now() - 86_400_000))
    await page.getByRole('button', { name: 'Schedule', exact: true }).click()
    await page.waitForLoadState()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Publish date and time must be in the future',
    )
    expect(await page.locator('#publishAt-time').inputValue()).not.toBe('')
    results.push(await check(page))

    // The next minute but one, so it is still in the future when the form arrives.
    await fillTime(page, 'publishAt', new Date(Date.now() + 2 * 60_000))
    await page.getByRole('button', { name: 'Schedule', exact: true }).click()
    await page.waitForURL(/done=scheduled/)
    const row = page
      .locator('table', { hasText: 'Scheduled changes, soonest first' })
      .locator('tbody tr', { hasText: 'Publish revision' })
    expect(await row.count()).toBe(1)
    const cancel = await row.locator('form').getAttribute('action')
    const scheduleId = Number(cancel!.match(/\/schedule\/(\d+)\/cancel$/)![1])
    results.push(await check(page))

    await page.goto(`${BASE_URL}/admin`)
    const coming = page.locator('table', { hasText: 'Coming up, soonest first' })
    expect(await coming.textContent()).toContain('UK Human Trafficking Centre')
    results.push(await check(page))

    // The minute comes: move it into the past, then run the Cron Trigger.
    expect(await (await fetch(`${BASE_URL}/ukhtc`)).text()).not.toContain(marker)
    d1(`UPDATE scheduled_changes SET at = ${Date.now() - 60_000} WHERE id = ${scheduleId}`)
    const cron = await fetch(`${BASE_URL}/__scheduled?cron=*+*+*+*+*`)
    expect(cron.status).toBe(200)
    expect(await publicPageWith('/ukhtc', marker)).toContain(marker)
    await page.goto(`${editUrl}/schedule`)
    expect(await page.locator('table', { hasText: 'Recent changes' }).textContent()).toContain(
      'Done',
    )

    // Schedule an unpublish, then cancel it.
    await fillTime(page, 'unpublishAt', new Date(Date.now() + 86_400_000))
    await page.getByRole('button', { name: 'Schedule', exact: true }).click()
    await page.waitForURL(/done=scheduled/)
    await page.getByRole('button', { name: 'Cancel unpublish' }).click()
    await page.waitForURL(/done=cancelled/)
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Scheduled change cancelled.',
    )
    expect(await page.getByRole('button', { name: 'Cancel unpublish' }).count()).toBe(0)
    results.push(await check(page))

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])

    // Put the page back as it was.
    await page.goto(editUrl)
    await page.getByLabel('Summary').fill(original)
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(/done=saved/)
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.waitForURL(/done=published/)
  })
})
