// The kinds of content staff edit, as the database holds them: one entry per kind. Everything
// in db/content.ts is written once against these entries, so a new kind is a table in
// schema.ts and an entry here (and its form and labels in publishing/kinds.ts).
import { getTableColumns } from 'drizzle-orm'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { newsArticles, pages, vacancies } from './schema.ts'

/** The tables that hold editable content; each has the columns listed in `ContentTableSpec`. */
export type ContentTable = typeof pages | typeof newsArticles | typeof vacancies

/** Column names of a content table's rows. */
type ColumnOf<T extends ContentTable> = keyof T['$inferSelect'] & string

/** One kind of content as stored: its table, address column and editable columns. */
export type ContentTableSpec<
  T extends ContentTable = ContentTable,
  F extends readonly ColumnOf<T>[] = readonly ColumnOf<T>[],
> = {
  /** Its name in `revisions.kind` and the audit log. */
  kind: 'page' | 'news' | 'vacancy'
  table: T
  /** The editable columns: a revision's data is exactly these. */
  fields: F
  /** The column that must be unique and makes the item's address: path or slug. */
  address: F[number]
  /** That column itself, for queries. */
  addressColumn: AnySQLiteColumn
  /** Whether the address is a site path, which leaves a 301 behind when it changes. */
  redirectsWhenMoved: boolean
}

const spec = <T extends ContentTable, const F extends readonly ColumnOf<T>[]>(
  entry: Omit<ContentTableSpec<T, F>, 'addressColumn'>,
): ContentTableSpec<T, F> => {
  // Indexing a generic table's columns by a generic name is beyond TypeScript's inference.
  const columns: Record<string, AnySQLiteColumn> = getTableColumns(entry.table)
  const addressColumn = columns[entry.address]
  if (!addressColumn) throw new Error(`${entry.kind}: no column ${entry.address}`)
  return { ...entry, addressColumn }
}

/** Every kind of editable content, by name. */
export const CONTENT_TABLES = {
  page: spec({
    kind: 'page',
    table: pages,
    fields: ['path', 'parentId', 'title', 'summary', 'body', 'navOrder'],
    address: 'path',
    redirectsWhenMoved: true,
  }),
  news: spec({
    kind: 'news',
    table: newsArticles,
    fields: ['slug', 'title', 'summary', 'body', 'publicationDate'],
    address: 'slug',
    redirectsWhenMoved: false,
  }),
  vacancy: spec({
    kind: 'vacancy',
    table: vacancies,
    fields: ['slug', 'title', 'summary', 'grade', 'location', 'salary', 'closingDate', 'body'],
    address: 'slug',
    redirectsWhenMoved: false,
  }),
}

/** The name of a kind of editable content. */
export type EditableKind = keyof typeof CONTENT_TABLES

type RowOf<K extends EditableKind> = (typeof CONTENT_TABLES)[K]['table']['$inferSelect']

/** The data a revision of each kind holds: its editable columns, typed from schema.ts. */
export type ContentData = {
  [K in EditableKind]: Pick<
    RowOf<K>,
    Extract<(typeof CONTENT_TABLES)[K]['fields'][number], keyof RowOf<K>>
  >
}
