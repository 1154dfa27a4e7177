// Queries every uncached public page runs, built once per isolate. Drizzle builds a query's SQL
// from its parts on each call; for the page by path, its redirect and the page's part of the
// tree, that was about a seventh of an uncached page's Worker CPU in a profile under the bench.
// Here each shape of query is built once, with placeholders for its values, and each request
// only binds its own values to the SQL text kept.
import { fillPlaceholders, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import { type Database, createDb } from './client.ts'

/**
 * What D1 batches run: Drizzle's batch() calls `_prepare()` on each query, then binds the
 * prepared query's `stmt` to its params and maps the rows with its fields. Not in Drizzle's
 * public types, so it is named here; test/db/prebuilt.test.ts holds every prebuilt query to
 * the rows of the same query built the usual way.
 */
type Prepared = {
  stmt: D1PreparedStatement
  getQuery: () => { sql: string; params: unknown[] }
}
type Preparable = { _prepare: () => Prepared }

/** A query's shape, as first built: the SQL text and params, placeholders included. */
type Shape = { prepared: Prepared; sql: string; params: unknown[] }

const shapes = new Map<string, Shape>()

/** What shapes are built with: a client with no database behind it, so nothing is run. */
const template = createDb({ prepare: () => ({}) } as unknown as D1Database)

/**
 * A placeholder for the value `name` of a prebuilt query, typed as the value it stands for, so
 * the query functions that take that value build the query with it unchanged.
 */
export const value = <T>(name: string) => sql.placeholder(name) as unknown as T

/**
 * `build`'s query with `values` for its placeholders, for a D1 batch. The query is built the
 * first time a shape (`key`) is asked for in this isolate; after that, only its values are
 * bound. `build` must make the same SQL for the same key, so the key names everything in the
 * SQL text that is not a placeholder (such as how many paths an IN list has).
 */
export const prebuilt = <Q extends BatchItem<'sqlite'>>(
  db: Database,
  key: string,
  build: (template: Database) => Q,
  values: Record<string, unknown>,
): Q => {
  let shape = shapes.get(key)
  if (!shape) {
    const prepared = (build(template) as unknown as Preparable)._prepare()
    const query = prepared.getQuery()
    shape = { prepared, sql: query.sql, params: query.params }
    shapes.set(key, shape)
  }
  const { prepared, sql: text, params } = shape
  // The shape's prepared query, with this request's statement and values: its fields and
  // result mapping are the shape's, the same for every request.
  const run: Prepared = Object.assign(Object.create(Object.getPrototypeOf(prepared)), prepared, {
    stmt: db.$client.prepare(text),
    query: { sql: text, params: fillPlaceholders(params, values) },
  })
  // Only batch() may run it: it is no query builder, just what batch() asks of one.
  return { _prepare: () => run } as unknown as Q
}
