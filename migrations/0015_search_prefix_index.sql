-- Site search: the FTS5 index made again with prefix indexes for 3 to 8 letters (src/db/schema.ts,
-- SEARCH_INDEX_DDL), so a search whose last word is a prefix reads one list of matches instead of
-- merging the list of every word it begins. An FTS5 table's options are fixed when it is made, so
-- it is dropped, made again, and filled from the live rows by SEARCH_INDEX_REBUILD's inserts
-- (src/db/search-index.ts; a test holds the three to one list). Hand-written: drizzle-kit has no
-- virtual tables.
DROP TABLE search_index;
--> statement-breakpoint
CREATE VIRTUAL TABLE search_index USING fts5(title, summary, body, kind UNINDEXED, content_id UNINDEXED, path UNINDEXED, closing_date UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8');
--> statement-breakpoint
INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path, closing_date) SELECT id, title, summary, body, 'page', id, path, NULL FROM pages WHERE status = 'published';
--> statement-breakpoint
INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path, closing_date) SELECT 1000000000 + id, title, summary, body, 'news', id, '/news/' || slug, NULL FROM news_articles WHERE status = 'published';
--> statement-breakpoint
INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path, closing_date) SELECT 2000000000 + id, title, summary, body, 'vacancy', id, '/careers/vacancies/' || slug, closing_date FROM vacancies WHERE status = 'published';
