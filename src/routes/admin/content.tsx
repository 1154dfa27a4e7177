import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import {
  type EditableKind,
  contentListPage,
  pageIdAt,
  parentChoices,
  revisionOf,
  revisionsOf,
} from '../../db/content.ts'
import type { StaffEnv } from '../../env.ts'
import { PARENT_ADDRESS_FIELD, changeNoteData, parentAddress } from '../../forms/content.ts'
import { type FieldError, checkForm } from '../../forms/fields.ts'
import { can } from '../../auth/permissions.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { doneNotice, numericParam, pageParam, wholeNumber } from '../../http/params.ts'
import { diffLines } from '../../lib/diff.ts'
import { requirePermission } from '../../middleware/auth.ts'
import {
  type EditableItem,
  createDraft,
  editableItem,
  publish,
  publishRefusal,
  restore,
  saveAndPublish,
  saveDraft,
  unpublish,
} from '../../publishing/content.ts'
import { CONTENT_KINDS } from '../../publishing/kinds.ts'
import { ComparePage } from '../../views/admin/compare-page.tsx'
import { EditPage } from '../../views/admin/content-edit-page.tsx'
import { ContentListPage } from '../../views/admin/content-list-page.tsx'
import { HistoryPage } from '../../views/admin/history-page.tsx'
import { UnpublishPage } from '../../views/admin/unpublish-page.tsx'
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
  held: 'Draft saved, but not published. A second pair of eyes is required: another publisher must publish your changes.',
}

/** Items a page of the staff list shows. */
const PAGE_SIZE = 50

/** Each kind's list order (db/content.ts LIST_ORDER), in words. */
const LIST_ORDER_TEXT: Record<EditableKind, string> = {
  page: 'in address order',
  news: 'articles never published first, then newest first',
  vacancy: 'latest closing date first',
}

/** The notices after which the banner links to the live page. */
const LIVE_NOTICES = new Set(['published', 'closed'])

/** Whether the form's button was Publish (the other is Save draft). */
const publishPressed = (values: Record<string, string>) => values.action === 'publish'

/** Refuses the Publish button to a member whose role cannot publish (audited, 403). */
const mayPublish = (c: Context<StaffEnv>) => requirePermission('content:publish')(c, async () => {})

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

  /** Whether the item's form asks for the type of change: once it has been published. */
  const offersChangeNote = (loaded: EditableItem<K> | null) =>
    CONTENT_KINDS[kind].changeNotes && loaded !== null && loaded.item.status !== 'draft'

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
    const done = c.req.query('done') ?? ''
    const live = loaded?.item.status === 'published'
    return c.html(
      <EditPage
        admin={adminContext(c)}
        labels={labels}
        fields={fields}
        item={loaded && { ...loaded.item, publicPath: publicPath(loaded.item.live) }}
        values={state.values}
        errors={state.errors}
        parents={
          choosesParent
            ? await parentChoices(c.var.db, wholeNumber(state.values.parentId ?? '') || null)
            : undefined
        }
        canPublish={can(c.var.staff.role, 'content:publish')}
        publishBlocked={refusal && refusal.reason === 'refused' ? refusal.message : undefined}
        notice={doneNotice(c, NOTICES)}
        noticeImportant={done === 'held'}
        noticeLinksLive={live && LIVE_NOTICES.has(done)}
        changeNote={offersChangeNote(loaded)}
        deletable={kind === 'page' && loaded?.item.status === 'draft'}
        actions={spec.actions}
      />,
      status,
    )
  }

  /** The editor's values from an item: its draft, and the change note it carries, if any. */
  const editValues = (loaded: EditableItem<K>): Record<string, string> => {
    const values = toValues(loaded.draft)
    const { latest, item } = loaded
    // A note already published with its version is not offered again for the next change.
    if (latest?.changeNote && latest.id !== item.publishedRevisionId) {
      return { ...values, changeType: 'major', changeNote: latest.changeNote }
    }
    return { ...values, changeType: 'minor' }
  }

  const itemPath = (id: number, done: string) => `${labels.base}/${id}?done=${done}`

  app.get('/', async (c) => {
    const page = pageParam(c, PAGE_SIZE)
    const [items, [counted]] = await contentListPage(c.var.db, kind, page, PAGE_SIZE)
    const total = counted?.total ?? 0
    const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
    // Out of range is not found, as in the inbox: a page address names those rows or nothing.
    if (page > pageCount) throw new HTTPException(404)
    return c.html(
      <ContentListPage
        admin={adminContext(c)}
        labels={labels}
        items={items}
        page={page}
        pageCount={pageCount}
        pageSize={PAGE_SIZE}
        total={total}
        order={LIST_ORDER_TEXT[kind]}
        notice={doneNotice(c, NOTICES)}
      />,
    )
  })

  /**
   * The form with the parent page its address names, when one was typed (pages, when the
   * parent list holds only some pages): that page's id replaces the list's choice, and `typed`
   * says so. An address no page has is an error on the address field. Whether the page may go
   * there (not under itself) is publishing's check, as for a parent chosen from the list.
   */
  const withTypedParent = async <T extends { ok: boolean; values: Record<string, string> }>(
    c: Context<StaffEnv>,
    form: T,
  ): Promise<{ form: T; typed: boolean; error?: FieldError }> => {
    if (!choosesParent) return { form, typed: false }
    const field = PARENT_ADDRESS_FIELD
    const typed = parentAddress(form.values[field])
    if (!typed.ok) return { form, typed: false, error: { field, message: typed.message } }
    if (typed.path === null) return { form, typed: false }
    const id = await pageIdAt(c.var.db, typed.path)
    if (id === undefined) {
      const message = `No page has the address ${typed.path}. Enter the address of an existing page, for example /about/structure`
      return { form, typed: false, error: { field, message } }
    }
    if (!('data' in form) || typeof form.data !== 'object' || form.data === null) {
      return { form, typed: false }
    }
    return { form: { ...form, data: { ...form.data, parentId: id } }, typed: true }
  }

  /** Publishing's form errors, the parent's on the address field when it was typed there. */
  const shownErrors = (errors: FieldError[], typed: boolean) =>
    typed
      ? errors.map((e) => (e.field === 'parentId' ? { ...e, field: PARENT_ADDRESS_FIELD } : e))
      : errors

  app.get('/new', (c) => {
    // "Add a page here" from the page tree names the parent.
    const parent = wholeNumber(c.req.query('parent') ?? '')
    const values: Record<string, string> =
      choosesParent && !Number.isNaN(parent) ? { parentId: String(parent) } : {}
    return renderEdit(c, { loaded: null, values })
  })

  app.post('/new', async (c) => {
    const read = await readAdminForm(c, schema)
    if (publishPressed(read.values)) await mayPublish(c)
    const { form, typed, error } = await withTypedParent(c, read)
    if (!form.ok || error) {
      const errors = [...(form.ok ? [] : form.errors), ...(error ? [error] : [])]
      return renderEdit(c, { loaded: null, values: form.values, errors }, 400)
    }
    const actor = actorOf(c)
    const result = await createDraft(c.var.db, actor, kind, form.data)
    if (!result.ok && result.reason === 'invalid') {
      const errors = shownErrors(result.errors, typed)
      return renderEdit(c, { loaded: null, values: form.values, errors }, 400)
    }
    if (!result.ok) throw refusalException(result)
    if (!publishPressed(form.values)) return changed(c, result, itemPath(result.id, 'created'))
    // A new item is created, then published: two steps, but the first leaves a saved draft,
    // so if the second is refused (second pair of eyes) nothing typed is lost.
    const published = await publish(c.var.db, actor, kind, result.id)
    if (!published.ok && published.reason === 'refused') {
      return changed(c, { ok: true }, itemPath(result.id, 'held'))
    }
    if (!published.ok) throw refusalException(published)
    return changed(c, published, itemPath(result.id, 'published'))
  })

  app.get('/:id{[0-9]+}', async (c) => {
    const loaded = await load(c)
    return renderEdit(c, { loaded, values: editValues(loaded) })
  })

  app.post('/:id{[0-9]+}', async (c) => {
    const loaded = await load(c)
    const read = await readAdminForm(c, schema)
    const publishing = publishPressed(read.values)
    if (publishing) await mayPublish(c)
    const { form, typed, error } = await withTypedParent(c, read)
    const note = offersChangeNote(loaded)
      ? checkForm(changeNoteData, form.values)
      : ({ ok: true, data: null } as const)
    if (!form.ok || !note.ok || error) {
      const errors = [
        ...(form.ok ? [] : form.errors),
        ...(error ? [error] : []),
        ...(note.ok ? [] : note.errors),
      ]
      return renderEdit(c, { loaded, values: form.values, errors }, 400)
    }
    const id = loaded.item.id
    const args = [c.var.db, actorOf(c), kind, id, form.data, new Date(), note.data] as const
    const result = publishing ? await saveAndPublish(...args) : await saveDraft(...args)
    if (!result.ok && result.reason === 'invalid') {
      const errors = shownErrors(result.errors, typed)
      return renderEdit(c, { loaded, values: form.values, errors }, 400)
    }
    if (!result.ok) throw refusalException(result)
    if (!publishing) return changed(c, result, itemPath(id, 'saved'))
    const published = 'published' in result && result.published
    return changed(c, result, itemPath(id, published ? 'published' : 'held'))
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

  app.get('/:id{[0-9]+}/unpublish', requirePermission('content:publish'), async (c) => {
    const { item } = await load(c)
    if (item.status !== 'published') return c.redirect(`${labels.base}/${item.id}`, 303)
    return c.html(
      <UnpublishPage
        admin={adminContext(c)}
        labels={labels}
        item={{ ...item, publicPath: publicPath(item.live) }}
      />,
    )
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
