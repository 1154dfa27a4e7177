import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { renderSVG } from 'uqr'
import { audit, auditQuery } from '../../db/audit.ts'
import { deleteSessionQuery, setPendingTotp } from '../../db/sessions.ts'
import {
  type Attempt,
  type LockoutRules,
  type StaffMember,
  claimTotpStep,
  endOtherSessionsQuery,
  failedSignInQueries,
  releaseSignInAttemptQueries,
  replaceRecoveryCodesQueries,
  reserveSignInAttempt,
  signedInQueries,
  staffByEmail,
  updateStaffQuery,
  useRecoveryCode,
} from '../../db/staff.ts'
import type { Database } from '../../db/client.ts'
import type { AppEnv, StaffEnv } from '../../env.ts'
import type { FieldError } from '../../forms/fields.ts'
import { GIVEN_PASSWORD_ERROR, newPasswordForm } from '../../forms/account.ts'
import { ENROL_CODE_ERROR, enrolForm, signInForm, twoFactorForm } from '../../forms/sign-in.ts'
import { accessConfig } from '../../auth/access.ts'
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../auth/password.ts'
import { newRecoveryCodes, normaliseRecoveryCode } from '../../auth/recovery-codes.ts'
import { clearSessionCookie, setSessionCookie, startSession } from '../../auth/sessions.ts'
import { sha256Hex } from '../../auth/tokens.ts'
import { newTotpSecret, otpauthUri, timeStep, verifyTotp } from '../../auth/totp.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { clientKey } from '../../lib/client-key.ts'
import {
  NEW_PASSWORD_PATH,
  requireCsrfToken,
  requireNewPasswordDue,
  requireStage,
} from '../../middleware/auth.ts'
import { rateLimit } from '../../middleware/rate-limit.ts'
import { AccessOnlyPage } from '../../views/admin/access-only-page.tsx'
import { EnrolPage } from '../../views/admin/enrol-page.tsx'
import { NewPasswordPage } from '../../views/admin/new-password-page.tsx'
import { RecoveryCodesPage } from '../../views/admin/recovery-codes-page.tsx'
import { SignInPage } from '../../views/admin/sign-in-page.tsx'
import { TwoFactorPage } from '../../views/admin/two-factor-page.tsx'

/**
 * Built-in sign-in: password, then a TOTP code (or a recovery code); set-up at first sign-in,
 * and a new password in place of one someone else chose (middleware/auth.ts, newPasswordDue).
 */
export const signIn = new Hono<AppEnv>()

/** Failures in a row, from two or more clients, that lock an account. */
export const LOCK_AFTER_FAILURES = 10
/** How long a locked account stays locked. */
export const LOCK_MS = 15 * 60 * 1000

/**
 * The lockout. Failures lock an account, but one client cannot do that on its own:
 *
 * - Every attempt at the password or the security code first reserves a failure, keyed by its
 *   client (an IPv4 address or an IPv6 /64: lib/client-key.ts), in one atomic statement
 *   (db/staff.ts, reserveSignInAttempt). Only an attempt that got a reservation is checked, so
 *   concurrent attempts cannot all slip past the count. A right password gives its reservation
 *   back; a completed sign-in clears the count and forgets the failures of the client it came from.
 * - A client with LOCK_AFTER_FAILURES failures against an account in the last 15 minutes is
 *   refused for that account, whoever else signs in to it: it is held back by its own failures.
 * - The account locks for 15 minutes after LOCK_AFTER_FAILURES failures in a row from at least
 *   two clients (so a guess spread over many addresses is stopped as soon as before), or three
 *   times as many from any (so is one patient client, 10 tries each quarter of an hour).
 *
 * So an attacker on one address (or one /64) holds back only itself; locking the owner out takes
 * failures from two places. What that still allows: after an attacker's ten failures, the owner's
 * first typo is the second client and locks the account, until an admin unlocks it on the staff
 * page (a sign-in completed before any typo clears the count, and with it that risk).
 */
const LOCKOUT: LockoutRules = {
  lockAfter: LOCK_AFTER_FAILURES,
  lockAfterFromAny: 3 * LOCK_AFTER_FAILURES,
  lockMs: LOCK_MS,
  clientLimit: LOCK_AFTER_FAILURES,
  clientWindowMs: LOCK_MS,
}

const throttle = rateLimit((env) => env.SIGNIN_RATE_LIMITER)

const WRONG: FieldError = { field: 'email', message: 'Enter a correct email address and password' }
const WRONG_CODE: FieldError = { field: 'code', message: 'Enter a correct security code' }

/** The key this request's client is counted under (Cloudflare sets CF-Connecting-IP). */
const requestClient = (c: Context) => clientKey(c.req.header('CF-Connecting-IP'))

/** Why a password sign-in is refused (for the audit log only), or null if it is accepted. */
const refusal = (member: StaffMember | undefined, attempt: Attempt | null, matches: boolean) =>
  !member
    ? 'unknown email'
    : attempt && !attempt.reserved
      ? attempt.reason
      : !member.active
        ? 'account disabled'
        : !member.passwordHash
          ? 'no password set'
          : !matches
            ? 'wrong password'
            : null

/**
 * Audits a refused sign-in step. A reserved attempt stays counted as a failure, which may lock
 * the account; a refused one was never counted (refusals must not extend a lock).
 */
const recordFailure = (
  db: Database,
  member: StaffMember | undefined,
  attempt: Attempt | null,
  target: string,
  detail: string,
  now: Date,
) =>
  db.batch([
    auditQuery(db, { actorId: member?.id ?? null, action: 'sign-in.failed', target, detail }),
    ...(member && attempt?.reserved ? failedSignInQueries(db, member.id, now, LOCKOUT) : []),
  ])

signIn.get('/sign-in', (c) => {
  if (accessConfig(c.env)) return c.html(<AccessOnlyPage />)
  if (c.var.session?.stage === 'active') return c.redirect('/admin', 303)
  return c.html(<SignInPage />)
})

signIn.post('/sign-in', throttle, async (c) => {
  if (accessConfig(c.env)) return c.html(<AccessOnlyPage />, 403)
  const form = await readAdminForm(c, signInForm)
  if (!form.ok) return c.html(<SignInPage email={form.values.email} errors={form.errors} />, 400)
  const db = c.var.db
  const now = new Date()
  const { email, password } = form.data
  const member = await staffByEmail(db, email)
  const attempt = member
    ? await reserveSignInAttempt(db, member.id, requestClient(c), now, LOCKOUT)
    : null
  // A hash is always checked: the member's only with a reservation, otherwise (an unknown
  // address, a locked account) a dummy, so every refusal takes the same time and says the same.
  const hash = attempt?.reserved ? member?.passwordHash : null
  const matches = verifyPassword(password, hash ?? DUMMY_HASH)
  const reason = refusal(member, attempt, matches)
  if (!member || !attempt?.reserved || reason !== null) {
    await recordFailure(db, member, attempt, email, reason ?? '', now)
    return c.html(<SignInPage email={form.values.email} errors={[WRONG]} />, 400)
  }

  const stage = member.totpSecret ? 'password' : 'enrol'
  const started = await startSession(
    db,
    { staffId: member.id, stage, via: 'password', now },
    c.var.session?.id,
  )
  // Only the second step completes a sign-in, so the count is not cleared here: a right password
  // must not reset the failures of the security codes tried after it.
  await db.batch([
    ...started.queries,
    ...releaseSignInAttemptQueries(db, member.id, attempt.id),
    auditQuery(db, { actorId: member.id, action: 'sign-in.password-accepted', target: email }),
  ])
  setSessionCookie(c, started.token, started.lifetime)
  // With no second factor yet, a password someone else chose is replaced before one is set up.
  const next =
    stage === 'password'
      ? '/admin/two-factor'
      : member.mustChangePassword
        ? NEW_PASSWORD_PATH
        : '/admin/enrol'
  return c.redirect(next, 303)
})

signIn.get('/two-factor', requireStage('password'), (c) =>
  c.html(<TwoFactorPage csrfToken={c.var.session.csrfToken} />),
)

/** Ends the part-way session and signs the member in with a new, rotated session. */
const completeSignIn = async (c: Context<StaffEnv>, staffId: number, now: Date, detail: string) => {
  const db = c.var.db
  const started = await startSession(
    db,
    { staffId, stage: 'active', via: 'password', now },
    c.var.session.id,
  )
  await db.batch([
    ...started.queries,
    ...signedInQueries(db, staffId, requestClient(c), now),
    auditQuery(db, { actorId: staffId, action: 'sign-in', detail }),
  ])
  setSessionCookie(c, started.token, started.lifetime)
}

/** The step this TOTP code is for, if it is right and not used before; null otherwise. */
const totpStep = (member: StaffMember, code: string, now: Date) =>
  member.totpSecret ? verifyTotp(member.totpSecret, code, now, member.totpLastStep) : null

/** Whether the code is one of the member's unused recovery codes, using it up if so. */
const recoveryCodeUsed = async (db: Database, member: StaffMember, code: string, now: Date) => {
  const recovery = normaliseRecoveryCode(code)
  return recovery !== null && useRecoveryCode(db, member.id, await sha256Hex(recovery), now)
}

signIn.post('/two-factor', throttle, requireStage('password'), requireCsrfToken(), async (c) => {
  const db = c.var.db
  const now = new Date()
  // loadSession read the member's row for this request, key and last used step included.
  const member = c.var.staff
  const csrfToken = c.var.session.csrfToken
  const form = await readAdminForm(c, twoFactorForm)
  if (!form.ok) return c.html(<TwoFactorPage csrfToken={csrfToken} errors={form.errors} />, 400)
  const { code } = form.data
  const attempt = await reserveSignInAttempt(db, member.id, requestClient(c), now, LOCKOUT)
  const step = attempt.reserved ? await totpStep(member, code, now) : null
  // The step read with the session may be stale by now: of concurrent requests with one code,
  // only the one that records its step as used is accepted.
  const claimed = step !== null && (await claimTotpStep(db, member.id, step))
  const recovered = attempt.reserved && !claimed && (await recoveryCodeUsed(db, member, code, now))
  if (!claimed && !recovered) {
    const detail = attempt.reserved ? 'wrong security code' : attempt.reason
    await recordFailure(db, member, attempt, member.email, detail, now)
    return c.html(<TwoFactorPage csrfToken={csrfToken} errors={[WRONG_CODE]} />, 400)
  }
  const detail = recovered ? 'password and recovery code' : 'password and TOTP'
  await completeSignIn(c, member.id, now, detail)
  return c.redirect(member.mustChangePassword ? NEW_PASSWORD_PATH : '/admin', 303)
})

/** The set-up page for the session's pending key, making one if there is none yet. */
const renderEnrol = async (c: Context<StaffEnv>, errors: FieldError[] = [], status = 200) => {
  const session = c.var.session
  let secret = session.pendingTotpSecret
  if (!secret) {
    secret = newTotpSecret()
    await setPendingTotp(c.var.db, session.id, secret)
  }
  const svg = renderSVG(otpauthUri(secret, c.var.staff.email), { border: 2 })
  const qrDataUrl = `data:image/svg+xml;base64,${btoa(svg)}`
  return c.html(
    <EnrolPage
      csrfToken={session.csrfToken}
      secret={secret}
      qrDataUrl={qrDataUrl}
      errors={errors}
    />,
    status as 200,
  )
}

signIn.get('/enrol', requireStage('enrol'), (c) => renderEnrol(c))

signIn.post('/enrol', throttle, requireStage('enrol'), requireCsrfToken(), async (c) => {
  const db = c.var.db
  const now = new Date()
  const staffId = c.var.staff.id
  const secret = c.var.session.pendingTotpSecret
  const form = await readAdminForm(c, enrolForm)
  const step = form.ok && secret ? await verifyTotp(secret, form.data.code, now, null) : null
  // A missing code and a wrong one get the same message, and both are audited.
  if (!secret || step === null) {
    await audit(db, { actorId: staffId, action: 'totp.enrol-failed' })
    return renderEnrol(c, [{ field: 'code', message: ENROL_CODE_ERROR }], 400)
  }
  const codes = newRecoveryCodes()
  const hashes = await Promise.all(codes.map((code) => sha256Hex(code)))
  // Steps up to the one just used are spent, so the code typed here cannot sign in again.
  const totpLastStep = Math.max(step, timeStep(now) - 1)
  await db.batch([
    updateStaffQuery(db, staffId, { totpSecret: secret, totpLastStep }),
    ...replaceRecoveryCodesQueries(db, staffId, hashes),
    auditQuery(db, { actorId: staffId, action: 'totp.enrolled' }),
  ])
  await completeSignIn(c, staffId, now, 'password and new TOTP')
  return c.html(<RecoveryCodesPage codes={codes} />)
})

signIn.get('/new-password', requireNewPasswordDue(), (c) =>
  c.html(<NewPasswordPage csrfToken={c.var.session.csrfToken} />),
)

// Checking the new password against the given one costs an argon2 check, so this shares the
// sign-in limit too.
signIn.post('/new-password', throttle, requireNewPasswordDue(), requireCsrfToken(), async (c) => {
  const db = c.var.db
  const { session, staff: member } = c.var
  const form = await readAdminForm(c, newPasswordForm)
  // The password they were given is known to someone else, so it cannot be the new one.
  const given =
    form.ok && member.passwordHash !== null
      ? verifyPassword(form.data.newPassword, member.passwordHash)
      : false
  if (!form.ok || given) {
    const errors = form.ok ? [{ field: 'newPassword', message: GIVEN_PASSWORD_ERROR }] : form.errors
    const detail = form.ok ? 'the password given' : errors.map((e) => e.field).join(', ')
    await audit(db, { actorId: member.id, action: 'password.first-change-failed', detail })
    return c.html(<NewPasswordPage csrfToken={session.csrfToken} errors={errors} />, 400)
  }
  // The session is rotated at the same stage: signed in carries on to the staff area, part-way
  // on to setting up the second factor. Any other session of the member ends.
  const started = await startSession(
    db,
    { staffId: member.id, stage: session.stage, via: 'password', now: new Date() },
    session.id,
  )
  await db.batch([
    updateStaffQuery(db, member.id, {
      passwordHash: hashPassword(form.data.newPassword),
      mustChangePassword: false,
    }),
    ...started.queries,
    endOtherSessionsQuery(db, member.id, started.session.id),
    auditQuery(db, { actorId: member.id, action: 'password.first-change' }),
  ])
  setSessionCookie(c, started.token, started.lifetime)
  return c.redirect(session.stage === 'active' ? '/admin' : '/admin/enrol', 303)
})

// Any stage of sign-in may sign out. requireCsrfToken refuses a POST without a session, so
// there is always a session (and its member) here.
signIn.post('/sign-out', requireCsrfToken(), async (c) => {
  const { db, session, staff } = c.var
  await db.batch([
    deleteSessionQuery(db, session.id),
    auditQuery(db, { actorId: staff.id, action: 'sign-out' }),
  ])
  clearSessionCookie(c)
  const access = accessConfig(c.env)
  const signedOut = access ? `https://${access.teamDomain}/cdn-cgi/access/logout` : '/admin/sign-in'
  return c.redirect(signedOut, 303)
})
