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
  submissionView,
} from '../../db/inbox.ts'
import { submissionKinds, submissionStatuses } from '../../db/schema.ts'
import type { StaffEnv } from '../../env.ts'
import type { FieldError } from '../../forms/fields.ts'
import { assignForm, inboxSearchOf, submissionStatusForm } from '../../forms/submission.ts'
import { toCsv } from '../../lib/csv.ts'
import { can } from '../../auth/permissions.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { doneNotice, numericParam, pageParam } from '../../http/params.ts'
import { requirePermission } from '../../middleware/auth.ts'
import type { Result } from '../../publishing/result.ts'
import { assignSubmission, setSubmissionStatus } from '../../publishing/submissions.ts'
import { type InboxChoices, InboxPage } from '../../views/admin/inbox-page.tsx'
import { SubmissionPage } from '../../views/admin/submission-page.tsx'
import { actorOf, adminContext, changed, refusalException } from './context.ts'

/** The submissions inbox. Every view, search, export, download and delete is audited. */
export const inbox = new Hono<StaffEnv>()
inbox.use('*', requirePermission('submissions:read'))

const PAGE_SIZE = 50

const NOTICES: Record<string, string> = {
  new: 'Marked as new.',
  in_progress: 'Marked as in progress.',
  handled: 'Marked as handled.',
  assigned: 'Assignment saved.',
  deleted: 'Submission deleted, with its CV.',
}

/**
 * One of a filter's values, or '' for all (the form's first option). Anything else did not
 * come from the form: a 400 that says so, rather than a list that silently ignores it.
 */
const choiceOf = <T extends string>(
  c: Context<StaffEnv>,
  name: string,
  options: readonly T[],
  message: string,
): T | '' => {
  const text = c.req.query(name)
  if (text === undefined || text === '') return ''
  const chosen = options.find((option) => option === text)
  if (!chosen) throw new HTTPException(400, { message })
  return chosen
}

/** The search and filters from the query string, as chosen and as the list query takes them. */
const filterOf = (c: Context<StaffEnv>): { choices: InboxChoices; filter: InboxFilter } => {
  const kind = choiceOf(c, 'kind', submissionKinds, 'Choose a kind of submission from the list.')
  const status = choiceOf(c, 'status', submissionStatuses, 'Choose a status from the list.')
  const assigned = choiceOf(
    c,
    'assigned',
    ['me', 'nobody'] as const,
    'Choose who it is assigned to from the list.',
  )
  const q = (c.req.query('q') ?? '').trim()
  return {
    choices: { q, kind, status, assigned },
    filter: {
      kind: kind || undefined,
      status: status || undefined,
      assignedTo: assigned === 'me' ? c.var.staff.id : assigned === 'nobody' ? null : undefined,
      search: inboxSearchOf(q),
    },
  }
}

/** The choices as a query string: '' when there are none, else '?' and the chosen ones. */
const queryOf = (choices: InboxChoices) => {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(choices)) if (value) params.set(name, value)
  return params.size > 0 ? `?${params}` : ''
}

inbox.get('/', async (c) => {
  const { choices, filter } = filterOf(c)
  const page = pageParam(c, PAGE_SIZE)
  const [items, [counted]] = await inboxPage(c.var.db, filter, page, PAGE_SIZE)
  const total = counted?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  // Out of range is not found, not clamped: a page address names those rows or nothing.
  if (page > pageCount) throw new HTTPException(404)
  // Who searched for whom is kept: the search names people, as the view of one does.
  await audit(c.var.db, {
    actorId: c.var.staff.id,
    action: 'submissions.list',
    detail: queryOf(choices),
  })
  return c.html(
    <InboxPage
      admin={adminContext(c)}
      choices={choices}
      items={items}
      page={page}
      pageCount={pageCount}
      total={total}
      query={queryOf(choices)}
      notice={doneNotice(c, NOTICES)}
    />,
  )
})

inbox.get('/export.csv', async (c) => {
  const { choices, filter } = filterOf(c)
  const items = await inboxAll(c.var.db, filter)
  await audit(c.var.db, {
    actorId: c.var.staff.id,
    action: 'submissions.export',
    detail: `${items.length} rows ${queryOf(choices)}`,
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

/**
 * A submission's page: on a GET, with the notice of what was just done; after a status or
 * assignment form that was refused, with its errors and what was sent (status 400).
 */
const showSubmission = async (
  c: Context<StaffEnv>,
  id: number,
  problem?: { errors: FieldError[]; values: Record<string, string> },
) => {
  const view = await submissionView(c.var.db, id)
  if (!view) throw new HTTPException(404)
  if (!problem) await auditItem(c, 'submission.view', id, view.item.reference).run()
  return c.html(
    <SubmissionPage
      admin={adminContext(c)}
      item={view.item}
      alert={view.alert}
      people={view.people}
      canDelete={can(c.var.staff.role, 'submissions:delete')}
      notice={problem ? undefined : doneNotice(c, NOTICES)}
      errors={problem?.errors}
      values={problem?.values}
    />,
    problem ? 400 : 200,
  )
}

inbox.get('/:id{[0-9]+}', (c) => showSubmission(c, numericParam(c, 'id')))

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

/** The answer to a status or assignment change: back to the submission, or why not. */
const afterChange = (
  c: Context<StaffEnv>,
  id: number,
  result: Result,
  values: Record<string, string>,
  done: string,
) => {
  if (result.ok) return changed(c, result, `/admin/submissions/${id}?done=${done}`)
  if (result.reason === 'invalid') return showSubmission(c, id, { errors: result.errors, values })
  throw refusalException(result)
}

inbox.post('/:id{[0-9]+}/status', async (c) => {
  const id = numericParam(c, 'id')
  const form = await readAdminForm(c, submissionStatusForm)
  if (!form.ok) return showSubmission(c, id, form)
  const status = form.data.status
  const result = await setSubmissionStatus(c.var.db, actorOf(c), { id, status })
  return afterChange(c, id, result, form.values, status)
})

inbox.post('/:id{[0-9]+}/assign', async (c) => {
  const id = numericParam(c, 'id')
  const form = await readAdminForm(c, assignForm)
  if (!form.ok) return showSubmission(c, id, form)
  const assignee = form.data.assignee === '' ? null : Number(form.data.assignee)
  const result = await assignSubmission(c.var.db, actorOf(c), { id, assignee })
  return afterChange(c, id, result, form.values, 'assigned')
})

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
