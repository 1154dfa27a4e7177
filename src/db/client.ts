import { drizzle } from 'drizzle-orm/d1'

/**
 * Creates the Drizzle client over a D1 binding. Queries name their tables from schema.ts
 * directly (no relational query API), so each Worker bundles only the tables it uses.
 */
export const createDb = (d1: D1Database) => drizzle(d1)

/** The Drizzle client every query function takes as its first argument. */
export type Database = ReturnType<typeof createDb>
