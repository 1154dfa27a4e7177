import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../env.ts'

/**
 * Refuses a client's requests with 429 once the Workers Rate Limiting binding says it has sent
 * too many (about 10 a minute for forms: plenty for a person correcting a few mistakes).
 */
export const rateLimit = (pick: (env: AppEnv['Bindings']) => RateLimit) =>
  createMiddleware<AppEnv>(async function rateLimit(c, next) {
    // Cloudflare sets CF-Connecting-IP and overwrites any value a client sends.
    const key = c.req.header('CF-Connecting-IP') ?? 'unknown-client'
    const { success } = await pick(c.env).limit({ key })
    if (!success) throw new HTTPException(429)
    await next()
  })
