-- A page is never under itself: the database refuses a parent_id that is the page or a page below
-- it, which would take the page and everything under it out of the navigation and the page tree.
-- Publishing checks first and gives the editor a form error (src/publishing/content.ts); this
-- closes the gap between that check and the write, as when two publishes each move a page under
-- the other at the same moment. The walk up parent_id ends at the top, or on a page it has seen.
CREATE TRIGGER `pages_parent_no_loop` BEFORE UPDATE OF `parent_id` ON `pages`
WHEN NEW.`parent_id` IS NOT NULL AND NEW.`parent_id` IS NOT OLD.`parent_id` AND EXISTS (
	WITH RECURSIVE `above`(`id`) AS (
		SELECT NEW.`parent_id`
		UNION
		SELECT `pages`.`parent_id` FROM `pages` JOIN `above` ON `pages`.`id` = `above`.`id`
		WHERE `pages`.`parent_id` IS NOT NULL
	)
	SELECT 1 FROM `above` WHERE `above`.`id` = NEW.`id`
)
BEGIN
	SELECT RAISE(ABORT, 'pages.parent_id: a page cannot be under itself');
END;
