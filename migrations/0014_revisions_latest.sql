-- Each page, article and vacancy keeps the id of its newest revision (latest_revision_id), so
-- the staff dashboard counts the items with changes not yet published from a partial index
-- (migration 0013) instead of looking up every item's revisions. The database keeps it: a
-- trigger sets it whenever a revision is saved, whichever code saves it. Revision ids only
-- grow; max() keeps the newest even if revisions are inserted out of order, as by a restore.
UPDATE `pages` SET `latest_revision_id` = (SELECT max(`id`) FROM `revisions` WHERE `kind` = 'page' AND `content_id` = `pages`.`id`);--> statement-breakpoint
UPDATE `news_articles` SET `latest_revision_id` = (SELECT max(`id`) FROM `revisions` WHERE `kind` = 'news' AND `content_id` = `news_articles`.`id`);--> statement-breakpoint
UPDATE `vacancies` SET `latest_revision_id` = (SELECT max(`id`) FROM `revisions` WHERE `kind` = 'vacancy' AND `content_id` = `vacancies`.`id`);--> statement-breakpoint
CREATE TRIGGER `revisions_latest` AFTER INSERT ON `revisions`
BEGIN
	UPDATE `pages` SET `latest_revision_id` = max(coalesce(`latest_revision_id`, 0), NEW.`id`)
	WHERE NEW.`kind` = 'page' AND `id` = NEW.`content_id`;
	UPDATE `news_articles` SET `latest_revision_id` = max(coalesce(`latest_revision_id`, 0), NEW.`id`)
	WHERE NEW.`kind` = 'news' AND `id` = NEW.`content_id`;
	UPDATE `vacancies` SET `latest_revision_id` = max(coalesce(`latest_revision_id`, 0), NEW.`id`)
	WHERE NEW.`kind` = 'vacancy' AND `id` = NEW.`content_id`;
END;
