// Staff-side queries for pages, news and vacancies: drafts live in `revisions`; the content
// row holds what is live. Saving adds a revision; publishing copies one into the row.
import { and, asc, desc, eq, getTableColumns, ne, sql } from 'drizzle-orm'
import type { NewsData, PageData, VacancyData } from '../forms/content.ts'
import type { Database } from './client.ts'
import { newsArticles, pages, redirects, revisions, staff, vacancies } from './schema.ts'
import { bumpContentVersionQuery } from './settings.ts'

/** The kinds of content staff edit, with the data each revision holds. */
export type ContentData = { page: PageData; news: NewsData; vacancy: VacancyData }
export type EditableKind = keyof ContentData

/** A content item as the admin lists and edit pages show it. */
export type ContentSummary = {
  id: number
  title: string
  /** Path or slug. */
  address: string
  status: 'draft' | 'published' | 'unpublished'
  publishedRevisionId: number | null
  latestRevisionId: number | null
  updatedAt: Date
}

// Written out with an alias: inside a subquery Drizzle would print the outer id unqualified.
const latestRevisionId = (kind: EditableKind, table: 'pages' | 'news_articles' | 'vacancies') =>
  sql<number | null>`(select max(r.id) from revisions r where r.kind = ${kind} and r.content_id = ${sql.identifier(table)}.id)`

/** Every item of a kind, for its list: pages in path order, news newest first, vacancies by closing date. */
export const listContent = async (db: Database, kind: EditableKind): Promise<ContentSummary[]> => {
  if (kind === 'page') {
    return db
      .select({ id: pages.id, title: pages.title, address: pages.path, status: pages.status, publishedRevisionId: pages.publishedRevisionId, latestRevisionId: latestRevisionId('page', 'pages'), updatedAt: pages.updatedAt })
      .from(pages)
      .orderBy(asc(pages.path))
  }
  if (kind === 'news') {
    return db
      .select({ id: newsArticles.id, title: newsArticles.title, address: newsArticles.slug, status: newsArticles.status, publishedRevisionId: newsArticles.publishedRevisionId, latestRevisionId: latestRevisionId('news', 'news_articles'), updatedAt: newsArticles.updatedAt })
      .from(newsArticles)
      .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
  }
  return db
    .select({ id: vacancies.id, title: vacancies.title, address: vacancies.slug, status: vacancies.status, publishedRevisionId: vacancies.publishedRevisionId, latestRevisionId: latestRevisionId('vacancy', 'vacancies'), updatedAt: vacancies.updatedAt })
    .from(vacancies)
    .orderBy(desc(vacancies.closingDate))
}

/** The summary fields of a row, for contentItem. */
const summaryOf = (
  row: { id: number; title: string; status: ContentSummary['status']; publishedRevisionId: number | null; updatedAt: Date; latestRevisionId: number | null },
  address: string,
) => ({
  id: row.id,
  title: row.title,
  address,
  status: row.status,
  publishedRevisionId: row.publishedRevisionId,
  latestRevisionId: row.latestRevisionId,
  updatedAt: row.updatedAt,
})

/** One content row, with its live data in revision form, or undefined (one query). */
export const contentItem = async <K extends EditableKind>(db: Database, kind: K, id: number) => {
  let item: (ContentSummary & { live: ContentData[EditableKind] }) | undefined
  if (kind === 'page') {
    const row = await db.select({ ...getTableColumns(pages), latestRevisionId: latestRevisionId('page', 'pages') }).from(pages).where(eq(pages.id, id)).get()
    item = row && { ...summaryOf(row, row.path), live: { path: row.path, parentId: row.parentId, title: row.title, summary: row.summary, body: row.body, navOrder: row.navOrder } }
  } else if (kind === 'news') {
    const row = await db.select({ ...getTableColumns(newsArticles), latestRevisionId: latestRevisionId('news', 'news_articles') }).from(newsArticles).where(eq(newsArticles.id, id)).get()
    item = row && { ...summaryOf(row, row.slug), live: { slug: row.slug, title: row.title, summary: row.summary, body: row.body } }
  } else {
    const row = await db.select({ ...getTableColumns(vacancies), latestRevisionId: latestRevisionId('vacancy', 'vacancies') }).from(vacancies).where(eq(vacancies.id, id)).get()
    item = row && { ...summaryOf(row, row.slug), live: { slug: row.slug, title: row.title, summary: row.summary, grade: row.grade, location: row.location, salary: row.salary, closingDate: row.closingDate, body: row.body } }
  }
  return item as (ContentSummary & { live: ContentData[K] }) | undefined
}

/** A stored revision with its author's name. */
export type RevisionRow = {
  id: number
  kind: string
  contentId: number
  data: unknown
  authorId: number | null
  authorName: string | null
  note: string
  createdAt: Date
}

const revisionColumns = {
  id: revisions.id,
  kind: revisions.kind,
  contentId: revisions.contentId,
  data: revisions.data,
  authorId: revisions.authorId,
  authorName: staff.name,
  note: revisions.note,
  createdAt: revisions.createdAt,
}

/** Every revision of an item, newest first. */
export const revisionsOf = (db: Database, kind: EditableKind | 'setting', contentId: number): Promise<RevisionRow[]> =>
  db
    .select(revisionColumns)
    .from(revisions)
    .leftJoin(staff, eq(staff.id, revisions.authorId))
    .where(and(eq(revisions.kind, kind), eq(revisions.contentId, contentId)))
    .orderBy(desc(revisions.id))

/** The newest revision of an item, if it has any. */
export const latestRevisionOf = (db: Database, kind: EditableKind, contentId: number) =>
  db
    .select(revisionColumns)
    .from(revisions)
    .leftJoin(staff, eq(staff.id, revisions.authorId))
    .where(and(eq(revisions.kind, kind), eq(revisions.contentId, contentId)))
    .orderBy(desc(revisions.id))
    .limit(1)
    .get()

/** One revision of an item. */
export const revisionOf = (db: Database, kind: EditableKind | 'setting', contentId: number, id: number) =>
  db
    .select(revisionColumns)
    .from(revisions)
    .leftJoin(staff, eq(staff.id, revisions.authorId))
    .where(and(eq(revisions.id, id), eq(revisions.kind, kind), eq(revisions.contentId, contentId)))
    .get()

/** Query that stores a revision of an existing item. */
export const insertRevisionQuery = (
  db: Database,
  revision: { kind: EditableKind | 'setting'; contentId: number; data: unknown; authorId: number; note?: string },
) => db.insert(revisions).values({ ...revision, note: revision.note ?? '' })

/** Whether another item of the kind already uses this path or slug. */
export const addressTaken = async (db: Database, kind: EditableKind, address: string, exceptId: number | null) => {
  const except = exceptId ?? -1
  const row =
    kind === 'page'
      ? await db.select({ id: pages.id }).from(pages).where(and(eq(pages.path, address), ne(pages.id, except))).get()
      : kind === 'news'
        ? await db.select({ id: newsArticles.id }).from(newsArticles).where(and(eq(newsArticles.slug, address), ne(newsArticles.id, except))).get()
        : await db.select({ id: vacancies.id }).from(vacancies).where(and(eq(vacancies.slug, address), ne(vacancies.id, except))).get()
  return Boolean(row)
}

/**
 * Queries that create a draft item and its first revision, atomically: the revision takes the
 * new row's id from last_insert_rowid().
 */
export const createDraftQueries = <K extends EditableKind>(db: Database, kind: K, data: ContentData[K], authorId: number) => {
  // A revision's data is exactly its row's editable columns.
  const insertRow =
    kind === 'page'
      ? db.insert(pages).values({ ...(data as PageData), status: 'draft' })
      : kind === 'news'
        ? db.insert(newsArticles).values({ ...(data as NewsData), status: 'draft' })
        : db.insert(vacancies).values({ ...(data as VacancyData), status: 'draft' })
  return [
    insertRow,
    db.insert(revisions).values({ kind, contentId: sql`last_insert_rowid()`, data, authorId, note: 'Created' }),
  ] as const
}

/** The id of the newest item of a kind created by `authorId` (just after createDraftQueries). */
export const newestRevisionBy = (db: Database, kind: EditableKind, authorId: number) =>
  db
    .select({ contentId: revisions.contentId })
    .from(revisions)
    .where(and(eq(revisions.kind, kind), eq(revisions.authorId, authorId)))
    .orderBy(desc(revisions.id))
    .get()

/**
 * Query that updates a never-published draft's row to its latest revision, so lists show
 * the current title. A published row is left alone: it is what visitors see.
 */
export const updateDraftRowQuery = <K extends EditableKind>(db: Database, kind: K, id: number, data: ContentData[K], now: Date) => {
  if (kind === 'page') return db.update(pages).set({ ...(data as PageData), updatedAt: now }).where(and(eq(pages.id, id), eq(pages.status, 'draft')))
  if (kind === 'news') return db.update(newsArticles).set({ ...(data as NewsData), updatedAt: now }).where(and(eq(newsArticles.id, id), eq(newsArticles.status, 'draft')))
  return db.update(vacancies).set({ ...(data as VacancyData), updatedAt: now }).where(and(eq(vacancies.id, id), eq(vacancies.status, 'draft')))
}

/**
 * Queries that make a revision live: its data into the row, status published, and the content
 * version moved on so every cached page is fresh. A page whose path changes leaves a 301 from
 * the old path; a path that is live again loses its redirect.
 */
export const publishQueries = <K extends EditableKind>(
  db: Database,
  kind: K,
  item: { id: number; status: string; live: ContentData[K] },
  revision: { id: number; data: ContentData[K] } | null,
  now: Date,
) => {
  const data = revision?.data ?? item.live
  const common = { status: 'published' as const, updatedAt: now, publishedRevisionId: revision?.id ?? null }
  const publishedAt = sql`coalesce(published_at, ${now.getTime()})`
  if (kind === 'page') {
    const before = item.live as PageData
    const after = data as PageData
    const moved = item.status === 'published' && before.path !== after.path
    return [
      bumpContentVersionQuery(db, now),
      db.update(pages).set({ ...after, ...common, publishedAt }).where(eq(pages.id, item.id)),
      db.delete(redirects).where(eq(redirects.fromPath, after.path)),
      ...(moved
        ? [
            db.insert(redirects).values({ fromPath: before.path, toPath: after.path }).onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: after.path } }),
            // Older redirects to the old path now point straight at the new one.
            db.update(redirects).set({ toPath: after.path }).where(eq(redirects.toPath, before.path)),
          ]
        : []),
    ] as const
  }
  if (kind === 'news') {
    return [bumpContentVersionQuery(db, now), db.update(newsArticles).set({ ...(data as NewsData), ...common, publishedAt }).where(eq(newsArticles.id, item.id))] as const
  }
  return [bumpContentVersionQuery(db, now), db.update(vacancies).set({ ...(data as VacancyData), ...common, publishedAt }).where(eq(vacancies.id, item.id))] as const
}

/** Queries that take an item off the site (its address then answers 410) and move the version on. */
export const unpublishQueries = (db: Database, kind: EditableKind, id: number, now: Date) => {
  const set = { status: 'unpublished' as const, updatedAt: now }
  const update =
    kind === 'page'
      ? db.update(pages).set(set).where(eq(pages.id, id))
      : kind === 'news'
        ? db.update(newsArticles).set(set).where(eq(newsArticles.id, id))
        : db.update(vacancies).set(set).where(eq(vacancies.id, id))
  return [update, bumpContentVersionQuery(db, now)] as const
}

/** Pages that can be a parent, for the parent select. */
export const parentOptions = (db: Database) =>
  db.select({ id: pages.id, path: pages.path, title: pages.title }).from(pages).orderBy(asc(pages.path))
