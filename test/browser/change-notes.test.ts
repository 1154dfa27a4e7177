// Change notes on the public site, as visitors see them: written straight into the local D1
// that `npm start` serves, checked with axe and the Nu HTML Checker, then put back.
import { execFileSync } from 'node:child_process'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, launchChromium } from './browser.ts'
import { check } from './staff.ts'

const PAGE = '/threats/fraud'
const ARTICLE = 'soca-becomes-part-of-the-national-crime-agency'
const NOTES = JSON.stringify([
  { at: Date.parse('2014-01-20T10:00:00Z'), note: 'added the new phone number' },
  { at: Date.parse('2014-03-05T10:00:00Z'), note: 'corrected the office address' },
])

/** Runs SQL on the local D1 the site uses, returning the rows of its result. */
const d1 = (command: string): Record<string, unknown>[] => {
  const out = execFileSync(
    'npx',
    ['wrangler', 'd1', 'execute', 'DB', '--local', '--json', '--command', command],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return (JSON.parse(out) as { results: Record<string, unknown>[] }[])[0]?.results ?? []
}

/** SQL text for a string: quotes doubled. */
const quoted = (value: string) => `'${value.replaceAll("'", "''")}'`

/** The newest of the notes above: on both pages while they hold them. */
const NEWEST = 'corrected the office address'

/**
 * Moves the content version on, as publishing does, and waits until both pages show the notes
 * (or no longer do): the site trusts its copy of the old version for a few seconds, and until
 * then serves its edge-cached pages.
 */
const contentChanged = async (notesShown: boolean) => {
  d1(
    `INSERT INTO settings (key, value) VALUES ('content_version', '${Date.now()}') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  )
  const deadline = Date.now() + 30_000
  for (const path of [PAGE, `/news/${ARTICLE}`]) {
    while ((await (await fetch(`${BASE_URL}${path}`)).text()).includes(NEWEST) !== notesShown) {
      if (Date.now() > deadline) throw new Error(`${path} still served its old version after 30 s`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
  }
}

let browser: Browser
let before: { page: string; article: string }

beforeAll(async () => {
  browser = await launchChromium()
  const [page] = d1(`SELECT change_notes FROM pages WHERE path = ${quoted(PAGE)}`)
  const [article] = d1(`SELECT change_notes FROM news_articles WHERE slug = ${quoted(ARTICLE)}`)
  before = { page: String(page!.change_notes), article: String(article!.change_notes) }
  d1(`UPDATE pages SET change_notes = ${quoted(NOTES)} WHERE path = ${quoted(PAGE)}`)
  d1(`UPDATE news_articles SET change_notes = ${quoted(NOTES)} WHERE slug = ${quoted(ARTICLE)}`)
  await contentChanged(true)
})

afterAll(async () => {
  if (before) {
    d1(`UPDATE pages SET change_notes = ${quoted(before.page)} WHERE path = ${quoted(PAGE)}`)
    d1(
      `UPDATE news_articles SET change_notes = ${quoted(before.article)} WHERE slug = ${quoted(ARTICLE)}`,
    )
    await contentChanged(false)
  }
  await browser?.close()
})

describe('change notes on the public site', () => {
  it.each([PAGE, `/news/${ARTICLE}`])(
    '%s shows its updates with zero axe violations and zero Nu HTML Checker errors',
    async (path) => {
      const page = await (await browser.newContext()).newPage()
      await page.goto(`${BASE_URL}${path}`)
      const history = page.locator('#full-history')
      await expect(history.locator(':scope > p').textContent()).resolves.toMatch(
        /^Last updated 5 March 2014: corrected the office address$/,
      )
      // The details element opens without JavaScript, from the keyboard.
      const summary = history.locator('summary')
      expect(await summary.textContent()).toBe('See all updates')
      await summary.focus()
      await page.keyboard.press('Enter')
      await expect(history.locator('details').getAttribute('open')).resolves.toBe('')
      expect(await history.locator('li').first().isVisible()).toBe(true)
      expect(await check(page)).toEqual({ page: path, axe: [], nu: [] })
    },
  )

  it('puts "Published" and "Last updated" under the article summary', async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage()
    await page.goto(`${BASE_URL}/news/${ARTICLE}`)
    const meta = await page.locator('main .soca-meta').allTextContents()
    expect(meta[0]).toMatch(/^Published \d{1,2} [A-Z][a-z]+ \d{4}$/)
    expect(meta[1]).toBe('Last updated 5 March 2014 — see all updates')
  })
})
