import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { hotp, timeStep } from '../../src/auth/totp.ts'
import { LOCK_AFTER_FAILURES } from '../../src/routes/admin/sign-in.tsx'
import {
  PASSWORD,
  auditEntries,
  client,
  createStaff,
  csrfFrom,
  nextCode,
} from '../admin-helpers.ts'

// Argon2id costs ~180 ms of CPU a check, and these tests make a hundred at once.
const SLOW = 180_000

const hex = () => Math.floor(Math.random() * 0x10000).toString(16)

/** A client address in a /64 of its own, so neither the rate limiter nor the lockout mixes them. */
const newAddress = () => `2001:db8:${hex()}:${hex()}::1`

/** A six-digit code that is not valid for this key anywhere near now. */
const wrongCode = async (secret: string) => {
  const step = timeStep(new Date())
  const valid = new Set(
    await Promise.all([step - 2, step - 1, step, step + 1, step + 2].map((s) => hotp(secret, s))),
  )
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0')
    if (!valid.has(code)) return code
  }
}

/** The audited outcomes of the refused sign-in steps for this email. */
const failureDetails = async (email: string) =>
  (await auditEntries())
    .filter((e) => e.action === 'sign-in.failed' && e.target === email)
    .map((e) => e.detail)

/** When the account's lock ends (ms), or null. */
const lockedUntil = async (id: number) =>
  (
    await env.DB.prepare('SELECT locked_until FROM staff WHERE id = ?')
      .bind(id)
      .first<{ locked_until: number | null }>()
  )?.locked_until ?? null

/** A client at the two-factor step for this account, with the step's CSRF token. */
const pastPassword = async (email: string, address = newAddress()) => {
  const browser = client(address)
  const res = await browser.post('/admin/sign-in', { email, password: PASSWORD })
  if (res.headers.get('Location') !== '/admin/two-factor') throw new Error(`got ${res.status}`)
  const csrf = csrfFrom(await (await browser.get('/admin/two-factor')).text())
  return { browser, csrf }
}

describe('the lockout under concurrent attempts', () => {
  it(
    'checks at most 10 of 100 concurrent wrong passwords, and locks the account',
    async () => {
      const member = await createStaff({ email: 'race-password@example.com', role: 'editor' })
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          client(newAddress()).post('/admin/sign-in', {
            email: member.email,
            password: `wrong ${i}`,
          }),
        ),
      )
      expect(results.map((r) => r.status)).toEqual(Array(100).fill(400))
      const details = await failureDetails(member.email)
      // Every attempt is audited; only those that got a slot had their password checked.
      expect(details).toHaveLength(100)
      expect(details.filter((d) => d === 'wrong password').length).toBeLessThanOrEqual(
        LOCK_AFTER_FAILURES,
      )
      expect(details.filter((d) => d === 'account locked').length).toBeGreaterThanOrEqual(90)
      expect(await lockedUntil(member.id)).toBeGreaterThan(Date.now())
    },
    SLOW,
  )

  it(
    'checks at most 10 of 100 concurrent wrong security codes, and locks the account',
    async () => {
      const member = await createStaff({ email: 'race-code@example.com', role: 'editor' })
      const { browser, csrf } = await pastPassword(member.email)
      const code = await wrongCode(member.secret!)
      const results = await Promise.all(
        Array.from({ length: 100 }, () => {
          const attacker = client(newAddress())
          attacker.cookie = browser.cookie
          return attacker.post('/admin/two-factor', { code, csrf })
        }),
      )
      expect(results.map((r) => r.status)).toEqual(Array(100).fill(400))
      const details = await failureDetails(member.email)
      expect(details).toHaveLength(100)
      expect(details.filter((d) => d === 'wrong security code').length).toBeLessThanOrEqual(
        LOCK_AFTER_FAILURES,
      )
      expect(await lockedUntil(member.id)).toBeGreaterThan(Date.now())
    },
    SLOW,
  )

  it(
    'accepts a security code once when 20 sessions send it at the same moment',
    async () => {
      const member = await createStaff({ email: 'race-replay@example.com', role: 'editor' })
      // One after another: they are the owner's password sign-ins, not the race under test.
      const sessions = []
      for (let i = 0; i < 20; i++) sessions.push(await pastPassword(member.email))
      const code = await nextCode(member.id, member.secret!)
      const results = await Promise.all(
        sessions.map(({ browser, csrf }) => browser.post('/admin/two-factor', { code, csrf })),
      )
      const signedIn = results.filter((r) => r.headers.get('Location') === '/admin')
      expect(signedIn).toHaveLength(1)
      expect(results.filter((r) => r.status === 400)).toHaveLength(19)
      const signIns = (await auditEntries()).filter(
        (e) => e.action === 'sign-in' && e.actor_id === member.id,
      )
      expect(signIns).toHaveLength(1)
    },
    SLOW,
  )
})

describe('the lockout and the client it comes from', () => {
  it(
    'does not let one client lock an account its owner signs in to from elsewhere',
    async () => {
      const member = await createStaff({ email: 'target@example.com', role: 'editor' })
      const prefix = `2001:db8:${hex()}:${hex()}`
      for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
        // Every address of the attacker's /64 counts as the same client.
        const attacker = client(`${prefix}::${i + 1}`)
        const res = await attacker.post('/admin/sign-in', {
          email: member.email,
          password: `wrong ${i}`,
        })
        expect(res.status).toBe(400)
      }
      expect(await lockedUntil(member.id)).toBeNull()
      const owner = await client(newAddress()).post('/admin/sign-in', {
        email: member.email,
        password: PASSWORD,
      })
      expect(owner.status).toBe(303)
      expect(owner.headers.get('Location')).toBe('/admin/two-factor')
    },
    SLOW,
  )

  it(
    'refuses a client that has failed 10 times for an account, even with the right password',
    async () => {
      const member = await createStaff({ email: 'throttled@example.com', role: 'editor' })
      const attacker = newAddress()
      // Failures from earlier minutes: within the minute, the rate limiter refuses an 11th try
      // before the lockout sees it, so this is how a slower attacker arrives.
      const key = attacker.replace('::1', '::/64')
      for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
        await env.DB.prepare(
          'INSERT INTO sign_in_failures (staff_id, client_key, at, counted) VALUES (?, ?, ?, 1)',
        )
          .bind(member.id, key, Date.now() - 5 * 60_000 + i)
          .run()
      }
      const again = await client(attacker).post('/admin/sign-in', {
        email: member.email,
        password: PASSWORD,
      })
      expect(again.status).toBe(400)
      expect((await failureDetails(member.email)).at(-1)).toBe('too many failures from this client')
      expect(await lockedUntil(member.id)).toBeNull()

      // The owner, elsewhere, is let in, and then the attacker is still held back.
      const owner = await pastPassword(member.email)
      const done = await owner.browser.post('/admin/two-factor', {
        code: await nextCode(member.id, member.secret!),
        csrf: owner.csrf,
      })
      expect(done.headers.get('Location')).toBe('/admin')
      expect(
        (await client(attacker).post('/admin/sign-in', { email: member.email, password: PASSWORD }))
          .status,
      ).toBe(400)
    },
    SLOW,
  )

  it(
    'locks after 10 failures from two clients',
    async () => {
      const member = await createStaff({ email: 'two-clients@example.com', role: 'editor' })
      const [a, b] = [newAddress(), newAddress()]
      for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
        const res = await client(i % 2 ? a : b).post('/admin/sign-in', {
          email: member.email,
          password: `wrong ${i}`,
        })
        expect(res.status).toBe(400)
      }
      expect(await lockedUntil(member.id)).toBeGreaterThan(Date.now() + 14 * 60_000)
      await client(newAddress()).post('/admin/sign-in', {
        email: member.email,
        password: PASSWORD,
      })
      expect((await failureDetails(member.email)).at(-1)).toBe('account locked')
    },
    SLOW,
  )

  it(
    'locks after 30 failures in a row from one client, however slowly they come',
    async () => {
      const member = await createStaff({ email: 'slow@example.com', role: 'editor' })
      const attacker = newAddress()
      const key = attacker.replace('::1', '::/64')
      // 29 failures over the past hours, none recent enough to hold the client back.
      for (let i = 0; i < 3 * LOCK_AFTER_FAILURES - 1; i++) {
        await env.DB.prepare(
          'INSERT INTO sign_in_failures (staff_id, client_key, at, counted) VALUES (?, ?, ?, 1)',
        )
          .bind(member.id, key, Date.now() - (60 + i) * 60_000)
          .run()
      }
      expect(
        (await client(attacker).post('/admin/sign-in', { email: member.email, password: 'wrong' }))
          .status,
      ).toBe(400)
      expect(await lockedUntil(member.id)).toBeGreaterThan(Date.now())
    },
    SLOW,
  )
})
