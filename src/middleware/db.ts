import { createMiddleware } from 'hono/factory'
import { createDb } from '../db/client.ts'
import type { Context } from 'hono'
import type { AppEnv } from '../env.ts'
import { requestBookmark } from '../http/d1-session.ts'

/** Where a request's D1 session starts when it has no bookmark. */
export type DatabaseOptions = {
  /**
   * 'first-unconstrained' lets public reads go to the nearest read replica;
   * 'first-primary' starts staff requests on the primary, then follows their bookmark.
   */
  start: 'first-unconstrained' | 'first-primary'
  /**
   * Sends the session's bookmark back (staff only: http/d1-session.ts `setBookmarkCookie`). A
   * function rather than a flag, so the public Worker does not bundle the cookie serializer.
   */
  returnBookmark?: (c: Context<AppEnv>, bookmark: string | null) => void
}

/**
 * Opens a D1 session (the Sessions API, so reads can use replicas) and Drizzle over it, once per
 * request, as `c.var.db`. A request carrying a bookmark continues from it, so staff read their
 * own writes on the admin pages and on public pages alike.
 */
export const database = ({ start, returnBookmark }: DatabaseOptions) =>
  createMiddleware<AppEnv>(async function database(c, next) {
    const session = c.env.DB.withSession(requestBookmark(c) ?? start)
    c.set('db', createDb(session))
    await next()
    returnBookmark?.(c, session.getBookmark())
  })
