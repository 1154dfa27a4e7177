import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { StaffEnv } from '../../env.ts'
import { CONTENT_VERSION_HEADER } from '../../http/content-version.ts'
import type { Actor, Done, Refusal } from '../../publishing/result.ts'
import type { AdminContext } from '../../views/admin/layout.tsx'

/** The signed-in member and their CSRF token, for the admin page template. */
export const adminContext = (c: Context<StaffEnv>): AdminContext => ({
  staff: c.var.staff,
  csrfToken: c.var.session.csrfToken,
  path: c.req.path,
})

/** The signed-in member as the publishing functions know them. */
export const actorOf = (c: Context<StaffEnv>): Actor => ({
  id: c.var.staff.id,
  role: c.var.staff.role,
})

/**
 * Tells the public Worker, which forwarded this request, that public content changed at `now`:
 * it updates its cached copy of the version at once, so this location serves fresh pages on
 * the very next request (http/content-version.ts).
 */
const announceContentVersion = (c: Context<StaffEnv>, now: Date) =>
  c.header(CONTENT_VERSION_HEADER, String(now.getTime()))

/**
 * The answer to a change that was made: the new content version if visitors see it, then 303.
 * When visitors see something new, the member's own browser forgets the public pages it keeps
 * (they are sent with max-age=60, and the site and staff area share an origin), so the next
 * page they open from the site shows the change, not their copy of the old one (W3C Clear Site
 * Data: "cache" clears only the HTTP cache, not cookies, so they stay signed in).
 */
export const changed = (c: Context<StaffEnv>, result: Done, location: string) => {
  if (result.changedAt) {
    announceContentVersion(c, result.changedAt)
    c.header('Clear-Site-Data', '"cache"')
  }
  return c.redirect(location, 303)
}

const REFUSAL_STATUS = {
  'not-found': 404,
  invalid: 400,
  forbidden: 403,
  refused: 403,
  conflict: 409,
} as const satisfies Record<Refusal['reason'], number>

/** The error page for a change that was refused, with what the member can do about it. */
export const refusalException = (refusal: Refusal) =>
  new HTTPException(REFUSAL_STATUS[refusal.reason], {
    message:
      refusal.reason === 'invalid'
        ? refusal.errors.map((e) => e.message).join('. ')
        : refusal.reason === 'not-found'
          ? undefined
          : refusal.message,
  })
