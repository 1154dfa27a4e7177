import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, axeViolations, launchChromium, nuErrors } from './browser.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

const PHONE = { width: 375, height: 667 }

/** A phone-sized page, with or without JavaScript; other sites answer with a stand-in page. */
const phone = async (javaScriptEnabled = true): Promise<Page> => {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled })
  await context.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>BBC Weather</title>' }),
  )
  return context.newPage()
}

/** Waits until GOV.UK Frontend's script has set the page up. */
const enhanced = (page: Page) =>
  page.waitForSelector('body.govuk-frontend-supported [data-govuk-service-navigation-init]', {
    state: 'attached',
  })

describe('the header at 375 × 667', () => {
  it.each(['/', '/threats/fraud'])('puts the h1 of %s in the first screen', async (path) => {
    const page = await phone()
    await page.goto(`${BASE_URL}${path}`)
    await enhanced(page)
    const box = await page.locator('h1').boundingBox()
    expect(box).not.toBeNull()
    expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE.width,
    )
  })

  it('opens and closes the navigation with the Menu button, by keyboard', async () => {
    const page = await phone()
    await page.goto(`${BASE_URL}/`)
    await enhanced(page)
    const button = page.getByRole('button', { name: 'Menu' })
    const list = page.locator('#navigation')
    expect(await button.isVisible()).toBe(true)
    expect(await list.isVisible()).toBe(false)
    await button.focus()
    await page.keyboard.press('Enter')
    expect(await button.getAttribute('aria-expanded')).toBe('true')
    expect(await list.isVisible()).toBe(true)
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('#navigation') !== null)).toBe(
      true,
    )
    await button.focus()
    await page.keyboard.press('Space')
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    expect(await list.isVisible()).toBe(false)
  })

  it('leaves every menu link reachable without JavaScript', async () => {
    const page = await phone(false)
    await page.goto(`${BASE_URL}/`)
    expect(await page.locator('.govuk-service-navigation__toggle').isVisible()).toBe(false)
    const links = page.locator('.govuk-service-navigation__link')
    expect(await links.count()).toBe(8)
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true)
  })
})

describe('Exit this page', () => {
  it('leaves the page when its button is pressed', async () => {
    const page = await phone()
    await page.goto(`${BASE_URL}/ukhtc`)
    await page.getByRole('button', { name: 'Emergency Exit this page' }).click()
    await page.waitForURL('https://www.bbc.co.uk/weather')
    expect(await page.title()).toBe('BBC Weather')
  })

  it('leaves the page when Shift is pressed three times', async () => {
    const page = await phone()
    await page.goto(`${BASE_URL}/threats/fraud`)
    await page.waitForSelector('[data-govuk-exit-this-page-init]', { state: 'attached' })
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift')
    await page.waitForURL('https://www.bbc.co.uk/weather')
  })

  it('works as a link without JavaScript', async () => {
    const page = await phone(false)
    await page.goto(`${BASE_URL}/protecting-yourself`)
    await page.getByRole('button', { name: 'Emergency Exit this page' }).click()
    await page.waitForURL('https://www.bbc.co.uk/weather')
  })

  it('and the enhanced header pass axe and the Nu HTML Checker', async () => {
    const page = await phone()
    const documents: Record<string, string> = {}
    const violations: Record<string, unknown> = {}
    for (const path of ['/ukhtc', '/protecting-yourself/cover-your-tracks']) {
      const res = await page.goto(`${BASE_URL}${path}`)
      await enhanced(page)
      await page.getByRole('button', { name: 'Menu' }).click()
      const found = await axeViolations(page)
      if (found.length > 0) violations[path] = found
      documents[`${BASE_URL}${path}`] = await res!.text()
    }
    expect(violations).toEqual({})
    expect(await nuErrors(documents)).toEqual([])
  })
})
