// Staff-side queries for pages, news and vacancies: drafts live in `revisions`; the content
// row holds what is live. Saving adds a revision; publishing copies one into the row. Each
// function is written once for every kind, against its entry in content-tables.ts.
import {
  and,
  count,
  desc,
  eq,
  getTableColumns,
  gt,
  inArray,
  isNull,
  ne,
  or,
  sql,
} from 'drizzle-orm'
import { type AnySQLiteColumn, alias, unionAll } from 'drizzle-orm/sqlite-core'
import type { Database } from './client.ts'
import { CONTENT_TABLES, type ContentData, type EditableKind } from './content-tables.ts'
import {
  type ContentStatus,
  contentStatuses,
  newsArticles,
  pages,
  redirects,
  revisions,
  staff,
  vacancies,
} from './schema.ts'
import { reindexQueries, unindexQuery } from './search.ts'
import { bumpContentVersionQuery } from './settings.ts'

export type { ContentData, EditableKind } from './content-tables.ts'

/** A content item as the admin lists and edit pages show it. */
export type ContentSummary = {
  id: number
  title: string
  /** Path or slug. */
  address: string
  status: 'draft' | 'published' | 'unpublished'
  publishedRevisionId: number | null
  latestRevisionId: number | null
  /** When it was first published (a news article's publication date), or null. */
  publishedAt?: Date | null
  updatedAt: Date
}

/** A content item with its live data in revision form. */
export type ContentItem<K extends EditableKind> = ContentSummary & { live: ContentData[K] }

/** The columns of the staff list and edit page header. */
const summaryColumns = (kind: EditableKind) => {
  const { table, addressColumn } = CONTENT_TABLES[kind]
  return {
    id: table.id,
    title: table.title,
    address: sql<string>`${addressColumn}`,
    status: table.status,
    publishedRevisionId: table.publishedRevisionId,
    latestRevisionId: table.latestRevisionId,
    publishedAt: table.publishedAt,
    updatedAt: table.updatedAt,
  }
}

/**
 * The staff list's order of each kind: one column, then the id the same way, with no value
 * first (a news article never published, so a new draft is on the first page). Each table has
 * a (status, column) index, which holds the id too, so each status reads its rows in this order.
 */
const LIST_ORDER = {
  page: { column: pages.path, newestFirst: false },
  news: { column: newsArticles.publishedAt, newestFirst: true },
  vacancy: { column: vacancies.closingDate, newestFirst: true },
} as const satisfies Record<EditableKind, { column: AnySQLiteColumn; newestFirst: boolean }>

/**
 * Query for one page of a kind's staff list, in its list order (LIST_ORDER). No index leads
 * with that column, so the ids come from one ordered read of the (status, column) index per
 * status, merged (UNION ALL): the list never sorts the table, and reads only up to the page it
 * shows. Then the page's rows by id, kept in that order.
 */
export const contentListQuery = (db: Database, kind: EditableKind, page: number, size: number) => {
  const { table } = CONTENT_TABLES[kind]
  const { column, newestFirst } = LIST_ORDER[kind]
  const way = sql.raw(newestFirst ? 'desc' : 'asc')
  const arm = (status: ContentStatus) =>
    db
      .select({ id: table.id, key: sql`${column}`.as('list_key') })
      .from(table)
      .where(eq(table.status, status))
  const [first, second, ...rest] = contentStatuses
  // Written out: a union's ORDER BY names its result columns, not the table's.
  const keys = unionAll(arm(first), arm(second), ...rest.map(arm))
    .orderBy(sql`list_key ${way} nulls first, id ${way}`)
    .limit(size)
    .offset((page - 1) * size)
    .as('k')
  return db
    .select(summaryColumns(kind))
    .from(keys)
    .innerJoin(table, eq(table.id, keys.id))
    .orderBy(sql`${keys.key} ${way} nulls first, ${keys.id} ${way}`)
}

/** Query for how many items of a kind there are. */
export const contentCountQuery = (db: Database, kind: EditableKind) =>
  db.select({ total: count() }).from(CONTENT_TABLES[kind].table)

/** One page of a kind's staff list and how many items there are: one batch. */
export const contentListPage = (db: Database, kind: EditableKind, page: number, size: number) =>
  db.batch([contentListQuery(db, kind, page, size), contentCountQuery(db, kind)])

/** One content row, with its live data in revision form, or undefined (one query). */
export const contentItem = async <K extends EditableKind>(
  db: Database,
  kind: K,
  id: number,
): Promise<ContentItem<K> | undefined> => {
  const { table, fields } = CONTENT_TABLES[kind]
  const columns: Record<string, AnySQLiteColumn> = getTableColumns(table)
  const live = Object.fromEntries(
    fields.flatMap((field) => (columns[field] ? [[field, columns[field]]] : [])),
  )
  const row = await db
    .select({ ...summaryColumns(kind), live })
    .from(table)
    .where(eq(table.id, id))
    .get()
  // The row's editable columns are, by definition, the data a revision of this kind holds.
  return row && { ...row, live: row.live as ContentData[K] }
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
  /** The public change note of a major change; null for a minor one. */
  changeNote: string | null
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
  changeNote: revisions.changeNote,
  createdAt: revisions.createdAt,
}

/** Every revision of an item, newest first. */
export const revisionsOf = (
  db: Database,
  kind: EditableKind | 'setting',
  contentId: number,
): Promise<RevisionRow[]> =>
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
export const revisionOf = (
  db: Database,
  kind: EditableKind | 'setting',
  contentId: number,
  id: number,
) =>
  db
    .select(revisionColumns)
    .from(revisions)
    .leftJoin(staff, eq(staff.id, revisions.authorId))
    .where(and(eq(revisions.id, id), eq(revisions.kind, kind), eq(revisions.contentId, contentId)))
    .get()

/**
 * Whether `authorId` wrote any revision of the item after the published one (any revision at
 * all when it was never published from one): whether the version to publish holds their changes.
 */
export const authoredSincePublished = async (
  db: Database,
  kind: EditableKind,
  contentId: number,
  authorId: number,
  publishedRevisionId: number | null,
) => {
  const row = await db
    .select({ id: revisions.id })
    .from(revisions)
    .where(
      and(
        eq(revisions.kind, kind),
        eq(revisions.contentId, contentId),
        eq(revisions.authorId, authorId),
        gt(revisions.id, publishedRevisionId ?? 0),
      ),
    )
    .limit(1)
    .get()
  return Boolean(row)
}

/** Query that stores a revision of an existing item. */
export const insertRevisionQuery = (
  db: Database,
  revision: {
    kind: EditableKind | 'setting'
    contentId: number
    data: unknown
    authorId: number
    note?: string
    /** The public change note of a major change; null or absent for a minor one. */
    changeNote?: string | null
  },
) =>
  db
    .insert(revisions)
    .values({ ...revision, note: revision.note ?? '', changeNote: revision.changeNote ?? null })

/** Whether another item of the kind already uses this path or slug. */
export const addressTaken = async (
  db: Database,
  kind: EditableKind,
  address: string,
  exceptId: number | null,
) => {
  const { table, addressColumn } = CONTENT_TABLES[kind]
  const row = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(addressColumn, address), ne(table.id, exceptId ?? -1)))
    .get()
  return Boolean(row)
}

/**
 * Queries that create a draft item and its first revision, atomically: the revision takes the
 * new row's id from last_insert_rowid(). The first query returns the new id.
 */
export const createDraftQueries = <K extends EditableKind>(
  db: Database,
  kind: K,
  data: ContentData[K],
  authorId: number,
) => {
  const { table } = CONTENT_TABLES[kind]
  // TypeScript cannot relate a generic kind's data to its own table's insert type. `data` is
  // that kind's editable columns, checked by its schema; every other column has a default.
  const row: Record<string, unknown> = { ...data, status: 'draft' }
  return [
    db
      .insert(table)
      .values(row as (typeof table)['$inferInsert'])
      .returning({ id: table.id }),
    db
      .insert(revisions)
      .values({ kind, contentId: sql`last_insert_rowid()`, data, authorId, note: 'Created' }),
  ] as const
}

/**
 * Query that updates a never-published draft's row to its latest revision, so lists show
 * the current title. A published row is left alone: it is what visitors see.
 */
export const updateDraftRowQuery = <K extends EditableKind>(
  db: Database,
  kind: K,
  id: number,
  data: ContentData[K],
  now: Date,
) => {
  const { table } = CONTENT_TABLES[kind]
  return db
    .update(table)
    .set({ ...data, updatedAt: now })
    .where(and(eq(table.id, id), eq(table.status, 'draft')))
}

/** The revision a publish makes live: a stored one, or the one the same batch adds last. */
type PublishedRevision = { id: number } | 'newest'

/** What else a publish records: the public change note it adds, and the publication date. */
export type PublishExtras = {
  /** Appended to the item's public change notes (pages and news only), at `now`. */
  changeNote?: string | null
  /** The instant to show as "Published …" instead of the first publish's time. */
  publishedAt?: Date | null
}

/**
 * Queries that make data live: into the row, status published, its search index entry
 * replaced, and the content version moved on so every cached page is fresh. A page whose path
 * changes leaves a 301 from the old path; a path that is live again loses its redirect. A change
 * note is added to the item's public notes in the same statement.
 */
export const publishQueries = <K extends EditableKind>(
  db: Database,
  kind: K,
  item: { id: number; status: string; address: string },
  data: ContentData[K],
  revision: PublishedRevision | null,
  now: Date,
  extras: PublishExtras = {},
) => {
  const { table, address: addressField, redirectsWhenMoved } = CONTENT_TABLES[kind]
  const revisionId = revision === 'newest' ? table.latestRevisionId : (revision?.id ?? null)
  // Vacancies keep no change notes. json_object's result is JSON, so it is added as an object.
  const changeNotes =
    extras.changeNote && 'changeNotes' in table
      ? {
          changeNotes: sql`json_insert(change_notes, '$[#]',
            json_object('at', ${now.getTime()}, 'note', ${extras.changeNote}))`,
        }
      : {}
  const update = db
    .update(table)
    .set({
      ...data,
      status: 'published',
      updatedAt: now,
      publishedRevisionId: revisionId,
      publishedAt: extras.publishedAt ?? sql`coalesce(published_at, ${now.getTime()})`,
      ...changeNotes,
    })
    .where(eq(table.id, item.id))
  // The search index follows the row, read from it once it is updated (db/search.ts).
  const reindex = reindexQueries(db, kind, item.id)
  if (!redirectsWhenMoved) return [bumpContentVersionQuery(db, now), update, ...reindex] as const
  const before = item.address
  const after = String(data[addressField as keyof ContentData[K]])
  return [
    bumpContentVersionQuery(db, now),
    update,
    ...reindex,
    db.delete(redirects).where(eq(redirects.fromPath, after)),
    ...(item.status === 'published' && before !== after
      ? [
          db
            .insert(redirects)
            .values({ fromPath: before, toPath: after })
            .onConflictDoUpdate({ target: redirects.fromPath, set: { toPath: after } }),
          // Older redirects to the old path now point straight at the new one.
          db.update(redirects).set({ toPath: after }).where(eq(redirects.toPath, before)),
        ]
      : []),
  ] as const
}

/**
 * Queries that take an item off the site (its address then answers 410) and out of search;
 * the version moves on.
 */
export const unpublishQueries = (db: Database, kind: EditableKind, id: number, now: Date) => {
  const { table } = CONTENT_TABLES[kind]
  return [
    db.update(table).set({ status: 'unpublished', updatedAt: now }).where(eq(table.id, id)),
    bumpContentVersionQuery(db, now),
    unindexQuery(db, kind, id),
  ] as const
}

/** A page as the parent select offers it. */
export type ParentOption = { id: number; path: string; title: string }

/** The pages the parent select offers, and whether that is only some of them. */
export type ParentChoices = {
  options: ParentOption[]
  /** Only the top two levels (and the page's parent): deeper ones are typed as an address. */
  bounded: boolean
}

/** Up to this many pages, the parent select lists them all. */
export const PARENT_SELECT_ALL = 200

/** Most pages of the top two levels the bounded select lists (in address order). */
export const PARENT_SELECT_TOP = 200

const parentColumns = { id: pages.id, path: pages.path, title: pages.title }

/**
 * Query for the top-level pages and the pages under them, by the parent_id index, only when
 * there are more pages than the select lists whole (else the whole list serves, and this reads
 * at most PARENT_SELECT_ALL + 1 index entries to find so).
 */
export const topParentsQuery = (db: Database) => {
  const top = alias(pages, 'top')
  return db
    .select(parentColumns)
    .from(pages)
    .where(
      and(
        sql`exists (select 1 from pages p limit 1 offset ${PARENT_SELECT_ALL})`,
        or(
          isNull(pages.parentId),
          inArray(pages.parentId, db.select({ id: top.id }).from(top).where(isNull(top.parentId))),
        ),
      ),
    )
    .orderBy(pages.path)
    .limit(PARENT_SELECT_TOP)
}

/**
 * The pages the parent select offers (one batch): every page while there are at most
 * PARENT_SELECT_ALL; beyond that the top two levels, and the page now chosen (`selected`)
 * wherever it is, so the select always shows the current choice.
 */
export const parentChoices = async (
  db: Database,
  selected: number | null,
): Promise<ParentChoices> => {
  const [all, top, current] = await db.batch([
    db
      .select(parentColumns)
      .from(pages)
      .orderBy(pages.path)
      .limit(PARENT_SELECT_ALL + 1),
    topParentsQuery(db),
    db
      .select(parentColumns)
      .from(pages)
      .where(eq(pages.id, selected ?? 0)),
  ])
  if (all.length <= PARENT_SELECT_ALL) return { options: all, bounded: false }
  const options = [...top, ...current.filter((p) => !top.some((t) => t.id === p.id))]
  // Plain code-unit order, as SQLite's binary collation sorts the paths.
  options.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return { options, bounded: true }
}

/** The id of the page at a path, whatever its status, or undefined. */
export const pageIdAt = async (db: Database, path: string) =>
  (await db.select({ id: pages.id }).from(pages).where(eq(pages.path, path)).get())?.id

/** A page's path, whatever its status, or undefined when there is no such page. */
export const pagePathOf = async (db: Database, id: number) =>
  (await db.select({ path: pages.path }).from(pages).where(eq(pages.id, id)).get())?.path

/** Whether a page with this id exists, whatever its status (a parent may be a draft). */
export const pageExists = async (db: Database, id: number) =>
  Boolean(await db.select({ id: pages.id }).from(pages).where(eq(pages.id, id)).get())
