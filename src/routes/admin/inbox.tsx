import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { audit, auditQuery } from '../../db/audit.ts'
import {
  type InboxFilter,
  deleteSubmissionQuery,
  inboxAll,
  inboxItem,
  inboxPage,
  setSubmissionStatusQuery,
} from '../../db/inbox.ts'
import { submissionKinds, submissionStatuses } from '../../db/schema.ts'
import type { StaffEnv } from '../../env.ts'
import { toCsv } from '../../lib/csv.ts'
import { can } from '../../auth/permissions.ts'
import { doneNotice, numericParam, pageParam } from '../../http/params.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { InboxPage } from '../../views/admin/inbox-page.tsx'
import { SubmissionPage } from '../../views/admin/submission-page.tsx'
import { adminContext } from './context.ts'

/** The submissions inbox. Every view, export, download and delete is audited. */
export const inbox = new Hono<StaffEnv>()
inbox.use('*', requirePermission('submissions:read'))

const PAGE_SIZE = 50

const NOTICES: Record<string, string> = {
  handled: 'Marked as handled.',
  new: 'Marked as new.',
  deleted: 'Submission deleted, with its CV.',
}

/**
 * One of a filter's values, or undefined for all (the form's empty "All"). Anything else did not
 * come from the form: a 400 that says so, rather than a list that silently ignores it.
 */
const choiceOf = <T extends string>(
  c: Context<StaffEnv>,
  name: string,
  options: readonly T[],
  message: string,
): T | undefined => {
  const text = c.req.query(name)
  if (text === undefined || text === '') return undefined
  const chosen = options.find((option) => option === text)
  if (!chosen) throw new HTTPException(400, { message })
  return chosen
}

/** The filter from the query string. */
const filterOf = (c: Context<StaffEnv>): InboxFilter => ({
  kind: choiceOf(c, 'kind', submissionKinds, 'Choose a kind of submission from the list.'),
  status: choiceOf(c, 'status', submissionStatuses, 'Choose a status from the list.'),
})

const queryOf = (filter: InboxFilter) => {
  const params = new URLSearchParams()
  if (filter.kind) params.set('kind', filter.kind)
  if (filter.status) params.set('status', filter.status)
  return params.size > 0 ? `?${params}` : ''
}

inbox.get('/', async (c) => {
  const filter = filterOf(c)
  const page = pageParam(c, PAGE_SIZE)
  const [items, [counted]] = await inboxPage(c.var.db, filter, page, PAGE_SIZE)
  const total = counted?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  // Out of range is not found, not clamped: a page address names those rows or nothing.
  if (page > pageCount) throw new HTTPException(404)
  await audit(c.var.db, {
    actorId: c.var.staff.id,
    action: 'submissions.list',
    detail: queryOf(filter),
  })
  return c.html(
    <InboxPage
      admin={adminContext(c)}
      filter={filter}
      items={items}
      page={page}
      pageCount={pageCount}
      total={total}
      query={queryOf(filter)}
      notice={doneNotice(c, NOTICES)}
    />,
  )
})

inbox.get('/export.csv', async (c) => {
  const filter = filterOf(c)
  const items = await inboxAll(c.var.db, filter)
  await audit(c.var.db, {
    actorId: c.var.staff.id,
    action: 'submissions.export',
    detail: `${items.length} rows ${queryOf(filter)}`,
  })
  const rows = [
    [
      'Reference',
      'Kind',
      'Status',
      'Received',
      'Vacancy',
      'Full name',
      'Email',
      'Telephone',
      'About',
      'Message or statement',
      'Right to work',
      'CV file',
      'Page',
      'What they were doing',
    ],
    ...items.map((s) => [
      s.reference,
      s.kind,
      s.status,
      s.createdAt.toISOString(),
      s.vacancyTitle ?? '',
      s.fields.fullName,
      s.fields.email,
      s.fields.phone,
      s.fields.topic,
      // A page feedback report's "What went wrong?" is its message.
      s.fields.message ?? s.fields.statement ?? s.fields.whatWrong,
      s.fields.rightToWork,
      s.cvFileName,
      s.fields.path,
      s.fields.whatDoing,
    ]),
  ]
  return c.body(toCsv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="submissions-${new Date().toISOString().slice(0, 10)}.csv"`,
  })
})

/** The submission the route's id names; 404 if there is none. */
const load = async (c: Context<StaffEnv>) => {
  const id = numericParam(c, 'id')
  const item = await inboxItem(c.var.db, id)
  if (!item) throw new HTTPException(404)
  return { id, item }
}

/** Audits one staff action on one submission. */
const auditItem = (c: Context<StaffEnv>, action: string, id: number, reference: string) =>
  auditQuery(c.var.db, {
    actorId: c.var.staff.id,
    action,
    target: `submission:${id}`,
    detail: reference,
  })

inbox.get('/:id{[0-9]+}', async (c) => {
  const { id, item } = await load(c)
  await auditItem(c, 'submission.view', id, item.reference).run()
  return c.html(
    <SubmissionPage
      admin={adminContext(c)}
      item={item}
      canDelete={can(c.var.staff.role, 'submissions:delete')}
      notice={doneNotice(c, NOTICES)}
    />,
  )
})

// Served as an attachment, never inline: a CV is a visitor's file and must not render here.
inbox.get('/:id{[0-9]+}/cv', async (c) => {
  const { id, item } = await load(c)
  const object = item.cvKey ? await c.env.CV_BUCKET.get(item.cvKey) : null
  if (!object || !item.cvKey) throw new HTTPException(404)
  await auditItem(c, 'submission.cv-download', id, item.reference).run()
  const extension = item.cvKey.split('.').pop()
  return new Response(object.body, {
    headers: {
      'Content-Type': item.cvContentType ?? 'application/octet-stream',
      'Content-Disposition': `attachment; filename="${item.reference}-cv.${extension}"`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'no-store',
    },
  })
})

for (const status of ['handled', 'new'] as const) {
  inbox.post(`/:id{[0-9]+}/${status}`, async (c) => {
    const { id, item } = await load(c)
    const db = c.var.db
    await db.batch([
      setSubmissionStatusQuery(db, id, status),
      auditItem(c, `submission.mark-${status}`, id, item.reference),
    ])
    return c.redirect(`/admin/submissions/${id}?done=${status}`, 303)
  })
}

inbox.post('/:id{[0-9]+}/delete', requirePermission('submissions:delete'), async (c) => {
  const { id, item } = await load(c)
  const db = c.var.db
  // The CV goes first: if R2 fails, the row stays and the delete can be tried again.
  if (item.cvKey) await c.env.CV_BUCKET.delete(item.cvKey)
  await db.batch([
    deleteSubmissionQuery(db, id),
    auditItem(c, 'submission.delete', id, item.reference),
  ])
  return c.redirect('/admin/submissions?done=deleted', 303)
})
