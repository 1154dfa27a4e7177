// The search index's contents, rebuilt from the live rows: by migration 0008 when it creates
// the index (and 0011, which gave every row the rowid below), by the seed after loading content,
// and by a restore from backup (which cannot hold the index: `wrangler d1 export` refuses a
// database with a virtual table). Publishing keeps it up to date in between, row by row.
//
// An entry's rowid says what it is: its item's id plus its kind's base below. So a search can
// filter and count by kind from rowids alone, which FTS5 reads from its own doclists, never
// opening the entries' stored text (which holds each item's whole body).

// Plain constants, so the bundler writes them into the statements below and leaves those out of
// the public Worker, which imports SEARCH_ROWID_BASE only.
const NEWS_BASE = 1_000_000_000
const VACANCY_BASE = 2_000_000_000

/**
 * Where each kind's rowids begin in the search index: an entry's rowid is its kind's base plus
 * its item's id (ids stay far below a billion). db/search.ts filters and counts by these.
 */
export const SEARCH_ROWID_BASE = { page: 0, news: NEWS_BASE, vacancy: VACANCY_BASE } as const

/** Statements that empty the search index and fill it again from every published item. */
export const SEARCH_INDEX_REBUILD: readonly string[] = [
  'DELETE FROM search_index',
  "INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path, closing_date) SELECT id, title, summary, body, 'page', id, path, NULL FROM pages WHERE status = 'published'",
  `INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path, closing_date) SELECT ${NEWS_BASE} + id, title, summary, body, 'news', id, '/news/' || slug, NULL FROM news_articles WHERE status = 'published'`,
  `INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path, closing_date) SELECT ${VACANCY_BASE} + id, title, summary, body, 'vacancy', id, '/careers/vacancies/' || slug, closing_date FROM vacancies WHERE status = 'published'`,
]
