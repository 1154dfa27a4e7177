import { env } from 'cloudflare:test'
import fc from 'fast-check'
import { PASSWORD, client, createStaff, signedIn } from '../admin-helpers.ts'
import type { Field, FuzzRequest } from './fuzz.ts'
import { type FormSpec, formPost, nasty, postHeaders } from './arbitraries.ts'

type SessionRow = {
  id: string
  staff_id: number
  stage: string
  csrf_token: string
  pending_totp_secret: string | null
  via: string
  created_at: number
}

type StaffRow = {
  role: string
  password_hash: string | null
  totp_secret: string | null
  totp_last_step: number | null
}

/**
 * A staff session the fuzz tests use: its cookie and CSRF token, and the statements that put
 * it and its member back as they were before each run. A run may sign it out, rotate it, lock
 * or disable the account, change its role or password: rather than sign in again (an argon2
 * hash, about a second), the saved rows are written back, and the same cookie works again.
 */
export type FuzzSession = {
  staffId: number
  email: string
  cookie: string
  csrf: string
  reset: () => D1PreparedStatement[]
}

/** Remembers the member's one session (as signed in by `cookie`) and their account. */
export const remember = async (staffId: number, email: string, cookie: string) => {
  const session = await env.DB.prepare('SELECT * FROM sessions WHERE staff_id = ?')
    .bind(staffId)
    .first<SessionRow>()
  const member = await env.DB.prepare(
    'SELECT role, password_hash, totp_secret, totp_last_step FROM staff WHERE id = ?',
  )
    .bind(staffId)
    .first<StaffRow>()
  if (!session || !member) throw new Error(`no session for staff ${staffId}`)
  return {
    staffId,
    email,
    cookie,
    csrf: session.csrf_token,
    reset: () => {
      const now = Date.now()
      return [
        env.DB.prepare('DELETE FROM sessions WHERE staff_id = ? AND id <> ?').bind(
          staffId,
          session.id,
        ),
        env.DB.prepare('DELETE FROM recovery_codes WHERE staff_id = ?').bind(staffId),
        // Failed attempts count towards a lock; a long run must not lock the account.
        env.DB.prepare('DELETE FROM sign_in_failures WHERE staff_id = ?').bind(staffId),
        env.DB.prepare(
          `INSERT OR REPLACE INTO sessions (id, staff_id, stage, csrf_token,
             pending_totp_secret, via, created_at, last_seen_at, expires_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).bind(
          session.id,
          staffId,
          session.stage,
          session.csrf_token,
          session.pending_totp_secret,
          session.via,
          session.created_at,
          now,
          // Ten minutes on: long enough for any run, and what a part-way session gets.
          now + 10 * 60 * 1000,
        ),
        env.DB.prepare(
          `UPDATE staff SET role = ?, active = 1, password_hash = ?, totp_secret = ?,
             totp_last_step = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?`,
        ).bind(
          member.role,
          member.password_hash,
          member.totp_secret,
          member.totp_last_step,
          staffId,
        ),
      ]
    },
  } satisfies FuzzSession
}

/** A member signed in all the way (password and TOTP), as the browser tests do it. */
export const signedInSession = async (email: string, role: 'editor' | 'publisher' | 'admin') => {
  const member = await createStaff({ email, role })
  const browser = await signedIn(member)
  return remember(member.id, email, browser.cookie!)
}

/**
 * A member part-way through signing in: past the password, at the TOTP step ('password'), or
 * at setting up their authenticator ('enrol', with a key pending on the session).
 */
export const partWaySession = async (email: string, stage: 'password' | 'enrol') => {
  const member = await createStaff({ email, role: 'editor', totp: stage === 'password' })
  const browser = client()
  const res = await browser.post('/admin/sign-in', { email, password: PASSWORD })
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`)
  // The set-up page makes the key it asks to confirm.
  if (stage === 'enrol') await browser.get('/admin/enrol')
  const session = await remember(member.id, email, browser.cookie!)
  const pending = await env.DB.prepare(
    'SELECT pending_totp_secret AS s FROM sessions WHERE staff_id = ?',
  )
    .bind(member.id)
    .first<{ s: string | null }>()
  return { ...session, secret: member.secret ?? pending?.s ?? null }
}

/** The CSRF field: the session's token, mostly; sometimes missing, wrong, or sent twice. */
export const csrfField: fc.Arbitrary<Field[]> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<Field[]>([['csrf', '{{csrf}}']]) },
  { weight: 1, arbitrary: fc.constant<Field[]>([]) },
  { weight: 1, arbitrary: nasty.map((v): Field[] => [['csrf', v]]) },
  {
    weight: 1,
    arbitrary: fc.constant<Field[]>([
      ['csrf', '{{csrf}}'],
      ['csrf', 'x'],
    ]),
  },
)

/**
 * A signed-in staff form POST: to a path, with the form's fields and the CSRF token, as the
 * member `as` (a name the test maps to a session, or 'nobody' for no cookie at all).
 */
export const staffPost = (
  path: fc.Arbitrary<string>,
  spec: FormSpec,
  as: fc.Arbitrary<string> = fc.constant('admin'),
): fc.Arbitrary<FuzzRequest & { as: string }> =>
  fc
    .record({
      path,
      post: formPost(spec, 'urlencoded', fc.constant([]), csrfField),
      headers: postHeaders,
      as,
    })
    .map(({ path, post, headers, as }) => ({
      method: 'POST',
      path,
      // The session cookie, unless the fuzzed headers bring a cookie of their own.
      headers: { Cookie: '{{cookie}}', ...headers },
      as,
      ...post,
    }))
