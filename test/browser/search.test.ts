import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { firstView } from '../../scripts/lib/weight.ts'
import { BASE_URL, launchChromium } from './browser.ts'
import { check } from './staff.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

const PHONE = { width: 375, height: 667 }

const newPage = async (viewport = PHONE, javaScriptEnabled = true): Promise<Page> =>
  (await browser.newContext({ viewport, javaScriptEnabled })).newPage()

const noSideways = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  )

describe('site search', () => {
  it('searches from the header on a phone without JavaScript', async () => {
    const page = await newPage(PHONE, false)
    await page.goto(`${BASE_URL}/threats/fraud`)
    const box = page.getByRole('searchbox', { name: 'Search this site' })
    expect(await box.isVisible()).toBe(true)
    await noSideways(page)
    await box.fill('Trafficked')
    await page.getByRole('search').getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/\/search\?q=Trafficked$/)
    expect(await page.locator('h1').textContent()).toBe('Search')
    expect(await page.locator('#search-count').textContent()).toMatch(
      /^\d+ results? for ‘trafficked’$/,
    )
    const links = page.locator('main ol.govuk-list > li h2 a')
    expect(await links.count()).toBeGreaterThan(0)
    expect(await page.locator('main ol.govuk-list mark').first().textContent()).toMatch(
      /^traffick/i,
    )
    await noSideways(page)
  })

  it('keeps the header search beside the name on a wide screen', async () => {
    const page = await newPage({ width: 1280, height: 800 })
    await page.goto(`${BASE_URL}/`)
    const name = await page.locator('.soca-header__name').boundingBox()
    const form = await page.getByRole('search').boundingBox()
    expect(form!.x).toBeGreaterThan(name!.x + name!.width)
    expect(form!.y).toBeLessThan(name!.y + name!.height)
  })

  it.each([
    ['the empty search page', '/search'],
    ['results with filters and pages', '/search?q=crime'],
    ['a filtered page of results', '/search?q=crime&type=news'],
    ['the second page of results', '/search?q=crime&page=2'],
    ['no results', '/search?q=zzyzxqq'],
    ['a search that is too long', `/search?q=${'a'.repeat(201)}`],
  ])('gives 0 axe and Nu findings on %s', async (_, path) => {
    for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
      const page = await newPage(viewport)
      const res = await page.goto(`${BASE_URL}${path}`)
      expect(res!.status()).toBe(path.length > 200 ? 400 : 200)
      await noSideways(page)
      const { axe, nu } = await check(page)
      expect(axe, path).toEqual([])
      expect(nu, path).toEqual([])
    }
  })

  it('states the first-view weight of a page of results (it has no budget of its own)', async () => {
    const results = await firstView(BASE_URL, '/search?q=crime')
    const none = await firstView(BASE_URL, '/search?q=zzyzxqq')
    // Printed for the README and the report: forms and pagination stylesheets make it heavier.
    console.log(
      `First view, gzip: results ${JSON.stringify(results)}; none ${JSON.stringify(none)}`,
    )
    expect(results.html).toBeGreaterThan(0)
    expect(results.css).toBeGreaterThan(0)
  })
})
