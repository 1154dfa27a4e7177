import { Hono } from 'hono/tiny'
import { auditPage } from '../../db/audit.ts'
import { listStaff } from '../../db/staff.ts'
import type { StaffEnv } from '../../env.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { AuditPage } from '../../views/admin/audit-page.tsx'
import { adminContext } from './context.ts'

/** The audit log, for admins. */
export const auditLogRoutes = new Hono<StaffEnv>()
auditLogRoutes.use('*', requirePermission('audit:read'))

const PAGE_SIZE = 100

const dayStart = (text: string | undefined) =>
  text && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))
    ? new Date(`${text}T00:00:00Z`)
    : undefined

auditLogRoutes.get('/', async (c) => {
  const q = (name: string) => c.req.query(name)?.trim() || undefined
  const to = dayStart(q('to'))
  const actorId = Number(q('actor')) || undefined
  const filter = {
    action: q('action'),
    actorId,
    from: dayStart(q('from')),
    // "To" includes the whole of that day.
    to: to && new Date(to.getTime() + 86_400_000),
  }
  const page = Math.max(1, Number.parseInt(q('page') ?? '1', 10) || 1)
  const [[rows, [counted]], actors] = await Promise.all([
    auditPage(c.var.db, filter, page, PAGE_SIZE),
    listStaff(c.var.db),
  ])
  const params = new URLSearchParams()
  for (const name of ['action', 'actor', 'from', 'to']) {
    const value = q(name)
    if (value) params.set(name, value)
  }
  return c.html(
    <AuditPage
      admin={adminContext(c)}
      rows={rows}
      filter={{ ...filter, fromText: q('from'), toText: q('to') }}
      actors={actors}
      page={page}
      pageCount={Math.max(1, Math.ceil((counted?.total ?? 0) / PAGE_SIZE))}
      query={params.size > 0 ? `?${params}` : ''}
    />,
  )
})
