import { env } from 'cloudflare:test'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it, vi } from 'vitest'
import { PASSWORD, createStaff } from '../admin-helpers.ts'
import { hotp, timeStep } from '../../src/auth/totp.ts'
import { type FormSpec, formPost, postHeaders } from './arbitraries.ts'
import {
  type FuzzRequest,
  checkProperty,
  freshIp,
  quietLogs,
  runs,
  send,
  timeoutFor,
} from './fuzz.ts'
import { type FuzzSession, partWaySession, signedInSession, staffPost } from './staff.ts'
import { storageGuard } from './state.ts'

// The forms that check a password or a code: sign-in, the TOTP step, setting up an
// authenticator, and changing one's password. Never a 5xx; a 4xx signs nobody in and changes
// nothing stored (the failure count that locks an account aside, which is the point of it).
//
// Sign-in and the password change check an argon2 hash (0.2 s idle, over a second on a busy
// machine), so they get fewer runs than the rest.

beforeAll(quietLogs)
afterAll(() => vi.restoreAllMocks())

const guarded = storageGuard()

let signInMember: { id: number; email: string }
let twoFactor: FuzzSession & { secret: string | null }
let enrol: FuzzSession & { secret: string | null }
let account: FuzzSession
let firstPassword: FuzzSession

beforeAll(async () => {
  const member = await createStaff({ email: 'signin@example.com', role: 'editor' })
  signInMember = { id: member.id, email: member.email }
  twoFactor = await partWaySession('totp@example.com', 'password')
  enrol = await partWaySession('enrol@example.com', 'enrol')
  account = await signedInSession('account@example.com', 'editor')
  // Signed in with a password someone else chose: nothing but a new password until it is made.
  firstPassword = await signedInSession('given@example.com', 'editor')
  await env.DB.prepare('UPDATE staff SET must_change_password = 1 WHERE id = ?')
    .bind(firstPassword.staffId)
    .run()
})

/** The current code of a key, when the property runs (the reset forgets the last one used). */
const codeOf = async (secret: string | null) => (secret ? hotp(secret, timeStep(new Date())) : '')

const email = (own: string) =>
  fc.oneof(
    fc.constantFrom(own, own.toUpperCase(), ` ${own} `, 'nobody@example.com', 'totp@example.com'),
    fc.stringMatching(/^[a-z]{1,8}@example\.com$/),
  )

describe('sign-in and password forms, fuzzed', () => {
  const signInRuns = runs(0.2)
  it(
    `POST /admin/sign-in: never a 5xx, and a 4xx starts no session (${signInRuns} runs)`,
    async () => {
      const spec: FormSpec = {
        email: email('signin@example.com'),
        password: fc.constantFrom(PASSWORD, 'wrong password', ''),
      }
      const request = fc
        .record({ post: formPost(spec, 'urlencoded'), headers: postHeaders })
        .map(({ post, headers }): FuzzRequest => ({
          method: 'POST',
          path: '/admin/sign-in',
          headers,
          ...post,
        }))
      const reset = () => [
        env.DB.prepare('DELETE FROM sessions WHERE staff_id = ?').bind(signInMember.id),
        env.DB.prepare('DELETE FROM sign_in_failures WHERE staff_id = ?').bind(signInMember.id),
        env.DB.prepare(
          'UPDATE staff SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?',
        ).bind(signInMember.id),
      ]
      await checkProperty(
        'POST /admin/sign-in',
        request,
        async (req) => {
          await guarded(() => send(req, { ip: freshIp() }), reset())
        },
        signInRuns,
      )
    },
    timeoutFor(signInRuns, 3_000),
  )

  const twoFactorRuns = runs(0.4)
  it(
    `POST /admin/two-factor: never a 5xx, and a 4xx signs nobody in (${twoFactorRuns} runs)`,
    () =>
      checkProperty(
        'POST /admin/two-factor',
        staffPost(fc.constant('/admin/two-factor'), {
          code: fc.oneof(
            fc.constant('{{code}}'),
            fc.stringMatching(/^\d{6}$/),
            fc.stringMatching(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/),
          ),
        }),
        async (req) => {
          const code = await codeOf(twoFactor.secret)
          await guarded(
            () =>
              send(req, {
                ip: freshIp(),
                cookie: twoFactor.cookie,
                csrf: twoFactor.csrf,
                code,
              }),
            twoFactor.reset(),
          )
        },
        twoFactorRuns,
      ),
    timeoutFor(twoFactorRuns),
  )

  const enrolRuns = runs(0.25)
  it(
    `POST /admin/enrol: never a 5xx, and a 4xx sets up nothing (${enrolRuns} runs)`,
    () =>
      checkProperty(
        'POST /admin/enrol',
        staffPost(fc.constant('/admin/enrol'), {
          code: fc.oneof(fc.constant('{{code}}'), fc.stringMatching(/^\d{6}$/)),
        }),
        async (req) => {
          const code = await codeOf(enrol.secret)
          await guarded(
            () => send(req, { ip: freshIp(), cookie: enrol.cookie, csrf: enrol.csrf, code }),
            enrol.reset(),
          )
        },
        enrolRuns,
      ),
    timeoutFor(enrolRuns),
  )

  const passwordRuns = runs(0.075)
  it(
    `POST /admin/account/password: never a 5xx, and a 4xx changes nothing (${passwordRuns} runs)`,
    () =>
      checkProperty(
        'POST /admin/account/password',
        staffPost(fc.constant('/admin/account/password'), {
          currentPassword: fc.constantFrom(PASSWORD, 'wrong password'),
          newPassword: fc.constantFrom('a new password of mine', 'short'),
          confirmPassword: fc.constantFrom('a new password of mine', 'other'),
        }),
        async (req) => {
          await guarded(
            () => send(req, { ip: freshIp(), cookie: account.cookie, csrf: account.csrf }),
            account.reset(),
          )
        },
        passwordRuns,
      ),
    timeoutFor(passwordRuns, 5_000),
  )

  it(
    `POST /admin/new-password: never a 5xx, and a 4xx changes nothing (${passwordRuns} runs)`,
    () =>
      checkProperty(
        'POST /admin/new-password',
        staffPost(fc.constant('/admin/new-password'), {
          newPassword: fc.constantFrom('a new password of mine', PASSWORD, 'short'),
          confirmPassword: fc.constantFrom('a new password of mine', PASSWORD, 'other'),
        }),
        async (req) => {
          await guarded(
            () =>
              send(req, { ip: freshIp(), cookie: firstPassword.cookie, csrf: firstPassword.csrf }),
            [
              ...firstPassword.reset(),
              env.DB.prepare('UPDATE staff SET must_change_password = 1 WHERE id = ?').bind(
                firstPassword.staffId,
              ),
            ],
          )
        },
        passwordRuns,
      ),
    timeoutFor(passwordRuns, 5_000),
  )
})
