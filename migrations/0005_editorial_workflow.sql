CREATE TABLE `scheduled_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`content_id` integer NOT NULL,
	`action` text NOT NULL,
	`at` integer NOT NULL,
	`revision_id` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`settled_at` integer,
	`settled_by` integer,
	`detail` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `scheduled_changes_due_idx` ON `scheduled_changes` (`status`,`at`);--> statement-breakpoint
CREATE INDEX `scheduled_changes_content_idx` ON `scheduled_changes` (`kind`,`content_id`);--> statement-breakpoint
CREATE TABLE `share_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`content_id` integer NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`revoked_by` integer,
	`views` integer DEFAULT 0 NOT NULL,
	`last_viewed_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `share_links_content_idx` ON `share_links` (`kind`,`content_id`);--> statement-breakpoint
ALTER TABLE `news_articles` ADD `publication_date` text;--> statement-breakpoint
ALTER TABLE `news_articles` ADD `change_notes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `pages` ADD `change_notes` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `revisions` ADD `change_note` text;--> statement-breakpoint
-- Revision 1 for every seeded or imported row: the original, so History can go back to it.
INSERT INTO revisions (kind, content_id, data, author_id, note, created_at) SELECT 'page', id, json_object('path', path, 'parentId', parent_id, 'title', title, 'summary', summary, 'body', body, 'navOrder', nav_order), NULL, 'Original', coalesce(published_at, created_at) FROM pages WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id) ORDER BY id;--> statement-breakpoint
UPDATE pages SET published_revision_id = (SELECT min(r.id) FROM revisions r WHERE r.kind = 'page' AND r.content_id = pages.id AND r.note = 'Original') WHERE status = 'published' AND published_revision_id IS NULL;--> statement-breakpoint
INSERT INTO revisions (kind, content_id, data, author_id, note, created_at) SELECT 'news', id, json_object('slug', slug, 'title', title, 'summary', summary, 'body', body, 'publicationDate', publication_date), NULL, 'Original', coalesce(published_at, created_at) FROM news_articles WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.kind = 'news' AND r.content_id = news_articles.id) ORDER BY id;--> statement-breakpoint
UPDATE news_articles SET published_revision_id = (SELECT min(r.id) FROM revisions r WHERE r.kind = 'news' AND r.content_id = news_articles.id AND r.note = 'Original') WHERE status = 'published' AND published_revision_id IS NULL;--> statement-breakpoint
INSERT INTO revisions (kind, content_id, data, author_id, note, created_at) SELECT 'vacancy', id, json_object('slug', slug, 'title', title, 'summary', summary, 'grade', grade, 'location', location, 'salary', salary, 'closingDate', closing_date, 'body', body), NULL, 'Original', coalesce(published_at, created_at) FROM vacancies WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.kind = 'vacancy' AND r.content_id = vacancies.id) ORDER BY id;--> statement-breakpoint
UPDATE vacancies SET published_revision_id = (SELECT min(r.id) FROM revisions r WHERE r.kind = 'vacancy' AND r.content_id = vacancies.id AND r.note = 'Original') WHERE status = 'published' AND published_revision_id IS NULL;
