import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { renderSVG } from 'uqr'
import { audit, auditQuery } from '../../db/audit.ts'
import { deleteSessionQuery, setPendingTotp } from '../../db/sessions.ts'
import {
  recordFailedSignInQuery,
  recordSignInQuery,
  replaceRecoveryCodesQueries,
  staffByEmail,
  staffById,
  updateStaffQuery,
  useRecoveryCode,
} from '../../db/staff.ts'
import type { AppEnv, StaffEnv } from '../../env.ts'
import type { FieldError } from '../../forms/fields.ts'
import { accessConfig } from '../../auth/access.ts'
import { DUMMY_HASH, verifyPassword } from '../../auth/password.ts'
import { newRecoveryCodes, normaliseRecoveryCode } from '../../auth/recovery-codes.ts'
import { clearSessionCookie, setSessionCookie, startSession } from '../../auth/sessions.ts'
import { sha256Hex } from '../../auth/tokens.ts'
import { newTotpSecret, otpauthUri, timeStep, verifyTotp } from '../../auth/totp.ts'
import { requireCsrfToken, requireStage } from '../../middleware/auth.ts'
import { rateLimit } from '../../middleware/rate-limit.ts'
import {
  AccessOnlyPage,
  EnrolPage,
  RecoveryCodesPage,
  SignInPage,
  TwoFactorPage,
} from '../../views/admin/sign-in-pages.tsx'

/** Built-in sign-in: password, then a TOTP code (or a recovery code); set-up at first sign-in. */
export const signIn = new Hono<AppEnv>()

/** Failures in a row that lock an account. */
export const LOCK_AFTER_FAILURES = 10
/** How long a locked account stays locked. */
export const LOCK_MS = 15 * 60 * 1000

const throttle = rateLimit((env) => env.SIGNIN_RATE_LIMITER)

const WRONG: FieldError = { field: 'email', message: 'Enter a correct email address and password' }
const WRONG_CODE: FieldError = { field: 'code', message: 'Enter a correct security code' }

const field = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string) : ''

signIn.get('/sign-in', (c) => {
  if (accessConfig(c.env)) return c.html(<AccessOnlyPage />)
  if (c.var.session?.stage === 'active') return c.redirect('/admin', 303)
  return c.html(<SignInPage />)
})

signIn.post('/sign-in', throttle, async (c) => {
  if (accessConfig(c.env)) return c.html(<AccessOnlyPage />, 403)
  const db = c.var.db
  const now = new Date()
  const body = await c.req.parseBody()
  const email = field(body, 'email').trim().toLowerCase()
  const password = field(body, 'password')
  const missing: FieldError[] = [
    ...(email ? [] : [{ field: 'email', message: 'Enter your email address' }]),
    ...(password ? [] : [{ field: 'password', message: 'Enter your password' }]),
  ]
  if (missing.length > 0) return c.html(<SignInPage email={email} errors={missing} />, 400)

  const member = await staffByEmail(db, email)
  // The hash is always checked, against a dummy for an unknown address, so every refusal
  // takes the same time and says the same thing.
  const matches = verifyPassword(password, member?.passwordHash ?? DUMMY_HASH)
  const locked = member?.lockedUntil !== null && member?.lockedUntil !== undefined && member.lockedUntil > now
  const reason = !member
    ? 'unknown email'
    : !member.active
      ? 'account disabled'
      : !member.passwordHash
        ? 'no password set'
        : locked
          ? 'account locked'
          : !matches
            ? 'wrong password'
            : null
  if (reason || !member) {
    await db.batch([
      auditQuery(db, { actorId: member?.id ?? null, action: 'sign-in.failed', target: email, detail: reason ?? '' }),
      ...(member && !locked ? [recordFailedSignInQuery(db, member.id, LOCK_AFTER_FAILURES, new Date(now.getTime() + LOCK_MS))] : []),
    ])
    return c.html(<SignInPage email={email} errors={[WRONG]} />, 400)
  }

  const stage = member.totpSecret ? 'password' : 'enrol'
  const started = await startSession(db, { staffId: member.id, stage, via: 'password', now }, c.var.session?.id)
  await db.batch([
    ...started.queries,
    auditQuery(db, { actorId: member.id, action: 'sign-in.password-accepted', target: email }),
  ])
  setSessionCookie(c, started.token, started.lifetime)
  return c.redirect(stage === 'password' ? '/admin/two-factor' : '/admin/enrol', 303)
})

signIn.get('/two-factor', requireStage('password'), (c) =>
  c.html(<TwoFactorPage csrfToken={c.var.session!.csrfToken} />),
)

/** Ends the part-way session and signs the member in with a new, rotated session. */
const completeSignIn = async (c: Context<StaffEnv>, staffId: number, now: Date, detail: string) => {
  const db = c.var.db
  const started = await startSession(db, { staffId, stage: 'active', via: 'password', now }, c.var.session!.id)
  await db.batch([
    ...started.queries,
    recordSignInQuery(db, staffId, now),
    auditQuery(db, { actorId: staffId, action: 'sign-in', detail }),
  ])
  setSessionCookie(c, started.token, started.lifetime)
}

signIn.post('/two-factor', throttle, requireStage('password'), requireCsrfToken(), async (c) => {
  const db = c.var.db
  const now = new Date()
  const member = (await staffById(db, c.var.staff!.id))!
  const code = field(await c.req.parseBody(), 'code').trim()
  if (!code) {
    return c.html(<TwoFactorPage csrfToken={c.var.session!.csrfToken} errors={[{ field: 'code', message: 'Enter your security code' }]} />, 400)
  }
  const locked = member.lockedUntil !== null && member.lockedUntil > now
  const step = !locked && member.totpSecret ? await verifyTotp(member.totpSecret, code, now, member.totpLastStep) : null
  const recovery = normaliseRecoveryCode(code)
  const recovered =
    !locked && step === null && recovery !== null && (await useRecoveryCode(db, member.id, await sha256Hex(recovery), now))
  if (step === null && !recovered) {
    await db.batch([
      auditQuery(db, { actorId: member.id, action: 'sign-in.failed', target: member.email, detail: locked ? 'account locked' : 'wrong security code' }),
      ...(locked ? [] : [recordFailedSignInQuery(db, member.id, LOCK_AFTER_FAILURES, new Date(now.getTime() + LOCK_MS))]),
    ])
    return c.html(<TwoFactorPage csrfToken={c.var.session!.csrfToken} errors={[WRONG_CODE]} />, 400)
  }
  if (step !== null) await updateStaffQuery(db, member.id, { totpLastStep: step }).run()
  await completeSignIn(c, member.id, now, recovered ? 'password and recovery code' : 'password and TOTP')
  return c.redirect('/admin', 303)
})

/** The set-up page for the session's pending key, making one if there is none yet. */
const renderEnrol = async (c: Context<StaffEnv>, errors: FieldError[] = [], status = 200) => {
  const session = c.var.session!
  let secret = session.pendingTotpSecret
  if (!secret) {
    secret = newTotpSecret()
    await setPendingTotp(c.var.db, session.id, secret)
  }
  const svg = renderSVG(otpauthUri(secret, c.var.staff!.email), { border: 2 })
  const qrDataUrl = `data:image/svg+xml;base64,${btoa(svg)}`
  return c.html(<EnrolPage csrfToken={session.csrfToken} secret={secret} qrDataUrl={qrDataUrl} errors={errors} />, status as 200)
}

signIn.get('/enrol', requireStage('enrol'), (c) => renderEnrol(c))

signIn.post('/enrol', throttle, requireStage('enrol'), requireCsrfToken(), async (c) => {
  const db = c.var.db
  const now = new Date()
  const secret = c.var.session!.pendingTotpSecret
  const code = field(await c.req.parseBody(), 'code')
  const step = secret ? await verifyTotp(secret, code, now, null) : null
  if (!secret || step === null) {
    await audit(db, { actorId: c.var.staff!.id, action: 'totp.enrol-failed' })
    return renderEnrol(c, [{ field: 'code', message: 'Enter the 6-digit code your authenticator app shows' }], 400)
  }
  const codes = newRecoveryCodes()
  const hashes = await Promise.all(codes.map((code) => sha256Hex(code)))
  const staffId = c.var.staff!.id
  await db.batch([
    updateStaffQuery(db, staffId, { totpSecret: secret, totpLastStep: Math.max(step, timeStep(now) - 1) }),
    ...replaceRecoveryCodesQueries(db, staffId, hashes),
    auditQuery(db, { actorId: staffId, action: 'totp.enrolled' }),
  ])
  await completeSignIn(c, staffId, now, 'password and new TOTP')
  return c.html(<RecoveryCodesPage codes={codes} />)
})

signIn.post('/sign-out', requireCsrfToken(), async (c) => {
  const db = c.var.db
  const session = c.var.session
  if (session) {
    await db.batch([
      deleteSessionQuery(db, session.id),
      auditQuery(db, { actorId: c.var.staff?.id ?? null, action: 'sign-out' }),
    ])
  }
  clearSessionCookie(c)
  return c.redirect(accessConfig(c.env) ? `https://${accessConfig(c.env)!.teamDomain}/cdn-cgi/access/logout` : '/admin/sign-in', 303)
})
