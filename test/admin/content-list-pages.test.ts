// The staff lists of news and vacancies, 50 a page, and the page editor's parent field on a
// site with more pages than one select should hold: both stay the same size however much
// content there is, and read their rows by index.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { type StaffBrowser, createStaff, csrfFrom, signedIn } from '../admin-helpers.ts'
import { insertVacancy, row, rows, sql, summaryErrors } from '../helpers.ts'
import { type DomDocument, parseDocument } from '../unit/dom.ts'
import { createDb } from '../../src/db/client.ts'
import {
  PARENT_SELECT_ALL,
  contentCountQuery,
  contentListQuery,
  topParentsQuery,
} from '../../src/db/content.ts'

let publisher: StaffBrowser

/** Ids of the 120 published articles added here, oldest first, and the two drafts. */
let published: number[] = []
let drafts: number[] = []

beforeAll(async () => {
  publisher = await signedIn(await createStaff({ email: 'lists@example.com', role: 'publisher' }))
  // 120 published articles a minute apart, newer than the seed's; the last two share a time,
  // so the newer id comes first. Then two drafts, never published.
  await sql(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
     INSERT INTO news_articles (slug, title, status, published_at)
     SELECT 'listed-' || i, 'Listed article ' || i, 'published',
       ? + min(i, 119) * 60000 FROM n`,
    Date.UTC(2030, 0, 1),
  )
  published = (
    await rows<{ id: number }>(
      "SELECT id FROM news_articles WHERE slug LIKE 'listed-%' ORDER BY id",
    )
  ).map((r) => r.id)
  for (const slug of ['draft-one', 'draft-two']) {
    await sql(`INSERT INTO news_articles (slug, title, status) VALUES (?, ?, 'draft')`, slug, slug)
  }
  drafts = (
    await rows<{ id: number }>("SELECT id FROM news_articles WHERE status = 'draft' ORDER BY id")
  ).map((r) => r.id)
}, 60_000)

/** A staff page as a document, after checking its status. */
const documentAt = async (path: string, status = 200) => {
  const res = await publisher.get(path)
  expect(res.status, path).toBe(status)
  return parseDocument(await res.text())
}

/** The ids the list's rows link to, in order. */
const listedIds = (document: DomDocument, base: string) =>
  [...document.querySelectorAll('tbody a.govuk-link')].map((a) =>
    Number(a.getAttribute('href')!.slice(base.length + 1)),
  )

/** The pagination's links: each page number with its address, and previous and next. */
const paginationOf = (document: DomDocument) => {
  const nav = document.querySelector('nav.govuk-pagination')
  if (!nav) return null
  const href = (selector: string) => nav.querySelector(selector)?.getAttribute('href') ?? null
  return {
    prev: href('.govuk-pagination__prev a'),
    next: href('.govuk-pagination__next a'),
    numbers: [...nav.querySelectorAll('.govuk-pagination__item')].map(
      (li) => li.querySelector('a')?.getAttribute('href') ?? '…',
    ),
    current: nav.querySelector('[aria-current="page"]')?.textContent,
  }
}

describe('GET /admin/news, 50 a page', () => {
  it('lists articles never published first, newest first, then the published newest first', async () => {
    const total = (await row<{ n: number }>('SELECT count(*) n FROM news_articles'))!.n
    expect(total).toBe(127)
    const document = await documentAt('/admin/news')
    const ids = listedIds(document, '/admin/news')
    expect(ids).toHaveLength(50)
    // The last two published share a time: the newer id first.
    const newest = [...published].reverse()
    expect(ids).toEqual([...[...drafts].reverse(), ...newest.slice(0, 48)])
    expect(document.querySelector('main p.govuk-body')!.textContent).toContain(
      'Showing 1 to 50 of 127',
    )
  })

  it('shows the rest on the last page, with the seed articles, oldest last', async () => {
    const document = await documentAt('/admin/news?page=3')
    const ids = listedIds(document, '/admin/news')
    expect(ids).toHaveLength(27)
    const seeded = await rows<{ id: number }>(
      "SELECT id FROM news_articles WHERE slug NOT LIKE 'listed-%' AND status <> 'draft' ORDER BY published_at DESC, id DESC",
    )
    expect(ids.slice(-seeded.length)).toEqual(seeded.map((r) => r.id))
    expect(document.title).toContain('News (page 3 of 3)')
    expect(document.querySelector('main p.govuk-body')!.textContent).toContain(
      'Showing 101 to 127 of 127',
    )
  })

  it('lists every article exactly once across its pages', async () => {
    const seen: number[] = []
    for (const page of [1, 2, 3]) {
      seen.push(...listedIds(await documentAt(`/admin/news?page=${page}`), '/admin/news'))
    }
    const all = await rows<{ id: number }>('SELECT id FROM news_articles')
    expect(seen).toHaveLength(all.length)
    expect(new Set(seen)).toEqual(new Set(all.map((r) => r.id)))
  })

  it('links the pages with GOV.UK pagination: previous, numbers and next', async () => {
    expect(paginationOf(await documentAt('/admin/news'))).toEqual({
      prev: null,
      next: '/admin/news?page=2',
      numbers: ['/admin/news', '/admin/news?page=2', '/admin/news?page=3'],
      current: '1',
    })
    expect(paginationOf(await documentAt('/admin/news?page=2'))).toMatchObject({
      prev: '/admin/news',
      next: '/admin/news?page=3',
      current: '2',
    })
    expect(paginationOf(await documentAt('/admin/news?page=3'))).toMatchObject({
      prev: '/admin/news?page=2',
      next: null,
      current: '3',
    })
  })

  it.each(['abc', '0', '-1', '1.5', '1e2', '99999999999999999999'])(
    'answers 400 for ?page=%s, which is not a whole number from 1',
    async (page) => {
      const res = await publisher.get(`/admin/news?page=${encodeURIComponent(page)}`)
      expect(res.status).toBe(400)
      expect(await res.text()).toContain('The page number must be a whole number from 1.')
    },
  )

  it('answers 404 for a page past the end', async () => {
    expect((await publisher.get('/admin/news?page=4')).status).toBe(404)
    expect((await publisher.get('/admin/news?page=3')).status).toBe(200)
  })
})

describe('GET /admin/vacancies, 50 a page', () => {
  it('lists the latest closing date first, newer first on the same date, 50 a page', async () => {
    for (let i = 1; i <= 60; i++) {
      const day = String((i % 28) + 1).padStart(2, '0')
      await insertVacancy(`listed-vacancy-${i}`, `Listed vacancy ${i}`, `2031-01-${day}`)
    }
    const expected = await rows<{ id: number }>(
      'SELECT id FROM vacancies ORDER BY closing_date DESC, id DESC',
    )
    expect(expected.length).toBeGreaterThan(50)
    const first = listedIds(await documentAt('/admin/vacancies'), '/admin/vacancies')
    const second = listedIds(await documentAt('/admin/vacancies?page=2'), '/admin/vacancies')
    expect(first).toEqual(expected.slice(0, 50).map((r) => r.id))
    expect(second).toEqual(expected.slice(50).map((r) => r.id))
    expect((await publisher.get('/admin/vacancies?page=3')).status).toBe(404)
  })
})

/** A statement's query plan, one line each. */
const planOf = async (statement: { sql: string; params: unknown[] }) =>
  (
    await env.DB.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
      .bind(...statement.params)
      .all<{ detail: string }>()
  ).results.map((r) => r.detail)

const TABLES = { page: 'pages', news: 'news_articles', vacancy: 'vacancies' } as const

describe('the list queries', () => {
  it.each(Object.keys(TABLES) as (keyof typeof TABLES)[])(
    'read the %s list page by index, with no sort and no whole-table scan',
    async (kind) => {
      const plan = await planOf(contentListQuery(createDb(env.DB), kind, 3, 50).toSQL())
      expect(plan.filter((line) => /^SCAN /.test(line) && !/^SCAN k$/.test(line))).toEqual([])
      expect(plan.filter((line) => /TEMP B-TREE/.test(line))).toEqual([])
      const index = `${TABLES[kind]} USING COVERING INDEX ${TABLES[kind].replace('_articles', '')}_status_`
      expect(plan.filter((line) => line.startsWith(`SEARCH ${index}`))).toHaveLength(3)
    },
  )

  it('count from an index, never the table rows', async () => {
    for (const kind of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
      const plan = await planOf(contentCountQuery(createDb(env.DB), kind).toSQL())
      expect(plan).toHaveLength(1)
      expect(plan[0]).toMatch(new RegExp(`^SCAN ${TABLES[kind]} USING COVERING INDEX `))
    }
  })

  it('list pages in address order (the generic list; /admin/pages shows the page tree)', async () => {
    const listed = await contentListQuery(createDb(env.DB), 'page', 1, 50)
    const paths = await rows<{ path: string }>('SELECT path FROM pages ORDER BY path LIMIT 50')
    expect(listed.map((p) => p.address)).toEqual(paths.map((p) => p.path))
    const tree = await publisher.get('/admin/pages')
    expect(tree.status).toBe(200)
    expect(await tree.text()).toContain('id="page-')
  })
})

describe('the parent page field', () => {
  it('lists every page while there are few, with no address box', async () => {
    const count = (await row<{ n: number }>('SELECT count(*) n FROM pages'))!.n
    expect(count).toBeLessThanOrEqual(PARENT_SELECT_ALL)
    const document = await documentAt('/admin/pages/new')
    expect(document.querySelectorAll('#parentId option')).toHaveLength(count + 1)
    expect(document.getElementById('parentPath')).toBeNull()
    // The top two levels are not read a second time: the whole list serves.
    expect(await topParentsQuery(createDb(env.DB))).toEqual([])
  })

  describe('on a site with more pages than the list holds', () => {
    let deep: { id: number; path: string }
    let child: { id: number; path: string }

    beforeAll(async () => {
      // /deep, 10 pages under it, and 25 under each of those: 261 pages, three levels.
      await sql(`INSERT INTO pages (path, title, status) VALUES ('/deep', 'Deep', 'published')`)
      await sql(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
         INSERT INTO pages (path, parent_id, title, status)
         SELECT '/deep/b' || i, (SELECT id FROM pages WHERE path = '/deep'), 'Branch ' || i,
           'published' FROM n`,
      )
      await sql(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
         INSERT INTO pages (path, parent_id, title, status)
         SELECT b.path || '/c' || n.i, b.id, 'Leaf ' || n.i, 'published'
         FROM n CROSS JOIN pages b WHERE b.parent_id = (SELECT id FROM pages WHERE path = '/deep')`,
      )
      deep = (await row<{ id: number; path: string }>(
        "SELECT id, path FROM pages WHERE path = '/deep/b3/c7'",
      ))!
      await sql(
        `INSERT INTO pages (path, parent_id, title, status) VALUES ('/deep/b3/c7/d1', ?, 'Under a leaf', 'draft')`,
        deep.id,
      )
      child = (await row<{ id: number; path: string }>(
        "SELECT id, path FROM pages WHERE path = '/deep/b3/c7/d1'",
      ))!
    })

    /** The pages of the top two levels, by their parents. */
    const topTwoLevels = () =>
      rows<{ id: number }>(
        `SELECT id FROM pages WHERE parent_id IS NULL
         OR parent_id IN (SELECT id FROM pages WHERE parent_id IS NULL)`,
      )

    it('lists only the top two levels, and offers an address box for the rest', async () => {
      const count = (await row<{ n: number }>('SELECT count(*) n FROM pages'))!.n
      expect(count).toBeGreaterThan(PARENT_SELECT_ALL)
      const document = await documentAt('/admin/pages/new')
      const options = [...document.querySelectorAll('#parentId option')]
      const top = await topTwoLevels()
      expect(options).toHaveLength(top.length + 1)
      expect(
        options
          .map((o) => Number(o.getAttribute('value')) || null)
          .slice(1)
          .sort(),
      ).toEqual(top.map((r) => r.id).sort())
      expect(options.some((o) => o.textContent!.startsWith('/deep/b3/c7 '))).toBe(false)
      const input = document.getElementById('parentPath')!
      expect(document.querySelector('label[for="parentPath"]')!.textContent).toBe(
        'Or enter the address of the parent page',
      )
      expect(input.getAttribute('aria-describedby')).toBe('parentPath-hint')
      expect(document.getElementById('parentPath-hint')!.textContent).toContain('/about/structure')
    })

    it('reads the top two levels by the parent_id index', async () => {
      const plan = await planOf(topParentsQuery(createDb(env.DB)).toSQL())
      // The one scan is the check that there are more pages than the list holds, which stops
      // at PARENT_SELECT_ALL + 1 index entries.
      expect(plan.filter((line) => /^SCAN /.test(line))).toEqual([
        'SCAN p USING COVERING INDEX pages_parent_idx',
      ])
      expect(plan.some((line) => line.includes('pages_parent_idx'))).toBe(true)
    })

    it('shows the current parent selected, however deep it is', async () => {
      const document = await documentAt(`/admin/pages/${child.id}`)
      const selected = document.querySelector('#parentId option[selected]')!
      expect(selected.getAttribute('value')).toBe(String(deep.id))
      expect(selected.textContent).toBe('/deep/b3/c7 – Leaf 7')
    })

    it('names the parent chosen by "Add a page here", however deep it is', async () => {
      const document = await documentAt(`/admin/pages/new?parent=${deep.id}`)
      const selected = document.querySelector('#parentId option[selected]')!
      expect(selected.getAttribute('value')).toBe(String(deep.id))
    })

    it('creates a page under the page whose address is typed', async () => {
      const csrf = csrfFrom(await (await publisher.get('/admin/pages/new')).text())
      const res = await publisher.post('/admin/pages/new', {
        csrf,
        title: 'Typed parent',
        path: '',
        parentId: '',
        parentPath: ' deep/b3/c7/ ',
        summary: '',
        body: '',
        navOrder: '',
        action: 'save',
      })
      expect(res.status).toBe(303)
      const created = await row<{ parent_id: number; path: string }>(
        "SELECT parent_id, path FROM pages WHERE title = 'Typed parent'",
      )
      expect(created).toEqual({ parent_id: deep.id, path: '/deep/b3/c7/typed-parent' })
    })

    it('takes the typed address over the list, and a whole web address', async () => {
      const csrf = csrfFrom(await (await publisher.get(`/admin/pages/${child.id}`)).text())
      const res = await publisher.post(`/admin/pages/${child.id}`, {
        csrf,
        title: 'Under a leaf',
        path: '/deep/b3/c7/d1',
        parentId: String(deep.id),
        parentPath: 'https://www.example.gov.uk/deep/b4/c2',
        summary: '',
        body: '',
        navOrder: '',
        action: 'save',
      })
      expect(res.status).toBe(303)
      // A draft row follows its latest revision.
      const moved = await row<{ parent_id: number }>(
        'SELECT parent_id FROM pages WHERE id = ?',
        child.id,
      )
      const target = await row<{ id: number }>("SELECT id FROM pages WHERE path = '/deep/b4/c2'")
      expect(moved!.parent_id).toBe(target!.id)
    })

    it.each([
      ['/deep/b3/c99', 'No page has the address /deep/b3/c99'],
      ['/Deep/B3', 'Enter the address of the parent page as the site shows it'],
      ['/deep?x=1', 'Enter the address of the parent page as the site shows it'],
      ['x'.repeat(301), 'Enter the address of the parent page as the site shows it'],
    ])(
      'refuses the address %s with the error summary, keeping what was typed',
      async (typed, message) => {
        const csrf = csrfFrom(await (await publisher.get('/admin/pages/new')).text())
        const before = (await row<{ n: number }>('SELECT count(*) n FROM pages'))!.n
        const res = await publisher.post('/admin/pages/new', {
          csrf,
          title: 'Refused parent',
          path: '',
          parentId: '',
          parentPath: typed,
          summary: 'Kept summary',
          body: '',
          navOrder: '',
          action: 'save',
        })
        expect(res.status).toBe(400)
        const html = await res.text()
        const errors = summaryErrors(html)
        expect(errors).toHaveLength(1)
        expect(errors[0]!.field).toBe('parentPath')
        expect(errors[0]!.message).toContain(message)
        const document = parseDocument(html)
        expect(document.title.startsWith('Error:')).toBe(true)
        expect(document.getElementById('parentPath')!.getAttribute('value')).toBe(typed)
        expect(document.getElementById('parentPath')!.getAttribute('aria-describedby')).toBe(
          'parentPath-hint parentPath-error',
        )
        expect(document.getElementById('parentPath-error')!.textContent).toContain(message)
        expect(document.getElementById('title')!.getAttribute('value')).toBe('Refused parent')
        expect((await row<{ n: number }>('SELECT count(*) n FROM pages'))!.n).toBe(before)
      },
    )

    it('refuses a page as its own parent, or a page under it', async () => {
      for (const typed of ['/deep/b3/c7/d1', '/deep/b3/c7/d1/typed-under']) {
        if (typed.endsWith('under')) {
          await sql(
            `INSERT INTO pages (path, parent_id, title, status) VALUES (?, ?, 'Under', 'draft')`,
            typed,
            child.id,
          )
        }
        const csrf = csrfFrom(await (await publisher.get(`/admin/pages/${child.id}`)).text())
        const res = await publisher.post(`/admin/pages/${child.id}`, {
          csrf,
          title: 'Under a leaf',
          path: '/deep/b3/c7/d1',
          parentId: '',
          parentPath: typed,
          summary: '',
          body: '',
          navOrder: '',
          action: 'save',
        })
        expect(res.status, typed).toBe(400)
        expect(summaryErrors(await res.text())).toEqual([
          {
            field: 'parentPath',
            message: 'Choose a parent page that is not this page or a page under it',
          },
        ])
      }
    })

    it('accepts a parent whose id has more than four digits', async () => {
      await sql(
        `INSERT INTO pages (id, path, title, status) VALUES (123456, '/big-id', 'Big id', 'published')`,
      )
      const csrf = csrfFrom(await (await publisher.get('/admin/pages/new')).text())
      const res = await publisher.post('/admin/pages/new', {
        csrf,
        title: 'Under a big id',
        path: '',
        parentId: '123456',
        summary: '',
        body: '',
        navOrder: '',
        action: 'save',
      })
      expect(res.status).toBe(303)
      expect(await row("SELECT parent_id, path FROM pages WHERE title = 'Under a big id'")).toEqual(
        { parent_id: 123456, path: '/big-id/under-a-big-id' },
      )
    })
  })
})
