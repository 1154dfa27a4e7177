import type { Context } from 'hono'
import type { StaffEnv } from '../../env.ts'
import type { AdminContext } from '../../views/admin/layout.tsx'
import { CONTENT_VERSION_HEADER } from '../../http/content-version.ts'

/** The signed-in member and their CSRF token, for the admin page template. */
export const adminContext = (c: Context<StaffEnv>): AdminContext => ({
  staff: c.var.staff,
  csrfToken: c.var.session.csrfToken,
  path: c.req.path,
})

/**
 * Tells the public Worker, which forwarded this request, that public content changed at `now`:
 * it updates its cached copy of the version at once, so this location serves fresh pages on
 * the very next request (lib/content-version.ts).
 */
export const announceContentVersion = (c: Context<StaffEnv>, now: Date) =>
  c.header(CONTENT_VERSION_HEADER, String(now.getTime()))
