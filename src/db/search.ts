// Site search over the FTS5 table `search_index` (schema.ts, SEARCH_INDEX_DDL): the results of
// a search and its counts, to batch with the page chrome (one round trip), and the queries that
// keep the index in step with publishing, to batch with each publish and unpublish.
import { and, eq, gt, sql } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Database } from './client.ts'
import type { EditableKind } from './content-tables.ts'
import { newsArticles, pages, vacancies } from './schema.ts'

/** Results on one page of a search. */
export const SEARCH_PAGE_SIZE = 10

/** A kind of result, or every kind. */
export type SearchFilter = EditableKind | 'all'

/**
 * The index's columns, for building queries with bound values only: the table itself is the
 * virtual table of SEARCH_INDEX_DDL (schema.ts), which Drizzle cannot declare or migrate.
 * (Drizzle's raw `db.all(sql)` loses its bound values inside a batch, so it cannot be used.)
 */
const searchIndex = sqliteTable('search_index', {
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  kind: text('kind').$type<EditableKind>().notNull(),
  contentId: integer('content_id').notNull(),
  path: text('path').notNull(),
  closingDate: text('closing_date'),
})

/** Markers the snippets come back with; the view turns them into <mark> after escaping. */
export type Markers = { open: string; close: string }

/** What a search matches: an FTS5 MATCH expression (lib/search-query.ts) and the time. */
export type SearchCriteria = { match: string; today: string; now: Date }

// Only what matches, and only what visitors may see: vacancies stay in the index after they
// close, and a news article is found once its publication time has come (as in db/news.ts).
// The index holds published items only (publishing and unpublishing keep it so), so the news
// left out are those published for a time still to come: a short list from the (status,
// published_at) index, where listing every live article would read the index whole.
const matching = ({ match, today, now }: SearchCriteria) =>
  sql`${searchIndex} MATCH ${match}
    AND (${searchIndex.kind} <> 'vacancy' OR ${searchIndex.closingDate} >= ${today})
    AND (${searchIndex.kind} <> 'news' OR ${searchIndex.contentId} NOT IN (SELECT ${newsArticles.id}
      FROM ${newsArticles} WHERE ${and(
        eq(newsArticles.status, 'published'),
        gt(newsArticles.publishedAt, now),
      )}))`

/**
 * Query for one page (1-based) of a search's results, best first: bm25 weighs a match in the
 * title above one in the summary, and that above one in the body. The summary comes back with
 * its matches between the markers, and the body as a snippet around its best match.
 */
export const searchResultsQuery = (
  db: Database,
  search: SearchCriteria & { filter: SearchFilter; page: number },
  markers: Markers,
) =>
  db
    .select({
      kind: searchIndex.kind,
      path: searchIndex.path,
      title: searchIndex.title,
      summary: sql<string>`highlight(search_index, 1, ${markers.open}, ${markers.close})`,
      snippet: sql<string>`snippet(search_index, 2, ${markers.open}, ${markers.close}, '…', 32)`,
      publishedAt: sql<number | null>`(SELECT ${newsArticles.publishedAt} FROM ${newsArticles}
        WHERE ${searchIndex.kind} = 'news' AND ${newsArticles.id} = ${searchIndex.contentId})`,
    })
    .from(searchIndex)
    .where(
      search.filter === 'all'
        ? matching(search)
        : and(matching(search), eq(searchIndex.kind, search.filter)),
    )
    .orderBy(sql`bm25(search_index, 10.0, 4.0, 1.0)`, sql`rowid`)
    .limit(SEARCH_PAGE_SIZE)
    .offset((search.page - 1) * SEARCH_PAGE_SIZE)

/** One result as the search page shows it. */
export type SearchResult = Awaited<ReturnType<typeof searchResultsQuery>>[number]

/** Query for how many results of each kind a search has (a kind with none has no row). */
export const searchCountsQuery = (db: Database, search: SearchCriteria) =>
  db
    .select({ kind: searchIndex.kind, total: sql<number>`count(*)` })
    .from(searchIndex)
    .where(matching(search))
    .groupBy(searchIndex.kind)

/** Query that removes an item from the search index. */
export const unindexQuery = (db: Database, kind: EditableKind, id: number) =>
  db.delete(searchIndex).where(and(eq(searchIndex.kind, kind), eq(searchIndex.contentId, id)))

/**
 * Queries that index an item as its row now stands (batched after the update that publishes
 * it): its old entry goes, and the new one is read from the row, when it is published, as
 * SEARCH_INDEX_REBUILD (search-index.ts) reads every row; a test holds the two to one result.
 */
export const reindexQueries = (db: Database, kind: EditableKind, id: number) => {
  const source = {
    page: { table: pages, path: sql<string>`${pages.path}`, closing: sql<null>`NULL` },
    news: {
      table: newsArticles,
      path: sql<string>`'/news/' || ${newsArticles.slug}`,
      closing: sql<null>`NULL`,
    },
    vacancy: {
      table: vacancies,
      path: sql<string>`'/careers/vacancies/' || ${vacancies.slug}`,
      closing: sql<string>`${vacancies.closingDate}`,
    },
  }[kind]
  const { table } = source
  return [
    unindexQuery(db, kind, id),
    db.insert(searchIndex).select(
      db
        .select({
          title: table.title,
          summary: table.summary,
          body: table.body,
          kind: sql<EditableKind>`${kind}`.as('kind'),
          contentId: table.id,
          path: source.path.as('path'),
          closingDate: source.closing.as('closing_date'),
        })
        .from(table)
        .where(and(eq(table.id, id), eq(table.status, 'published'))),
    ),
  ] as const
}
