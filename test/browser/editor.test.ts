// The editor in real Chromium: Publish on the same form as Save draft, the banner's link to the
// live page showing the new version at once in the publisher's own browser (which had the old
// one in its HTTP cache), the unpublish confirmation, and axe and Nu on each of those states.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, launchChromium } from './browser.ts'
import { addStaff, check, firstSignIn, run } from './staff.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

const TITLE = 'Objectives and values'

/** Opens the page's editor from the staff list; answers its address and public path. */
const openEditor = async (page: Page) => {
  await page.goto(`${BASE_URL}/admin/pages`)
  await page.getByRole('link', { name: TITLE, exact: true }).first().click()
  await page.waitForURL(/\/admin\/pages\/\d+$/)
  const publicPath = (await page
    .locator('.govuk-summary-list__value a.govuk-link')
    .first()
    .getAttribute('href'))!
  return { editUrl: page.url(), publicPath }
}

/** The summary paragraph of a public page. */
const summaryOf = (page: Page) => page.locator('main .govuk-body-l').first().textContent()

describe('a publisher in the editor', () => {
  it('publishes from the same form, and the banner link shows the new version at once in the same browser', async () => {
    const page = await firstSignIn(browser, addStaff('publisher'))
    const { editUrl, publicPath } = await openEditor(page)
    const results = [await check(page)]

    // The old version in this browser's HTTP cache (public pages: max-age=60), and in another
    // browser's, which is the control: it keeps showing its copy.
    await page.goto(`${BASE_URL}${publicPath}`)
    const original = (await summaryOf(page))!.trim()
    const other = await (await browser.newContext()).newPage()
    await other.goto(`${BASE_URL}${publicPath}`)

    const marker = `Published from the editor ${run}`
    await page.goto(editUrl)
    await page.getByLabel('Summary').fill(`${original} ${marker}`)
    await page.getByLabel('Minor change, such as a typo (no public note)').check()
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.waitForURL(/done=published/)
    const banner = page.locator('.govuk-notification-banner--success')
    expect(await banner.textContent()).toContain('Published. The change is on the site now.')
    results.push(await check(page))

    await banner.getByRole('link', { name: 'View the page on the site' }).click()
    await page.waitForURL(`${BASE_URL}${publicPath}`)
    expect(await summaryOf(page)).toContain(marker)

    // The other browser, never told, shows its cached copy until it expires: the header, not
    // luck, is why the publisher saw the change.
    await other.goto(`${BASE_URL}/news`)
    await other.goto(`${BASE_URL}${publicPath}`)
    expect(await summaryOf(other)).not.toContain(marker)
    await other.context().close()

    // Put the page back as it was, the same way.
    await page.goto(editUrl)
    await page.getByLabel('Summary').fill(original)
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.waitForURL(/done=published/)
    await page.getByRole('link', { name: 'View the page on the site' }).click()
    await page.waitForURL(`${BASE_URL}${publicPath}`)
    expect(await summaryOf(page)).not.toContain(marker)

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
  })

  it('shows errors, asks before unpublishing, and every state passes axe and Nu', async () => {
    const page = await firstSignIn(browser, addStaff('publisher'))
    const { editUrl } = await openEditor(page)
    const results = []

    // A major change with no note, and no title: errors, with what was typed kept.
    await page.getByLabel('Title').fill('')
    await page.getByLabel('Major change: visitors are told').check()
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.waitForLoadState()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter a change note',
    )
    expect(await page.getByLabel('Major change: visitors are told').isChecked()).toBe(true)
    results.push(await check(page))

    // A news article's date input with a date that does not exist.
    await page.goto(`${BASE_URL}/admin/news/new`)
    await page.getByLabel('Day').fill('31')
    await page.getByLabel('Month').fill('2')
    await page.getByLabel('Year').fill('2013')
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForLoadState()
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Publication date must be a real date',
    )
    expect(await page.getByLabel('Day').inputValue()).toBe('31')
    results.push(await check(page))

    // Unpublish is a link at the foot, to a page that asks first.
    await page.goto(editUrl)
    await page.getByRole('link', { name: 'Unpublish', exact: true }).click()
    await page.waitForURL(/\/unpublish$/)
    expect(await page.locator('h1').textContent()).toBe(
      `Are you sure you want to unpublish ‘${TITLE}’?`,
    )
    expect(await page.getByRole('button', { name: 'Unpublish' }).getAttribute('class')).toContain(
      'govuk-button--warning',
    )
    results.push(await check(page))
    await page.getByRole('link', { name: 'Cancel' }).click()
    await page.waitForURL(editUrl)

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
  })
})
