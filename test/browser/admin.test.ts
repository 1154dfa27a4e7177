import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, launchChromium } from './browser.ts'
import { addStaff, check, firstSignIn, run } from './staff.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

describe('a publisher', () => {
  it('signs in with TOTP, edits a page, previews it, publishes it, and sees the public page change', async () => {
    const page = await firstSignIn(browser, addStaff('publisher'))
    await page.getByRole('link', { name: 'Continue to the staff area' }).click()
    await page.getByRole('link', { name: 'Pages', exact: true }).first().click()
    await page.getByRole('link', { name: 'UK Human Trafficking Centre' }).click()
    // A click does not wait for the navigation it starts.
    await page.waitForURL(/\/admin\/pages\/\d+$/)
    const editUrl = page.url()
    const marker = `Checked in the browser ${run}`
    const summary = page.getByLabel('Summary')
    const original = await summary.inputValue()
    await summary.fill(`${original} ${marker}`)
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(/done=saved/)
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Draft saved',
    )

    const preview = await page.context().newPage()
    const previewed = await preview.goto(`${editUrl}/preview`)
    expect(await preview.locator('.govuk-body-l').textContent()).toContain(marker)
    // It says what it is, is kept out of caches and search engines, and leads back.
    const banner = preview.getByRole('region', { name: 'Preview' })
    expect(await banner.textContent()).toContain('Preview: this version is not published')
    expect(previewed?.headers()['cache-control']).toBe('no-store')
    expect(await preview.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex')
    await banner.getByRole('link', { name: 'Back to the editor' }).click()
    await preview.waitForURL(editUrl)
    const publicBefore = await (await fetch(`${BASE_URL}/ukhtc`)).text()
    expect(publicBefore).not.toContain(marker)

    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.waitForURL(/done=published/)
    const publicPage = await page.context().newPage()
    await publicPage.goto(`${BASE_URL}/ukhtc`)
    expect(await publicPage.locator('.govuk-body-l').textContent()).toContain(marker)

    // Put the page back as it was, the same way.
    await page.goto(editUrl)
    await page.getByLabel('Summary').fill(original)
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(/done=saved/)
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.waitForURL(/done=published/)
    expect(await (await fetch(`${BASE_URL}/ukhtc`)).text()).not.toContain(marker)
  })
})

describe('every staff page', () => {
  it('has zero axe violations and zero Nu HTML Checker errors', async () => {
    const signInPage = await (await browser.newContext()).newPage()
    await signInPage.goto(`${BASE_URL}/admin/sign-in`)
    const results = [await check(signInPage)]

    const page = await firstSignIn(browser, addStaff('admin'))
    results.push(await check(page))
    const paths = [
      '/admin',
      '/admin/pages',
      '/admin/pages/new',
      '/admin/news',
      '/admin/news/new',
      '/admin/vacancies',
      '/admin/vacancies/new',
      '/admin/settings',
      '/admin/submissions',
      '/admin/alerts',
      '/admin/attachments',
      '/admin/attachments/new',
      '/admin/audit',
      '/admin/staff',
      '/admin/account/password',
    ]
    for (const path of paths) {
      await page.goto(`${BASE_URL}${path}`)
      results.push(await check(page))
    }
    // An item's own pages: edit, preview, history, and a comparison.
    await page.goto(`${BASE_URL}/admin/pages`)
    const edit = (await page
      .getByRole('link', { name: 'UK Human Trafficking Centre' })
      .getAttribute('href'))!
    for (const suffix of ['', '/preview', '/history']) {
      await page.goto(`${BASE_URL}${edit}${suffix}`)
      results.push(await check(page))
    }
    await page.getByRole('button', { name: 'Compare' }).click()
    await page.waitForURL(/compare/)
    results.push(await check(page))
    // A form with errors.
    await page.goto(`${BASE_URL}/admin/pages/new`)
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForLoadState()
    results.push(await check(page))
    // A submission, if the form checks left one.
    await page.goto(`${BASE_URL}/admin/submissions`)
    const first = page.locator('.soca-inbox__item a').first()
    if ((await first.count()) > 0) {
      await first.click()
      await page.waitForLoadState()
      results.push(await check(page))
    }
    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
    expect(results.length).toBeGreaterThanOrEqual(21)
    // Some 25 pages, each checked by axe and the Nu checker: more than the default timeout.
  }, 400_000)
})
