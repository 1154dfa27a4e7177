// Moving pages and deleting draft pages, called directly: no HTTP, no sessions.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { buildPageTree, pageTreeRowsQuery } from '../../src/db/page-tree.ts'
import { createDraft, publish, saveDraft } from '../../src/publishing/content.ts'
import type { Actor } from '../../src/publishing/result.ts'
import { deleteDraftPage, movePage } from '../../src/publishing/tree.ts'
import { auditEntries, createActor } from '../admin-helpers.ts'
import { insertPage, row, rows } from '../helpers.ts'

const db = createDb(env.DB)
let editor: Actor
let publisher: Actor

beforeAll(async () => {
  editor = await createActor('e@example.com', 'editor')
  publisher = await createActor('p@example.com', 'publisher')
})

const idOf = async (path: string) =>
  (await row<{ id: number }>('SELECT id FROM pages WHERE path = ?', path))!.id

/** The paths under a parent (top-level pages for null) as the site orders them, with numbers. */
const order = (parentPath: string | null) =>
  rows<{ path: string; nav_order: number | null }>(
    `SELECT path, nav_order FROM pages WHERE parent_id IS (SELECT id FROM pages WHERE path = ?)
     ORDER BY coalesce(nav_order, 1e9), title, id`,
    parentPath,
  )

const contentVersion = async () =>
  (await row<{ value: string }>("SELECT value FROM settings WHERE key = 'content_version'"))
    ?.value ?? '0'

const revisionCount = async () =>
  (await row<{ n: number }>("SELECT count(*) AS n FROM revisions WHERE kind = 'page'"))!.n

const pageData = (path: string, title: string, parentId: number | null = null) => ({
  path,
  parentId,
  title,
  summary: `Summary of ${title}`,
  body: '',
  navOrder: null,
})

/** A section of its own with three published children, numbered 3, 7 and none. */
const section = async (name: string) => {
  await insertPage({ path: `/${name}`, title: `Section ${name}` })
  await insertPage({ path: `/${name}/a`, title: 'Alpha', parentPath: `/${name}`, navOrder: 3 })
  await insertPage({ path: `/${name}/b`, title: 'Bravo', parentPath: `/${name}`, navOrder: 7 })
  await insertPage({ path: `/${name}/c`, title: 'Charlie', parentPath: `/${name}` })
}

describe('movePage', () => {
  it('moves a page up among its siblings and numbers them 1 to n in the new order', async () => {
    await section('s1')
    expect(await movePage(db, publisher, await idOf('/s1/c'), 'up')).toMatchObject({ ok: true })
    expect(await order('/s1')).toEqual([
      { path: '/s1/a', nav_order: 1 },
      { path: '/s1/c', nav_order: 2 },
      { path: '/s1/b', nav_order: 3 },
    ])
    expect(await movePage(db, publisher, await idOf('/s1/a'), 'down')).toMatchObject({ ok: true })
    expect((await order('/s1')).map((p) => p.path)).toEqual(['/s1/c', '/s1/a', '/s1/b'])
  })

  it('writes a Moved revision for each page whose number changed, an audit entry and the new content version, in one batch', async () => {
    await section('s2')
    const before = await revisionCount()
    const now = new Date(Date.now() + 60_000)
    const batch = vi.spyOn(db, 'batch')
    const id = await idOf('/s2/b')
    const result = await movePage(db, publisher, id, 'down', now)
    expect(result).toEqual({ ok: true, changedAt: now })
    expect(batch).toHaveBeenCalledTimes(1)
    batch.mockRestore()
    // Charlie 3 → 2 and Bravo 7 → 3 changed; Alpha 3 → 1 changed too.
    const moved = await rows<{ content_id: number; author_id: number; note: string; data: string }>(
      "SELECT content_id, author_id, note, data FROM revisions WHERE kind = 'page' AND id > (SELECT max(id) - 3 FROM revisions) ORDER BY id",
    )
    expect(await revisionCount()).toBe(before + 3)
    expect(moved.map((r) => [r.note, r.author_id])).toEqual([
      ['Moved', publisher.id],
      ['Moved', publisher.id],
      ['Moved', publisher.id],
    ])
    const byId = new Map(moved.map((r) => [r.content_id, JSON.parse(r.data)]))
    expect(byId.get(id)).toMatchObject({ path: '/s2/b', title: 'Bravo', navOrder: 3 })
    expect(byId.get(await idOf('/s2/c'))).toMatchObject({ title: 'Charlie', navOrder: 2 })
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: publisher.id,
      action: 'page.move',
      target: `page:${id}`,
      detail: 'down, to position 3 of 3',
    })
    expect(await contentVersion()).toBe(String(now.getTime()))
  })

  it('keeps a page with nothing to publish that way: the Moved revision becomes its published one', async () => {
    await section('s3')
    const id = await idOf('/s3/a')
    await movePage(db, publisher, id, 'down')
    const page = await row<{ published_revision_id: number; newest: number }>(
      "SELECT published_revision_id, (SELECT max(id) FROM revisions WHERE kind = 'page' AND content_id = pages.id) AS newest FROM pages WHERE id = ?",
      id,
    )
    expect(page!.published_revision_id).toBe(page!.newest)
    expect(await row('SELECT note, change_note FROM revisions WHERE id = ?', page!.newest)).toEqual(
      { note: 'Moved', change_note: null },
    )
  })

  it('carries a draft saved before the move, so publishing it later keeps the new order', async () => {
    await section('s4')
    const parentId = await idOf('/s4')
    const id = await idOf('/s4/b')
    const saved = await saveDraft(db, editor, 'page', id, {
      ...pageData('/s4/b', 'Bravo, rewritten', parentId),
      navOrder: 7,
    })
    expect(saved.ok).toBe(true)
    // The draft is a major change: its public change note must survive the move too.
    await env.DB.prepare(
      "UPDATE revisions SET change_note = 'Rewrote the page' WHERE id = (SELECT max(id) FROM revisions WHERE kind = 'page' AND content_id = ?)",
    )
      .bind(id)
      .run()
    await movePage(db, publisher, id, 'up')
    expect(
      await row(
        "SELECT note, change_note FROM revisions WHERE id = (SELECT max(id) FROM revisions WHERE kind = 'page' AND content_id = ?)",
        id,
      ),
    ).toEqual({ note: 'Moved', change_note: 'Rewrote the page' })
    // The live page moved, and its title is still the published one.
    expect(await row('SELECT title, nav_order FROM pages WHERE id = ?', id)).toEqual({
      title: 'Bravo',
      nav_order: 1,
    })
    // The change waits to be published, and publishing it keeps the move.
    const page = await row<{ published_revision_id: number | null; newest: number }>(
      "SELECT published_revision_id, (SELECT max(id) FROM revisions WHERE kind = 'page' AND content_id = pages.id) AS newest FROM pages WHERE id = ?",
      id,
    )
    expect(page!.published_revision_id).not.toBe(page!.newest)
    expect((await publish(db, publisher, 'page', id)).ok).toBe(true)
    expect(await row('SELECT title, nav_order FROM pages WHERE id = ?', id)).toEqual({
      title: 'Bravo, rewritten',
      nav_order: 1,
    })
  })

  it('moves a top-level page among the main menu pages only, leaving the others out of the menu', async () => {
    const hiddenBefore = (await order(null)).filter((p) => p.nav_order === null)
    expect(await movePage(db, publisher, await idOf('/ukhtc'), 'up')).toMatchObject({ ok: true })
    const after = await order(null)
    expect(after.filter((p) => p.nav_order !== null).map((p) => p.path)).toEqual([
      '/about',
      '/ukhtc',
      '/threats',
      '/financial-intelligence',
      '/protecting-yourself',
      '/news',
      '/careers',
      '/contact',
    ])
    expect(after.filter((p) => p.nav_order !== null).map((p) => p.nav_order)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ])
    expect(after.filter((p) => p.nav_order === null)).toEqual(hiddenBefore)
    expect(await movePage(db, publisher, await idOf('/ukhtc'), 'down')).toMatchObject({ ok: true })
  })

  it('refuses to move a top-level page that is not in the main menu, such as the home page', async () => {
    const audits = (await auditEntries()).length
    for (const path of ['/', '/accessibility']) {
      const result = await movePage(db, publisher, await idOf(path), 'up')
      expect(result).toMatchObject({ ok: false, reason: 'conflict' })
      expect(result.ok === false && result.reason === 'conflict' && result.message).toContain(
        'not in the main menu',
      )
      expect(await row('SELECT nav_order FROM pages WHERE path = ?', path)).toEqual({
        nav_order: null,
      })
    }
    expect((await auditEntries()).length).toBe(audits)
  })

  it('refuses to move the first page up or the last page down, and changes nothing', async () => {
    await section('s5')
    const before = await order('/s5')
    const version = await contentVersion()
    expect(await movePage(db, publisher, await idOf('/s5/a'), 'up')).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This page is already first in its section.',
    })
    expect(await movePage(db, publisher, await idOf('/s5/c'), 'down')).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This page is already last in its section.',
    })
    expect(await order('/s5')).toEqual(before)
    expect(await contentVersion()).toBe(version)
  })

  it('is forbidden to an editor and not found for an unknown page', async () => {
    await section('s6')
    const before = await order('/s6')
    expect(await movePage(db, editor, await idOf('/s6/b'), 'up')).toMatchObject({
      ok: false,
      reason: 'forbidden',
    })
    expect(await order('/s6')).toEqual(before)
    expect(await movePage(db, publisher, 999_999, 'up')).toEqual({
      ok: false,
      reason: 'not-found',
    })
  })

  it('changes nothing when the batch fails', async () => {
    await section('s7')
    const before = await order('/s7')
    const revisions = await revisionCount()
    const failing = createDb(env.DB)
    vi.spyOn(failing, 'batch').mockRejectedValue(new Error('D1_ERROR: simulated outage'))
    await expect(movePage(failing, publisher, await idOf('/s7/b'), 'up')).rejects.toThrow(
      'simulated outage',
    )
    expect(await order('/s7')).toEqual(before)
    expect(await revisionCount()).toBe(revisions)
  })
})

describe('deleteDraftPage', () => {
  it('deletes a never-published page with its revisions, scheduled changes and share links, and audits it', async () => {
    const created = await createDraft(db, editor, 'page', pageData('/doomed', 'Doomed draft'))
    if (!created.ok) throw new Error(created.reason)
    const { id } = created
    await saveDraft(db, editor, 'page', id, pageData('/doomed', 'Doomed draft, again'))
    // A second page's rows must survive: only this page's go.
    const other = await createDraft(db, editor, 'page', pageData('/survivor', 'Survivor'))
    if (!other.ok) throw new Error(other.reason)
    for (const contentId of [id, other.id]) {
      await env.DB.prepare(
        "INSERT INTO scheduled_changes (kind, content_id, action, at, created_by) VALUES ('page', ?, 'publish', ?, ?)",
      )
        .bind(contentId, Date.now() + 86_400_000, publisher.id)
        .run()
      await env.DB.prepare(
        "INSERT INTO share_links (kind, content_id, label, created_by, expires_at) VALUES ('page', ?, 'Press', ?, ?)",
      )
        .bind(contentId, publisher.id, Date.now() + 86_400_000)
        .run()
    }
    const version = await contentVersion()
    const batch = vi.spyOn(db, 'batch')
    expect(await deleteDraftPage(db, editor, id)).toEqual({
      ok: true,
      title: 'Doomed draft, again',
    })
    expect(batch).toHaveBeenCalledTimes(1)
    batch.mockRestore()
    const left = (table: string, contentId: number) =>
      row<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE kind = 'page' AND content_id = ?`,
        contentId,
      )
    expect(await row('SELECT id FROM pages WHERE id = ?', id)).toBeNull()
    for (const table of ['revisions', 'scheduled_changes', 'share_links']) {
      expect(await left(table, id)).toEqual({ n: 0 })
      expect((await left(table, other.id))!.n).toBeGreaterThan(0)
    }
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: editor.id,
      action: 'page.delete',
      target: `page:${id}`,
      detail: 'Doomed draft, again (/doomed)',
    })
    // Visitors never saw it: cached pages stay as they are.
    expect(await contentVersion()).toBe(version)
  })

  it('refuses a published or unpublished page, and deletes nothing', async () => {
    await insertPage({ path: '/live-one', title: 'Live one' })
    await insertPage({ path: '/gone-one', title: 'Gone one', status: 'unpublished' })
    for (const path of ['/live-one', '/gone-one', '/about']) {
      const id = await idOf(path)
      const result = await deleteDraftPage(db, publisher, id)
      expect(result).toMatchObject({ ok: false, reason: 'conflict' })
      expect(result.ok === false && result.reason === 'conflict' && result.message).toContain(
        'has been published',
      )
      expect(await row('SELECT id FROM pages WHERE id = ?', id)).toEqual({ id })
    }
  })

  it('refuses a draft that was published once, even if its status says draft', async () => {
    await insertPage({ path: '/was-live', title: 'Was live', status: 'draft' })
    await env.DB.prepare("UPDATE pages SET published_at = ? WHERE path = '/was-live'")
      .bind(Date.now())
      .run()
    expect(await deleteDraftPage(db, publisher, await idOf('/was-live'))).toMatchObject({
      ok: false,
      reason: 'conflict',
    })
  })

  it('refuses a draft page that has pages under it', async () => {
    const parent = await createDraft(db, editor, 'page', pageData('/draft-parent', 'Draft parent'))
    if (!parent.ok) throw new Error(parent.reason)
    const child = await createDraft(
      db,
      editor,
      'page',
      pageData('/draft-parent/child', 'Draft child', parent.id),
    )
    if (!child.ok) throw new Error(child.reason)
    expect(await deleteDraftPage(db, editor, parent.id)).toEqual({
      ok: false,
      reason: 'conflict',
      message:
        'This page has 1 page under it, so it cannot be deleted. Move or delete that page first.',
    })
    expect(await row('SELECT id FROM pages WHERE id = ?', parent.id)).toEqual({ id: parent.id })
    // Once the child is gone, the parent can go too.
    expect((await deleteDraftPage(db, editor, child.id)).ok).toBe(true)
    expect((await deleteDraftPage(db, editor, parent.id)).ok).toBe(true)
  })

  it('deletes nothing when the page was published after it was read', async () => {
    const created = await createDraft(db, editor, 'page', pageData('/raced', 'Raced'))
    if (!created.ok) throw new Error(created.reason)
    const racing = createDb(env.DB)
    const realBatch = racing.batch.bind(racing)
    // Someone publishes it between the read and the batch.
    vi.spyOn(racing, 'batch').mockImplementation(async (queries) => {
      await publish(db, publisher, 'page', created.id)
      return realBatch(queries)
    })
    expect(await deleteDraftPage(racing, editor, created.id)).toMatchObject({
      ok: false,
      reason: 'conflict',
    })
    expect(await row('SELECT status FROM pages WHERE id = ?', created.id)).toEqual({
      status: 'published',
    })
    expect(
      (await row<{ n: number }>(
        "SELECT count(*) AS n FROM revisions WHERE kind = 'page' AND content_id = ?",
        created.id,
      ))!.n,
    ).toBeGreaterThan(0)
  })

  it('is not found for an unknown page', async () => {
    expect(await deleteDraftPage(db, editor, 999_999)).toEqual({ ok: false, reason: 'not-found' })
  })
})

describe('buildPageTree', () => {
  it('lists the home page first, then the menu in order, then the other top-level pages by title, each with its children in order', async () => {
    const tree = buildPageTree(await pageTreeRowsQuery(db))
    const top = tree.map((n) => n.page.path)
    expect(top[0]).toBe('/')
    expect(top.slice(1, 9)).toEqual([
      '/about',
      '/threats',
      '/ukhtc',
      '/financial-intelligence',
      '/protecting-yourself',
      '/news',
      '/careers',
      '/contact',
    ])
    const about = tree.find((n) => n.page.path === '/about')!
    expect(about.children.map((n) => n.page.path)).toEqual([
      '/about/how-we-are-run',
      '/about/how-we-work',
      '/about/structure',
      '/about/objectives-and-values',
      '/about/powers',
    ])
    expect(about.children.map((n) => n.move)).toEqual([
      { up: false, down: true },
      { up: true, down: true },
      { up: true, down: true },
      { up: true, down: true },
      { up: true, down: false },
    ])
    expect(tree[0]!.move).toBeNull()
    expect(about.move).toEqual({ up: false, down: true })
  })

  it('still lists pages whose parents form a loop, so none is lost', async () => {
    const rows = await pageTreeRowsQuery(db)
    const a = { ...rows[1]!, id: -1, parentId: -2, path: '/loop-a' }
    const b = { ...rows[1]!, id: -2, parentId: -1, path: '/loop-b' }
    const tree = buildPageTree([...rows, a, b])
    const all: string[] = []
    const walk = (nodes: typeof tree) =>
      nodes.forEach((n) => {
        all.push(n.page.path)
        walk(n.children)
      })
    walk(tree)
    expect(all).toContain('/loop-a')
    expect(all).toContain('/loop-b')
    expect(all.length).toBe(rows.length + 2)
  })
})
