import { drizzle } from 'drizzle-orm/d1'

/**
 * Creates the Drizzle client over a D1 binding. Queries name their tables from schema.ts
 * directly (no relational query API), so each Worker bundles only the tables it uses.
 */
export const createDb = (d1: D1Database | D1DatabaseSession) =>
  // Drizzle's D1 driver calls only prepare() and batch(), which a Sessions API session has too;
  // its types just do not list sessions yet.
  drizzle(d1 as D1Database)

/** The Drizzle client every query function takes as its first argument. */
export type Database = ReturnType<typeof createDb>
