import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { http, HttpResponse } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import worker from '../worker.ts'
import { verifyPassword } from '../../src/auth/password.ts'
import { hotp, timeStep } from '../../src/auth/totp.ts'
import { addStaffSql } from '../../scripts/lib/staff-account.ts'
import {
  PASSWORD,
  auditEntries,
  client,
  createStaff,
  csrfFrom,
  nextCode,
  sessionCookie,
  signedIn,
} from '../admin-helpers.ts'
import { ORIGIN, row, summaryErrors } from '../helpers.ts'
import { network } from '../network.ts'

const NEW_PASSWORD = 'my own three words'
// Most tests check several argon2 hashes (about 0.2 s each, far more on a busy machine), so they
// get 30 s.

type Member = { id: number; email: string; secret: string | null }

/** The stored account: its password hash and whether it must still replace it. */
const account = (id: number) =>
  row<{ password_hash: string; must_change_password: number }>(
    'SELECT password_hash, must_change_password FROM staff WHERE id = ?',
    id,
  )

/** Signs in with the password (and the TOTP code when the account has a key). */
const signInAs = async (member: Member, password = PASSWORD) => {
  await env.DB.prepare('UPDATE staff SET totp_last_step = NULL WHERE id = ?').bind(member.id).run()
  const browser = client()
  const first = await browser.post('/admin/sign-in', { email: member.email, password })
  if (first.status !== 303) throw new Error(`sign-in answered ${first.status}`)
  if (!member.secret) return { browser, location: first.headers.get('Location') }
  const csrf = csrfFrom(await (await browser.get('/admin/two-factor')).text())
  const second = await browser.post('/admin/two-factor', {
    code: await nextCode(member.id, member.secret),
    csrf,
  })
  expect(second.status).toBe(303)
  return { browser, location: second.headers.get('Location') }
}

/** The first password an admin's staff page shows, once. */
const shownPassword = (html: string) => html.match(/<strong>([a-z2-7-]{29})<\/strong>/)?.[1]

let admin: Member
let adminBrowser: Awaited<ReturnType<typeof signedIn>>
beforeAll(async () => {
  admin = await createStaff({ email: 'ada@example.com', role: 'admin' })
  adminBrowser = await signedIn(admin)
})

describe('accounts whose password someone else chose', () => {
  it('are marked when an admin adds one, and sign in straight to "Create a new password"', async () => {
    const res = await adminBrowser.submit(
      '/admin/staff',
      { name: 'Nia New', email: 'nia@example.com', role: 'editor' },
      '/admin/staff',
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('They create their own password when they sign in with it.')
    const password = shownPassword(html)!
    const stored = await row<{ id: number; must_change_password: number }>(
      "SELECT id, must_change_password FROM staff WHERE email = 'nia@example.com'",
    )
    expect(stored!.must_change_password).toBe(1)
    expect(await (await adminBrowser.get('/admin/staff')).text()).toContain(
      'given password not yet replaced',
    )

    // No second factor yet: the password is replaced first, then the app is set up.
    const member = { id: stored!.id, email: 'nia@example.com', secret: null }
    const { browser, location } = await signInAs(member, password)
    expect(location).toBe('/admin/new-password')
    const page = await browser.get('/admin/new-password')
    expect(page.status).toBe(200)
    const form = await page.text()
    expect(form).toContain('<h1 class="govuk-heading-xl">Create a new password</h1>')
    expect(form).toContain('autocomplete="new-password"')
    const enrolFirst = await browser.get('/admin/enrol')
    expect(enrolFirst.headers.get('Location')).toBe('/admin/new-password')
    const enrolPost = await browser.post('/admin/enrol', { code: '123456', csrf: csrfFrom(form) })
    expect(enrolPost.status).toBe(403)

    const partial = browser.cookie
    const done = await browser.post('/admin/new-password', {
      csrf: csrfFrom(form),
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })
    expect(done.status).toBe(303)
    expect(done.headers.get('Location')).toBe('/admin/enrol')
    expect(browser.cookie).not.toBe(partial)
    expect((await account(member.id))!.must_change_password).toBe(0)

    // On to setting up the authenticator app, then signed in.
    const enrol = await (await browser.get('/admin/enrol')).text()
    const key = enrol.match(/<code>([A-Z2-7 ]+)<\/code>/)![1]!.replaceAll(' ', '')
    const codes = await browser.post('/admin/enrol', {
      code: await hotp(key, timeStep(new Date())),
      csrf: csrfFrom(enrol),
    })
    expect(codes.status).toBe(200)
    expect(await codes.text()).toContain('Save your recovery codes')
    expect((await browser.get('/admin')).status).toBe(200)
  }, 30_000)

  it('are marked when npm run staff adds one', async () => {
    const passwordHash = (await account(admin.id))!.password_hash
    await env.DB.exec(
      addStaffSql({ email: 'cli@example.com', name: "Cli O'Neill", role: 'admin', passwordHash }),
    )
    const stored = await row<{ id: number; name: string; must_change_password: number }>(
      "SELECT id, name, must_change_password FROM staff WHERE email = 'cli@example.com'",
    )
    expect(stored).toMatchObject({ name: "Cli O'Neill", must_change_password: 1 })
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: null,
      action: 'staff.add',
      target: 'cli@example.com',
    })
    const { location } = await signInAs({
      id: stored!.id,
      email: 'cli@example.com',
      secret: null,
    })
    expect(location).toBe('/admin/new-password')
  }, 30_000)
})

describe('signed in with a password someone else chose', () => {
  it('asks for the second factor first, then reaches nothing but the new password page', async () => {
    const member = await createStaff({
      email: 'gated@example.com',
      role: 'admin',
      mustChangePassword: true,
    })
    // Before the security code, the new password cannot be set.
    const partWay = client()
    await partWay.post('/admin/sign-in', { email: member.email, password: PASSWORD })
    expect((await partWay.get('/admin/new-password')).headers.get('Location')).toBe(
      '/admin/sign-in',
    )
    const csrf2fa = csrfFrom(await (await partWay.get('/admin/two-factor')).text())
    const early = await partWay.post('/admin/new-password', {
      csrf: csrf2fa,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })
    expect(early.status).toBe(401)
    expect((await account(member.id))!.must_change_password).toBe(1)

    const { browser, location } = await signInAs(member)
    expect(location).toBe('/admin/new-password')
    const csrf = csrfFrom(await (await browser.get('/admin/new-password')).text())
    for (const path of [
      '/admin',
      '/admin/submissions',
      '/admin/pages',
      '/admin/pages/new',
      '/admin/staff',
      '/admin/account/password',
      '/admin/sign-in',
    ]) {
      const res = await browser.get(path)
      expect(res.status, path).toBe(303)
      expect(res.headers.get('Location'), path).toMatch(/^\/admin(\/new-password)?$/)
      if (path !== '/admin/sign-in') expect(res.headers.get('Location')).toBe('/admin/new-password')
    }
    const pages = await row<{ n: number }>('SELECT count(*) AS n FROM pages')
    const create = await browser.post('/admin/pages/new', {
      csrf,
      title: 'Never made',
      path: '/never-made',
      navOrder: '1',
      summary: 'A page that must not be created.',
      body: 'Text',
    })
    expect(create.status).toBe(403)
    expect((await row<{ n: number }>('SELECT count(*) AS n FROM pages'))!.n).toBe(pages!.n)
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: member.id,
      action: 'refused',
      target: 'POST /admin/pages/new',
      detail: 'new password not yet created',
    })
    const staffAdd = await browser.post('/admin/staff', {
      csrf,
      name: 'Sneaky',
      email: 'sneaky@example.com',
      role: 'admin',
    })
    expect(staffAdd.status).toBe(403)
    expect(await row("SELECT id FROM staff WHERE email = 'sneaky@example.com'")).toBeNull()
    const own = await browser.post('/admin/account/password', {
      csrf,
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    })
    expect(own.status).toBe(403)
    expect((await account(member.id))!.must_change_password).toBe(1)

    // Signing out still works.
    const out = await browser.post('/admin/sign-out', { csrf })
    expect(out.status).toBe(303)
    expect(out.headers.get('Location')).toBe('/admin/sign-in')
    expect((await browser.get('/admin/new-password')).headers.get('Location')).toBe(
      '/admin/sign-in',
    )
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: member.id,
      action: 'sign-out',
    })
  }, 30_000)

  it('refuses a short, mismatched, missing or given password with an error summary', async () => {
    const member = await createStaff({
      email: 'weak@example.com',
      role: 'editor',
      mustChangePassword: true,
    })
    const { browser } = await signInAs(member)
    const before = (await account(member.id))!.password_hash
    const attempts: [Record<string, string>, { field: string; message: string }][] = [
      [
        { newPassword: 'short', confirmPassword: 'short' },
        { field: 'newPassword', message: 'Your new password must be at least 12 characters' },
      ],
      [{}, { field: 'newPassword', message: 'Your new password must be at least 12 characters' }],
      [
        { newPassword: NEW_PASSWORD, confirmPassword: 'my own three wordz' },
        { field: 'confirmPassword', message: 'Enter the same new password twice' },
      ],
      [
        { newPassword: PASSWORD, confirmPassword: PASSWORD },
        {
          field: 'newPassword',
          message: 'Your new password must be different from the password you were given',
        },
      ],
    ]
    for (const [fields, error] of attempts) {
      const res = await browser.submit('/admin/new-password', fields, '/admin/new-password')
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(summaryErrors(html)).toEqual([error])
      expect(html).toContain('<title>Error: Create a new password – SOCA staff</title>')
      expect(html).toContain(`id="${error.field}-error"`)
      expect(html).toMatch(new RegExp(`aria-describedby="[^"]*\\b${error.field}-error"`))
    }
    expect(await account(member.id)).toEqual({ password_hash: before, must_change_password: 1 })
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: member.id,
      action: 'password.first-change-failed',
      detail: 'the password given',
    })
  }, 30_000)

  it('takes a good new password in one go, rotates the session, and does not ask again', async () => {
    const member = await createStaff({
      email: 'good@example.com',
      role: 'editor',
      mustChangePassword: true,
    })
    const other = await signInAs(member)
    const { browser } = await signInAs(member)
    const oldCookie = browser.cookie
    const res = await browser.submit(
      '/admin/new-password',
      { newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      '/admin/new-password',
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin')
    expect(sessionCookie(res)).toBeDefined()
    expect(browser.cookie).not.toBe(oldCookie)
    const stored = (await account(member.id))!
    expect(stored.must_change_password).toBe(0)
    expect(verifyPassword(NEW_PASSWORD, stored.password_hash)).toBe(true)
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: member.id,
      action: 'password.first-change',
    })
    const home = await browser.get('/admin')
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Signed in as good')
    // The session it replaced, and any other, has ended.
    const stale = client()
    stale.cookie = oldCookie
    expect((await stale.get('/admin')).headers.get('Location')).toBe('/admin/sign-in')
    expect((await other.browser.get('/admin')).headers.get('Location')).toBe('/admin/sign-in')
    // Nothing left to create: the page sends a signed-in member on.
    expect((await browser.get('/admin/new-password')).headers.get('Location')).toBe('/admin')

    // The given password no longer works; the new one signs in with no extra step.
    const old = await client().post('/admin/sign-in', { email: member.email, password: PASSWORD })
    expect(old.status).toBe(400)
    expect((await signInAs(member, NEW_PASSWORD)).location).toBe('/admin')
  }, 30_000)

  it('is asked again after an admin resets the password, with the second factor kept', async () => {
    const member = await createStaff({ email: 'reset@example.com', role: 'publisher' })
    const session = await signedIn(member)
    const res = await adminBrowser.submit(
      `/admin/staff/${member.id}/reset-password`,
      {},
      '/admin/staff',
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Password reset')
    const password = shownPassword(html)!
    expect((await account(member.id))!.must_change_password).toBe(1)
    expect(verifyPassword(password, (await account(member.id))!.password_hash)).toBe(true)
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: admin.id,
      action: 'staff.reset-password',
      target: member.email,
    })
    expect((await session.get('/admin')).headers.get('Location')).toBe('/admin/sign-in')
    const { location } = await signInAs(member, password)
    expect(location).toBe('/admin/new-password')
  }, 30_000)

  it('refuses a reset of your own password there, and one by a publisher', async () => {
    const own = await adminBrowser.submit(
      `/admin/staff/${admin.id}/reset-password`,
      {},
      '/admin/staff',
    )
    expect(own.status).toBe(409)
    const publisher = await createStaff({ email: 'pub@example.com', role: 'publisher' })
    const target = await createStaff({ email: 'target@example.com', role: 'editor' })
    const res = await (
      await signedIn(publisher)
    ).submit(`/admin/staff/${target.id}/reset-password`, {}, '/admin')
    expect(res.status).toBe(403)
    expect((await account(target.id))!.must_change_password).toBe(0)
    expect((await account(admin.id))!.must_change_password).toBe(0)
  }, 30_000)

  it('is never asked of someone signed in without a new password to create', async () => {
    const res = await adminBrowser.get('/admin/new-password')
    expect(res.headers.get('Location')).toBe('/admin')
    expect((await client().get('/admin/new-password')).headers.get('Location')).toBe(
      '/admin/sign-in',
    )
    expect((await client().post('/admin/new-password', { newPassword: NEW_PASSWORD })).status).toBe(
      401,
    )
  }, 30_000)
})

describe('Cloudflare Access sign-in', () => {
  const TEAM = 'soca-first.cloudflareaccess.com'
  const AUD = 'first-sign-in-aud'
  let privateKey: CryptoKey

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true })
    privateKey = pair.privateKey
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'RS256', use: 'sig' }
    await network.enable()
    network.use(
      http.get(`https://${TEAM}/cdn-cgi/access/certs`, () => HttpResponse.json({ keys: [jwk] })),
    )
  })
  afterAll(() => network.disable())

  it('is not asked for a new password, which it never uses', async () => {
    await createStaff({
      email: 'access@example.com',
      role: 'editor',
      totp: false,
      mustChangePassword: true,
    })
    const jwt = await new SignJWT({ email: 'access@example.com' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuer(`https://${TEAM}`)
      .setAudience(AUD)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey)
    const ctx = createExecutionContext()
    const res = await worker.fetch(
      new Request(new URL('/admin', ORIGIN), {
        headers: { 'Cf-Access-Jwt-Assertion': jwt },
        redirect: 'manual',
      }),
      { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Signed in as access')
  }, 30_000)
})
