// The attachments library end to end in Chromium at 375 px: a publisher uploads an image and a
// PDF (the form's errors first), pastes both snippets into a new page, publishes it, and the
// public page shows the image with its size and lazy loading and the PDF as GOV.UK's attachment
// link. Every page passes axe and the Nu HTML Checker and none scrolls sideways.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfBytes, pngFile } from '../attachment-fixtures.ts'
import { BASE_URL, launchChromium } from './browser.ts'
import { PHONE, addStaff, checkNarrow, firstSignIn, run } from './staff.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

/** Uploads a file through the form and returns the Markdown its page gives. */
const uploadFile = async (
  page: Page,
  fields: { title: string; alt?: string },
  file: { name: string; mimeType: string; buffer: Buffer },
) => {
  await page.goto(`${BASE_URL}/admin/attachments/new`)
  await page.getByLabel('Title').fill(fields.title)
  if (fields.alt) await page.getByLabel('Alt text (images only)').fill(fields.alt)
  await page.getByLabel('File', { exact: true }).setInputFiles(file)
  await page.getByRole('button', { name: 'Upload' }).click()
  await page.waitForURL(/\/admin\/attachments\/\d+\?done=uploaded$/)
  return page.getByLabel('Markdown to paste').inputValue()
}

describe('the attachments library', () => {
  it('takes an image and a PDF onto a published page that passes axe and Nu at 375 px', async () => {
    const staff = await firstSignIn(browser, addStaff('publisher'))
    await staff.setViewportSize(PHONE)
    const results = []

    await staff.goto(`${BASE_URL}/admin/attachments`)
    results.push(await checkNarrow(staff))
    await staff.getByRole('link', { name: 'Upload an attachment' }).click()
    await staff.waitForURL(/\/admin\/attachments\/new$/)
    results.push(await checkNarrow(staff))

    // An image without alt text comes back with the error, the title kept.
    // A size of its own each run: the library refuses the same bytes twice.
    const height = 300 + (Date.now() % 97)
    const png = Buffer.from(pngFile(900, height))
    await staff.getByLabel('Title').fill(`Seized cash ${run}`)
    await staff.getByLabel('File', { exact: true }).setInputFiles({
      name: 'cash.png',
      mimeType: 'image/png',
      buffer: png,
    })
    await staff.getByRole('button', { name: 'Upload' }).click()
    await staff.waitForLoadState()
    expect(await staff.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'Enter alt text for the image, or select that it is decorative',
    ])
    expect(await staff.getByLabel('Title').inputValue()).toBe(`Seized cash ${run}`)
    results.push(await checkNarrow(staff))

    // An SVG is refused by its bytes, whatever it is called.
    await staff.getByLabel('Alt text (images only)').fill('A drawing')
    await staff.getByLabel('File', { exact: true }).setInputFiles({
      name: 'drawing.png',
      mimeType: 'image/png',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    })
    await staff.getByRole('button', { name: 'Upload' }).click()
    await staff.waitForLoadState()
    expect(await staff.locator('.govuk-error-summary__list a').allTextContents()).toEqual([
      'The selected file must be a PDF, DOCX, XLSX, ODT, ODS, CSV, PNG, JPEG or WebP',
    ])
    results.push(await checkNarrow(staff))

    const alt = `Bundles of £20 notes on a table, run ${run}`
    const imageSnippet = await uploadFile(
      staff,
      { title: `Seized cash ${run}`, alt },
      { name: 'cash.png', mimeType: 'image/png', buffer: png },
    )
    expect(imageSnippet).toMatch(/^!\[Seized cash \w+\]\(\/attachments\/[0-9a-f]{64}\/cash\.png\)$/)
    results.push(await checkNarrow(staff))
    const pdfSnippet = await uploadFile(
      staff,
      { title: `Annual report ${run}` },
      {
        name: 'report.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(pdfBytes(1_300_000 + (Date.now() % 1000))),
      },
    )
    expect(pdfSnippet).toMatch(
      /^\[Annual report \w+\]\(\/attachments\/[0-9a-f]{64}\/report\.pdf\)$/,
    )
    await staff.goto(`${BASE_URL}/admin/attachments`)
    expect(await staff.locator('main').textContent()).toContain(`Annual report ${run}`)
    results.push(await checkNarrow(staff))

    // Both on a new page, published.
    const path = `/attachments-check-${run}`
    await staff.goto(`${BASE_URL}/admin/pages`)
    await staff.getByRole('link', { name: 'Create page' }).click()
    await staff.getByLabel('Title').fill(`Attachments check ${run}`)
    await staff.getByLabel('Path').fill(path)
    await staff.getByLabel('Summary').fill(`Made by the browser checks, run ${run}.`)
    await staff
      .getByLabel('Body')
      .fill(`Our work in pictures.\n\n${imageSnippet}\n\nRead the report:\n\n${pdfSnippet}\n`)
    await staff.getByRole('button', { name: 'Publish', exact: true }).click()
    await staff.waitForURL(/done=/)

    // The public page, for a visitor with no cookies.
    const visitor = await (await browser.newContext({ viewport: PHONE })).newPage()
    const res = await visitor.goto(`${BASE_URL}${path}`)
    expect(res!.status()).toBe(200)
    const img = visitor.locator('main img')
    expect(await img.getAttribute('alt')).toBe(alt)
    expect(await img.getAttribute('width')).toBe('900')
    expect(await img.getAttribute('height')).toBe(String(height))
    expect(await img.getAttribute('loading')).toBe('lazy')
    await img.scrollIntoViewIfNeeded()
    await visitor.waitForFunction(
      () => (document.querySelector('main img') as HTMLImageElement | null)?.complete,
    )
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(900)
    expect((await img.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width)
    const link = visitor.getByRole('link', { name: `Annual report ${run}` })
    expect(await link.evaluate((el) => el.parentElement!.textContent)).toMatch(
      new RegExp(`^Annual report ${run} \\(PDF, 1\\.2 MB\\)$`),
    )
    results.push(await checkNarrow(visitor))

    // The files themselves.
    const imageUrl = `${BASE_URL}${imageSnippet.match(/\((.*)\)/)![1]}`
    const file = await visitor.request.get(imageUrl)
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toBe('image/png')
    expect(file.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await file.body()).equals(png)).toBe(true)

    // The PDF cannot be deleted while the published page uses it.
    await staff.goto(`${BASE_URL}/admin/attachments`)
    await staff.getByRole('link', { name: `Annual report ${run}` }).click()
    await staff.getByRole('link', { name: 'Delete attachment' }).click()
    await staff.waitForLoadState()
    expect(await staff.locator('h1').textContent()).toBe(
      `You cannot delete ‘Annual report ${run}’ yet`,
    )
    expect(await staff.locator('main').textContent()).toContain(`Attachments check ${run}`)
    results.push(await checkNarrow(staff))

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
  })
})
