// The staff Pages tree in Chromium, at a phone's width: a publisher reorders two pages and
// deletes a draft page, and every state passes axe and the Nu HTML Checker without overflowing.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BASE_URL, launchChromium } from './browser.ts'
import { addStaff, check, firstSignIn, run } from './staff.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

/** The public child list of a section, in order, as visitors get it. */
const publicChildren = async (path: string) => {
  const html = await (await fetch(`${BASE_URL}${path}`)).text()
  const section = html.slice(html.indexOf('In this section'))
  return [...section.matchAll(/<h3[^>]*><a class="govuk-link" href="([^"]+)"/g)].map((m) => m[1]!)
}

/** The id of the tree's list item for the page at `path` (its address is the first line). */
const itemId = async (page: Page, path: string) => {
  const id = await page.evaluate((path) => {
    for (const li of document.querySelectorAll('li[id^="page-"]')) {
      const meta = li.querySelector<HTMLElement>(':scope > p.soca-meta')
      const address = meta?.innerText.split('\n')[0]?.split(',')[0]?.trim()
      if (address === path) return li.id
    }
    return undefined
  }, path)
  if (!id) throw new Error(`${path} is not in the tree`)
  return id
}

/** The ids of the pages listed directly in the list that holds item `id`, in order. */
const siblingIds = (page: Page, id: string) =>
  page.evaluate(
    (id) => [...document.getElementById(id)!.parentElement!.children].map((li) => li.id),
    id,
  )

/** Whether the page fits the viewport's width, as at 375 px it must. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth)

/** The results of axe and Nu, after checking the page does not scroll sideways. */
const checkNarrow = async (page: Page) => {
  expect(await scrollWidth(page), page.url()).toBeLessThanOrEqual(375)
  return check(page)
}

/** Creates a draft page through the form and returns its id. */
const createDraft = async (
  page: Page,
  fields: { title: string; path: string; parent?: string },
) => {
  await page.goto(`${BASE_URL}/admin/pages`)
  await page.getByRole('link', { name: 'Create page' }).click()
  await page.getByLabel('Title').fill(fields.title)
  await page.getByLabel('Path').fill(fields.path)
  if (fields.parent) await page.getByLabel('Parent page').selectOption(fields.parent)
  await page.getByLabel('Summary').fill(`Made by the browser checks, run ${run}.`)
  await page.getByRole('button', { name: 'Save draft' }).click()
  await page.waitForURL(/\/admin\/pages\/\d+\?done=created/)
  return new URL(page.url()).pathname.split('/').at(-1)!
}

describe('the Pages tree', () => {
  it('lets a publisher reorder two pages and delete a draft page, at 375 px, with zero axe and Nu findings', async () => {
    const page = await firstSignIn(browser, addStaff('publisher'))
    await page.setViewportSize({ width: 375, height: 812 })
    await page.goto(`${BASE_URL}/admin/pages`)
    const results = [await checkNarrow(page)]

    // Reorder the first two pages of a section: the second moves up.
    const [first, second] = await publicChildren('/about')
    expect(first && second).toBeTruthy()
    const firstId = await itemId(page, first!)
    const secondId = await itemId(page, second!)
    const before = await siblingIds(page, secondId)
    expect(before.indexOf(secondId)).toBe(before.indexOf(firstId) + 1)
    await page
      .locator(`#${secondId} > .soca-admin-actions`)
      .getByRole('button', { name: 'Move up' })
      .click()
    await page.waitForURL(/done=moved/)
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Page moved',
    )
    const after = await siblingIds(page, secondId)
    expect(after.indexOf(firstId)).toBe(after.indexOf(secondId) + 1)
    expect((await publicChildren('/about')).slice(0, 2)).toEqual([second, first])
    results.push(await checkNarrow(page))

    // And back again, so the site is as it was.
    await page
      .locator(`#${secondId} > .soca-admin-actions`)
      .getByRole('button', { name: 'Move down' })
      .click()
    await page.waitForURL(/done=moved/)
    expect((await publicChildren('/about')).slice(0, 2)).toEqual([first, second])

    // A draft with a page under it cannot be deleted: the page says so, with no button.
    const parentPath = `/browser-tree-${run}`
    const parentId = await createDraft(page, { title: `Tree check ${run}`, path: parentPath })
    const childId = await createDraft(page, {
      title: `Tree check child ${run}`,
      path: `${parentPath}/child`,
      parent: parentId,
    })
    await page.goto(`${BASE_URL}/admin/pages`)
    expect(await siblingIds(page, await itemId(page, `${parentPath}/child`))).toEqual([
      `page-${childId}`,
    ])
    await page
      .locator(`#page-${parentId} > .soca-admin-actions`)
      .getByRole('link', { name: 'Delete' })
      .click()
    await page.waitForURL(new RegExp(`/admin/pages/${parentId}/delete$`))
    expect(await page.locator('h1').textContent()).toBe(`You cannot delete ‘Tree check ${run}’`)
    expect(await page.locator('main form').count()).toBe(0)
    results.push(await checkNarrow(page))

    // The child, which has none, can: after confirming.
    await page.goto(`${BASE_URL}/admin/pages`)
    await page
      .locator(`#page-${childId} > .soca-admin-actions`)
      .getByRole('link', { name: 'Delete' })
      .click()
    await page.waitForURL(new RegExp(`/admin/pages/${childId}/delete$`))
    expect(await page.locator('h1').textContent()).toBe(
      `Are you sure you want to delete ‘Tree check child ${run}’?`,
    )
    results.push(await checkNarrow(page))
    await page.getByRole('button', { name: 'Delete page' }).click()
    await page.waitForURL(/\/admin\/pages\?done=deleted$/)
    expect(await page.locator('.govuk-notification-banner--success').textContent()).toContain(
      'Draft page deleted.',
    )
    expect(await page.locator(`#page-${childId}`).count()).toBe(0)
    results.push(await checkNarrow(page))

    // Then the parent, which now has none either.
    await page
      .locator(`#page-${parentId} > .soca-admin-actions`)
      .getByRole('link', { name: 'Delete' })
      .click()
    await page.getByRole('button', { name: 'Delete page' }).click()
    await page.waitForURL(/done=deleted/)
    expect(await page.locator(`#page-${parentId}`).count()).toBe(0)

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
    expect(results.length).toBe(5)
  })
})
