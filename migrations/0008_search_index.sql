-- Site search: the FTS5 index (src/db/schema.ts, SEARCH_INDEX_DDL), filled from the live rows
-- (src/db/search-index.ts, SEARCH_INDEX_REBUILD). Hand-written: drizzle-kit has no virtual tables.
CREATE VIRTUAL TABLE search_index USING fts5(title, summary, body, kind UNINDEXED, content_id UNINDEXED, path UNINDEXED, closing_date UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
DELETE FROM search_index;
--> statement-breakpoint
INSERT INTO search_index (title, summary, body, kind, content_id, path, closing_date) SELECT title, summary, body, 'page', id, path, NULL FROM pages WHERE status = 'published';
--> statement-breakpoint
INSERT INTO search_index (title, summary, body, kind, content_id, path, closing_date) SELECT title, summary, body, 'news', id, '/news/' || slug, NULL FROM news_articles WHERE status = 'published';
--> statement-breakpoint
INSERT INTO search_index (title, summary, body, kind, content_id, path, closing_date) SELECT title, summary, body, 'vacancy', id, '/careers/vacancies/' || slug, closing_date FROM vacancies WHERE status = 'published';
