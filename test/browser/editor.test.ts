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

/**
 * Records which of a page's requests Chromium answered from its own HTTP cache, by URL, as the
 * DevTools protocol reports it (a response's fromDiskCache, or requestServedFromCache).
 */
const cacheWatch = async (page: Page) => {
  const session = await page.context().newCDPSession(page)
  await session.send('Network.enable')
  const urls = new Map<string, string>()
  const fromCache = new Set<string>()
  session.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url))
  session.on('Network.requestServedFromCache', (e) => {
    const url = urls.get(e.requestId)
    if (url) fromCache.add(url)
  })
  session.on('Network.responseReceived', (e) => {
    if (e.response.fromDiskCache) fromCache.add(e.response.url)
  })
  return {
    /** Whether a request for `url` since `reset` came from the cache. */
    served: (url: string) => fromCache.has(url),
    reset: () => fromCache.clear(),
  }
}

/** The summary paragraph of a public page. */
const summaryOf = (page: Page) => page.locator('main .govuk-body-l').first().textContent()

describe('a publisher in the editor', () => {
  it('publishes from the same form, and the banner link shows the new version at once in the same browser', async () => {
    const page = await firstSignIn(browser, addStaff('publisher'))
    const { editUrl, publicPath } = await openEditor(page)
    const results = [await check(page)]

    // The old version in this browser's HTTP cache (public pages: max-age=60): going back to
    // the page is answered from it, without asking the server.
    const cache = await cacheWatch(page)
    const pageUrl = `${BASE_URL}${publicPath}`
    await page.goto(pageUrl)
    const original = (await summaryOf(page))!.trim()
    await page.goto(`${BASE_URL}/news`)
    cache.reset()
    await page.goto(pageUrl)
    expect(cache.served(pageUrl)).toBe(true)

    const marker = `Published from the editor ${run}`
    await page.goto(editUrl)
    await page.getByLabel('Summary').fill(`${original} ${marker}`)
    await page.getByLabel('Minor change, such as a typo (no public note)').check()
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.waitForURL(/done=published/)
    const banner = page.locator('.govuk-notification-banner--success')
    expect(await banner.textContent()).toContain('Published. The change is on the site now.')
    results.push(await check(page))

    // Clear-Site-Data emptied the cache: the link fetches the page afresh, with the change.
    cache.reset()
    await banner.getByRole('link', { name: 'View the page on the site' }).click()
    await page.waitForURL(pageUrl)
    expect(cache.served(pageUrl)).toBe(false)
    expect(await summaryOf(page)).toContain(marker)

    // Put the page back as it was, the same way.
    await page.goto(editUrl)
    await page.getByLabel('Summary').fill(original)
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await page.waitForURL(/done=published/)
    await page.getByRole('link', { name: 'View the page on the site' }).click()
    await page.waitForURL(pageUrl)
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
