// The staff Pages tree on a site a hundred times the size (the scale seed's 10,000 pages four
// levels deep): it lists the top-level pages with the first few pages under each, so it stays
// about as long as on the normal site, reads its rows by index, and still opens any branch.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createStaff, signedIn, type StaffBrowser } from '../admin-helpers.ts'
import { row, rows } from '../helpers.ts'
import { type DomDocument, type DomElement, parseDocument } from '../unit/dom.ts'
import { scaleCounts, scaleStatements } from '../../seed/scale.ts'
import { createDb } from '../../src/db/client.ts'
import { PREVIEWED_CHILDREN, buildPageTree, pageTreeRowsQuery } from '../../src/db/page-tree.ts'

let publisher: StaffBrowser

beforeAll(async () => {
  // The scale seed's pages and their original revisions (not its news, vacancies, submissions
  // or search index, which the tree does not read).
  const statements = scaleStatements(scaleCounts(1)).filter((s) =>
    /^(WITH RECURSIVE .*\n)?INSERT INTO pages |INSERT INTO revisions .*'page'|^UPDATE pages /s.test(
      s,
    ),
  )
  for (const statement of statements) await env.DB.prepare(statement).run()
  publisher = await signedIn(await createStaff({ email: 'pip@example.com', role: 'publisher' }))
}, 120_000)

const idOf = async (path: string) =>
  (await row<{ id: number }>('SELECT id FROM pages WHERE path = ?', path))!.id

/** The tree page as a document. */
const treeOf = async (query = '') => {
  const res = await publisher.get(`/admin/pages${query}`)
  expect(res.status).toBe(200)
  return parseDocument(await res.text())
}

/** The list item of a page in the tree. */
const itemOf = (document: DomDocument, id: number) => {
  const li = document.getElementById(`page-${id}`)
  if (!li) throw new Error(`page ${id} is not in the tree`)
  return li
}

/** The address a page's row shows: its meta line up to the line break, without the `<wbr>`s. */
const pathOf = (li: DomElement) =>
  li
    .querySelector(':scope > p.soca-meta')!
    .innerHTML.split('<br')[0]!
    .replace(/<[^>]*>/g, '')
    .split(',')[0]!

/** The paths of the pages listed directly under a page's item, in order. */
const pathsUnder = (li: DomElement) =>
  Array.from(li.querySelector(':scope > ul')?.children ?? []).map(pathOf)

/** The labels of the move buttons of a page's own row. */
const buttonsOf = (li: DomElement) =>
  [...li.querySelectorAll(':scope > .soca-admin-actions button')].map((b) => b.textContent!.trim())

/** The link of a page's own row that opens the tree at it. */
const showLinkOf = (li: DomElement) =>
  [...li.querySelectorAll(':scope > p.govuk-body > a')].find((a) =>
    /^Show (the|all) \d+ pages? under it$/.test(a.textContent!.trim()),
  )

/** Paths from the scale seed's shape: a section, its years, their topics. */
const years = (section: string) => Array.from({ length: 9 }, (_, i) => `${section}/${2005 + i}`)

describe('the Pages tree at scale', () => {
  it('lists each top-level page with its first pages only, so the tree stays short', async () => {
    const total = await row<{ n: number }>('SELECT count(*) AS n FROM pages')
    expect(total!.n).toBeGreaterThan(10_000)
    const top = await rows<{ id: number; children: number }>(
      'SELECT p.id, (SELECT count(*) FROM pages c WHERE c.parent_id = p.id) AS children FROM pages p WHERE p.parent_id IS NULL',
    )
    const document = await treeOf()
    const listed = document.querySelectorAll('li[id^="page-"]').length
    expect(listed).toBe(
      top.length + top.reduce((n, p) => n + Math.min(p.children, PREVIEWED_CHILDREN), 0),
    )
    expect(listed).toBeLessThanOrEqual(top.length * (1 + PREVIEWED_CHILDREN))

    // A section of nine: its first six, in the site's order, then a link to all nine.
    const operations = itemOf(document, await idOf('/operations'))
    expect(pathsUnder(operations)).toEqual(years('/operations').slice(0, PREVIEWED_CHILDREN))
    const link = showLinkOf(operations)!
    expect(link.textContent).toBe('Show all 9 pages under it')
    expect(link.getAttribute('href')).toBe(
      `/admin/pages?open=${await idOf('/operations')}#page-${await idOf('/operations')}`,
    )
    expect(link.getAttribute('aria-describedby')).toBe(`page-${await idOf('/operations')}-title`)
    // Only the first few are listed, so none of them moves here: moving needs every sibling.
    const first = itemOf(document, await idOf('/operations/2005'))
    expect(buttonsOf(first)).toEqual([])
    expect(showLinkOf(first)!.textContent).toBe('Show the 10 pages under it')
    expect(document.getElementById(`page-${await idOf('/operations/2011')}`)).toBeNull()

    // A section short enough to list whole is listed as before, with its move buttons.
    const about = itemOf(document, await idOf('/about'))
    expect(pathsUnder(about)).toHaveLength(5)
    expect(showLinkOf(about)).toBeUndefined()
    expect(buttonsOf(itemOf(document, await idOf('/about/how-we-are-run')))).toEqual(['Move down'])
  })

  it('opens a section: every page under it, in order, each movable', async () => {
    const id = await idOf('/operations')
    const document = await treeOf(`?open=${id}`)
    const operations = itemOf(document, id)
    expect(pathsUnder(operations)).toEqual(years('/operations'))
    expect(showLinkOf(operations)).toBeUndefined()
    expect(buttonsOf(itemOf(document, await idOf('/operations/2005')))).toEqual(['Move down'])
    expect(buttonsOf(itemOf(document, await idOf('/operations/2009')))).toEqual([
      'Move up',
      'Move down',
    ])
    expect(buttonsOf(itemOf(document, await idOf('/operations/2013')))).toEqual(['Move up'])
    // The other sections are still previewed.
    expect(pathsUnder(itemOf(document, await idOf('/publications')))).toHaveLength(
      PREVIEWED_CHILDREN,
    )
  })

  it('opens a page three levels down: its pages and every page beside each page above it', async () => {
    const id = await idOf('/operations/2007/fraud')
    const document = await treeOf(`?open=${id}`)
    const fraud = itemOf(document, id)
    const operationsUnder = await rows<{ path: string }>(
      'SELECT path FROM pages WHERE parent_id = ? ORDER BY nav_order',
      id,
    )
    expect(operationsUnder).toHaveLength(10)
    expect(pathsUnder(fraud)).toEqual(operationsUnder.map((r) => r.path))
    expect(pathsUnder(itemOf(document, await idOf('/operations/2007')))).toHaveLength(10)
    expect(pathsUnder(itemOf(document, await idOf('/operations')))).toEqual(years('/operations'))
    // Nested as the site is: section > year > topic > operation.
    const deepest = itemOf(document, await idOf(operationsUnder[0]!.path))
    let depth = -1
    for (let e: DomElement | null = deepest; e; e = e.parentElement) if (e.tagName === 'UL') depth++
    expect(depth).toBe(3)
  })

  it('reads its rows by index, closed and open, and returns only the rows it lists', async () => {
    const db = createDb(env.DB)
    const open = await idOf('/operations/2007/fraud')
    for (const at of [null, open]) {
      const { sql: query, params } = pageTreeRowsQuery(db, at).toSQL()
      const plan = (
        await env.DB.prepare(`EXPLAIN QUERY PLAN ${query}`)
          .bind(...params)
          .all<{ detail: string }>()
      ).results.map((r) => r.detail)
      // A whole-table scan reads `SCAN <table>` without an index; the walk up (`up`) is a CTE.
      const fullScans = plan.filter(
        (line) => /^SCAN (?!up\b|CONSTANT|\()/.test(line) && !/USING (COVERING )?INDEX/.test(line),
      )
      expect(fullScans, query).toEqual([])
      // Each list of pages from the parent_id index; each page, then, by its primary key.
      expect(plan).toContain('SEARCH p USING COVERING INDEX pages_parent_idx (parent_id=?)')
      expect(plan).toContain('SEARCH s USING INDEX pages_parent_idx (parent_id=?)')
      expect(plan).toContain('SEARCH pages USING INTEGER PRIMARY KEY (rowid=?)')
      // Its newest revision by the id the page keeps (latest_revision_id), then its author.
      expect(plan).toContain('SEARCH revisions USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN')
      if (at !== null)
        expect(plan).toContain('SEARCH c USING COVERING INDEX pages_parent_idx (parent_id=?)')
    }
    const closed = await pageTreeRowsQuery(db)
    const top = closed.filter((r) => r.parentId === null)
    expect(closed.length).toBeLessThanOrEqual(top.length * (1 + PREVIEWED_CHILDREN))
  })

  it('makes a previewed list unmovable and a whole one movable', async () => {
    const db = createDb(env.DB)
    const tree = buildPageTree(await pageTreeRowsQuery(db))
    const node = (path: string) => tree.find((n) => n.page.path === path)!
    expect(node('/operations').children.map((n) => n.move)).toEqual(
      Array(PREVIEWED_CHILDREN).fill(null),
    )
    expect(node('/threats').children.map((n) => n.move?.up)).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
    ])
  })
})
