// The staff Pages tree lists the top two levels and opens deeper branches one at a time
// (?open=<id>), without JavaScript: a publisher opens a branch at 375 px, with zero axe and Nu
// findings, and the page moved in it stays in view.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, launchChromium } from './browser.ts'
import { addStaff, check, firstSignIn, run } from './staff.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

describe('the Pages tree, one branch at a time', () => {
  it('shows the pages under a third-level page when asked, at 375 px, with zero axe and Nu findings', async () => {
    const page = await firstSignIn(browser, addStaff('publisher'))
    await page.setViewportSize({ width: 375, height: 812 })
    await page.goto(`${BASE_URL}/admin/pages`)
    const parentId = await page.evaluate(() => {
      for (const li of document.querySelectorAll('li[id^="page-"]')) {
        const meta = li.querySelector<HTMLElement>(':scope > p.soca-meta')
        if (meta?.innerText.split('\n')[0]?.trim() === '/about/powers') return li.id.slice(5)
      }
      return undefined
    })
    expect(parentId).toBeTruthy()

    // A draft on the third level: the tree does not list it until its branch is opened.
    await page.getByRole('link', { name: 'Create page' }).click()
    await page.getByLabel('Title').fill(`Branch check ${run}`)
    await page.getByLabel('Path').fill(`/about/powers/branch-check-${run}`)
    await page.getByLabel('Parent page').selectOption(parentId!)
    await page.getByLabel('Summary').fill(`Made by the browser checks, run ${run}.`)
    await page.getByRole('button', { name: 'Save draft' }).click()
    await page.waitForURL(/\/admin\/pages\/\d+\?done=created/)
    const childId = new URL(page.url()).pathname.split('/').at(-1)!

    await page.goto(`${BASE_URL}/admin/pages`)
    expect(await page.locator(`#page-${childId}`).count()).toBe(0)
    const results = [await check(page)]
    const show = page
      .locator(`#page-${parentId}`)
      .getByRole('link', { name: /^Show the \d+ pages? under it$/ })
    expect(await show.getAttribute('aria-describedby')).toBe(`page-${parentId}-title`)
    await show.click()
    await page.waitForURL(new RegExp(`/admin/pages\\?open=${parentId}#page-${parentId}$`))
    const child = page.locator(`#page-${parentId} > ul > #page-${childId}`)
    expect(await child.locator(`#page-${childId}-title`).textContent()).toBe(`Branch check ${run}`)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    results.push(await check(page))

    // Tidy up: the draft was never published, so it can be deleted from its branch.
    await child
      .locator(':scope > .soca-admin-actions')
      .getByRole('link', { name: 'Delete' })
      .click()
    await page.getByRole('button', { name: 'Delete page' }).click()
    await page.waitForURL(/done=deleted/)
    expect(await page.locator(`#page-${childId}`).count()).toBe(0)

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
  })
})
