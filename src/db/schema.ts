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

/** A public change note: when a major change was published, and what it was. */
export type ChangeNote = { at: number; note: string }

/**
 * The public change notes of a page or article, oldest first, as JSON: publishing a major
 * change appends one ("Last updated 5 March 2014: corrected the office address").
 */
const changeNotesColumn = () =>
  text('change_notes', { mode: 'json' })
    .$type<ChangeNote[]>()
    .notNull()
    .default(sql`'[]'`)

/**
 * The revision columns of a page, article or vacancy: the one now live (revision 1 is the
 * seeded or imported original) and the newest, which the database keeps (a trigger on
 * revisions, migration 0014) so the items with changes not yet published can be counted from
 * an index (unpublishedChangesIndex) rather than by looking up every item's revisions.
 */
const revisionColumns = () => ({
  publishedRevisionId: integer('published_revision_id'),
  latestRevisionId: integer('latest_revision_id'),
})

/**
 * A partial index of the items whose newest revision is not the live one: drafts never
 * published, and published items changed since. The staff dashboard counts them from the index
 * alone, as it holds both columns its condition reads.
 */
const unpublishedChangesIndex = (
  name: string,
  t: { latestRevisionId: AnySQLiteColumn; publishedRevisionId: AnySQLiteColumn },
) =>
  index(name)
    .on(t.latestRevisionId, t.publishedRevisionId)
    .where(sql`${t.latestRevisionId} > coalesce(${t.publishedRevisionId}, 0)`)

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
    ...revisionColumns(),
    changeNotes: changeNotesColumn(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('pages_path_unique').on(t.path),
    index('pages_parent_idx').on(t.parentId),
    // Navigation, child lists and the sitemap read published pages by parent in menu order.
    index('pages_status_parent_order_idx').on(t.status, t.parentId, t.navOrder),
    // sitemap.xml lists published pages in address order, a bounded part at a time.
    index('pages_status_path_idx').on(t.status, t.path),
    unpublishedChangesIndex('pages_unpublished_changes_idx', t),
  ],
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
    /**
     * The date to show as "Published …" (ISO, UK time), for an article imported from before;
     * null means the time it is first published.
     */
    publicationDate: text('publication_date'),
    status: text('status', { enum: contentStatuses }).notNull().default('draft'),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    ...revisionColumns(),
    changeNotes: changeNotesColumn(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('news_slug_unique').on(t.slug),
    index('news_status_published_idx').on(t.status, t.publishedAt),
    unpublishedChangesIndex('news_unpublished_changes_idx', t),
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
    ...revisionColumns(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('vacancies_slug_unique').on(t.slug),
    index('vacancies_status_closing_idx').on(t.status, t.closingDate),
    unpublishedChangesIndex('vacancies_unpublished_changes_idx', t),
  ],
)

/**
 * Counts the database keeps, by name, so a page need not count a large table on every request.
 * `published_news` is the number of news articles whose status is published, whenever it was or
 * will be: triggers on news_articles keep it (migration 0016), whichever code changes a row.
 */
export const counts = sqliteTable('counts', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
})

/** The name of the count of published news articles in `counts`. */
export const PUBLISHED_NEWS = 'published_news'

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
    /**
     * The public change note the editor wrote for this version: a major change. Null for a
     * minor change, which adds no note when it is published.
     */
    changeNote: text('change_note'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [index('revisions_content_idx').on(t.kind, t.contentId, t.id)],
)

/** What a scheduled change does when its time comes. */
export const scheduledActions = ['publish', 'unpublish'] as const
export type ScheduledAction = (typeof scheduledActions)[number]

/** Where a scheduled change is: waiting, applied, cancelled by staff, or refused when due. */
export const scheduleStatuses = ['pending', 'done', 'cancelled', 'failed'] as const
export type ScheduleStatus = (typeof scheduleStatuses)[number]

/**
 * Publishing and unpublishing set for a time. The admin Worker's Cron Trigger applies those
 * due, every minute, through the same publishing step as a person, as the person who set it.
 */
export const scheduledChanges = sqliteTable(
  'scheduled_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['page', 'news', 'vacancy'] }).notNull(),
    contentId: integer('content_id').notNull(),
    action: text('action', { enum: scheduledActions }).notNull(),
    /** When it is due. */
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** For a publish: the revision that goes live (the newest when it was scheduled). */
    revisionId: integer('revision_id'),
    status: text('status', { enum: scheduleStatuses }).notNull().default('pending'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestampNow('created_at'),
    /** When it was applied, cancelled or refused, and by whom (null for the scheduler). */
    settledAt: integer('settled_at', { mode: 'timestamp_ms' }),
    settledBy: integer('settled_by'),
    /** Why a due change was refused, for the dashboard. */
    detail: text('detail').notNull().default(''),
  },
  (t) => [
    index('scheduled_changes_due_idx').on(t.status, t.at),
    index('scheduled_changes_content_idx').on(t.kind, t.contentId),
  ],
)

/**
 * Preview links for embargoed releases, shared with press and partners who have no account.
 * The link carries this row's id and expiry, signed with HMAC; a revoked row stops it.
 */
export const shareLinks = sqliteTable(
  'share_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['page', 'news', 'vacancy'] }).notNull(),
    contentId: integer('content_id').notNull(),
    /** Who it is for, as staff wrote it ("BBC News, embargoed to 9am"). */
    label: text('label').notNull().default(''),
    createdBy: integer('created_by')
      .notNull()
      .references(() => staff.id),
    createdAt: timestampNow('created_at'),
    /** At most 7 days after it was made. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedBy: integer('revoked_by'),
    views: integer('views').notNull().default(0),
    lastViewedAt: integer('last_viewed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('share_links_content_idx').on(t.kind, t.contentId)],
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

/**
 * What a visitor sent: a contact enquiry, a job application, or a problem reported with a page
 * ("Is this page useful?" answered No, or "Report a problem with this page").
 */
export const submissionKinds = ['enquiry', 'application', 'feedback'] as const
export type SubmissionKind = (typeof submissionKinds)[number]

/**
 * Where a submission is in staff's inbox: new, being dealt with, or dealt with; 'spam' marks one
 * that filled in the honeypot.
 */
export const submissionStatuses = ['new', 'in_progress', 'handled', 'spam'] as const
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
    /** The sender's name as they typed it, for the inbox list and search ('' if none asked). */
    senderName: text('sender_name').notNull().default(''),
    /** The sender's email address, lower-cased, for the inbox search ('' if none asked). */
    senderEmail: text('sender_email').notNull().default(''),
    /** The staff member dealing with it, if any. */
    assignedTo: integer('assigned_to').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    uniqueIndex('submissions_reference_unique').on(t.reference),
    index('submissions_inbox_idx').on(t.kind, t.status, t.createdAt),
    index('submissions_created_idx').on(t.createdAt),
    index('submissions_sender_email_idx').on(t.senderEmail),
  ],
)

/** Where an email alert is: waiting to be sent (or retried), sent, or given up on. */
export const alertStatuses = ['pending', 'sent', 'failed'] as const
export type AlertStatus = (typeof alertStatuses)[number]

/**
 * The email alert for a new submission, an outbox row written in the same batch as the
 * submission: sending it never delays or endangers the submission, and the every-minute Cron
 * Trigger retries one that failed. It names the kind and reference only, no personal data.
 */
export const submissionAlerts = sqliteTable(
  'submission_alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    /** The address the alert goes to, as the site setting for the kind had it then. */
    recipient: text('recipient').notNull(),
    status: text('status', { enum: alertStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When a pending alert is next due to be tried. */
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    /** Why the last attempt failed, for staff ('' when none has). */
    lastError: text('last_error').notNull().default(''),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    uniqueIndex('submission_alerts_submission_unique').on(t.submissionId),
    index('submission_alerts_due_idx').on(t.status, t.nextAttemptAt),
  ],
)

/** File formats the attachments library accepts, as sniffed from a file's bytes. */
export const attachmentFormats = [
  'pdf',
  'docx',
  'xlsx',
  'odt',
  'ods',
  'csv',
  'png',
  'jpeg',
  'webp',
] as const
export type AttachmentFormat = (typeof attachmentFormats)[number]

/**
 * Images and documents staff upload for pages and news, kept in R2 under `objectKey` and served
 * at an address made from the SHA-256 of their bytes, so a file never changes at its address.
 */
export const attachments = sqliteTable(
  'attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** SHA-256 of the file's bytes, hex: the file's public address is made from it. */
    sha256: text('sha256').notNull(),
    /** The R2 object holding the bytes. */
    objectKey: text('object_key').notNull(),
    title: text('title').notNull(),
    /** The uploaded file's name, made safe, for the download's file name. */
    fileName: text('file_name').notNull(),
    format: text('format', { enum: attachmentFormats }).notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** Pixel size, for images. */
    width: integer('width'),
    height: integer('height'),
    /** An image's text alternative; '' with `decorative` for an image that adds nothing. */
    alt: text('alt').notNull().default(''),
    decorative: integer('decorative', { mode: 'boolean' }).notNull().default(false),
    uploadedBy: integer('uploaded_by').references(() => staff.id, { onDelete: 'set null' }),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    uniqueIndex('attachments_sha256_unique').on(t.sha256),
    index('attachments_created_idx').on(t.createdAt),
  ],
)

/** What a staff member may do: each role can do everything the one before it can. */
export const staffRoles = ['editor', 'publisher', 'admin'] as const
export type StaffRole = (typeof staffRoles)[number]

/** Staff accounts. Sign-in is by Cloudflare Access, or by password plus a TOTP second factor. */
export const staff = sqliteTable(
  'staff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower-cased; the key Cloudflare Access identities are matched on. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: staffRoles }).notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** argon2id in PHC string form; null for an account that signs in only through Access. */
    passwordHash: text('password_hash'),
    /** Base32 TOTP key (RFC 6238); null until the second factor is set up. */
    totpSecret: text('totp_secret'),
    /** The last TOTP time step accepted, so a code cannot be used twice. */
    totpLastStep: integer('totp_last_step'),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
    /** Set when a first password is given out of band: it must be changed at the next sign-in. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' })
      .notNull()
      .default(false),
    createdAt: timestampNow('created_at'),
  },
  (t) => [uniqueIndex('staff_email_unique').on(t.email)],
)

/** One-time recovery codes for the second factor, stored as SHA-256 hashes. */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('recovery_codes_staff_idx').on(t.staffId)],
)

/**
 * Sign-in attempts against an account that have not (yet) succeeded, one row each, with the
 * client they came from: a row is written before the password or code is checked, and removed
 * if it was right. The lockout rules in routes/admin/sign-in.tsx count them.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    /** The client's rate-limit key: an IPv4 address or an IPv6 /64 (lib/client-key.ts). */
    clientKey: text('client_key').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** Whether it still counts towards locking the account (cleared by a lock or a sign-in). */
    counted: integer('counted', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('sign_in_failures_client_idx').on(t.staffId, t.clientKey, t.at)],
)

/** How far a session has got: past the password, setting up the second factor, or signed in. */
export const sessionStages = ['password', 'enrol', 'active'] as const
export type SessionStage = (typeof sessionStages)[number]

/** Staff sessions. Only a SHA-256 hash of the cookie's token is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the session token, hex. */
    id: text('id').primaryKey(),
    staffId: integer('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    stage: text('stage', { enum: sessionStages }).notNull(),
    /** Per-session token every admin form carries (double-checked with the Origin check). */
    csrfToken: text('csrf_token').notNull(),
    /** A TOTP key being set up, until the first code from it is confirmed. */
    pendingTotpSecret: text('pending_totp_secret'),
    via: text('via', { enum: ['password', 'access'] }).notNull(),
    createdAt: timestampNow('created_at'),
    lastSeenAt: timestampNow('last_seen_at'),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('sessions_staff_idx').on(t.staffId)],
)

/**
 * "Is this page useful?" answers, counted per page path. A visitor's Yes or No adds one here
 * (no personal data); what they then write about a problem is a 'feedback' submission.
 */
export const pageFeedback = sqliteTable('page_feedback', {
  path: text('path').primaryKey(),
  yes: integer('yes').notNull().default(0),
  no: integer('no').notNull().default(0),
  updatedAt: timestampNow('updated_at'),
})

/**
 * Site search: an SQLite FTS5 table of what visitors can find (published pages and news, and
 * published vacancies, filtered to open ones when searched), one row per item. Drizzle cannot
 * declare a virtual table, so this statement is its definition: migration 0015 runs it (0008
 * made the table without prefixes), and a test checks the migration and the database hold
 * exactly this. Porter stemming makes "trafficked" find "trafficking". A search's last word
 * also finds the words it begins (lib/search-query.ts); the prefix indexes hold those of 3 to
 * 8 letters ready made, so such a search reads one list of matches instead of merging the list
 * of every word that begins so, three times over (matching, scoring, counting). They change no
 * result, and make the index about three and a half times the size.
 * Publishing, unpublishing and scheduled changes update it in their own batch.
 */
export const SEARCH_INDEX_DDL =
  "CREATE VIRTUAL TABLE search_index USING fts5(title, summary, body, kind UNINDEXED, content_id UNINDEXED, path UNINDEXED, closing_date UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '3 4 5 6 7 8')"
