import { createMiddleware } from 'hono/factory'
import { createDb } from '../db/client.ts'
import type { AppEnv } from '../env.ts'

/** Creates the Drizzle client once per request and stores it as `c.var.db`. */
export const database = () =>
  createMiddleware<AppEnv>(async function database(c, next) {
    c.set('db', createDb(c.env.DB))
    await next()
  })
