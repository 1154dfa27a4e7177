CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`kind` text NOT NULL,
	`vacancy_id` integer,
	`fields` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`cv_key` text,
	`cv_file_name` text,
	`cv_content_type` text,
	`cv_size` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`vacancy_id`) REFERENCES `vacancies`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_reference_unique` ON `submissions` (`reference`);--> statement-breakpoint
CREATE INDEX `submissions_inbox_idx` ON `submissions` (`kind`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `submissions_created_idx` ON `submissions` (`created_at`);