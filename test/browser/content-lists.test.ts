// The staff news and vacancy lists, 50 a page, and the page editor's parent field on a site with
// more pages than its list holds (typed as an address), on a phone: no sideways scrolling, and
// no axe or Nu findings, including the address's error state. The rows this adds to the local
// D1 (draft news and draft pages, never on the site) are deleted again at the end.
import { execFileSync } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, launchChromium } from './browser.ts'
import { PHONE, addStaff, checkNarrow, firstSignIn, run } from './staff.ts'

const NEWS = `browser-list-${run}`
const PARENTS = `/browser-parents-${run}`

/** Runs SQL against the local D1 the site serves, as `npm run staff` does. */
const localSql = (sql: string) =>
  execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', '--command', sql], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })

const cleanUp = () =>
  localSql(
    `DELETE FROM news_articles WHERE slug LIKE '${NEWS}-%';
     DELETE FROM revisions WHERE kind = 'page' AND content_id IN
       (SELECT id FROM pages WHERE path LIKE '${PARENTS}%');
     DELETE FROM pages WHERE path LIKE '${PARENTS}%';`,
  )

let browser: Browser

beforeAll(async () => {
  // 60 draft articles, so the list has a second page; a draft page, one under it, and 210 under
  // that one: more pages than the parent list holds (PARENT_SELECT_ALL), the last level deep.
  localSql(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60)
     INSERT INTO news_articles (slug, title, status) SELECT '${NEWS}-' || i, 'Listed in the browser ' || i, 'draft' FROM n;
     INSERT INTO pages (path, title, status) VALUES ('${PARENTS}', 'Browser parents', 'draft');
     INSERT INTO pages (path, parent_id, title, status)
       SELECT '${PARENTS}/a', id, 'Browser parents A', 'draft' FROM pages WHERE path = '${PARENTS}';
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 210)
     INSERT INTO pages (path, parent_id, title, status)
       SELECT '${PARENTS}/a/p-' || i, (SELECT id FROM pages WHERE path = '${PARENTS}/a'), 'Deep page ' || i, 'draft' FROM n;`,
  )
  browser = await launchChromium()
}, 60_000)

afterAll(async () => {
  cleanUp()
  await browser?.close()
})

describe('the staff content lists and the parent page field', () => {
  it('page the lists and take a typed parent address, on a phone, with no findings', async () => {
    const page = await firstSignIn(browser, addStaff('publisher'))
    await page.setViewportSize(PHONE)
    const results = []

    await page.goto(`${BASE_URL}/admin/news`)
    expect(await page.locator('tbody tr').count()).toBe(50)
    // The drafts just added are the newest never published: first.
    expect(await page.locator('tbody tr').first().textContent()).toContain(
      'Listed in the browser 60',
    )
    results.push(await checkNarrow(page))
    await page.getByRole('link', { name: 'Next page' }).click()
    await page.waitForURL(/\/admin\/news\?page=2$/)
    expect(await page.getByRole('link', { name: 'Page 2' }).getAttribute('aria-current')).toBe(
      'page',
    )
    results.push(await checkNarrow(page))
    await page.goto(`${BASE_URL}/admin/vacancies`)
    results.push(await checkNarrow(page))

    await page.goto(`${BASE_URL}/admin/pages/new`)
    const address = page.getByLabel('Or enter the address of the parent page')
    expect(await address.isVisible()).toBe(true)
    expect(await page.locator('#parentId option').count()).toBeLessThan(210)
    results.push(await checkNarrow(page))

    await page.getByLabel('Title').fill(`Typed parent ${run}`)
    await address.fill(`${PARENTS}/a/p-999`)
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForLoadState()
    expect(await page.locator('.govuk-error-summary a').textContent()).toBe(
      `No page has the address ${PARENTS}/a/p-999. Enter the address of an existing page, for example /about/structure`,
    )
    expect(await address.inputValue()).toBe(`${PARENTS}/a/p-999`)
    results.push(await checkNarrow(page))

    await address.fill(`${PARENTS}/a/p-3`)
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(/done=created/)
    const selected = page.locator('#parentId option:checked')
    expect(await selected.textContent()).toBe(`${PARENTS}/a/p-3 – Deep page 3`)
    results.push(await checkNarrow(page))

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
  })
})
