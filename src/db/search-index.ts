// The search index's contents, rebuilt from the live rows: by migration 0008 when it creates
// the index, by the seed after loading content, and by a restore from backup (which cannot hold
// the index: `wrangler d1 export` refuses a database with a virtual table). Publishing keeps it
// up to date in between, row by row.

/** Statements that empty the search index and fill it again from every published item. */
export const SEARCH_INDEX_REBUILD = [
  'DELETE FROM search_index',
  "INSERT INTO search_index (title, summary, body, kind, content_id, path, closing_date) SELECT title, summary, body, 'page', id, path, NULL FROM pages WHERE status = 'published'",
  "INSERT INTO search_index (title, summary, body, kind, content_id, path, closing_date) SELECT title, summary, body, 'news', id, '/news/' || slug, NULL FROM news_articles WHERE status = 'published'",
  "INSERT INTO search_index (title, summary, body, kind, content_id, path, closing_date) SELECT title, summary, body, 'vacancy', id, '/careers/vacancies/' || slug, closing_date FROM vacancies WHERE status = 'published'",
] as const
