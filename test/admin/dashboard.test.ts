import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { unpublishedChangesCount, unpublishedCountQuery } from '../../src/db/drafts.ts'
import { editableItem, saveDraft } from '../../src/publishing/content.ts'
import { createActor, createStaff, signedIn } from '../admin-helpers.ts'
import { insertPage, row, rows, sql } from '../helpers.ts'

/** The dashboard's count worked out the long way: every item's latest revision in JavaScript. */
const naiveCount = async () => {
  const items = await rows<{ latest: number | null; published: number | null }>(
    `SELECT (SELECT max(id) FROM revisions r WHERE r.kind = 'page' AND r.content_id = t.id) AS latest,
       published_revision_id AS published FROM pages t
     UNION ALL SELECT (SELECT max(id) FROM revisions r WHERE r.kind = 'news' AND r.content_id = t.id),
       published_revision_id FROM news_articles t
     UNION ALL SELECT (SELECT max(id) FROM revisions r WHERE r.kind = 'vacancy' AND r.content_id = t.id),
       published_revision_id FROM vacancies t`,
  )
  return items.filter((i) => i.latest !== null && i.latest !== i.published).length
}

/** Adds a revision of a page, published or not; returns its id. */
const addRevision = async (path: string, publish: boolean) => {
  const page = await row<{ id: number }>('SELECT id FROM pages WHERE path = ?', path)
  await sql(`INSERT INTO revisions (kind, content_id, data) VALUES ('page', ?, '{}')`, page!.id)
  const revision = await row<{ id: number }>('SELECT max(id) AS id FROM revisions')
  if (publish)
    await sql('UPDATE pages SET published_revision_id = ? WHERE id = ?', revision!.id, page!.id)
  return revision!.id
}

describe('the staff dashboard', () => {
  it('counts the items with changes not yet published, as the long way does', async () => {
    const db = createDb(env.DB)
    const before = await unpublishedChangesCount(db)
    expect(before).toBe(await naiveCount())

    // Published with nothing newer: not counted. A draft never published: counted. Published,
    // then changed: counted. Changed, then that change published: not counted again.
    await insertPage({ path: '/dash-live', title: 'Live', status: 'published' })
    await addRevision('/dash-live', true)
    await insertPage({ path: '/dash-new', title: 'New', status: 'draft' })
    await addRevision('/dash-new', false)
    await insertPage({ path: '/dash-changed', title: 'Changed', status: 'published' })
    await addRevision('/dash-changed', true)
    await addRevision('/dash-changed', false)
    await insertPage({ path: '/dash-republished', title: 'Republished', status: 'published' })
    await addRevision('/dash-republished', true)
    await addRevision('/dash-republished', true)
    // No revisions at all (a row written straight into the table): not counted.
    await insertPage({ path: '/dash-bare', title: 'Bare', status: 'draft' })

    expect(await unpublishedChangesCount(db)).toBe(before + 2)
    expect(await naiveCount()).toBe(before + 2)

    const staff = await signedIn(await createStaff({ email: 'dash@example.com', role: 'editor' }))
    const page = await (await staff.get('/admin')).text()
    expect(page).toContain(`${before + 2} items have unpublished changes`)
  })
})

describe('the count of items with unpublished changes, at any size of site', () => {
  const db = createDb(env.DB)
  const TABLES = { page: 'pages', news: 'news_articles', vacancy: 'vacancies' } as const

  /** Every item whose latest_revision_id is not its newest revision's id. */
  const outOfStep = (kind: keyof typeof TABLES) =>
    rows(
      `SELECT id, latest_revision_id FROM ${TABLES[kind]} t WHERE latest_revision_id IS NOT
         (SELECT max(id) FROM revisions r WHERE r.kind = ? AND r.content_id = t.id)`,
      kind,
    )

  it('reads only the partial index of such items, for each kind', async () => {
    const INDEXES = { page: 'pages', news: 'news', vacancy: 'vacancies' } as const
    for (const kind of ['page', 'news', 'vacancy'] as const) {
      const { sql: text, params } = unpublishedCountQuery(db, kind).toSQL()
      const plan = await rows<{ detail: string }>(`EXPLAIN QUERY PLAN ${text}`, ...params)
      expect(plan.map((p) => p.detail)).toEqual([
        `SCAN ${TABLES[kind]} USING COVERING INDEX ${INDEXES[kind]}_unpublished_changes_idx`,
      ])
    }
  })

  it('is kept by the database whenever a revision is saved, by any code', async () => {
    for (const kind of ['page', 'news', 'vacancy'] as const)
      expect(await outOfStep(kind)).toEqual([])
    await insertPage({ path: '/dash-trigger', title: 'Trigger', status: 'draft' })
    const first = await addRevision('/dash-trigger', false)
    const second = await addRevision('/dash-trigger', false)
    const latest = () =>
      row<{ latest_revision_id: number | null }>(
        "SELECT latest_revision_id FROM pages WHERE path = '/dash-trigger'",
      )
    expect(second).toBeGreaterThan(first)
    expect(await latest()).toEqual({ latest_revision_id: second })
    // A revision inserted with an older id (as a restore from a backup may): the newest stays.
    const page = await row<{ id: number }>("SELECT id FROM pages WHERE path = '/dash-trigger'")
    await sql('DELETE FROM revisions WHERE id = ?', first)
    await sql(
      "INSERT INTO revisions (id, kind, content_id, data) VALUES (?, 'page', ?, '{}')",
      first,
      page!.id,
    )
    expect(await latest()).toEqual({ latest_revision_id: second })
    // A draft saved through publishing, of each kind, and every item the seed made.
    const editor = await createActor('dash-trigger@example.com', 'editor')
    for (const kind of ['page', 'news', 'vacancy'] as const) {
      const item = await row<{ id: number }>(`SELECT min(id) AS id FROM ${TABLES[kind]}`)
      const loaded = await editableItem(db, kind, item!.id)
      expect(await saveDraft(db, editor, kind, item!.id, loaded!.draft), kind).toEqual({ ok: true })
      const saved = await row<{ id: number }>(
        'SELECT max(id) AS id FROM revisions WHERE kind = ? AND content_id = ?',
        kind,
        item!.id,
      )
      expect(
        await row(`SELECT latest_revision_id AS id FROM ${TABLES[kind]} WHERE id = ?`, item!.id),
      ).toEqual(saved)
    }
    for (const kind of ['page', 'news', 'vacancy'] as const)
      expect(await outOfStep(kind)).toEqual([])
  })

  it('is filled for every existing item by migration 0014', async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0014_'))
    if (!migration) throw new Error('migration 0014 is missing')
    const fills = migration.queries.filter((q) => !q.includes('CREATE TRIGGER'))
    expect(fills).toHaveLength(3)
    await insertPage({ path: '/dash-fill', title: 'Fill', status: 'published' })
    await addRevision('/dash-fill', true)
    await addRevision('/dash-fill', false)
    for (const table of Object.values(TABLES))
      await sql(`UPDATE ${table} SET latest_revision_id = NULL`)
    expect(await unpublishedChangesCount(db)).toBe(0)
    await env.DB.batch(fills.map((q) => env.DB.prepare(q)))
    for (const kind of ['page', 'news', 'vacancy'] as const)
      expect(await outOfStep(kind)).toEqual([])
    expect(await unpublishedChangesCount(db)).toBe(await naiveCount())
    expect(await unpublishedChangesCount(db)).toBeGreaterThan(0)
  })
})
