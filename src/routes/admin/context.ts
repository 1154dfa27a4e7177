import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import type { AdminContext } from '../../views/admin/layout.tsx'

/** The signed-in member and their CSRF token, for the admin page template. */
export const adminContext = (c: Context<AppEnv>): AdminContext => ({
  staff: c.var.staff!,
  csrfToken: c.var.session!.csrfToken,
})
