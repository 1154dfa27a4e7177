import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../env.ts'
import { clientKey } from '../lib/client-key.ts'

/**
 * Refuses a client's requests with 429 once the Workers Rate Limiting binding says it has sent
 * too many (about 10 a minute for forms: plenty for a person correcting a few mistakes). An IPv6
 * client is counted by its /64 (lib/client-key.ts), so rotating through its addresses gains it
 * nothing.
 */
export const rateLimit = (pick: (env: AppEnv['Bindings']) => RateLimit) =>
  createMiddleware<AppEnv>(async function rateLimit(c, next) {
    // Cloudflare sets CF-Connecting-IP and overwrites any value a client sends.
    const key = clientKey(c.req.header('CF-Connecting-IP'))
    const { success } = await pick(c.env).limit({ key })
    if (!success) throw new HTTPException(429)
    await next()
  })
