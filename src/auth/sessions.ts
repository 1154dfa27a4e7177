import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Database } from '../db/client.ts'
import type { SessionStage } from '../db/schema.ts'
import { type NewSession, deleteSessionQuery, insertSessionQuery } from '../db/sessions.ts'
import { SESSION_COOKIE } from './cookie-names.ts'
import { splitSessionCookie } from './staff-cookie.ts'
import { randomToken, sha256Hex, toBase64Url } from './tokens.ts'

/** A signed-in session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000
/** A signed-in session ends this long after sign-in, however busy. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000
/** A session between password and second factor lasts this long. */
export const PARTIAL_TIMEOUT_MS = 10 * 60 * 1000

/** The session cookie's token from a request (without its signature), if any. */
export const sessionToken = (c: Context) => {
  const value = getCookie(c, SESSION_COOKIE)
  return value ? splitSessionCookie(value).token : undefined
}

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

/**
 * The session cookie's value: the token, signed when STAFF_COOKIE_KEY is set so the public
 * Worker can tell it from a made-up one without D1 (auth/staff-cookie.ts). Synchronous HMAC
 * (@noble/hashes, which the admin Worker already bundles for argon2), so sign-in stays as it is.
 */
export const sessionCookieValue = (token: string, secret: string | undefined) =>
  secret
    ? `${token}.${toBase64Url(hmac(sha256, new TextEncoder().encode(secret), new TextEncoder().encode(token)))}`
    : token

/** Sets the session cookie: HttpOnly, Secure, SameSite=Strict, host-only. */
export const setSessionCookie = (c: Context, token: string, lifetimeMs: number) =>
  setCookie(c, SESSION_COOKIE, sessionCookieValue(token, c.env?.STAFF_COOKIE_KEY), {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: Math.floor(lifetimeMs / 1000),
  })

/** Removes the session cookie from the browser. */
export const clearSessionCookie = (c: Context) =>
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true })
