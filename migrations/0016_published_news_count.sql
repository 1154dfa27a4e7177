-- The number of published news articles, kept by the database (counts, schema.ts), so /news and
-- the sitemap work out how many articles are live without counting every published one: at
-- 20,000 articles that count read 20,000 index entries on every uncached page. Live means
-- published with a publication time that has come (db/news.ts), so a page subtracts the few
-- articles still to come, found by index. Triggers keep the count whichever code changes a row.
CREATE TABLE `counts` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `counts` (`name`, `value`) SELECT 'published_news', count(*) FROM `news_articles` WHERE `status` = 'published';--> statement-breakpoint
CREATE TRIGGER `news_published_count_insert` AFTER INSERT ON `news_articles`
WHEN NEW.`status` = 'published'
BEGIN
	UPDATE `counts` SET `value` = `value` + 1 WHERE `name` = 'published_news';
END;--> statement-breakpoint
CREATE TRIGGER `news_published_count_delete` AFTER DELETE ON `news_articles`
WHEN OLD.`status` = 'published'
BEGIN
	UPDATE `counts` SET `value` = `value` - 1 WHERE `name` = 'published_news';
END;--> statement-breakpoint
CREATE TRIGGER `news_published_count_update` AFTER UPDATE OF `status` ON `news_articles`
WHEN (OLD.`status` = 'published') <> (NEW.`status` = 'published')
BEGIN
	UPDATE `counts` SET `value` = `value` + (NEW.`status` = 'published') - (OLD.`status` = 'published')
	WHERE `name` = 'published_news';
END;
