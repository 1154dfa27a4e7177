import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import type * as z from 'zod/mini'
import { SECOND_PUBLISHER, settingValue } from '../../db/admin-settings.ts'
import { auditQuery } from '../../db/audit.ts'
import {
  type ContentData,
  type EditableKind,
  addressTaken,
  contentItem,
  createDraftQueries,
  insertRevisionQuery,
  latestRevisionOf,
  listContent,
  newestRevisionBy,
  parentOptions,
  publishQueries,
  revisionOf,
  revisionsOf,
  unpublishQueries,
  updateDraftRowQuery,
} from '../../db/content.ts'
import type { StaffEnv } from '../../env.ts'
import type { FieldSpec } from '../../forms/content.ts'
import { type FieldError, checkForm } from '../../forms/fields.ts'
import { diffLines } from '../../lib/diff.ts'
import { can } from '../../auth/permissions.ts'
import { requirePermission } from '../../middleware/auth.ts'
import {
  ComparePage,
  ContentListPage,
  EditPage,
  HistoryPage,
  type KindLabels,
} from '../../views/admin/content-pages.tsx'
import { adminContext, announceContentVersion } from './context.ts'

/** Everything the generic content routes need to know about one kind of content. */
export type ContentSpec<K extends EditableKind> = {
  kind: K
  labels: KindLabels
  schema: z.ZodMiniType<ContentData[K]>
  fields: FieldSpec[]
  /** The field that must be unique: path or slug. */
  addressField: 'path' | 'slug'
  /** Where the item is on the public site. */
  publicPath: (data: ContentData[K]) => string
  /** Renders the item as its public page will look, from draft data. */
  preview: (c: Context<StaffEnv>, id: number, data: ContentData[K]) => Promise<Response>
  /** Extra routes for this kind only, e.g. closing a vacancy. */
  extra?: (app: Hono<StaffEnv>) => void
  /** Extra publisher buttons on the edit page for those routes: path under the item, label. */
  actions?: { path: string; label: string }[]
}

const NOTICES: Record<string, string> = {
  created: 'Draft created. It is not on the site until it is published.',
  saved: 'Draft saved. It is not on the site until it is published.',
  published: 'Published. The change is on the site now.',
  unpublished: 'Unpublished. Its address now tells visitors it has been removed.',
  restored: 'Revision restored.',
  closed: 'Vacancy closed. It is no longer listed and takes no applications.',
}

/** The form's values as text, from stored data. */
const toValues = (data: object): Record<string, string> =>
  Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]))

const idParam = (c: Context<StaffEnv>, name = 'id') => {
  const id = Number(c.req.param(name))
  if (!Number.isSafeInteger(id) || id <= 0) throw new HTTPException(404)
  return id
}

/** The staff routes for one kind of content: list, create, edit, preview, publish, history. */
export const contentRoutes = <K extends EditableKind>(spec: ContentSpec<K>) => {
  const app = new Hono<StaffEnv>()
  const { kind, labels } = spec
  app.use('*', requirePermission('content:edit'))

  const load = async (c: Context<StaffEnv>) => {
    const item = await contentItem(c.var.db, kind, idParam(c))
    if (!item) throw new HTTPException(404)
    const latest = await latestRevisionOf(c.var.db, kind, item.id)
    const draft = latest ? (latest.data as ContentData[K]) : item.live
    return { item, latest, draft }
  }

  /** Why the signed-in publisher may not publish this item now, if they may not. */
  const publishBlocked = async (c: Context<StaffEnv>, latestAuthor: number | null | undefined) => {
    if ((await settingValue(c.var.db, SECOND_PUBLISHER)) !== 'true') return undefined
    return latestAuthor === c.var.staff!.id
      ? 'A second pair of eyes is required: another publisher must publish your changes.'
      : undefined
  }

  const renderEdit = async (
    c: Context<StaffEnv>,
    state: { item: Awaited<ReturnType<typeof load>> | null; values: Record<string, string>; errors?: FieldError[] },
    status = 200,
  ) => {
    const member = c.var.staff!
    const parents = kind === 'page' ? await parentOptions(c.var.db) : undefined
    const item = state.item
    return c.html(
      <EditPage
        admin={adminContext(c)}
        labels={labels}
        fields={spec.fields}
        item={item && { ...item.item, publicPath: spec.publicPath(item.item.live) }}
        values={state.values}
        errors={state.errors}
        parents={parents}
        canPublish={can(member.role, 'content:publish')}
        publishBlocked={item ? await publishBlocked(c, item.latest?.authorId) : undefined}
        notice={NOTICES[c.req.query('done') ?? '']}
        actions={spec.actions}
      />,
      status as 200,
    )
  }

  /** Checks a submitted form: the data, or the errors to show with what was typed. */
  const checkSubmission = async (c: Context<StaffEnv>, exceptId: number | null) => {
    const body = await c.req.parseBody()
    const values = Object.fromEntries(Object.entries(body).filter(([k, v]) => k !== 'csrf' && typeof v === 'string')) as Record<string, string>
    const checked = checkForm(spec.schema, values)
    if (!checked.ok) return { values, errors: checked.errors }
    const address = String((checked.data as Record<string, unknown>)[spec.addressField])
    if (await addressTaken(c.var.db, kind, address, exceptId)) {
      return { values, errors: [{ field: spec.addressField, message: `Another ${labels.singular.toLowerCase()} already uses ${address}` }] }
    }
    return { values, data: checked.data }
  }

  app.get('/', async (c) => {
    return c.html(<ContentListPage admin={adminContext(c)} labels={labels} items={await listContent(c.var.db, kind)} notice={NOTICES[c.req.query('done') ?? '']} />)
  })

  app.get('/new', (c) => renderEdit(c, { item: null, values: {} }))

  app.post('/new', async (c) => {
    const result = await checkSubmission(c, null)
    if (!result.data) return renderEdit(c, { item: null, values: result.values, errors: result.errors }, 400)
    const db = c.var.db
    const member = c.var.staff!
    await db.batch([...createDraftQueries(db, kind, result.data, member.id)])
    const created = await newestRevisionBy(db, kind, member.id)
    await auditQuery(db, { actorId: member.id, action: `${kind}.create`, target: `${kind}:${created!.contentId}` }).run()
    return c.redirect(`${labels.base}/${created!.contentId}?done=created`, 303)
  })

  app.get('/:id', async (c) => {
    const loaded = await load(c)
    return renderEdit(c, { item: loaded, values: toValues(loaded.draft) })
  })

  app.post('/:id', async (c) => {
    const loaded = await load(c)
    const result = await checkSubmission(c, loaded.item.id)
    if (!result.data) return renderEdit(c, { item: loaded, values: result.values, errors: result.errors }, 400)
    const db = c.var.db
    const member = c.var.staff!
    const now = new Date()
    await db.batch([
      insertRevisionQuery(db, { kind, contentId: loaded.item.id, data: result.data, authorId: member.id, note: 'Saved' }),
      updateDraftRowQuery(db, kind, loaded.item.id, result.data, now),
      auditQuery(db, { actorId: member.id, action: `${kind}.save`, target: `${kind}:${loaded.item.id}` }),
    ])
    return c.redirect(`${labels.base}/${loaded.item.id}?done=saved`, 303)
  })

  app.get('/:id/preview', async (c) => {
    const loaded = await load(c)
    return spec.preview(c, loaded.item.id, loaded.draft)
  })

  /** Makes the latest revision (or, with none, the row as it is) live. */
  const publishLatest = async (c: Context<StaffEnv>, loaded: Awaited<ReturnType<typeof load>>, action: string) => {
    const blocked = await publishBlocked(c, loaded.latest?.authorId)
    if (blocked) {
      await auditQuery(c.var.db, { actorId: c.var.staff!.id, action: 'refused', target: `${kind}:${loaded.item.id}`, detail: 'second pair of eyes' }).run()
      throw new HTTPException(403, { message: blocked })
    }
    const db = c.var.db
    const revision = loaded.latest ? { id: loaded.latest.id, data: loaded.latest.data as ContentData[K] } : null
    const now = new Date()
    try {
      await db.batch([
        ...publishQueries(db, kind, loaded.item, revision, now),
        auditQuery(db, { actorId: c.var.staff!.id, action, target: `${kind}:${loaded.item.id}`, detail: revision ? `revision ${revision.id}` : '' }),
      ])
    } catch {
      // The only constraint a publish can break is a path or slug another item took since.
      throw new HTTPException(409, { message: `Another ${labels.singular.toLowerCase()} now uses this address. Change it, save and publish again.` })
    }
    announceContentVersion(c, now)
  }

  app.post('/:id/publish', requirePermission('content:publish'), async (c) => {
    const loaded = await load(c)
    await publishLatest(c, loaded, `${kind}.publish`)
    return c.redirect(`${labels.base}/${loaded.item.id}?done=published`, 303)
  })

  app.post('/:id/unpublish', requirePermission('content:publish'), async (c) => {
    const loaded = await load(c)
    const db = c.var.db
    const now = new Date()
    await db.batch([
      ...unpublishQueries(db, kind, loaded.item.id, now),
      auditQuery(db, { actorId: c.var.staff!.id, action: `${kind}.unpublish`, target: `${kind}:${loaded.item.id}` }),
    ])
    announceContentVersion(c, now)
    return c.redirect(`${labels.base}/${loaded.item.id}?done=unpublished`, 303)
  })

  app.get('/:id/history', async (c) => {
    const { item } = await load(c)
    return c.html(<HistoryPage admin={adminContext(c)} labels={labels} item={item} revisions={await revisionsOf(c.var.db, kind, item.id)} canPublish={can(c.var.staff!.role, 'content:publish')} />)
  })

  app.get('/:id/compare', async (c) => {
    const { item } = await load(c)
    const from = Number(c.req.query('from'))
    const to = Number(c.req.query('to'))
    const [a, b] = await Promise.all([revisionOf(c.var.db, kind, item.id, from), revisionOf(c.var.db, kind, item.id, to)])
    if (!a || !b) throw new HTTPException(404)
    const before = toValues(a.data as object)
    const after = toValues(b.data as object)
    const diffs = spec.fields.map((f) => ({ label: f.label, parts: diffLines(before[f.name] ?? '', after[f.name] ?? '') }))
    return c.html(<ComparePage admin={adminContext(c)} labels={labels} item={item} from={from} to={to} diffs={diffs} />)
  })

  app.post('/:id/restore/:revision', async (c) => {
    const loaded = await load(c)
    const old = await revisionOf(c.var.db, kind, loaded.item.id, idParam(c, 'revision'))
    if (!old) throw new HTTPException(404)
    const db = c.var.db
    const member = c.var.staff!
    await db.batch([
      insertRevisionQuery(db, { kind, contentId: loaded.item.id, data: old.data, authorId: member.id, note: `Restored revision ${old.id}` }),
      updateDraftRowQuery(db, kind, loaded.item.id, old.data as ContentData[K], new Date()),
      auditQuery(db, { actorId: member.id, action: `${kind}.restore`, target: `${kind}:${loaded.item.id}`, detail: `revision ${old.id}` }),
    ])
    // A publisher's restore goes live at once, unless the second pair of eyes rule stops it.
    if (can(member.role, 'content:publish') && !(await publishBlocked(c, member.id))) {
      await publishLatest(c, await load(c), `${kind}.publish`)
      return c.redirect(`${labels.base}/${loaded.item.id}?done=published`, 303)
    }
    return c.redirect(`${labels.base}/${loaded.item.id}?done=restored`, 303)
  })

  spec.extra?.(app)
  return { app, publishLatest, load }
}
