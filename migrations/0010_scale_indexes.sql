CREATE INDEX `pages_status_parent_order_idx` ON `pages` (`status`,`parent_id`,`nav_order`);--> statement-breakpoint
CREATE INDEX `pages_status_path_idx` ON `pages` (`status`,`path`);