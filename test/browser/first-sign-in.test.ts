import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hotp, timeStep } from '../../src/auth/totp.ts'
import { BASE_URL, launchChromium } from './browser.ts'
import { OWN_PASSWORD, PASSWORD, PHONE, addStaff, checkNarrow, createNewPassword } from './staff.ts'

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(() => browser?.close())

/** Signs in with the email and password on the sign-in page. */
const signIn = async (page: Page, email: string, password: string) => {
  await page.goto(`${BASE_URL}/admin/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Continue' }).click()
}

describe('first sign-in with a password someone else chose', () => {
  it('creates a new password, then sets up the app, on a phone, with no accessibility findings', async () => {
    const email = addStaff('editor')
    const page = await (await browser.newContext({ viewport: PHONE })).newPage()
    await signIn(page, email, PASSWORD)
    await page.waitForURL(/\/admin\/new-password$/)
    expect(await page.locator('h1').textContent()).toBe('Create a new password')
    const results = [await checkNarrow(page)]

    // Nowhere else until it is done.
    await page.goto(`${BASE_URL}/admin/enrol`)
    expect(new URL(page.url()).pathname).toBe('/admin/new-password')

    // Errors: the given password again, then two that differ.
    await createNewPassword(page, PASSWORD)
    await page.waitForLoadState()
    expect(await page.title()).toBe('Error: Create a new password – SOCA staff')
    const summary = page.locator('.govuk-error-summary')
    expect(await summary.textContent()).toContain(
      'Your new password must be different from the password you were given',
    )
    // The summary takes focus, so it is read out first.
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true)
    results.push(await checkNarrow(page))
    await createNewPassword(page, OWN_PASSWORD, `${OWN_PASSWORD}!`)
    await page.waitForLoadState()
    expect(await page.locator('#confirmPassword-error').textContent()).toContain(
      'Enter the same new password twice',
    )
    results.push(await checkNarrow(page))

    await createNewPassword(page)
    await page.waitForURL(/\/admin\/enrol$/)
    const key = (await page.locator('.soca-codes code').textContent())!.replaceAll(' ', '')
    const step = timeStep(new Date())
    await page.getByLabel('Enter the 6-digit code the app shows').fill(await hotp(key, step))
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForLoadState()
    expect(await page.locator('h1').textContent()).toBe('Save your recovery codes')
    await page.getByRole('link', { name: 'Continue to the staff area' }).click()
    await page.waitForURL(`${BASE_URL}/admin`)
    expect(await page.locator('body').textContent()).toContain('Signed in as')

    // Signed out and in again with the new password: no new password is asked for.
    await page.getByRole('button', { name: /Sign out/ }).click()
    await page.waitForURL(/\/admin\/sign-in$/)
    await signIn(page, email, OWN_PASSWORD)
    await page.waitForURL(/\/admin\/two-factor$/)
    // The set-up code's step is spent; the next one is still accepted.
    await page.getByLabel('Security code').fill(await hotp(key, step + 1))
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${BASE_URL}/admin`)

    expect(results.filter((r) => r.axe.length > 0 || r.nu.length > 0)).toEqual([])
    expect(results).toHaveLength(3)
  })
})
