// The pages as staff arrange them: the whole tree with each page's newest revision, the
// siblings a page moves among, and the queries that reorder pages or delete a draft one.
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import type { ContentData } from './content-tables.ts'
import { pages, revisions, scheduledChanges, shareLinks, staff } from './schema.ts'

/**
 * How many of the pages under each top-level page the tree lists when that page is not open:
 * the first few, with a link to the rest, so a long section does not lengthen every view.
 */
export const PREVIEWED_CHILDREN = 6

// The ids of the pages the tree lists, each list read from the parent_id index: the top-level
// pages; the first PREVIEWED_CHILDREN pages under each, in sibling order (as `bySiblingOrder`
// below, except that SQLite compares titles by code point), sorted per page in a small
// temporary B-tree; and, when a page is open, every page under it and under each page above it
// (a recursive walk up parent_id, one primary-key lookup a level; UNION ends a loop in the
// parents). A page in two of them is listed once: `in` tests membership. The outer query then
// reads each listed page by its primary key. The limit is written into the SQL, not bound:
// SQLite runs the query about a third faster on the normal seed with a constant one.
const listedIds = (open: number | null) => {
  const top = sql`select p.id from pages p where p.parent_id is null`
  const limit = sql.raw(String(PREVIEWED_CHILDREN))
  const previewed = sql`select c.id from pages t, pages c
    where t.parent_id is null and c.id in (
      select s.id from pages s where s.parent_id = t.id
      order by s.nav_order is null, s.nav_order, s.title, s.id limit ${limit}
    )`
  if (open === null) return sql`(${top} union all ${previewed})`
  const branch = sql`select c.id from pages c where c.parent_id in (
      with recursive up(id) as (
        select ${open} union
        select p.parent_id from pages p join up on p.id = up.id where p.parent_id is not null
      ) select id from up
    )`
  return sql`(${top} union all ${previewed} union all ${branch})`
}

/**
 * Query for the pages of the staff Pages tree, whatever their status, each with its newest
 * revision's id, time and author and its number of pages under it: the top-level pages, the
 * first PREVIEWED_CHILDREN pages under each of them and, when a page is open, every page under
 * it and under each page above it. So the tree costs about the same at any size of site, and
 * staff open one branch at a time.
 */
export const pageTreeRowsQuery = (db: Database, open: number | null = null) =>
  db
    .select({
      id: pages.id,
      parentId: pages.parentId,
      path: pages.path,
      title: pages.title,
      status: pages.status,
      navOrder: pages.navOrder,
      publishedRevisionId: pages.publishedRevisionId,
      latestRevisionId: revisions.id,
      /** When the newest revision was saved; null for a page with none. */
      changedAt: revisions.createdAt,
      /** Who saved it; null for the seeded or imported original. */
      authorId: revisions.authorId,
      authorName: staff.name,
      /** How many pages, whatever their status, are under it. */
      childCount: sql<number>`(select count(*) from pages c where c.parent_id = ${pages}.id)`,
    })
    .from(pages)
    .leftJoin(revisions, eq(revisions.id, pages.latestRevisionId))
    .leftJoin(staff, eq(staff.id, revisions.authorId))
    .where(sql`${pages.id} in ${listedIds(open)}`)

/** A page as the staff Pages tree lists it. */
export type PageTreeRow = Awaited<ReturnType<typeof pageTreeRowsQuery>>[number]

/** What ordering siblings needs of a page. */
type Orderable = { id: number; title: string; navOrder: number | null }

/**
 * The order of pages under one parent: navigation order with unnumbered pages last, then title,
 * as the public child lists (lib/site-tree.ts `childPages`) show them; then id, so it is total.
 */
const bySiblingOrder = (a: Orderable, b: Orderable) =>
  (a.navOrder ?? 1e9) - (b.navOrder ?? 1e9) || a.title.localeCompare(b.title) || a.id - b.id

/**
 * The siblings a page can move among, in order. At the top level only the pages in the main
 * menu (those with a navigation order) move: giving any other top-level page a number would put
 * it in the header menu. Under a parent, every child moves, and moving numbers them 1 to n.
 */
export const movableSiblings = <P extends Orderable>(siblings: P[], parentId: number | null) =>
  siblings.filter((p) => parentId !== null || p.navOrder !== null).sort(bySiblingOrder)

/** A page in the staff tree, with its children and whether it can move up or down. */
export type PageTreeNode = {
  page: PageTreeRow
  children: PageTreeNode[]
  /** Where it stands among the siblings it moves among; null when it cannot move. */
  move: { up: boolean; down: boolean } | null
}

/**
 * The pages as a tree: the home page first, then the other top-level pages and, under each
 * page, its children, all in sibling order. Only a page whose children are all listed has
 * movable children, so the move buttons see every sibling; the first few of a longer list
 * are listed unmovable. A page whose parent is not among the rows (a loop in its parent
 * chain) is listed at the top level, unmovable.
 */
export const buildPageTree = (rows: PageTreeRow[]): PageTreeNode[] => {
  const byId = new Map(rows.map((r) => [r.id, r]))
  const byParent = new Map<number | null, PageTreeRow[]>()
  for (const row of rows) {
    const key = row.parentId !== null && byId.has(row.parentId) ? row.parentId : null
    const siblings = byParent.get(key)
    if (siblings) siblings.push(row)
    else byParent.set(key, [row])
  }
  const seen = new Set<number>()
  const build = (parentId: number | null): PageTreeNode[] => {
    const siblings = (byParent.get(parentId) ?? []).filter((p) => !seen.has(p.id))
    for (const p of siblings) seen.add(p.id)
    const parent = parentId === null ? undefined : byId.get(parentId)
    const partial = parent !== undefined && parent.childCount > siblings.length
    const movable = partial ? [] : movableSiblings(siblings, parentId)
    return siblings.sort(bySiblingOrder).map((page) => {
      const at = movable.indexOf(page)
      return {
        page,
        move: at < 0 ? null : { up: at > 0, down: at < movable.length - 1 },
        children: build(page.id),
      }
    })
  }
  const roots = build(null).sort(
    (a, b) => Number(b.page.path === '/') - Number(a.page.path === '/'),
  )
  for (const row of rows) {
    if (!seen.has(row.id)) {
      seen.add(row.id)
      roots.push({ page: row, move: null, children: build(row.id) })
    }
  }
  return roots
}

/** A page as moving it needs: its live data, and its newest revision's. */
export type SiblingPage = Awaited<ReturnType<typeof siblingsOfPageQuery>>[number]

/**
 * Query for the page `id` and every page with the same parent (top-level pages for a top-level
 * page), each with its live data and its newest revision's id and data. None when there is no
 * such page: the parent test then matches only top-level pages, which do not include it.
 */
export const siblingsOfPageQuery = (db: Database, id: number) =>
  db
    .select({
      id: pages.id,
      path: pages.path,
      parentId: pages.parentId,
      title: pages.title,
      summary: pages.summary,
      body: pages.body,
      navOrder: pages.navOrder,
      status: pages.status,
      publishedRevisionId: pages.publishedRevisionId,
      latestRevisionId: revisions.id,
      latestData: revisions.data,
      latestChangeNote: revisions.changeNote,
    })
    .from(pages)
    .leftJoin(revisions, eq(revisions.id, pages.latestRevisionId))
    // `is` compares nulls as equal, so top-level pages find each other.
    .where(sql`${pages.parentId} is (select p.parent_id from pages p where p.id = ${id})`)

/** The data a page's newest revision holds, or its live row's when it has no revision yet. */
export const newestPageData = (page: SiblingPage): ContentData['page'] =>
  // A revision's data is the kind's editable columns: it was checked by the page schema.
  page.latestData !== null
    ? (page.latestData as ContentData['page'])
    : {
        path: page.path,
        parentId: page.parentId,
        title: page.title,
        summary: page.summary,
        body: page.body,
        navOrder: page.navOrder,
      }

/**
 * Query that stores a reordering revision ('Moved') of a page. It keeps the public change note
 * of the revision it copies when that one is still waiting to be published, so publishing the
 * page later still adds it; a move itself is a minor change.
 */
export const movedRevisionQuery = (
  db: Database,
  revision: {
    contentId: number
    data: ContentData['page']
    authorId: number
    changeNote: string | null
  },
) => db.insert(revisions).values({ kind: 'page', note: 'Moved', ...revision })

/** Query that sets a page's position among its siblings on the live row. */
export const setNavOrderQuery = (db: Database, id: number, navOrder: number, now: Date) =>
  db.update(pages).set({ navOrder, updatedAt: now }).where(eq(pages.id, id))

/**
 * Query that makes the page's newest revision its published one: for a page that had no
 * unpublished changes, whose live row a reordering revision describes exactly.
 */
export const publishedIsNewestQuery = (db: Database, id: number) =>
  db
    .update(pages)
    .set({
      publishedRevisionId: pages.latestRevisionId,
    })
    .where(eq(pages.id, id))

/** The page with this id as the delete confirmation needs it, with its number of children. */
export const pageForDelete = (db: Database, id: number) =>
  db
    .select({
      id: pages.id,
      path: pages.path,
      title: pages.title,
      status: pages.status,
      publishedRevisionId: pages.publishedRevisionId,
      publishedAt: pages.publishedAt,
      children: sql<number>`(select count(*) from pages c where c.parent_id = ${pages}.id)`,
    })
    .from(pages)
    .where(eq(pages.id, id))
    .get()

/** A page as `pageForDelete` returns it. */
export type DeletablePage = NonNullable<Awaited<ReturnType<typeof pageForDelete>>>

/**
 * Queries that delete a never-published page with no children, and everything kept about it:
 * its revisions, scheduled changes and share links. The first returns the deleted row; the
 * others delete only once the page is gone, so if it was published or given a child since it
 * was read, the batch changes nothing.
 */
export const deleteDraftPageQueries = (db: Database, id: number) => {
  const gone = sql`not exists (select 1 from pages p where p.id = ${id})`
  return [
    db
      .delete(pages)
      .where(
        and(
          eq(pages.id, id),
          eq(pages.status, 'draft'),
          isNull(pages.publishedRevisionId),
          isNull(pages.publishedAt),
          sql`not exists (select 1 from pages c where c.parent_id = ${id})`,
        ),
      )
      .returning({ id: pages.id }),
    db.delete(revisions).where(and(eq(revisions.kind, 'page'), eq(revisions.contentId, id), gone)),
    db
      .delete(scheduledChanges)
      .where(and(eq(scheduledChanges.kind, 'page'), eq(scheduledChanges.contentId, id), gone)),
    db
      .delete(shareLinks)
      .where(and(eq(shareLinks.kind, 'page'), eq(shareLinks.contentId, id), gone)),
  ] as const
}
