/**
 * The database schema: the only source of truth for D1's tables. Change it here, then run
 * `npm run db:generate` to write a migration into `migrations/`.
 */
import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'

/** Publication states shared by pages, news and vacancies. */
export const contentStatuses = ['draft', 'published', 'unpublished'] as const
export type ContentStatus = (typeof contentStatuses)[number]

/** A millisecond timestamp column that defaults to the time of the insert. */
const timestampNow = (name: string) =>
  integer(name, { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`)

// A function, not a shared object: Drizzle column builders must not be reused across tables.
const timestamps = () => ({
  createdAt: timestampNow('created_at'),
  updatedAt: timestampNow('updated_at'),
})

/** Site pages, a tree keyed by path ('/', '/about', '/threats/fraud', …). */
export const pages = sqliteTable(
  'pages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    path: text('path').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => pages.id, {
      onDelete: 'set null',
    }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    /** Position in its parent's navigation; null keeps the page out of navigation. */
    navOrder: integer('nav_order'),
    status: text('status', { enum: contentStatuses }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    ...timestamps(),
  },
  (t) => [uniqueIndex('pages_path_unique').on(t.path), index('pages_parent_idx').on(t.parentId)],
)

/** News articles, listed newest first by publish time. */
export const newsArticles = sqliteTable(
  'news_articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    status: text('status', { enum: contentStatuses }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('news_slug_unique').on(t.slug),
    index('news_status_published_idx').on(t.status, t.publishedAt),
  ],
)

/** Job vacancies; one past its closing date is no longer listed. */
export const vacancies = sqliteTable(
  'vacancies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    grade: text('grade').notNull(),
    location: text('location').notNull(),
    salary: text('salary').notNull(),
    /** The last day applications are accepted, as an ISO date (YYYY-MM-DD, UK time). */
    closingDate: text('closing_date').notNull(),
    body: text('body').notNull().default(''),
    status: text('status', { enum: contentStatuses }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('vacancies_slug_unique').on(t.slug),
    index('vacancies_status_closing_idx').on(t.status, t.closingDate),
  ],
)

/** Site-wide settings as key/value pairs, such as the site notice. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestampNow('updated_at'),
})

/** Kinds of content that keep revisions. */
export const contentKinds = ['page', 'news', 'vacancy', 'setting'] as const
export type ContentKind = (typeof contentKinds)[number]

/**
 * Every saved version of a piece of content, as JSON, newest last. The staff admin area writes
 * one per save, so history, diffs and restore need no other table.
 */
export const revisions = sqliteTable(
  'revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: contentKinds }).notNull(),
    contentId: integer('content_id').notNull(),
    data: text('data', { mode: 'json' }).notNull(),
    /** Staff member who saved it; null for the content seed. */
    authorId: integer('author_id'),
    note: text('note').notNull().default(''),
    createdAt: timestampNow('created_at'),
  },
  (t) => [index('revisions_content_idx').on(t.kind, t.contentId, t.id)],
)

/** Old paths of moved pages, answered with a 301 to the new one. */
export const redirects = sqliteTable('redirects', {
  fromPath: text('from_path').primaryKey(),
  toPath: text('to_path').notNull(),
  createdAt: timestampNow('created_at'),
})

/** Append-only record of who did what and when. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: timestampNow('at'),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    target: text('target').notNull().default(''),
    detail: text('detail').notNull().default(''),
  },
  (t) => [index('audit_at_idx').on(t.at)],
)

/** What a visitor sent: a contact enquiry or a job application. */
export const submissionKinds = ['enquiry', 'application'] as const
export type SubmissionKind = (typeof submissionKinds)[number]

/** Where a submission is in staff's inbox; 'spam' marks one that filled in the honeypot. */
export const submissionStatuses = ['new', 'handled', 'spam'] as const
export type SubmissionStatus = (typeof submissionStatuses)[number]

/**
 * Every form a visitor sends, kept until the retention job deletes it. The answers are JSON so
 * each form can have its own fields; the CV itself is an object in R2 under `cvKey`.
 */
export const submissions = sqliteTable(
  'submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** What the visitor is given to quote, e.g. SOCA-7K3F-Q9PX. */
    reference: text('reference').notNull(),
    kind: text('kind', { enum: submissionKinds }).notNull(),
    vacancyId: integer('vacancy_id').references(() => vacancies.id, { onDelete: 'set null' }),
    fields: text('fields', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    status: text('status', { enum: submissionStatuses }).notNull().default('new'),
    cvKey: text('cv_key'),
    cvFileName: text('cv_file_name'),
    cvContentType: text('cv_content_type'),
    cvSize: integer('cv_size'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    uniqueIndex('submissions_reference_unique').on(t.reference),
    index('submissions_inbox_idx').on(t.kind, t.status, t.createdAt),
    index('submissions_created_idx').on(t.createdAt),
  ],
)
