CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`sha256` text NOT NULL,
	`object_key` text NOT NULL,
	`title` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`width` integer,
	`height` integer,
	`alt` text DEFAULT '' NOT NULL,
	`decorative` integer DEFAULT false NOT NULL,
	`uploaded_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`uploaded_by`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_sha256_unique` ON `attachments` (`sha256`);--> statement-breakpoint
CREATE INDEX `attachments_created_idx` ON `attachments` (`created_at`);--> statement-breakpoint
CREATE TABLE `submission_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`recipient` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text DEFAULT '' NOT NULL,
	`sent_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submission_alerts_submission_unique` ON `submission_alerts` (`submission_id`);--> statement-breakpoint
CREATE INDEX `submission_alerts_due_idx` ON `submission_alerts` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `staff` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `sender_name` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `sender_email` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `submissions` ADD `assigned_to` integer REFERENCES staff(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `submissions_sender_email_idx` ON `submissions` (`sender_email`);--> statement-breakpoint
-- Fill the inbox's search columns for submissions already stored (the contact and careers forms ask for fullName and email).
UPDATE `submissions` SET `sender_name` = coalesce(json_extract(`fields`, '$.fullName'), ''), `sender_email` = lower(coalesce(json_extract(`fields`, '$.email'), ''));