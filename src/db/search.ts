// Site search over the FTS5 table `search_index` (schema.ts, SEARCH_INDEX_DDL): the results of
// a search and its counts, to batch with the page chrome (one round trip), and the queries that
// keep the index in step with publishing, to batch with each publish and unpublish.
//
// An entry's rowid is its kind's base plus its item's id (SEARCH_ROWID_BASE, search-index.ts),
// so what a search keeps and counts is decided from rowids, which FTS5 iterates from its
// doclists: reading a stored column (kind, closing_date) would read each match's whole entry,
// body and all, and a common word matches thousands. Only the page of results shown reads them.
import { and, eq, gt, gte, sql } from 'drizzle-orm'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { Database } from './client.ts'
import type { EditableKind } from './content-tables.ts'
import { newsArticles, pages, vacancies } from './schema.ts'
import { SEARCH_ROWID_BASE } from './search-index.ts'

/** Results on one page of a search. */
export const SEARCH_PAGE_SIZE = 10

/** A kind of result, or every kind. */
export type SearchFilter = EditableKind | 'all'

/**
 * The index's columns, for building queries with bound values only: the table itself is the
 * virtual table of SEARCH_INDEX_DDL (schema.ts), which Drizzle cannot declare or migrate.
 * (Drizzle's raw `db.all(sql)` loses its bound values inside a batch, so it cannot be used.)
 * `rowid` is SQLite's own, set on insert to the entry's SEARCH_ROWID_BASE plus its item's id.
 */
const searchIndex = sqliteTable('search_index', {
  rowid: integer('rowid').notNull(),
  title: text('title').notNull(),
  summary: text('summary').notNull(),
  body: text('body').notNull(),
  kind: text('kind').$type<EditableKind>().notNull(),
  contentId: integer('content_id').notNull(),
  path: text('path').notNull(),
  closingDate: text('closing_date'),
})

// The bases as SQL literals: constants of the code, the same in every query (a GROUP BY
// expression must be written as its select column is), never a visitor's input.
const NEWS_BASE = sql.raw(String(SEARCH_ROWID_BASE.news))
const VACANCY_BASE = sql.raw(String(SEARCH_ROWID_BASE.vacancy))
const rowid = searchIndex.rowid

/** The entries of one kind: a range of rowids, which FTS5 applies as it reads its doclists. */
const ofKind = (kind: EditableKind) =>
  ({
    page: sql`${rowid} < ${NEWS_BASE}`,
    news: sql`${rowid} >= ${NEWS_BASE} AND ${rowid} < ${VACANCY_BASE}`,
    vacancy: sql`${rowid} >= ${VACANCY_BASE}`,
  })[kind]

/** The rowid an item's entry has in the search index. */
const searchRowid = (kind: EditableKind, id: number) => SEARCH_ROWID_BASE[kind] + id

/** Markers the snippets come back with; the view turns them into <mark> after escaping. */
export type Markers = { open: string; close: string }

/** What a search matches: an FTS5 MATCH expression (lib/search-query.ts) and the time. */
export type SearchCriteria = { match: string; today: string; now: Date }

/** Above every rowid: what the lowest rowid of no rows is taken to be. */
const NO_ROWID = sql.raw('9223372036854775807')

// Only what matches, and only what visitors may see: vacancies stay in the index after they
// close, and a news article is found once its publication time has come (as in db/news.ts).
// The index holds published items only (publishing and unpublishing keep it so, closing a
// vacancy included), so each test is a short list, read once by index and held in memory:
// the open vacancies, from the (status, closing_date) index, and the news published for a time
// still to come, from the (status, published_at) index (listing every live article instead
// would read that index whole). Each match is then checked by its rowid alone. The news to
// come are few and usually the newest, so a match below the lowest of their rowids (worked
// out once) is let through without looking it up in their list. At scale that look-up, made
// for every match even when the list was empty, was about 7% of a search's SQL.
const matching = ({ match, today, now }: SearchCriteria) => {
  const toCome = and(eq(newsArticles.status, 'published'), gt(newsArticles.publishedAt, now))
  return sql`${searchIndex} MATCH ${match}
    AND (${rowid} < ${VACANCY_BASE} OR ${rowid} - ${VACANCY_BASE} IN (SELECT ${vacancies.id}
      FROM ${vacancies} WHERE ${and(
        eq(vacancies.status, 'published'),
        gte(vacancies.closingDate, today),
      )}))
    AND (${rowid} < (SELECT coalesce(min(${NEWS_BASE} + ${newsArticles.id}), ${NO_ROWID})
        FROM ${newsArticles} WHERE ${toCome})
      OR ${rowid} NOT IN (SELECT ${NEWS_BASE} + ${newsArticles.id}
        FROM ${newsArticles} WHERE ${toCome}))`
}

/**
 * How many of a search's matching news articles, the most recently added, are ranked by
 * relevance with its pages and vacancies; older matching articles come after them all, newest
 * first. Pages and vacancies are always ranked: a site gains news far faster than pages, and
 * ten years of it would otherwise have bm25 score thousands of old articles for every common
 * word. On the scale seed, where `fraud` matches 2,000 articles and 1,000 pages, the cap (with
 * the ranking's keys carried to the second pass, below) takes the first page's results query
 * from 1.9 ms of SQL to 1.1 (node:sqlite). A search with fewer matching articles, as every
 * search of the normal seed, ranks every match as before.
 */
export const RANKED_NEWS = 200

/**
 * Whether a match is ranked (RANKED_NEWS): a page, a vacancy, or one of the newest matching
 * articles. The lowest rowid of those is found once a statement, by reading the matching
 * articles' rowids newest first (FTS5 reads its doclists backwards for `ORDER BY rowid DESC`)
 * and stopping at the RANKED_NEWS-th; the whole news range when fewer match. An article not
 * yet due counts towards them: checking that here too cost about 0.03 ms a search, for the
 * few articles it concerns.
 */
const isRanked = (search: SearchCriteria) =>
  sql`(${rowid} < ${NEWS_BASE} OR ${rowid} >= ${VACANCY_BASE}
    OR ${rowid} >= coalesce((SELECT ${rowid}
      FROM ${searchIndex} WHERE ${searchIndex} MATCH ${search.match} AND ${ofKind('news')}
      ORDER BY ${rowid} DESC LIMIT 1 OFFSET ${RANKED_NEWS - 1}), ${NEWS_BASE}))`

/**
 * A search's order, as one key and then rowid: what is ranked (isRanked) first, by bm25,
 * weighing a match in the title above one in the summary, and that above one in the body,
 * equal scores by rowid (pages, then news, then vacancies, each by id); then the older
 * articles, newest first. Their key is above any bm25 score (a number near zero; FTS5 gives
 * better matches lower ones) and falls as the rowid rises.
 */
const orderKey = (search: SearchCriteria) =>
  sql<number>`CASE WHEN ${isRanked(search)} THEN bm25(search_index, 10.0, 4.0, 1.0)
    ELSE ${VACANCY_BASE} + ${NEWS_BASE} - ${rowid} END`

/**
 * Query for one page (1-based) of a search's results, best first (orderKey). The summary comes
 * back with its matches between the markers, and the body as a snippet around its best match.
 *
 * Every ranked match is scored (from the index and its sizes table), but from its rowid alone:
 * the page's 10 rowids are ranked first, and the shown columns worked out for those 10 only.
 * Working them out as rows entered the sorter cost more, even on the first page, where about
 * 60 of `fraud`'s 3,000 matches at scale enter a sorter of 10 (2.14 ms against 1.96; 0.49
 * against 0.43 on the normal seed); on page 100 it was 38 ms against 6.
 */
export const searchResultsQuery = (
  db: Database,
  search: SearchCriteria & { filter: SearchFilter; page: number },
  markers: Markers,
) => {
  const wanted =
    search.filter === 'all' ? matching(search) : and(matching(search), ofKind(search.filter))
  const key = orderKey(search).as('key')
  const ranked = db
    .select({ id: sql<number>`${rowid}`.as('id'), key })
    .from(searchIndex)
    .where(wanted)
    .orderBy(sql`${sql.identifier('key')}`, rowid)
    .limit(SEARCH_PAGE_SIZE)
    .offset((search.page - 1) * SEARCH_PAGE_SIZE)
    .as('ranked')
  // MATCH again, as highlight() and snippet() need it, in one more pass over the matches that
  // keeps the page's 10, each looked for among them (a Bloom filter, then an index SQLite makes
  // of the 10), in the order of the keys they were ranked by: nothing is scored twice. The `+`
  // keeps SQLite from handing FTS5 each rowid to find, which costs more than the pass (0.98 ms
  // against 0.29 for `fraud` at scale).
  return db
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
    .innerJoin(ranked, sql`+${rowid} = ${ranked.id}`)
    .where(sql`${searchIndex} MATCH ${search.match}`)
    .orderBy(sql`${ranked.key}`, sql`${ranked.id}`)
}

/** One result as the search page shows it. */
export type SearchResult = Awaited<ReturnType<typeof searchResultsQuery>>[number]

/** How many of a search's results are of each kind. */
export type SearchCounts = Record<EditableKind, number>

/**
 * Query for how many results of each kind a search has (one row), from the matches' rowids
 * only: each kind's count is the matches in its range of rowids, counted in the one pass (a
 * GROUP BY by kind would sort every match first).
 */
export const searchCountsQuery = (db: Database, search: SearchCriteria) =>
  db
    .select({
      page: sql<number>`count(*) filter (where ${ofKind('page')})`,
      news: sql<number>`count(*) filter (where ${ofKind('news')})`,
      vacancy: sql<number>`count(*) filter (where ${ofKind('vacancy')})`,
    })
    .from(searchIndex)
    .where(matching(search))

/** Query that removes an item from the search index (by rowid: one lookup). */
export const unindexQuery = (db: Database, kind: EditableKind, id: number) =>
  db.delete(searchIndex).where(eq(rowid, searchRowid(kind, id)))

/**
 * Queries that index an item as its row now stands (batched after the update that publishes
 * it): its old entry goes, and the new one is read from the row, when it is published, as
 * SEARCH_INDEX_REBUILD (search-index.ts) reads every row, with the same rowid; a test holds
 * the two to one result.
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
          rowid: sql<number>`${sql.raw(String(SEARCH_ROWID_BASE[kind]))} + ${table.id}`.as('rowid'),
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
