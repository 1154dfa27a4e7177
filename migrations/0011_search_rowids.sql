-- Site search: every entry of the FTS5 index gets the rowid that says what it is, its kind's
-- base plus its item's id (src/db/search-index.ts, SEARCH_ROWID_BASE), so a search filters and
-- counts by kind from rowids, without reading each match's stored text. The index is rebuilt
-- from the live rows by the statements of SEARCH_INDEX_REBUILD, as they are in search-index.ts
-- (a test holds the two to one list). Hand-written: the schema itself does not change.
DELETE FROM search_index;
--> statement-breakpoint
INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path, closing_date) SELECT id, title, summary, body, 'page', id, path, NULL FROM pages WHERE status = 'published';
--> statement-breakpoint
INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path, closing_date) SELECT 1000000000 + id, title, summary, body, 'news', id, '/news/' || slug, NULL FROM news_articles WHERE status = 'published';
--> statement-breakpoint
INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path, closing_date) SELECT 2000000000 + id, title, summary, body, 'vacancy', id, '/careers/vacancies/' || slug, closing_date FROM vacancies WHERE status = 'published';
