import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import {
  type ContentData,
  type EditableKind,
  listContent,
  parentOptions,
  revisionOf,
  revisionsOf,
} from '../../db/content.ts'
import type { StaffEnv } from '../../env.ts'
import type { FieldError } from '../../forms/fields.ts'
import { can } from '../../auth/permissions.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { doneNotice, numericParam, wholeNumber } from '../../http/params.ts'
import { diffLines } from '../../lib/diff.ts'
import { requirePermission } from '../../middleware/auth.ts'
import {
  type EditableItem,
  createDraft,
  editableItem,
  publish,
  publishRefusal,
  restore,
  saveDraft,
  unpublish,
} from '../../publishing/content.ts'
import { CONTENT_KINDS } from '../../publishing/kinds.ts'
import { ComparePage } from '../../views/admin/compare-page.tsx'
import { EditPage } from '../../views/admin/content-edit-page.tsx'
import { ContentListPage } from '../../views/admin/content-list-page.tsx'
import { HistoryPage } from '../../views/admin/history-page.tsx'
import { actorOf, adminContext, changed, refusalException } from './context.ts'
import { renderPreview } from './preview.tsx'

/** What the routes of one kind add to its registry entry (publishing/kinds.ts). */
export type ContentRouteSpec<K extends EditableKind> = {
  kind: K
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
  Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)]),
  )

/** The staff routes for one kind of content: list, create, edit, preview, publish, history. */
export const contentRoutes = <K extends EditableKind>(spec: ContentRouteSpec<K>) => {
  const app = new Hono<StaffEnv>()
  const { kind } = spec
  const { labels, schema, fields, publicPath } = CONTENT_KINDS[kind]
  // A kind whose form has a parent field (pages) lists the pages to choose from.
  const choosesParent = fields.some((f) => f.control === 'parent')
  app.use('*', requirePermission('content:edit'))

  /** The item the route's id names, or 404. */
  const load = async (c: Context<StaffEnv>) => {
    const loaded = await editableItem(c.var.db, kind, numericParam(c, 'id'))
    if (!loaded) throw new HTTPException(404)
    return loaded
  }

  const renderEdit = async (
    c: Context<StaffEnv>,
    state: {
      loaded: EditableItem<K> | null
      values: Record<string, string>
      errors?: FieldError[]
    },
    status: 200 | 400 = 200,
  ) => {
    const { loaded } = state
    const refusal = loaded && (await publishRefusal(c.var.db, actorOf(c), kind, loaded.item))
    return c.html(
      <EditPage
        admin={adminContext(c)}
        labels={labels}
        fields={fields}
        item={loaded && { ...loaded.item, publicPath: publicPath(loaded.item.live) }}
        values={state.values}
        errors={state.errors}
        parents={choosesParent ? await parentOptions(c.var.db) : undefined}
        canPublish={can(c.var.staff.role, 'content:publish')}
        publishBlocked={refusal && refusal.reason === 'refused' ? refusal.message : undefined}
        notice={doneNotice(c, NOTICES)}
        actions={spec.actions}
      />,
      status,
    )
  }

  const itemPath = (id: number, done: string) => `${labels.base}/${id}?done=${done}`

  app.get('/', async (c) =>
    c.html(
      <ContentListPage
        admin={adminContext(c)}
        labels={labels}
        items={await listContent(c.var.db, kind)}
        notice={doneNotice(c, NOTICES)}
      />,
    ),
  )

  app.get('/new', (c) => renderEdit(c, { loaded: null, values: {} }))

  app.post('/new', async (c) => {
    const form = await readAdminForm(c, schema)
    if (!form.ok) return renderEdit(c, { loaded: null, ...form }, 400)
    const result = await createDraft(c.var.db, actorOf(c), kind, form.data)
    if (!result.ok && result.reason === 'invalid') {
      return renderEdit(c, { loaded: null, values: form.values, errors: result.errors }, 400)
    }
    if (!result.ok) throw refusalException(result)
    return changed(c, result, itemPath(result.id, 'created'))
  })

  app.get('/:id{[0-9]+}', async (c) => {
    const loaded = await load(c)
    return renderEdit(c, { loaded, values: toValues(loaded.draft) })
  })

  app.post('/:id{[0-9]+}', async (c) => {
    const loaded = await load(c)
    const form = await readAdminForm(c, schema)
    if (!form.ok) return renderEdit(c, { loaded, ...form }, 400)
    const result = await saveDraft(c.var.db, actorOf(c), kind, loaded.item.id, form.data)
    if (!result.ok && result.reason === 'invalid') {
      return renderEdit(c, { loaded, values: form.values, errors: result.errors }, 400)
    }
    if (!result.ok) throw refusalException(result)
    return changed(c, result, itemPath(loaded.item.id, 'saved'))
  })

  app.get('/:id{[0-9]+}/preview', async (c) => {
    const loaded = await load(c)
    return renderPreview(c, kind, loaded.item.id, loaded.draft, {
      back: { href: `${labels.base}/${loaded.item.id}`, text: 'Back to the editor' },
    })
  })

  app.post('/:id{[0-9]+}/publish', requirePermission('content:publish'), async (c) => {
    const id = numericParam(c, 'id')
    const result = await publish(c.var.db, actorOf(c), kind, id)
    if (!result.ok) throw refusalException(result)
    return changed(c, result, itemPath(id, 'published'))
  })

  app.post('/:id{[0-9]+}/unpublish', requirePermission('content:publish'), async (c) => {
    const id = numericParam(c, 'id')
    const result = await unpublish(c.var.db, actorOf(c), kind, id)
    if (!result.ok) throw refusalException(result)
    return changed(c, result, itemPath(id, 'unpublished'))
  })

  app.get('/:id{[0-9]+}/history', async (c) => {
    const { item } = await load(c)
    return c.html(
      <HistoryPage
        admin={adminContext(c)}
        labels={labels}
        item={item}
        revisions={await revisionsOf(c.var.db, kind, item.id)}
        canPublish={can(c.var.staff.role, 'content:publish')}
      />,
    )
  })

  app.get('/:id{[0-9]+}/compare', async (c) => {
    const { item } = await load(c)
    const from = wholeNumber(c.req.query('from') ?? '')
    const to = wholeNumber(c.req.query('to') ?? '')
    if (Number.isNaN(from) || Number.isNaN(to)) throw new HTTPException(404)
    const [a, b] = await Promise.all([
      revisionOf(c.var.db, kind, item.id, from),
      revisionOf(c.var.db, kind, item.id, to),
    ])
    if (!a || !b) throw new HTTPException(404)
    const before = toValues(a.data as object)
    const after = toValues(b.data as object)
    const diffs = fields.map((f) => ({
      label: f.label,
      parts: diffLines(before[f.name] ?? '', after[f.name] ?? ''),
    }))
    return c.html(
      <ComparePage
        admin={adminContext(c)}
        labels={labels}
        item={item}
        from={from}
        to={to}
        diffs={diffs}
      />,
    )
  })

  app.post('/:id{[0-9]+}/restore/:revision{[0-9]+}', async (c) => {
    const id = numericParam(c, 'id')
    const result = await restore(c.var.db, actorOf(c), kind, id, numericParam(c, 'revision'))
    if (!result.ok) throw refusalException(result)
    return changed(c, result, itemPath(id, result.published ? 'published' : 'restored'))
  })

  spec.extra?.(app)
  return app
}
