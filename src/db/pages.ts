import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Database } from './client.ts'
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

/**
 * Query for every published page with its parent, for breadcrumbs, child lists, the HTML
 * sitemap and sitemap.xml. The site has tens of pages, so one small query beats a walk up the tree.
 */
export const publishedPagesQuery = (db: Database) =>
  db
    .select({
      id: pages.id,
      path: pages.path,
      parentId: pages.parentId,
      title: pages.title,
      summary: pages.summary,
      navOrder: pages.navOrder,
      updatedAt: pages.updatedAt,
    })
    .from(pages)
    .where(eq(pages.status, 'published'))
    .orderBy(asc(pages.navOrder), asc(pages.title))

/** A published page in the tree, as `publishedPagesQuery` returns it. */
export type TreePage = Awaited<ReturnType<typeof publishedPagesQuery>>[number]

/** Query for where an old path now lives (zero or one row). */
export const redirectQuery = (db: Database, fromPath: string) =>
  db
    .select({ toPath: redirects.toPath })
    .from(redirects)
    .where(eq(redirects.fromPath, fromPath))
    .limit(1)
