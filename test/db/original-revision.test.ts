import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createStaff, signedIn } from '../admin-helpers.ts'
import { getPage, sql } from '../helpers.ts'
import { content } from '../../seed/content.ts'
import { originalRevisionStatements } from '../../seed/sql.ts'
import { createDb } from '../../src/db/client.ts'
import type { ContentData } from '../../src/db/content.ts'
import { publish, saveDraft } from '../../src/publishing/content.ts'

const db = createDb(env.DB)

type Revision = { id: number; data: string; author_id: number | null; note: string }

const revisionsOf = async (kind: string, id: number) =>
  (
    await env.DB.prepare(
      'SELECT id, data, author_id, note FROM revisions WHERE kind = ? AND content_id = ? ORDER BY id',
    )
      .bind(kind, id)
      .all<Revision>()
  ).results

const idOf = async (table: string, column: string, value: string) =>
  (await env.DB.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`)
    .bind(value)
    .first<{ id: number }>())!.id

/** Migration 0005's statements after its schema changes: the ones that add revision 1. */
const migrationStatements = () => {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0005_'))
  if (!migration) throw new Error('migration 0005 is missing')
  return migration.queries
    .map((q) => q.replace(/^--.*\n/gm, '').trim())
    .filter((q) => /^(INSERT INTO revisions|UPDATE \w+ SET published_revision_id)/.test(q))
}

describe('the original as revision 1', () => {
  it('is given by the seed to every page, article and vacancy, and is what is live', async () => {
    for (const [kind, table] of [
      ['page', 'pages'],
      ['news', 'news_articles'],
      ['vacancy', 'vacancies'],
    ] as const) {
      const missing = await env.DB.prepare(
        `SELECT count(*) AS n FROM ${table} t WHERE NOT EXISTS (SELECT 1 FROM revisions r
         WHERE r.kind = ? AND r.content_id = t.id AND r.note = 'Original' AND r.author_id IS NULL
           AND r.id = t.published_revision_id)`,
      )
        .bind(kind)
        .first<{ n: number }>()
      expect({ kind, missing: missing?.n }).toEqual({ kind, missing: 0 })
    }
  })

  it('holds exactly the editable columns, as the editor saves them', async () => {
    const id = await idOf(
      'vacancies',
      'slug',
      (await env.DB.prepare('SELECT slug FROM vacancies LIMIT 1').first<{ slug: string }>())!.slug,
    )
    const [original] = await revisionsOf('vacancy', id)
    expect(Object.keys(JSON.parse(original!.data)).sort()).toEqual(
      ['body', 'closingDate', 'grade', 'location', 'salary', 'slug', 'summary', 'title'].sort(),
    )
    const page = await revisionsOf('page', await idOf('pages', 'path', '/threats/fraud'))
    expect(JSON.parse(page[0]!.data)).toMatchObject({
      path: '/threats/fraud',
      navOrder: content.pages.find((p) => p.path === '/threats/fraud')?.navOrder,
    })
  })

  it('is added by migration 0005 to content an existing database already had, once', async () => {
    // Migration 0005 and the seed add revision 1 with the same statements.
    expect(migrationStatements()).toEqual(
      originalRevisionStatements().map((q) => q.replace(/;$/, '')),
    )
    // A page imported before the migration, with no revision of its own.
    await sql(
      `INSERT INTO pages (path, parent_id, title, summary, body, nav_order, status, published_at)
       VALUES ('/imported', NULL, 'Imported', 'From the old site.', 'Old text.', NULL, 'published', 1381100000000)`,
    )
    const id = await idOf('pages', 'path', '/imported')
    expect(await revisionsOf('page', id)).toEqual([])
    const run = () => env.DB.batch(migrationStatements().map((q) => env.DB.prepare(q)))
    await run()
    await run()
    const revisions = await revisionsOf('page', id)
    expect(revisions).toHaveLength(1)
    expect(revisions[0]).toMatchObject({ author_id: null, note: 'Original' })
    expect(JSON.parse(revisions[0]!.data)).toEqual({
      path: '/imported',
      parentId: null,
      title: 'Imported',
      summary: 'From the old site.',
      body: 'Old text.',
      navOrder: null,
    })
    const row = await env.DB.prepare('SELECT published_revision_id AS live FROM pages WHERE id = ?')
      .bind(id)
      .first<{ live: number }>()
    expect(row?.live).toBe(revisions[0]!.id)
  })
})

describe('History', () => {
  let publisher: Awaited<ReturnType<typeof signedIn>>
  let publisherId: number
  beforeAll(async () => {
    const member = await createStaff({ email: 'orig@example.com', role: 'publisher' })
    publisherId = member.id
    publisher = await signedIn(member)
  })

  it('lists the original and restores it, putting the seeded text back on the site', async () => {
    const id = await idOf('pages', 'path', '/about/powers')
    const [original] = await revisionsOf('page', id)
    const seededSummary = JSON.parse(original!.data).summary as string
    const member = { id: publisherId, role: 'publisher' as const }
    const changed = { ...(JSON.parse(original!.data) as ContentData['page']), summary: 'Changed.' }
    expect(await saveDraft(db, member, 'page', id, changed)).toMatchObject({ ok: true })
    expect(await publish(db, member, 'page', id)).toMatchObject({ ok: true })
    expect((await getPage('/about/powers')).html).toContain('Changed.')

    const history = await (await publisher.get(`/admin/pages/${id}/history`)).text()
    expect(history).toContain('Original')
    expect(history).toContain(`restore/${original!.id}"`)
    const restored = await publisher.submit(
      `/admin/pages/${id}/restore/${original!.id}`,
      {},
      `/admin/pages/${id}/history`,
    )
    expect(restored.status).toBe(303)
    const live = (await getPage('/about/powers')).html
    expect(live).not.toContain('Changed.')
    expect(live).toContain(seededSummary.slice(0, 40))
  })
})
