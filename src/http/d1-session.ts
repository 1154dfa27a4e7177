import type { Context } from 'hono'
import { setCookie } from 'hono/cookie'
import type { AppEnv } from '../env.ts'
import { cookieValue } from '../lib/cookie-value.ts'

/**
 * The D1 Sessions API bookmark of a member of staff's latest request, so their next read,
 * whichever replica serves it, sees their own writes. Visitors never get one.
 */
export const BOOKMARK_COOKIE = '__Host-soca-d1'

/** The bookmark a request carries, if it looks like one. */
export const requestBookmark = (c: Context<AppEnv>) => {
  const value = cookieValue(c.req.header('Cookie'), BOOKMARK_COOKIE)
  return value && /^[\w-]{1,200}$/.test(value) ? value : undefined
}

/** Sends the session's latest bookmark back to a member of staff. */
export const setBookmarkCookie = (c: Context<AppEnv>, bookmark: string | null) => {
  if (!bookmark) return
  setCookie(c, BOOKMARK_COOKIE, bookmark, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: 12 * 60 * 60,
  })
}
