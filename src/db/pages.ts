import { type SQL, and, asc, count, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { prebuilt, value } from './prebuilt.ts'
import { pages, redirects } from './schema.ts'

/** Columns a page view needs. */
const pageColumns = {
  id: pages.id,
  path: pages.path,
  parentId: pages.parentId,
  title: pages.title,
  summary: pages.summary,
  body: pages.body,
  status: pages.status,
  updatedAt: pages.updatedAt,
  /** Public change notes, oldest first, shown at the page's foot. */
  changeNotes: pages.changeNotes,
}

/** Query for the page at `path`, whatever its status (zero or one row). */
export const pageByPathQuery = (db: Database, path: string) =>
  db.select(pageColumns).from(pages).where(eq(pages.path, path)).limit(1)

/** pageByPathQuery for a public page's batch, built once per isolate (prebuilt.ts). */
export const prebuiltPageByPath = (db: Database, path: string) =>
  prebuilt(db, 'pageByPath', (t) => pageByPathQuery(t, value('path')), { path })

/** Columns of a page in the tree: navigation, breadcrumbs, child lists and sitemaps. */
export const treeColumns = {
  id: pages.id,
  path: pages.path,
  parentId: pages.parentId,
  title: pages.title,
  summary: pages.summary,
  navOrder: pages.navOrder,
  updatedAt: pages.updatedAt,
}

const isPublished = eq(pages.status, 'published')

/** Menu order, as the public child lists show pages (lib/site-tree.ts sorts the same way). */
const menuOrder = [asc(pages.navOrder), asc(pages.title)] as const

// The three parts of the tree a public page shows, as one statement (UNION ALL), so the page
// still costs one small batch. Each part reads an index: the menu the (status, parent_id,
// nav_order) index; the breadcrumb trail a recursive walk up parent_id from the pages found by
// path (or from one page by id), one primary-key lookup a level (UNION, not UNION ALL, so a
// loop in the parents ends); the children of a page the same index as the menu. A page in two
// parts (a top-level page is in the menu and its own trail) comes back twice.
const trailIds = (start: SQL) =>
  sql`(with recursive up(id) as (
      ${start}
      union select p.parent_id from pages p join up on p.id = up.id where p.parent_id is not null
    ) select p.id from up cross join pages p on p.id = up.id where p.status = 'published')`

/** The most ancestors looked for by path: deeper than any page; the walk up finds the rest. */
const MAX_TRAIL_PATHS = 16

/** '/a/b/c' → ['/a/b/c', '/a/b', '/a', '/']: a request's own path and the paths above it. */
const pathsUp = (path: string) => {
  const segments = path.split('/').filter(Boolean)
  return [
    ...segments
      .map((_, at) => `/${segments.slice(0, segments.length - at).join('/')}`)
      .slice(0, MAX_TRAIL_PATHS),
    '/',
  ]
}

/** The ids of the pages at `paths`, to walk up from. */
const idsAt = (paths: string[]) =>
  sql`select p.id from pages p where p.path in (${sql.join(
    paths.map((path) => sql`${path}`),
    sql`, `,
  )})`

/** The id of the page at `path`, or null. */
const idAt = (path: string) => sql`(select p.id from pages p where p.path = ${path})`

/** The header menu: top-level pages with a navigation order. */
const menuPages = (db: Database) =>
  db
    .select(treeColumns)
    .from(pages)
    .where(and(isPublished, isNull(pages.parentId), isNotNull(pages.navOrder)))

/** The published pages from those `start` selects up (breadcrumbs). */
const trailPages = (db: Database, start: SQL) =>
  db
    .select(treeColumns)
    .from(pages)
    .where(sql`${pages.id} in ${trailIds(start)}`)

/** The published children of a page (its section list). */
const childrenOf = (db: Database, parent: SQL) =>
  db
    .select(treeColumns)
    .from(pages)
    .where(and(isPublished, eq(pages.parentId, parent)))

/** A published page in the tree, as the queries below return it. */
export type TreePage = Awaited<ReturnType<typeof menuPages>>[number]

/** Whether a page of the tree is in the header menu, as `menuPages` finds it. */
export const isMenuPage = (page: TreePage) => page.parentId === null && page.navOrder !== null

/**
 * Query for the part of the published tree a page shows: the header menu, the page at `path`
 * (or the nearest page above it, such as /news for an article) with its breadcrumb trail, and
 * its children, in menu order.
 */
export const pagesAroundQuery = (db: Database, path: string) =>
  menuPages(db)
    .unionAll(trailPages(db, idsAt(pathsUp(path))))
    .unionAll(childrenOf(db, idAt(path)))
    .orderBy(...menuOrder)

/** The trail and children, from the pages at `paths` up and the page at `path`. */
const trailAndChildren = (db: Database, path: string, paths: string[]) =>
  trailPages(db, idsAt(paths))
    .unionAll(childrenOf(db, idAt(path)))
    .orderBy(...menuOrder)

/** pagesAroundQuery without the header menu, for a page whose menu is already known. */
export const trailAndChildrenQuery = (db: Database, path: string) =>
  trailAndChildren(db, path, pathsUp(path))

/**
 * trailAndChildrenQuery for a public page's batch, built once per isolate for each number of
 * paths above the page (prebuilt.ts).
 */
export const prebuiltTrailAndChildren = (db: Database, path: string) => {
  const paths = pathsUp(path)
  return prebuilt(
    db,
    `trailAndChildren:${paths.length}`,
    (t) =>
      trailAndChildren(
        t,
        value('path'),
        paths.map((_, at) => value(`path${at}`)),
      ),
    { path, ...Object.fromEntries(paths.map((up, at) => [`path${at}`, up])) },
  )
}

/**
 * Query for the part of the published tree a preview of page `id` shows, as its draft places
 * it: the header menu, the published pages from `parentId` up, and the page's published
 * children. By id, as a draft need be neither published nor at its path yet.
 */
export const pagesAroundPageQuery = (db: Database, page: { id: number; parentId: number | null }) =>
  menuPages(db)
    .unionAll(trailPages(db, sql`select ${page.parentId}`))
    .unionAll(childrenOf(db, sql`${page.id}`))
    .orderBy(...menuOrder)

// How many published pages are under a page: the (status, parent_id, nav_order) index counts them.
const publishedChildren = sql<number>`(select count(*) from pages c
  where c.status = 'published' and c.parent_id = ${pages}.id)`

/** Columns of a page in the HTML sitemap: what its link needs, and how many pages are under it. */
const sitemapColumns = {
  id: pages.id,
  path: pages.path,
  parentId: pages.parentId,
  title: pages.title,
  navOrder: pages.navOrder,
  childCount: publishedChildren,
}

/**
 * Query for the pages the HTML sitemap lists, whatever the size of the site: the published
 * top-level pages and the published pages under them, and any published page whose parent is
 * not published (the sitemap lists it at the top), each with its number of published children,
 * in menu order. Each half reads the (status, parent_id, nav_order) index, parent by parent.
 */
export const sitemapPagesQuery = (db: Database) =>
  db
    .select(sitemapColumns)
    .from(pages)
    .where(and(isPublished, isNull(pages.parentId)))
    .unionAll(
      db
        .select(sitemapColumns)
        .from(pages)
        .where(
          and(
            isPublished,
            inArray(
              pages.parentId,
              db
                .select({ id: pages.id })
                .from(pages)
                .where(
                  or(
                    and(isPublished, isNull(pages.parentId)),
                    inArray(pages.status, ['draft', 'unpublished']),
                  ),
                ),
            ),
          ),
        ),
    )
    .orderBy(...menuOrder)

/** A page as the HTML sitemap lists it. */
export type SitemapPage = Awaited<ReturnType<typeof sitemapPagesQuery>>[number]

/**
 * Query for part `part` (1-based) of the published pages in address order, at most `size`,
 * for sitemap.xml: the (status, path) index reads them in order, a bounded part at a time.
 */
export const sitemapPagesPartQuery = (db: Database, part: number, size: number) =>
  db
    .select({ path: pages.path, updatedAt: pages.updatedAt })
    .from(pages)
    .where(isPublished)
    .orderBy(asc(pages.path))
    .limit(size)
    .offset((part - 1) * size)

/** Query for how many pages are published (from the (status, …) index alone). */
export const publishedPageCountQuery = (db: Database) =>
  db.select({ total: count() }).from(pages).where(isPublished)

/** Query for where an old path now lives (zero or one row). */
export const redirectQuery = (db: Database, fromPath: string) =>
  db
    .select({ toPath: redirects.toPath })
    .from(redirects)
    .where(eq(redirects.fromPath, fromPath))
    .limit(1)

/** redirectQuery for a public page's batch, built once per isolate (prebuilt.ts). */
export const prebuiltRedirect = (db: Database, fromPath: string) =>
  prebuilt(db, 'redirect', (t) => redirectQuery(t, value('fromPath')), { fromPath })

/**
 * Query for page `pageId` if it is page `candidateId` or above it (zero or one row): whether
 * making `candidateId` its parent would put the page under itself. It walks up parent_id from
 * the candidate, one primary-key lookup a level (UNION, not UNION ALL, so a loop in the
 * parents already stored ends), and the page itself is read by its primary key.
 */
export const pageAboveOrAtQuery = (db: Database, pageId: number, candidateId: number) =>
  db
    .select({ id: pages.id })
    .from(pages)
    .where(
      and(
        eq(pages.id, pageId),
        sql`${pages.id} in (with recursive up(id) as (
          select ${candidateId}
          union select p.parent_id from pages p join up on p.id = up.id
            where p.parent_id is not null
        ) select id from up)`,
      ),
    )
    .limit(1)

/** Whether page `candidateId` is page `pageId` or a page under it (see pageAboveOrAtQuery). */
export const isPageOrUnder = async (db: Database, pageId: number, candidateId: number) =>
  Boolean(await pageAboveOrAtQuery(db, pageId, candidateId).get())
