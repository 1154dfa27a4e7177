import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Database } from '../db/client.ts'
import type { SessionStage } from '../db/schema.ts'
import { type NewSession, deleteSessionQuery, insertSessionQuery } from '../db/sessions.ts'
import { SESSION_COOKIE } from './cookie-names.ts'
import { randomToken, sha256Hex } from './tokens.ts'

/** A signed-in session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000
/** A signed-in session ends this long after sign-in, however busy. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000
/** A session between password and second factor lasts this long. */
export const PARTIAL_TIMEOUT_MS = 10 * 60 * 1000

/** The session cookie's token from a request, if any. */
export const sessionToken = (c: Context) => getCookie(c, SESSION_COOKIE)

/**
 * Queries that start a new session (and end `replacing`, so a session is rotated at each step
 * of sign-in), plus the cookie to set once they have run.
 */
export const startSession = async (
  db: Database,
  fields: { staffId: number; stage: SessionStage; via: 'password' | 'access'; now: Date },
  replacing?: string,
) => {
  const token = randomToken(32)
  const lifetime = fields.stage === 'active' ? ABSOLUTE_TIMEOUT_MS : PARTIAL_TIMEOUT_MS
  const session: NewSession = {
    id: await sha256Hex(token),
    staffId: fields.staffId,
    stage: fields.stage,
    via: fields.via,
    csrfToken: randomToken(32),
    expiresAt: new Date(fields.now.getTime() + lifetime),
  }
  const queries = [
    insertSessionQuery(db, session),
    ...(replacing ? [deleteSessionQuery(db, replacing)] : []),
  ] as const
  return { token, session, queries, lifetime }
}

/** Sets the session cookie: HttpOnly, Secure, SameSite=Strict, host-only. */
export const setSessionCookie = (c: Context, token: string, lifetimeMs: number) =>
  setCookie(c, SESSION_COOKIE, token, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: Math.floor(lifetimeMs / 1000),
  })

/** Removes the session cookie from the browser. */
export const clearSessionCookie = (c: Context) =>
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true })
