import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import { audit } from '../db/audit.ts'
import type { SessionStage } from '../db/schema.ts'
import { deleteSessionQuery, sessionWithStaff, touchSession } from '../db/sessions.ts'
import { recordSignInQuery, staffByEmail } from '../db/staff.ts'
import type { StaffMember } from '../db/staff.ts'
import type { AppEnv, StaffEnv, StaffSession } from '../env.ts'
import { accessConfig, verifyAccessJwt } from '../auth/access.ts'
import { type Permission, can } from '../auth/permissions.ts'
import {
  IDLE_TIMEOUT_MS,
  clearSessionCookie,
  sessionToken,
  setSessionCookie,
  startSession,
} from '../auth/sessions.ts'
import { constantTimeEqual, sha256Hex } from '../auth/tokens.ts'

/** Writes to lastSeenAt at most this often, to keep idle tracking cheap. */
const TOUCH_EVERY_MS = 60 * 1000

/** Admin responses are never cached anywhere and never indexed. */
export const adminHeaders = () =>
  createMiddleware<AppEnv>(async function adminHeaders(c, next) {
    await next()
    c.res.headers.set('Cache-Control', 'no-store')
    c.res.headers.set('X-Robots-Tag', 'noindex, nofollow')
  })

/**
 * Loads the staff session from the cookie into `c.var.session` and `c.var.staff`, ending it if it
 * has expired (30 minutes idle, 12 hours in all) or its account was disabled. With Cloudflare
 * Access configured, the request must also carry a valid Access JWT for the same person; a
 * session is started from the JWT when there is none.
 */
export const loadSession = () =>
  createMiddleware<AppEnv>(async function loadSession(c, next) {
    const db = c.var.db
    const now = new Date()
    const token = sessionToken(c)
    const id = token ? await sha256Hex(token) : undefined
    const found = id ? await sessionWithStaff(db, id) : undefined
    let valid = found
    if (found) {
      const { session, member } = found
      const idle =
        session.stage === 'active' && session.lastSeenAt.getTime() + IDLE_TIMEOUT_MS < now.getTime()
      if (idle || session.expiresAt < now || !member.active) {
        await deleteSessionQuery(db, session.id).run()
        clearSessionCookie(c)
        valid = undefined
      }
    } else if (token) {
      clearSessionCookie(c)
    }

    const access = accessConfig(c.env)
    if (access) {
      const email = await verifyAccessJwt(access, c.req.header('Cf-Access-Jwt-Assertion'))
      if (!email) throw new HTTPException(401, { message: 'Sign in through Cloudflare Access.' })
      if (valid?.member.email !== email || valid.session.via !== 'access') {
        const member = await staffByEmail(db, email)
        if (!member?.active) {
          await audit(db, {
            actorId: null,
            action: 'sign-in.refused',
            target: email,
            detail: 'access: no active staff account',
          })
          throw new HTTPException(403, {
            message: 'Your Cloudflare Access identity has no active staff account.',
          })
        }
        const started = await startSession(
          db,
          { staffId: member.id, stage: 'active', via: 'access', now },
          valid?.session.id,
        )
        await db.batch([...started.queries, recordSignInQuery(db, member.id, now)])
        await audit(db, { actorId: member.id, action: 'sign-in', detail: 'via Cloudflare Access' })
        setSessionCookie(c, started.token, started.lifetime)
        valid = {
          session: { ...started.session, createdAt: now, lastSeenAt: now, pendingTotpSecret: null },
          member,
        }
      }
    }

    if (valid) {
      const { session, member } = valid
      if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
        await touchSession(db, session.id, now)
      c.set('session', {
        id: session.id,
        stage: session.stage,
        csrfToken: session.csrfToken,
        pendingTotpSecret: session.pendingTotpSecret,
        via: session.via,
      })
      c.set('staff', member)
    }
    await next()
  })

/** Where a member who was given their password creates their own (routes/admin/sign-in.tsx). */
export const NEW_PASSWORD_PATH = '/admin/new-password'

/**
 * Whether this session must create a new password before it goes anywhere else: someone else
 * (an admin, or whoever ran npm run staff) chose the member's password, so it is known to
 * someone else. It is asked for once every factor the account has is proven: straight after the
 * password when there is no second factor yet (stage 'enrol': setting one up waits for it), and
 * after the security code when there is one (stage 'active'), so a first password intercepted on
 * its way cannot replace the password of an account whose owner holds the second factor.
 * Cloudflare Access sessions never use the password, so they are never asked.
 */
export const newPasswordDue = (
  session: StaffSession | undefined,
  member: StaffMember | undefined,
): boolean =>
  session !== undefined &&
  member?.mustChangePassword === true &&
  session.via === 'password' &&
  session.stage !== 'password'

/** Audits a refused request and answers with this status. */
const refuse = async (
  c: Context<StaffEnv>,
  status: 401 | 403,
  detail: string,
  message: string,
): Promise<never> => {
  await audit(c.var.db, {
    actorId: c.var.staff?.id ?? null,
    action: 'refused',
    target: `${c.req.method} ${c.req.path}`,
    detail,
  })
  throw new HTTPException(status, { message })
}

const isRead = (c: Context) => c.req.method === 'GET' || c.req.method === 'HEAD'

/**
 * Lets a request through only at this stage of sign-in. Anyone else is sent to sign in (a GET)
 * or refused with 401 (anything else). A session that must create a new password first
 * (newPasswordDue) is sent to do that (a GET) or refused with 403 (anything else).
 */
export const requireStage = (stage: SessionStage) =>
  // Typed with the environment it guarantees: handlers after it have a session and a member.
  createMiddleware<StaffEnv>(async function requireStage(c, next) {
    if (c.var.session?.stage !== stage) {
      if (isRead(c)) return c.redirect('/admin/sign-in', 303)
      return refuse(c, 401, 'not signed in', 'Sign in to continue.')
    }
    if (newPasswordDue(c.var.session, c.var.staff)) {
      if (isRead(c)) return c.redirect(NEW_PASSWORD_PATH, 303)
      return refuse(c, 403, 'new password not yet created', 'Create a new password first.')
    }
    await next()
  })

/**
 * Lets a request through only when its session must create a new password (newPasswordDue).
 * A signed-in member with none to create is sent on to the staff area, whatever the method
 * (the form sent twice changes nothing); anyone else is treated as not signed in.
 */
export const requireNewPasswordDue = () =>
  createMiddleware<StaffEnv>(async function requireNewPasswordDue(c, next) {
    if (!newPasswordDue(c.var.session, c.var.staff)) {
      if (c.var.session?.stage === 'active') return c.redirect('/admin', 303)
      if (isRead(c)) return c.redirect('/admin/sign-in', 303)
      return refuse(c, 401, 'not signed in', 'Sign in to continue.')
    }
    await next()
  })

/** Refuses, audits and answers 403 when the signed-in role may not take this action. */
export const requirePermission = (permission: Permission) =>
  createMiddleware<StaffEnv>(async function requirePermission(c, next) {
    const member = c.var.staff
    if (!member || !can(member.role, permission)) {
      await audit(c.var.db, {
        actorId: member?.id ?? null,
        action: 'refused',
        target: `${c.req.method} ${c.req.path}`,
        detail: `needs ${permission}`,
      })
      throw new HTTPException(403, { message: 'Your role does not allow this.' })
    }
    await next()
  })

/**
 * Checks the per-session token every admin form carries, on top of the Origin check. A missing
 * or wrong token is audited and refused with 403.
 */
export const requireCsrfToken = () =>
  createMiddleware<StaffEnv>(async function requireCsrfToken(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      const sent = body.csrf
      const expected = c.var.session?.csrfToken
      if (typeof sent !== 'string' || !expected || !constantTimeEqual(sent, expected)) {
        await audit(c.var.db, {
          actorId: c.var.staff?.id ?? null,
          action: 'refused',
          target: `${c.req.method} ${c.req.path}`,
          detail: 'missing or wrong CSRF token',
        })
        throw new HTTPException(403, {
          message: 'The form had expired. Go back, reload the page and try again.',
        })
      }
    }
    await next()
  })
