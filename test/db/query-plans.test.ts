// Every query the public Worker runs for its pages, recorded and put through SQLite's EXPLAIN
// QUERY PLAN: none may scan a whole table, so each costs the same at ten thousand pages as at
// twenty. Also: each uncached page is at most 2 D1 round trips, and the part of the page tree
// a page reads gives the same navigation, breadcrumbs and section list as the whole tree.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { type Database, createDb } from '../../src/db/client.ts'
import { pages } from '../../src/db/schema.ts'
import { pageTreeRowsQuery } from '../../src/db/page-tree.ts'
import { pagesAroundPageQuery, treeColumns } from '../../src/db/pages.ts'
import { SEARCH_ROWID_BASE } from '../../src/db/search-index.ts'
import { batchWithChrome } from '../../src/http/page-chrome.ts'
import {
  breadcrumbsTo,
  breadcrumbsUnder,
  childPages,
  navigationLinks,
} from '../../src/lib/site-tree.ts'
import {
  ORIGIN,
  contentChanged,
  insertArticle,
  insertVacancy,
  isoDay,
  row,
  sql,
} from '../helpers.ts'
import type { AppEnv } from '../../src/env.ts'
import { signShareToken } from '../../src/auth/share-token.ts'
import { createShareLink } from '../../src/publishing/share-links.ts'
import { createStaff } from '../admin-helpers.ts'
import { type Recorded, countingD1 } from '../d1-counter.ts'
import worker from '../worker.ts'

/** A statement the Worker ran: its SQL and bound values. */
/**
 * An uncached request through both Workers with the given D1: the first at a new content
 * version, or `again` a miss at the same version (the bench's bypass, which reads and stores no
 * page), which reads the site-wide chrome from memory (http/page-chrome.ts).
 */
const fetchWith = async (path: string, db: D1Database, again = false) => {
  if (!again) await contentChanged()
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(new URL(path, ORIGIN), again ? { headers: { 'X-Bypass-Cache': '1' } } : {}),
    { ...env, DB: db, ...(again ? { ALLOW_CACHE_BYPASS: 'true' } : {}) },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

/**
 * Every published page, in menu order: the whole tree, which the parts a page reads are
 * checked against (and which previews read before they read only their part).
 */
const wholeTreeQuery = (db: Database) =>
  db
    .select(treeColumns)
    .from(pages)
    .where(eq(pages.status, 'published'))
    .orderBy(asc(pages.navOrder), asc(pages.title))

/** The lines of a statement's query plan. */
const planOf = async ({ query, values }: Recorded) =>
  (
    await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`)
      .bind(...values)
      .all<{ detail: string }>()
  ).results.map((r) => r.detail)

/** Names a plan may SCAN whole: the recursive walks' own tables (a few rows each). */
const CTE_NAMES = new Set(['up'])

/**
 * The lines of a plan that read a whole table: `SCAN <table>` with no index. A scan of an
 * index (`USING INDEX`, `USING COVERING INDEX`), of the FTS5 search index (`VIRTUAL TABLE`),
 * of a subquery's or CTE's rows, or of a constant row reads no table whole.
 */
const fullScans = (plan: string[]) =>
  plan.filter((line) => {
    const scan = /^SCAN (\S+)(.*)$/.exec(line)
    if (!scan) return false
    const [, name = '', rest = ''] = scan
    if (/USING (COVERING )?INDEX|VIRTUAL TABLE/.test(rest)) return false
    return !(name === 'CONSTANT' || name.startsWith('(') || CTE_NAMES.has(name))
  })

/** Public pages: one of each kind, and the lists and feeds that grow with the content. */
const PUBLIC_PATHS = [
  '/',
  '/about',
  '/threats/fraud',
  '/news',
  '/news?page=2',
  '/news/plans-article-1',
  '/careers',
  '/careers/vacancies/plans-analyst',
  '/sitemap',
  '/sitemap.xml',
  '/sitemaps/pages-1.xml',
  '/sitemaps/news-1.xml',
  '/news.atom',
  '/search?q=crime',
  '/search?q=crime&type=news&page=2',
  '/contact',
  '/feedback?path=/about',
  '/no-such-page',
]

beforeAll(async () => {
  for (let i = 1; i <= 12; i++) {
    await insertArticle(`plans-article-${i}`, `Organised crime article ${i}`, new Date(2014, 0, i))
  }
  await insertVacancy('plans-analyst', 'Analyst', isoDay(30))
  // The search index follows publishing; these rows were written with SQL.
  await sql(
    `INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path) SELECT ${SEARCH_ROWID_BASE.news} + id, title, summary, body, 'news', id, '/news/' || slug FROM news_articles WHERE slug LIKE 'plans-%'`,
  )
})

describe('the queries of public pages', () => {
  it('read no table whole: every query uses an index (EXPLAIN QUERY PLAN)', async () => {
    const problems: string[] = []
    let planned = 0
    for (const path of PUBLIC_PATHS) {
      for (const again of [false, true]) {
        const { db, statements } = countingD1()
        const res = await fetchWith(path, db, again)
        expect([200, 404], path).toContain(res.status)
        await res.arrayBuffer()
        const queries = statements.filter((s) => /^\s*(select|with)/i.test(s.query))
        expect(queries.length, path).toBeGreaterThan(0)
        for (const statement of queries) {
          planned++
          const scans = fullScans(await planOf(statement))
          if (scans.length > 0) problems.push(`${path}: ${scans.join('; ')} in ${statement.query}`)
        }
      }
    }
    expect(problems).toEqual([])
    expect(planned).toBeGreaterThan(2 * PUBLIC_PATHS.length)
  })

  it('cost at most 2 D1 round trips each when not cached', async () => {
    for (const path of PUBLIC_PATHS) {
      for (const again of [false, true]) {
        const { db, counter } = countingD1()
        const res = await fetchWith(path, db, again)
        expect(res.headers.get('X-Cache'), path).not.toBe('HIT')
        await res.arrayBuffer()
        expect(counter.roundTrips, path).toBeGreaterThan(0)
        expect(counter.roundTrips, path).toBeLessThanOrEqual(2)
      }
    }
  })

  it('read no table whole, nor the whole page tree, for a shared preview (the staff Worker)', async () => {
    const key = (env as AppEnv['Bindings']).STAFF_COOKIE_KEY ?? ''
    const staff = await createStaff({ email: 'plans@example.com', role: 'publisher' })
    const fraud = await row<{ id: number }>("SELECT id FROM pages WHERE path = '/threats/fraud'")
    const link = await createShareLink(
      createDb(env.DB),
      { id: staff.id, role: 'publisher' },
      { kind: 'page', contentId: fraud?.id ?? 0, label: 'Plans', days: 1 },
    )
    if (!link.ok) throw new Error('no link')
    const path = `/share/${await signShareToken(key, link.id, link.expiresAt)}`
    const { db, statements } = countingD1()
    const res = await fetchWith(path, db)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('href="/threats"')
    // Only the part of the tree the page shows, never the whole published tree (by its index).
    const wholeTree = wholeTreeQuery(createDb(env.DB)).toSQL().sql
    expect(statements.map((s) => s.query)).not.toContain(wholeTree)
    const problems: string[] = []
    for (const statement of statements.filter((s) => /^\s*(select|with)/i.test(s.query))) {
      const scans = fullScans(await planOf(statement))
      if (scans.length > 0) problems.push(`${scans.join('; ')} in ${statement.query}`)
    }
    expect(problems).toEqual([])
  })

  it('would catch a full table scan', async () => {
    const plan = await planOf({ query: 'SELECT * FROM pages WHERE title = ?', values: ['x'] })
    expect(fullScans(plan)).toEqual(['SCAN pages'])
  })
})

describe('the staff Pages tree', () => {
  it('reads its rows by index, closed and with a branch open', async () => {
    const db = createDb(env.DB)
    const fraud = await row<{ id: number }>("SELECT id FROM pages WHERE path = '/threats/fraud'")
    const id = fraud?.id ?? 0
    expect(id).toBeGreaterThan(0)
    for (const open of [null, id]) {
      const { sql: query, params } = pageTreeRowsQuery(db, open).toSQL()
      expect(fullScans(await planOf({ query, values: params }))).toEqual([])
    }
  })
})

describe('the part of the page tree a page reads', () => {
  it('gives every page the navigation, breadcrumbs and section list the whole tree gives', async () => {
    const db = createDb(env.DB)
    const whole = await wholeTreeQuery(db)
    // With no version, each page reads the menu and settings; at a version, the first page
    // does, and every other page takes them from memory and reads only its trail and children.
    for (const contentVersion of [undefined, `test-${crypto.randomUUID()}`]) {
      const c = (path: string) => ({
        var: { db, contentVersion },
        env: { SITE_URL: ORIGIN },
        req: { path },
      })
      for (const page of whole) {
        const { tree, chrome } = await batchWithChrome(c(page.path), [])
        expect(chrome.nav, page.path).toEqual(navigationLinks(whole))
        expect(breadcrumbsTo(tree, page.parentId), page.path).toEqual(
          breadcrumbsTo(whole, page.parentId),
        )
        expect(childPages(tree, page.id), page.path).toEqual(childPages(whole, page.id))
      }
      const { tree } = await batchWithChrome(c('/news/plans-article-1'), [])
      expect(breadcrumbsUnder(tree, '/news')).toEqual(breadcrumbsUnder(whole, '/news'))
    }
  })

  it('gives a preview of a page the breadcrumbs and section list of where its draft puts it', async () => {
    const db = createDb(env.DB)
    const whole = await wholeTreeQuery(db)
    const c = { var: { db }, env: { SITE_URL: ORIGIN }, req: { path: '/admin/pages/1/preview' } }
    // Each page under its own parent, under another page's parent, and at the top level.
    const parents = [...new Set(whole.map((p) => p.parentId))]
    for (const page of whole) {
      for (const parentId of [page.parentId, ...parents.slice(0, 3), null]) {
        const { tree, chrome } = await batchWithChrome(c, [], { id: page.id, parentId })
        const at = `${page.path} under ${parentId}`
        expect(chrome.nav, at).toEqual(navigationLinks(whole))
        expect(breadcrumbsTo(tree, parentId), at).toEqual(breadcrumbsTo(whole, parentId))
        expect(childPages(tree, page.id), at).toEqual(childPages(whole, page.id))
      }
    }
    const { sql: query, params } = pagesAroundPageQuery(db, { id: 1, parentId: 2 }).toSQL()
    expect(fullScans(await planOf({ query, values: params }))).toEqual([])
  })
})
