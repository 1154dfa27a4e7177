import { createMiddleware } from 'hono/factory'
import { createDb } from '../db/client.ts'
import type { AppEnv } from '../env.ts'
import { requestBookmark, setBookmarkCookie } from '../http/d1-session.ts'

/** Where a request's D1 session starts when it has no bookmark. */
export type DatabaseOptions = {
  /**
   * 'first-unconstrained' lets public reads go to the nearest read replica;
   * 'first-primary' starts staff requests on the primary, then follows their bookmark.
   */
  start: 'first-unconstrained' | 'first-primary'
  /** Send the session's bookmark back in a cookie (staff only). */
  returnBookmark?: boolean
}

/**
 * Opens a D1 session (the Sessions API, so reads can use replicas) and Drizzle over it, once per
 * request, as `c.var.db`. A request carrying a bookmark continues from it, so staff read their
 * own writes on the admin pages and on public pages alike.
 */
export const database = ({ start, returnBookmark = false }: DatabaseOptions) =>
  createMiddleware<AppEnv>(async function database(c, next) {
    const session = c.env.DB.withSession(requestBookmark(c) ?? start)
    c.set('db', createDb(session))
    await next()
    if (returnBookmark) setBookmarkCookie(c, session.getBookmark())
  })
