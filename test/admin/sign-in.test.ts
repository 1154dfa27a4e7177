import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { hotp, timeStep } from '../../src/auth/totp.ts'
import {
  PASSWORD,
  auditEntries,
  client,
  createStaff,
  csrfFrom,
  nextCode,
  signedIn,
} from '../admin-helpers.ts'
import { request, summaryErrors } from '../helpers.ts'

let admin: Awaited<ReturnType<typeof createStaff>>
beforeAll(async () => {
  admin = await createStaff({ email: 'ada@example.com', role: 'admin' })
})

describe('the staff area when not signed in', () => {
  it.each(['/admin', '/admin/pages', '/admin/submissions', '/admin/staff', '/admin/no-such-page'])(
    'redirects GET %s to the sign-in page, uncacheable',
    async (path) => {
      const res = await client().get(path)
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe('/admin/sign-in')
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    },
  )

  it('refuses a POST with 401', async () => {
    const res = await client().post('/admin/pages/new', { title: 'x' })
    expect(res.status).toBe(401)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it('serves the sign-in page uncacheable and unindexed', async () => {
    const res = await client().get('/admin/sign-in')
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(res.headers.get('X-Robots-Tag')).toBe('noindex, nofollow')
    expect(await res.text()).toContain('<meta name="robots" content="noindex, nofollow">')
  })
})

describe('password and TOTP sign-in', () => {
  it('signs in with a password then a code, rotating the session at each step', async () => {
    const browser = client()
    const first = await browser.post('/admin/sign-in', {
      email: 'ADA@example.com',
      password: PASSWORD,
    })
    expect(first.status).toBe(303)
    expect(first.headers.get('Location')).toBe('/admin/two-factor')
    const setCookie = first.headers.get('Set-Cookie')!
    // The token, then its HMAC signature (auth/staff-cookie.ts): 32 bytes each, base64url.
    expect(setCookie).toMatch(/^__Host-soca-session=[\w-]{43}\.[\w-]{43};/)
    expect(setCookie).toContain('Path=/')
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('Secure')
    expect(setCookie).toContain('SameSite=Strict')
    const partial = browser.cookie

    // Half signed in is not signed in.
    expect((await browser.get('/admin')).status).toBe(303)

    const csrf = csrfFrom(await (await browser.get('/admin/two-factor')).text())
    const second = await browser.post('/admin/two-factor', {
      code: await nextCode(admin.id, admin.secret!),
      csrf,
    })
    expect(second.status).toBe(303)
    expect(second.headers.get('Location')).toBe('/admin')
    expect(browser.cookie).not.toBe(partial)

    const home = await browser.get('/admin')
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Signed in as ada')

    // The session before the second factor is gone.
    const old = client()
    old.cookie = partial
    expect((await old.get('/admin')).status).toBe(303)

    // Only hashes of tokens are stored.
    const stored = await env.DB.prepare('SELECT id FROM sessions').all<{ id: string }>()
    const token = browser.cookie!.split('=')[1]!
    expect(stored.results.map((r) => r.id)).not.toContain(token)
    expect(stored.results.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true)
  })

  it('gives an unknown email and a wrong password the same answer', async () => {
    const unknown = await client().post('/admin/sign-in', {
      email: 'nobody@example.com',
      password: PASSWORD,
    })
    const wrong = await client().post('/admin/sign-in', {
      email: 'ada@example.com',
      password: 'not the password',
    })
    expect(unknown.status).toBe(400)
    expect(wrong.status).toBe(400)
    const a = summaryErrors(await unknown.text())
    const b = summaryErrors(await wrong.text())
    expect(a).toEqual([{ field: 'email', message: 'Enter a correct email address and password' }])
    expect(b).toEqual(a)
    const failures = (await auditEntries()).filter((e) => e.action === 'sign-in.failed')
    expect(failures.map((f) => f.detail)).toEqual(
      expect.arrayContaining(['unknown email', 'wrong password']),
    )
  })

  it('refuses a wrong or replayed code', async () => {
    const member = await createStaff({ email: 'replay@example.com', role: 'editor' })
    const browser = await signedIn(member)
    expect(browser.cookie).toBeDefined()
    const row = await env.DB.prepare('SELECT totp_last_step AS last FROM staff WHERE id = ?')
      .bind(member.id)
      .first<{ last: number }>()
    const used = await hotp(member.secret!, row!.last)

    const again = client()
    await again.post('/admin/sign-in', { email: member.email, password: PASSWORD })
    const csrf = csrfFrom(await (await again.get('/admin/two-factor')).text())
    const replayed = await again.post('/admin/two-factor', { code: used, csrf })
    expect(replayed.status).toBe(400)
    expect(summaryErrors(await replayed.text())).toEqual([
      { field: 'code', message: 'Enter a correct security code' },
    ])
    expect((await again.post('/admin/two-factor', { code: '000000', csrf })).status).toBe(400)
  })

  // This test and the next check a dozen argon2 hashes or more, so they get 30 s: seconds each on
  // a busy machine.
  it('locks an account for 15 minutes after 10 failures, even for the right password', async () => {
    const member = await createStaff({ email: 'locked@example.com', role: 'editor' })
    for (let i = 0; i < 10; i++) {
      // A fresh client address each time: the lockout is per account, not per client.
      expect(
        (await client().post('/admin/sign-in', { email: member.email, password: `wrong ${i}` }))
          .status,
      ).toBe(400)
    }
    const row = await env.DB.prepare('SELECT locked_until FROM staff WHERE id = ?')
      .bind(member.id)
      .first<{ locked_until: number }>()
    expect(row!.locked_until).toBeGreaterThan(Date.now() + 14 * 60_000)
    expect(row!.locked_until).toBeLessThanOrEqual(Date.now() + 15 * 60_000)
    const right = await client().post('/admin/sign-in', { email: member.email, password: PASSWORD })
    expect(right.status).toBe(400)
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'sign-in.failed',
      detail: 'account locked',
    })

    await env.DB.prepare('UPDATE staff SET locked_until = ? WHERE id = ?')
      .bind(Date.now() - 1, member.id)
      .run()
    expect(
      (await client().post('/admin/sign-in', { email: member.email, password: PASSWORD })).status,
    ).toBe(303)
  }, 30_000)

  it('throttles one client after 10 attempts a minute', async () => {
    const browser = client()
    const statuses: number[] = []
    for (let i = 0; i < 25; i++)
      statuses.push(
        (await browser.post('/admin/sign-in', { email: `x${i}@example.com`, password: 'x' }))
          .status,
      )
    // The limiter counts in fixed one-minute windows, so a burst may straddle two of them.
    const firstRefusal = statuses.indexOf(429)
    expect(firstRefusal).toBeGreaterThanOrEqual(10)
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(20)
  }, 30_000)
})

describe('first sign-in', () => {
  it('sets up TOTP with a QR code and key, then shows recovery codes that each work once', async () => {
    const member = await createStaff({ email: 'new@example.com', role: 'editor', totp: false })
    const browser = client()
    const first = await browser.post('/admin/sign-in', { email: member.email, password: PASSWORD })
    expect(first.headers.get('Location')).toBe('/admin/enrol')
    const page = await (await browser.get('/admin/enrol')).text()
    expect(page).toMatch(/<img class="soca-qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/)
    const key = page.match(/<code>([A-Z2-7 ]+)<\/code>/)![1]!.replaceAll(' ', '')
    expect(key).toHaveLength(32)
    // Reloading keeps the same key.
    expect(await (await browser.get('/admin/enrol')).text()).toContain(
      page.match(/<code>([A-Z2-7 ]+)<\/code>/)![1]!,
    )

    const wrong = await browser.post('/admin/enrol', { code: '123456', csrf: csrfFrom(page) })
    expect(wrong.status).toBe(400)
    const done = await browser.post('/admin/enrol', {
      code: await hotp(key, timeStep(new Date())),
      csrf: csrfFrom(page),
    })
    expect(done.status).toBe(200)
    const html = await done.text()
    const codes = [...html.matchAll(/<code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})<\/code>/g)].map(
      (m) => m[1]!,
    )
    expect(codes).toHaveLength(10)
    expect((await browser.get('/admin')).status).toBe(200)
    const stored = await env.DB.prepare('SELECT code_hash FROM recovery_codes WHERE staff_id = ?')
      .bind(member.id)
      .all<{ code_hash: string }>()
    expect(stored.results.map((r) => r.code_hash)).not.toContain(codes[0])

    // A recovery code signs in once.
    const useCode = async () => {
      const other = client()
      await other.post('/admin/sign-in', { email: member.email, password: PASSWORD })
      const csrf = csrfFrom(await (await other.get('/admin/two-factor')).text())
      return other.post('/admin/two-factor', { code: codes[0]!.toUpperCase(), csrf })
    }
    expect((await useCode()).headers.get('Location')).toBe('/admin')
    expect((await useCode()).status).toBe(400)
  })
})

describe('sessions', () => {
  it('end after 30 minutes idle', async () => {
    const browser = await signedIn(admin)
    await env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE staff_id = ?')
      .bind(Date.now() - 31 * 60_000, admin.id)
      .run()
    const res = await browser.get('/admin')
    expect(res.status).toBe(303)
    expect(res.headers.get('Set-Cookie')).toContain('Max-Age=0')
  })

  it('end 12 hours after sign-in however busy', async () => {
    const browser = await signedIn(admin)
    await env.DB.prepare('UPDATE sessions SET expires_at = ? WHERE staff_id = ?')
      .bind(Date.now() - 1, admin.id)
      .run()
    expect((await browser.get('/admin')).status).toBe(303)
  })

  it('end when the member signs out', async () => {
    const browser = await signedIn(admin)
    const cookie = browser.cookie
    const res = await browser.submit('/admin/sign-out')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin/sign-in')
    const replay = client()
    replay.cookie = cookie
    expect((await replay.get('/admin')).status).toBe(303)
    expect((await auditEntries()).at(-1)).toMatchObject({ actor_id: admin.id, action: 'sign-out' })
  })

  it('all end when an admin disables the account, or ends its sessions', async () => {
    const member = await createStaff({ email: 'leaver@example.com', role: 'editor' })
    const theirs = await signedIn(member)
    const mine = await signedIn(admin)
    expect((await mine.submit(`/admin/staff/${member.id}/end-sessions`)).status).toBe(303)
    expect((await theirs.get('/admin')).status).toBe(303)

    const again = await signedIn(member)
    expect((await mine.submit(`/admin/staff/${member.id}/disable`)).status).toBe(303)
    expect((await again.get('/admin')).status).toBe(303)
    expect(
      (await client().post('/admin/sign-in', { email: member.email, password: PASSWORD })).status,
    ).toBe(400)
  })
})

describe('CSRF', () => {
  it('refuses a signed-in POST without the session token, and audits it', async () => {
    const browser = await signedIn(admin)
    const res = await browser.post('/admin/pages/new', { title: 'Sneaky', path: '/sneaky' })
    expect(res.status).toBe(403)
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: admin.id,
      action: 'refused',
      detail: 'missing or wrong CSRF token',
    })
  })

  it('refuses a cross-site POST even with the token', async () => {
    const browser = await signedIn(admin)
    const csrf = csrfFrom(await (await browser.get('/admin')).text())
    const res = await request('/admin/sign-out', {
      method: 'POST',
      body: new URLSearchParams({ csrf }),
      headers: {
        Cookie: browser.cookie!,
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      },
      redirect: 'manual',
    })
    expect(res.status).toBe(403)
    expect((await browser.get('/admin')).status).toBe(200)
  })
})

describe('the audit log', () => {
  it('records every sign-in attempt, and refuses to change or delete an entry', async () => {
    const actions = (await auditEntries()).map((e) => e.action)
    expect(actions).toContain('sign-in')
    expect(actions).toContain('sign-in.failed')
    expect(actions).toContain('sign-in.password-accepted')
    await expect(env.DB.prepare("UPDATE audit_log SET action = 'x'").run()).rejects.toThrow(
      /append-only/,
    )
    await expect(env.DB.prepare('DELETE FROM audit_log').run()).rejects.toThrow(/append-only/)
  })
})
