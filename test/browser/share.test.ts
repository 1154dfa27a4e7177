// Share links end to end: a publisher shares a draft, someone with no account opens it, and
// it stops opening once revoked or expired. The site must have STAFF_COOKIE_KEY, which signs
// the links (README, "Share links").
import { execFileSync } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, launchChromium } from './browser.ts'
import { addStaff, check, firstSignIn, run } from './staff.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

/** The address of the newest link on a share page, on the site the checks drive. */
const newestLink = async (page: Page) => {
  const url = await page.locator('input[id^="share-url-"]').first().inputValue()
  expect(url).toMatch(/\/share\/\d+\.\d+\.[\w-]{43}$/)
  return `${BASE_URL}${new URL(url).pathname}`
}

/** Runs SQL against the local D1 the site serves, as `npm run staff` does. */
const localSql = (sql: string) =>
  execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', '--command', sql], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })

describe('a share link', () => {
  it('shows a draft to someone with no account, until it is revoked or expires', async () => {
    const staff = await firstSignIn(browser, addStaff('publisher'))
    const marker = `Embargoed until 9am ${run}`

    // A draft news article, never published.
    await staff.goto(`${BASE_URL}/admin/news/new`)
    await staff.getByLabel('Title').fill(`Record seizure ${run}`)
    await staff.getByLabel('Web address').fill(`record-seizure-${run}`)
    await staff.getByLabel('Summary').fill('Officers seized a record amount.')
    await staff.getByLabel('Body').fill(marker)
    await staff.getByRole('button', { name: 'Save draft' }).click()
    await staff.waitForURL(/done=created/)
    const sharePage = `${staff.url().split('?')[0]}/share`

    const results = []
    await staff.goto(sharePage)
    const makeButton = staff.getByRole('button', { name: 'Make share link' })
    expect(await makeButton.count(), 'the site needs STAFF_COOKIE_KEY to sign links').toBe(1)
    results.push(await check(staff))

    // The form with errors: nothing chosen.
    await makeButton.click()
    await staff.waitForLoadState()
    expect(await staff.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'Enter who the link is for',
      'Select when the link expires',
    ])
    results.push(await check(staff))

    await staff.getByLabel('Who is it for?').fill('BBC News')
    await staff.getByLabel('3 days').check()
    await staff.getByRole('button', { name: 'Make share link' }).click()
    await staff.waitForURL(/done=created/)
    expect(await staff.locator('.govuk-summary-card').first().textContent()).toContain('Active')
    results.push(await check(staff))
    const link = await newestLink(staff)

    // Someone with no account, in a browser with no cookies.
    const visitor = await (await browser.newContext()).newPage()
    const shown = await visitor.goto(link)
    expect(shown!.status()).toBe(200)
    expect(shown!.headers()['cache-control']).toBe('no-store')
    expect(shown!.headers()['x-robots-tag']).toBe('noindex, nofollow')
    expect(shown!.headers()['referrer-policy']).toBe('no-referrer')
    expect(await visitor.locator('#preview-title').textContent()).toBe('Preview')
    expect(await visitor.locator('main').textContent()).toContain(marker)
    expect(await visitor.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex')
    expect(await visitor.context().cookies()).toEqual([])
    results.push(await check(visitor))

    // The view is counted on the share page.
    await staff.reload()
    expect(await staff.locator('.govuk-summary-card').first().textContent()).toMatch(/Views\s*1/)

    await staff.getByRole('button', { name: 'Revoke the link for BBC News' }).click()
    await staff.waitForURL(/done=revoked/)
    expect(await staff.locator('.govuk-summary-card').first().textContent()).toContain('Revoked')

    const refused = await visitor.reload()
    expect(refused!.status()).toBe(410)
    expect(refused!.headers()['cache-control']).toBe('no-store')
    expect(await visitor.locator('main').textContent()).toContain(
      'This preview link has expired or been withdrawn.',
    )
    expect(await visitor.locator('main').textContent()).not.toContain(marker)
    results.push(await check(visitor))

    // Another link, then its expiry moved into the past in D1.
    await staff.getByLabel('Who is it for?').fill('Partner agency')
    await staff.getByLabel('1 day').check()
    await staff.getByRole('button', { name: 'Make share link' }).click()
    await staff.waitForURL(/done=created/)
    const second = await newestLink(staff)
    expect((await visitor.goto(second))!.status()).toBe(200)
    const id = Number(new URL(second).pathname.split('/')[2]!.split('.')[0])
    localSql(`UPDATE share_links SET expires_at = ${Date.now() - 60_000} WHERE id = ${id}`)
    const expired = await visitor.goto(second)
    expect(expired!.status()).toBe(410)
    expect(await visitor.locator('main').textContent()).toContain(
      'This preview link has expired or been withdrawn.',
    )
    await staff.reload()
    expect(await staff.locator('.govuk-summary-card').first().textContent()).toContain('Expired')
    results.push(await check(staff))

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
  })
})
