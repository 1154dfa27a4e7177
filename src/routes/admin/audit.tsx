import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { ACTION_FILTER_MAX, auditPage } from '../../db/audit.ts'
import { listStaff } from '../../db/staff.ts'
import type { StaffEnv } from '../../env.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { wholeNumber } from '../../http/params.ts'
import { AuditPage } from '../../views/admin/audit-page.tsx'
import { adminContext } from './context.ts'

/** The audit log, for admins. */
export const auditLogRoutes = new Hono<StaffEnv>()
auditLogRoutes.use('*', requirePermission('audit:read'))

const PAGE_SIZE = 100

/** A 400 whose message the error page shows: the filter form's values are typed by hand. */
const invalid = (message: string) => new HTTPException(400, { message })

/** The action filter: at most ACTION_FILTER_MAX of the characters actions are made of. */
const actionOf = (text: string | undefined) => {
  if (text === undefined) return undefined
  if (text.length > ACTION_FILTER_MAX) {
    throw invalid(`The action filter must be ${ACTION_FILTER_MAX} characters or less.`)
  }
  // D1 refuses a LIKE pattern over 50 bytes; actions are ASCII, so these are one byte each.
  if (!/^[a-z0-9.-]+$/i.test(text)) {
    throw invalid(
      'The action filter can only hold letters, digits, dots and hyphens, such as page.publish.',
    )
  }
  return text
}

/** The start (UTC midnight) of a day typed as YYYY-MM-DD, if it is a real date; else 400. */
const dayStart = (text: string | undefined, name: 'from' | 'to') => {
  if (text === undefined) return undefined
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) {
    throw invalid(`Enter the ${name} date as YYYY-MM-DD, like 2026-03-31.`)
  }
  return day
}

/** Reads and checks every parameter of the page: a 400 with a message for any bad one. */
const filterOf = (c: Context<StaffEnv>) => {
  const q = (name: string) => c.req.query(name)?.trim() || undefined
  const actor = q('actor')
  const actorId = actor === undefined ? undefined : wholeNumber(actor)
  if (Number.isNaN(actorId)) throw invalid('Choose a person from the list.')
  const from = dayStart(q('from'), 'from')
  const to = dayStart(q('to'), 'to')
  if (from && to && from > to) throw invalid('The from date must be on or before the to date.')
  const pageText = q('page')
  const page = pageText === undefined ? 1 : wholeNumber(pageText)
  if (Number.isNaN(page)) throw invalid('The page number must be a whole number from 1.')
  return {
    filter: {
      action: actionOf(q('action')),
      actorId,
      from,
      // "To" includes the whole of that day.
      to: to && new Date(to.getTime() + 86_400_000),
    },
    page,
    text: { action: q('action'), actor, from: q('from'), to: q('to') },
  }
}

auditLogRoutes.get('/', async (c) => {
  const { filter, page, text } = filterOf(c)
  // An offset no table could reach: not found, without asking D1 to skip that far.
  if (!Number.isSafeInteger((page - 1) * PAGE_SIZE)) throw new HTTPException(404)
  const [[rows, [counted]], actors] = await Promise.all([
    auditPage(c.var.db, filter, page, PAGE_SIZE),
    listStaff(c.var.db),
  ])
  const pageCount = Math.max(1, Math.ceil((counted?.total ?? 0) / PAGE_SIZE))
  // Out of range is not found, not clamped: a page address names those rows or nothing.
  if (page > pageCount) throw new HTTPException(404)
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(text)) if (value) params.set(name, value)
  return c.html(
    <AuditPage
      admin={adminContext(c)}
      rows={rows}
      filter={{ ...filter, fromText: text.from, toText: text.to }}
      actors={actors}
      page={page}
      pageCount={pageCount}
      query={params.size > 0 ? `?${params}` : ''}
    />,
  )
})
