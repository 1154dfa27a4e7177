ALTER TABLE `news_articles` ADD `latest_revision_id` integer;--> statement-breakpoint
CREATE INDEX `news_unpublished_changes_idx` ON `news_articles` (`latest_revision_id`,`published_revision_id`) WHERE "news_articles"."latest_revision_id" > coalesce("news_articles"."published_revision_id", 0);--> statement-breakpoint
ALTER TABLE `pages` ADD `latest_revision_id` integer;--> statement-breakpoint
CREATE INDEX `pages_unpublished_changes_idx` ON `pages` (`latest_revision_id`,`published_revision_id`) WHERE "pages"."latest_revision_id" > coalesce("pages"."published_revision_id", 0);--> statement-breakpoint
ALTER TABLE `vacancies` ADD `latest_revision_id` integer;--> statement-breakpoint
CREATE INDEX `vacancies_unpublished_changes_idx` ON `vacancies` (`latest_revision_id`,`published_revision_id`) WHERE "vacancies"."latest_revision_id" > coalesce("vacancies"."published_revision_id", 0);