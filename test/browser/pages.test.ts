import { mkdir } from 'node:fs/promises'
import { XMLParser } from 'fast-xml-parser'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, axeViolations, launchChromium, nuErrors } from './browser.ts'

let browser: Browser
let urls: string[]

beforeAll(async () => {
  browser = await launchChromium()
  const xml = await (await fetch(`${BASE_URL}/sitemap.xml`)).text()
  const parsed = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml)
  // sitemap.xml carries the configured SITE_URL; the checks run against the local server.
  urls = parsed.urlset.url.map(
    (u: { loc: string }) => new URL(new URL(u.loc).pathname, BASE_URL).href,
  )
})

afterAll(() => browser?.close())

/** A page in a fresh context, as axe asks, so no state leaks between checks. */
const newPage = async (options: { viewport?: { width: number; height: number } } = {}) =>
  (await browser.newContext(options)).newPage()

describe('every page in sitemap.xml, and the error pages', () => {
  it('has zero axe violations (WCAG 2.2 A and AA) and zero Nu HTML Checker errors', async () => {
    expect(urls.length).toBeGreaterThan(20)
    // Pages not in the sitemap: each vacancy's application form and the error pages.
    const forms = urls.filter((u) => u.includes('/careers/vacancies/')).map((u) => `${u}/apply`)
    const targets = [...urls, ...forms, `${BASE_URL}/no-such-page`, `${BASE_URL}/news?page=999`]
    const page = await newPage()
    const violations: Record<string, unknown> = {}
    const documents: Record<string, string> = {}
    for (const url of targets) {
      const res = await page.goto(url)
      expect(res, url).not.toBeNull()
      const found = await axeViolations(page)
      if (found.length > 0) violations[url] = found
      documents[url] = await res!.text()
    }
    expect(violations).toEqual({})
    // No page depends on JavaScript: the only script is the site's enhancement module, one
    // external file (GOV.UK Frontend's menu button, and Exit this page where it appears).
    for (const [url, html] of Object.entries(documents)) {
      const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0])
      expect(scripts, url).toHaveLength(1)
      expect(scripts[0], url).toMatch(
        /^<script type="module" src="\/assets\/(site|exit)\.[0-9a-f]{12}\.js">$/,
      )
    }
    expect(await nuErrors(documents)).toEqual([])
  })
})

describe('keyboard navigation', () => {
  it('reaches the skip link first and then every navigation item, with Tab alone', async () => {
    const page = await newPage()
    await page.goto(`${BASE_URL}/`)
    const navLinks = await page.$$eval('.govuk-service-navigation__link', (links) =>
      links.map((a) => a.getAttribute('href')),
    )
    expect(navLinks.length).toBeGreaterThanOrEqual(8)
    const focused: (string | null)[] = []
    // The skip link, the home link, the search box and its button come before the menu.
    for (let i = 0; i < navLinks.length + 5; i++) {
      await page.keyboard.press('Tab')
      focused.push(await page.evaluate(() => document.activeElement?.getAttribute('href') ?? null))
    }
    expect(focused[0]).toBe('#main-content')
    for (const href of navLinks) expect(focused).toContain(href)
  })

  it('moves focus to the main content with the skip link', async () => {
    const page = await newPage()
    await page.goto(`${BASE_URL}/about`)
    const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href'))
    await page.keyboard.press('Tab')
    expect(await focusedHref()).toBe('#main-content')
    await page.keyboard.press('Enter')
    // Following the link is a navigation within the page; Playwright learns of it a moment later.
    await page.waitForURL(`${BASE_URL}/about#main-content`)
    // The next Tab starts from the main content, past the header and its navigation.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.closest('main')?.id)).toBe(
      'main-content',
    )
  })
})

describe('the home page', () => {
  it.each([375, 1280])('is screenshotted at %i px wide into test-results/', async (width) => {
    await mkdir('test-results', { recursive: true })
    const page = await newPage({ viewport: { width, height: 800 } })
    await page.goto(`${BASE_URL}/`)
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(scrollWidth).toBeLessThanOrEqual(width)
    const buffer = await page.screenshot({ path: `test-results/home-${width}.png`, fullPage: true })
    expect(buffer.byteLength).toBeGreaterThan(10_000)
  })
})

describe('static assets', () => {
  it('serves the fingerprinted stylesheet with a year-long immutable lifetime', async () => {
    const html = await (await fetch(`${BASE_URL}/`)).text()
    const href = html.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1]
    expect(href).toMatch(/^\/assets\/app\.[0-9a-f]{12}\.css$/)
    const res = await fetch(`${BASE_URL}${href}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toContain('text/css')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })
})
