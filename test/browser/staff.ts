// Staff accounts for the browser checks: added the way staff are, signed in the way staff do.
import { execFileSync } from 'node:child_process'
import type { Browser, Page } from 'playwright-core'
import { expect } from 'vitest'
import { hotp, timeStep } from '../../src/auth/totp.ts'
import { BASE_URL, axeViolations, nuErrors } from './browser.ts'

/** The password every account the browser checks add is given (npm run staff, on stdin). */
export const PASSWORD = 'browser checks passphrase'
/** The password firstSignIn creates in place of the given one, as staff must at first sign-in. */
export const OWN_PASSWORD = 'browser checks own passphrase'
/** Unique to this run, so accounts and markers never clash with an earlier run's. */
export const run = Date.now().toString(36)

let added = 0

/** Adds an account to the local D1 the way staff do: npm run staff, password on stdin. */
export const addStaff = (role: string) => {
  added += 1
  const email = `browser-${role}-${run}-${added}@example.com`
  execFileSync(
    'npm',
    [
      'run',
      '-s',
      'staff',
      '--',
      'add',
      '--email',
      email,
      '--name',
      `Browser ${role}`,
      '--role',
      role,
    ],
    {
      input: PASSWORD,
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  )
  return email
}

/** Fills in "Create a new password" (both fields) and continues. */
export const createNewPassword = async (page: Page, password = OWN_PASSWORD, again = password) => {
  await page.getByLabel('New password', { exact: true }).fill(password)
  await page.getByLabel('New password again').fill(again)
  await page.getByRole('button', { name: 'Continue' }).click()
}

/**
 * Signs in for the first time: the given password, a new password in its place (npm run staff
 * marks the account so), then set up TOTP from the key on the page. Ends on the recovery codes.
 */
export const firstSignIn = async (browser: Browser, email: string) => {
  const page = await (await browser.newContext()).newPage()
  await page.goto(`${BASE_URL}/admin`)
  expect(new URL(page.url()).pathname).toBe('/admin/sign-in')
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.waitForURL(/\/admin\/new-password$/)
  await createNewPassword(page)
  await page.waitForURL(/\/admin\/enrol$/)
  const key = (await page.locator('.soca-codes code').textContent())!.replaceAll(' ', '')
  await page
    .getByLabel('Enter the 6-digit code the app shows')
    .fill(await hotp(key, timeStep(new Date())))
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.waitForLoadState()
  expect(await page.locator('h1').textContent()).toBe('Save your recovery codes')
  expect(await page.locator('.soca-codes li').count()).toBe(10)
  return page
}

/** axe and the Nu HTML Checker on the page as it is now. */
export const check = async (page: Page) => ({
  page: new URL(page.url()).pathname,
  axe: await axeViolations(page),
  nu: await nuErrors({ [page.url()]: await page.content() }),
})

/** A phone's viewport, the narrowest the site is checked at. */
export const PHONE = { width: 375, height: 812 }

/** axe and Nu on the page, after checking it does not scroll sideways on a phone. */
export const checkNarrow = async (page: Page) => {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth),
    page.url(),
  ).toBeLessThanOrEqual(PHONE.width)
  return check(page)
}
