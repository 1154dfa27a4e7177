// The search index follows publishing in the same batch: what a publish makes live is found at
// once, what an unpublish takes down is gone at once, through every way content goes live.
import { env } from 'cloudflare:test'
import { parseHTML } from 'linkedom'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { SEARCH_INDEX_DDL } from '../../src/db/schema.ts'
import { SEARCH_INDEX_REBUILD, SEARCH_ROWID_BASE } from '../../src/db/search-index.ts'
import {
  closeVacancy,
  createDraft,
  publish,
  restore,
  saveAndPublish,
  saveDraft,
  unpublish,
} from '../../src/publishing/content.ts'
import type { Actor } from '../../src/publishing/result.ts'
import { applyDueChanges, schedule } from '../../src/publishing/schedule.ts'
import { createStaff, signedIn } from '../admin-helpers.ts'
import { contentChanged, getPage, isoDay } from '../helpers.ts'

const db = createDb(env.DB)
let publisher: Actor
let browser: Awaited<ReturnType<typeof signedIn>>

beforeAll(async () => {
  const member = await createStaff({ email: 'pub@example.com', role: 'publisher' })
  publisher = { id: member.id, role: 'publisher' }
  browser = await signedIn(member)
})

/** The result links of a search, as a visitor gets them. */
const found = async (q: string) => {
  const { html } = await getPage(`/search?q=${encodeURIComponent(q)}`)
  return [...parseHTML(html).document.querySelectorAll('main ol.govuk-list > li h2 a')].map((a) =>
    a.getAttribute('href'),
  )
}

/**
 * A visitor's search after a change made by calling publishing/ directly: the admin Worker
 * would have told the public one the new version (see the HTTP tests below), so this does.
 */
const foundAfterChange = async (q: string) => {
  await contentChanged()
  return found(q)
}

type IndexRow = { kind: string; content_id: number; path: string; title: string }
const indexRowsOf = async (kind: string, id: number) =>
  (
    await env.DB.prepare(
      'SELECT kind, content_id, path, title, summary, body, closing_date FROM search_index WHERE kind = ? AND content_id = ?',
    )
      .bind(kind, id)
      .all<IndexRow>()
  ).results

const itemId = async (table: string, column: string, value: string) =>
  (await env.DB.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`)
    .bind(value)
    .first<{ id: number }>())!.id

const pageData = (path: string, title: string, body = 'Nothing yet.') => ({
  path,
  parentId: null,
  title,
  summary: 'A summary.',
  body,
  navOrder: null,
})

const created = (result: { ok: true; id: number } | { ok: false }) => {
  if (!result.ok) throw new Error('not created')
  return result.id
}

describe('publishing from the staff area', () => {
  it('finds a page in search the moment it is published, and never while a draft', async () => {
    const id = created(
      await createDraft(db, publisher, 'page', pageData('/capybara', 'Capybara smuggling')),
    )
    expect(await found('capybara')).toEqual([])
    expect(await indexRowsOf('page', id)).toEqual([])
    const res = await browser.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)
    expect(res.status).toBe(303)
    // The next request, with nothing else done: the edge cache moved on with the version.
    expect(await found('capybara')).toEqual(['/capybara'])
  })

  it('drops a page from search the moment it is unpublished', async () => {
    const id = await itemId('pages', 'path', '/capybara')
    const res = await browser.submit(`/admin/pages/${id}/unpublish`, {}, `/admin/pages/${id}`)
    expect(res.status).toBe(303)
    expect(await found('capybara')).toEqual([])
    expect(await indexRowsOf('page', id)).toEqual([])
  })
})

describe('every way content goes live or leaves', () => {
  it('replaces the old entry when a title changes, so the old words find nothing', async () => {
    const id = created(
      await createDraft(db, publisher, 'news', {
        slug: 'ocelot-seizure',
        title: 'Ocelot seizure',
        summary: 'In short.',
        body: 'The body.',
        publicationDate: null,
      }),
    )
    expect((await publish(db, publisher, 'news', id)).ok).toBe(true)
    expect(await foundAfterChange('ocelot')).toEqual(['/news/ocelot-seizure'])
    const saved = await saveAndPublish(db, publisher, 'news', id, {
      slug: 'pangolin-seizure',
      title: 'Pangolin seizure',
      summary: 'In short.',
      body: 'The body.',
      publicationDate: null,
    })
    expect(saved).toMatchObject({ ok: true, published: true })
    expect(await foundAfterChange('ocelot')).toEqual([])
    expect(await found('pangolin')).toEqual(['/news/pangolin-seizure'])
    expect(await indexRowsOf('news', id)).toEqual([
      expect.objectContaining({ title: 'Pangolin seizure', path: '/news/pangolin-seizure' }),
    ])
  })

  it('keeps the live version in search while a draft is only saved, and restores an old one', async () => {
    const id = await itemId('news_articles', 'slug', 'pangolin-seizure')
    const draft = {
      slug: 'pangolin-seizure',
      title: 'Armadillo seizure',
      summary: 'In short.',
      body: 'The body.',
      publicationDate: null,
    }
    expect((await saveDraft(db, publisher, 'news', id, draft)).ok).toBe(true)
    expect(await foundAfterChange('armadillo')).toEqual([])
    expect(await found('pangolin')).toEqual(['/news/pangolin-seizure'])
    const first = (await env.DB.prepare(
      "SELECT min(id) AS id FROM revisions WHERE kind = 'news' AND content_id = ?",
    )
      .bind(id)
      .first<{ id: number }>())!.id
    expect(await restore(db, publisher, 'news', id, first)).toMatchObject({ published: true })
    expect(await foundAfterChange('ocelot')).toEqual(['/news/ocelot-seizure'])
    expect(await found('pangolin')).toEqual([])
  })

  it('drops a vacancy from search when it is closed', async () => {
    const id = created(
      await createDraft(db, publisher, 'vacancy', {
        slug: 'tapir-analyst',
        title: 'Tapir analyst',
        summary: 'Analyse tapirs.',
        grade: 'Grade 5',
        location: 'London',
        salary: '£30,000',
        closingDate: isoDay(30),
        body: 'About the role.',
      }),
    )
    expect((await publish(db, publisher, 'vacancy', id)).ok).toBe(true)
    expect(await foundAfterChange('tapir')).toEqual(['/careers/vacancies/tapir-analyst'])
    expect((await closeVacancy(db, publisher, id)).ok).toBe(true)
    expect(await foundAfterChange('tapir')).toEqual([])
    // Still indexed, with its new closing date: the search filters it out.
    expect(await indexRowsOf('vacancy', id)).toEqual([
      expect.objectContaining({ closing_date: isoDay(-1) }),
    ])
  })

  it('indexes a scheduled publish when it is applied, and drops a scheduled unpublish', async () => {
    const id = created(
      await createDraft(db, publisher, 'page', pageData('/okapi', 'Okapi trade', 'Okapi body.')),
    )
    const now = new Date()
    const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000)
    expect(
      await schedule(db, publisher, 'page', id, { publishAt: at(1), unpublishAt: at(2) }, now),
    ).toEqual({ ok: true })
    expect(await foundAfterChange('okapi')).toEqual([])
    await applyDueChanges(db, at(1.5))
    expect(await foundAfterChange('okapi')).toEqual(['/okapi'])
    await applyDueChanges(db, at(2.5))
    expect(await foundAfterChange('okapi')).toEqual([])
    expect(await indexRowsOf('page', id)).toEqual([])
  })

  it('takes an unpublished article out through unpublish() too', async () => {
    const id = await itemId('news_articles', 'slug', 'ocelot-seizure')
    expect((await unpublish(db, publisher, 'news', id)).ok).toBe(true)
    expect(await foundAfterChange('ocelot')).toEqual([])
  })

  it('gives each entry the rowid of its kind and id, as the rebuild does', async () => {
    const ids = {
      page: created(
        await createDraft(db, publisher, 'page', pageData('/quokka', 'Quokka', 'Quokka body.')),
      ),
      news: created(
        await createDraft(db, publisher, 'news', {
          slug: 'quokka-news',
          title: 'Quokka news',
          summary: 'In short.',
          body: 'The body.',
          publicationDate: null,
        }),
      ),
      vacancy: created(
        await createDraft(db, publisher, 'vacancy', {
          slug: 'quokka-keeper',
          title: 'Quokka keeper',
          summary: 'Keep quokkas.',
          grade: 'Grade 5',
          location: 'London',
          salary: '£30,000',
          closingDate: isoDay(30),
          body: 'About the role.',
        }),
      ),
    }
    for (const kind of ['page', 'news', 'vacancy'] as const) {
      expect((await publish(db, publisher, kind, ids[kind])).ok, kind).toBe(true)
    }
    const entries = async () =>
      (
        await env.DB.prepare(
          "SELECT rowid AS rowid, kind, content_id FROM search_index WHERE search_index MATCH 'quokka' ORDER BY rowid",
        ).all()
      ).results
    const published = await entries()
    expect(published).toEqual([
      { rowid: SEARCH_ROWID_BASE.page + ids.page, kind: 'page', content_id: ids.page },
      { rowid: SEARCH_ROWID_BASE.news + ids.news, kind: 'news', content_id: ids.news },
      { rowid: SEARCH_ROWID_BASE.vacancy + ids.vacancy, kind: 'vacancy', content_id: ids.vacancy },
    ])
    expect((await foundAfterChange('quokka')).sort()).toEqual([
      '/careers/vacancies/quokka-keeper',
      '/news/quokka-news',
      '/quokka',
    ])
    await env.DB.batch(SEARCH_INDEX_REBUILD.map((s) => env.DB.prepare(s)))
    expect(await entries()).toEqual(published)
    // Every entry, the seed's included.
    const wrong = await env.DB.prepare(
      `SELECT count(*) AS n FROM search_index WHERE rowid <> content_id + CASE kind
        WHEN 'page' THEN ${SEARCH_ROWID_BASE.page} WHEN 'news' THEN ${SEARCH_ROWID_BASE.news}
        WHEN 'vacancy' THEN ${SEARCH_ROWID_BASE.vacancy} END`,
    ).first<{ n: number }>()
    expect(wrong?.n).toBe(0)
  })

  it('leaves the index as a full rebuild would make it, rowids included', async () => {
    const snapshot = async () =>
      (
        await env.DB.prepare(
          'SELECT rowid AS rowid, kind, content_id, path, title, summary, body, closing_date FROM search_index ORDER BY rowid',
        ).all()
      ).results
    const kept = await snapshot()
    await env.DB.batch(SEARCH_INDEX_REBUILD.map((s) => env.DB.prepare(s)))
    expect(await snapshot()).toEqual(kept)
  })
})

/** A migration's statements, without their comments. */
const statementsOf = (number: string) => {
  const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith(`${number}_`))
  if (!migration) throw new Error(`migration ${number} is missing`)
  return migration.queries.map((q) => q.replace(/^--.*\n/gm, '').trim()).filter((q) => q !== '')
}

describe('the rebuild', () => {
  it('is what migration 0011 gave every existing index its rowids with', () => {
    expect(statementsOf('0011')).toEqual(SEARCH_INDEX_REBUILD)
  })

  it('is what migration 0015 filled the index with, made again with its prefixes', () => {
    const [, ...inserts] = SEARCH_INDEX_REBUILD
    expect(statementsOf('0015')).toEqual(['DROP TABLE search_index', SEARCH_INDEX_DDL, ...inserts])
  })
})

describe('the index', () => {
  it('is the table SEARCH_INDEX_DDL makes, with prefix indexes of 3 to 8 letters', async () => {
    const table = await env.DB.prepare(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'search_index'",
    ).first<{ sql: string }>()
    expect(table?.sql).toBe(SEARCH_INDEX_DDL)
    expect(SEARCH_INDEX_DDL).toContain("prefix = '3 4 5 6 7 8'")
  })
})
