import { drizzle } from 'drizzle-orm/d1'
import * as schema from './schema.ts'

/** Creates the Drizzle client over a D1 binding. */
export const createDb = (d1: D1Database) => drizzle(d1, { schema })

/** The Drizzle client every query function takes as its first argument. */
export type Database = ReturnType<typeof createDb>
