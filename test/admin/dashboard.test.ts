import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { unpublishedChangesCount } from '../../src/db/drafts.ts'
import { createStaff, signedIn } from '../admin-helpers.ts'
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
