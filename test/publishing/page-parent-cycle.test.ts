// A page cannot be put under itself: every write of an existing page's parent (save, Publish,
// publishing a saved draft, a scheduled publish, restoring a revision) refuses the page itself
// or a page under it, checked at that write, and writes nothing. Called directly, no HTTP.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import type { ContentData } from '../../src/db/content.ts'
import { isPageOrUnder, pageAboveOrAtQuery } from '../../src/db/pages.ts'
import {
  editableItem,
  publish,
  restore,
  saveAndPublish,
  saveDraft,
} from '../../src/publishing/content.ts'
import { type Actor, PAGE_UNDER_ITSELF } from '../../src/publishing/result.ts'
import { applyDueChanges, schedule } from '../../src/publishing/schedule.ts'
import { createActor } from '../admin-helpers.ts'
import { row, rows, sql } from '../helpers.ts'
import {
  type PageTree,
  UNDER,
  newPageTree,
  parentOf,
  snapshot,
  storedLoop,
} from '../page-tree-fixture.ts'

const db = createDb(env.DB)
let editor: Actor
let publisher: Actor

const MESSAGE = 'Choose a parent page that is not this page or a page under it'
const REFUSED = {
  ok: false,
  reason: 'invalid',
  errors: [{ field: 'parentId', message: MESSAGE }],
}

beforeAll(async () => {
  editor = await createActor('e@example.com', 'editor')
  publisher = await createActor('p@example.com', 'publisher')
})

/** Page a's data as the editor opens it, with these changes. */
const dataOfA = async (tree: PageTree, changes: Partial<ContentData['page']> = {}) => {
  const loaded = await editableItem(db, 'page', tree.a)
  if (!loaded) throw new Error('no page a')
  return { ...loaded.draft, title: 'A, edited', ...changes }
}

/** Stores a revision of page a naming `parentId`, as a draft saved before the fix would be. */
const storedDraft = async (tree: PageTree, parentId: number) => {
  const data = await dataOfA(tree, { parentId })
  await sql(
    "INSERT INTO revisions (kind, content_id, data, author_id, note) VALUES ('page', ?, ?, ?, 'Saved')",
    tree.a,
    JSON.stringify(data),
    editor.id,
  )
}

describe('saving a page with a parent that is the page or under it', () => {
  it.each(UNDER)('refuses %s as parent on Save draft, and writes nothing', async (_, name) => {
    for (const status of ['published', 'draft'] as const) {
      const tree = await newPageTree(status)
      const before = await snapshot()
      const data = await dataOfA(tree, { parentId: tree[name] })
      expect(await saveDraft(db, editor, 'page', tree.a, data), status).toEqual(REFUSED)
      expect(await snapshot()).toEqual(before)
      expect(await parentOf(tree.a)).toBe(tree.root)
    }
  })

  it.each(UNDER)('refuses %s as parent on Publish, and writes nothing', async (_, name) => {
    const tree = await newPageTree()
    const before = await snapshot()
    const data = await dataOfA(tree, { parentId: tree[name] })
    expect(await saveAndPublish(db, publisher, 'page', tree.a, data)).toEqual(REFUSED)
    expect(await snapshot()).toEqual(before)
  })

  it('still saves and publishes a sibling, or a sibling of its parent, as parent', async () => {
    const tree = await newPageTree()
    expect(
      await saveDraft(db, editor, 'page', tree.a, await dataOfA(tree, { parentId: tree.s })),
    ).toEqual({ ok: true })
    for (const parent of [tree.s, tree.u]) {
      const moved = await saveAndPublish(
        db,
        publisher,
        'page',
        tree.a,
        await dataOfA(tree, { parentId: parent }),
      )
      expect(moved).toMatchObject({ ok: true, published: true })
      expect(await parentOf(tree.a)).toBe(parent)
    }
    // Its pages came with it: b is still under a.
    expect(await parentOf(tree.b)).toBe(tree.a)
  })
})

describe('publishing a saved draft whose parent is the page or under it', () => {
  it.each(UNDER)('refuses %s as parent, and writes nothing', async (_, name) => {
    const tree = await newPageTree()
    await storedDraft(tree, tree[name])
    const before = await snapshot()
    expect(await publish(db, publisher, 'page', tree.a)).toEqual(REFUSED)
    expect(await snapshot()).toEqual(before)
  })

  it('checks again when publishing: a parent valid when saved, moved under the page since, is refused', async () => {
    const tree = await newPageTree()
    const saved = await saveDraft(
      db,
      editor,
      'page',
      tree.a,
      await dataOfA(tree, { parentId: tree.s }),
    )
    expect(saved).toEqual({ ok: true })
    // s is moved under b: a's draft now names a page under a.
    await sql('UPDATE pages SET parent_id = ? WHERE id = ?', tree.b, tree.s)
    const before = await snapshot()
    expect(await publish(db, publisher, 'page', tree.a)).toEqual(REFUSED)
    expect(await snapshot()).toEqual(before)
    expect(await parentOf(tree.a)).toBe(tree.root)
  })

  it('checks again when publishing after s was moved under a page of a through publishing', async () => {
    const tree = await newPageTree()
    const sData = (await editableItem(db, 'page', tree.s))!.draft
    expect(
      await saveDraft(db, editor, 'page', tree.a, await dataOfA(tree, { parentId: tree.s })),
    ).toEqual({ ok: true })
    expect(
      await saveAndPublish(db, publisher, 'page', tree.s, { ...sData, parentId: tree.c }),
    ).toMatchObject({ ok: true, published: true })
    const before = await snapshot()
    expect(await publish(db, publisher, 'page', tree.a)).toEqual(REFUSED)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses a scheduled publish when its time comes, and leaves the page where it was', async () => {
    const tree = await newPageTree()
    const now = new Date('2027-03-01T09:00:00Z')
    expect(
      await saveDraft(db, editor, 'page', tree.a, await dataOfA(tree, { parentId: tree.s })),
    ).toEqual({ ok: true })
    const scheduled = await schedule(
      db,
      publisher,
      'page',
      tree.a,
      { publishAt: new Date(now.getTime() + 3_600_000) },
      now,
    )
    expect(scheduled).toEqual({ ok: true })
    await sql('UPDATE pages SET parent_id = ? WHERE id = ?', tree.c, tree.s)
    const pagesBefore = await rows('SELECT * FROM pages ORDER BY id')
    const summary = await applyDueChanges(db, new Date(now.getTime() + 2 * 3_600_000))
    expect(summary).toEqual({ due: 1, applied: 0, failed: 1, skipped: 0 })
    expect(
      await row(
        "SELECT status, detail FROM scheduled_changes WHERE kind = 'page' AND content_id = ?",
        tree.a,
      ),
    ).toEqual({ status: 'failed', detail: MESSAGE })
    expect(await rows('SELECT * FROM pages ORDER BY id')).toEqual(pagesBefore)
  })
})

describe('restoring a revision whose parent is now under the page', () => {
  it('is refused, for a publisher (live at once) and an editor (a draft), writing nothing', async () => {
    for (const [actor, status] of [
      [publisher, 'published'],
      [editor, 'draft'],
    ] as const) {
      const tree = await newPageTree(status)
      expect(
        await saveDraft(db, editor, 'page', tree.a, await dataOfA(tree, { parentId: tree.s })),
      ).toEqual({ ok: true })
      const old = (await row<{ id: number }>(
        "SELECT max(id) AS id FROM revisions WHERE kind = 'page' AND content_id = ?",
        tree.a,
      ))!.id
      expect(
        await saveDraft(db, editor, 'page', tree.a, await dataOfA(tree, { parentId: tree.root })),
      ).toEqual({
        ok: true,
      })
      await sql('UPDATE pages SET parent_id = ? WHERE id = ?', tree.b, tree.s)
      const before = await snapshot()
      expect(await restore(db, actor, 'page', tree.a, old), status).toEqual(REFUSED)
      expect(await snapshot()).toEqual(before)
    }
  })
})

describe('the database', () => {
  it('refuses an UPDATE that puts a page under itself, and allows any other parent', async () => {
    const tree = await newPageTree()
    for (const id of [tree.a, tree.b, tree.c]) {
      await expect(sql('UPDATE pages SET parent_id = ? WHERE id = ?', id, tree.a)).rejects.toThrow(
        PAGE_UNDER_ITSELF,
      )
      expect(await parentOf(tree.a)).toBe(tree.root)
    }
    // The same parent written again (every publish writes it), the top level, another branch.
    await sql('UPDATE pages SET parent_id = parent_id, title = ? WHERE id = ?', 'A2', tree.a)
    await sql('UPDATE pages SET parent_id = NULL WHERE id = ?', tree.a)
    await sql('UPDATE pages SET parent_id = ? WHERE id = ?', tree.s, tree.a)
    expect(await parentOf(tree.a)).toBe(tree.s)
    // s under c, which is under a, which is under s: refused.
    await expect(
      sql('UPDATE pages SET parent_id = ? WHERE id = ?', tree.c, tree.s),
    ).rejects.toThrow(PAGE_UNDER_ITSELF)
    // Under a page of a loop already stored: the walk up ends, and the page is not in it.
    const { p } = await storedLoop()
    await sql('UPDATE pages SET parent_id = ? WHERE id = ?', p, tree.u)
    expect(await parentOf(tree.u)).toBe(p)
  })

  it('refuses the second of two publishes at once that put a and s under each other', async () => {
    const tree = await newPageTree()
    const sData = (await editableItem(db, 'page', tree.s))!.draft
    // Each draft is valid when saved; which one lands first decides which is refused.
    expect(
      await saveDraft(db, editor, 'page', tree.a, await dataOfA(tree, { parentId: tree.s })),
    ).toEqual({ ok: true })
    expect(await saveDraft(db, editor, 'page', tree.s, { ...sData, parentId: tree.a })).toEqual({
      ok: true,
    })
    const audit = await rows('SELECT * FROM audit_log ORDER BY id')
    const results = await Promise.all([
      publish(db, publisher, 'page', tree.a),
      publish(db, publisher, 'page', tree.s),
    ])
    expect(results).toEqual([{ ok: true, changedAt: expect.any(Date) }, REFUSED])
    expect(await parentOf(tree.a)).toBe(tree.s)
    expect(await parentOf(tree.s)).toBe(tree.root)
    // The refused publish wrote nothing: one publish in the audit log, a's.
    const added = await rows<{ action: string; target: string }>(
      'SELECT action, target FROM audit_log WHERE id > ? ORDER BY id',
      (audit.at(-1) as { id: number }).id,
    )
    expect(added).toEqual([{ action: 'page.publish', target: `page:${tree.a}` }])
  })
})

describe('isPageOrUnder', () => {
  it('tells whether a page is the page itself or under it, and ends on a loop already stored', async () => {
    const tree = await newPageTree()
    for (const id of [tree.a, tree.b, tree.c])
      expect(await isPageOrUnder(db, tree.a, id)).toBe(true)
    for (const id of [tree.root, tree.s, tree.u]) {
      expect(await isPageOrUnder(db, tree.a, id)).toBe(false)
    }
    expect(await isPageOrUnder(db, tree.a, 999_999)).toBe(false)
    // p and q under each other: the walk up from either ends, without a or with it.
    const { p, q } = await storedLoop()
    expect(await isPageOrUnder(db, tree.a, p)).toBe(false)
    expect(await isPageOrUnder(db, q, p)).toBe(true)
  })

  it('reads pages by primary key only (EXPLAIN QUERY PLAN has no SCAN pages)', async () => {
    const tree = await newPageTree()
    const { sql: query, params } = pageAboveOrAtQuery(db, tree.a, tree.c).toSQL()
    const plan = (
      await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`)
        .bind(...params)
        .all<{ detail: string }>()
    ).results.map((r) => r.detail)
    expect(plan.filter((line) => /^SCAN (pages|p)\b/.test(line))).toEqual([])
    expect(plan).toContain('SEARCH pages USING INTEGER PRIMARY KEY (rowid=?)')
    expect(plan).toContain('SEARCH p USING INTEGER PRIMARY KEY (rowid=?)')
    // Every other SCAN is of the walk's own rows or the constant row it starts from.
    expect(
      plan.filter((l) => l.startsWith('SCAN ') && !/^SCAN (up|CONSTANT ROW)$/.test(l)),
    ).toEqual([])
  })
})
