import { createMiddleware } from 'hono/factory'

/** Browser lifetime and background revalidation window for public pages, in seconds. */
export type CacheHeaderOptions = { maxAge: number; staleWhileRevalidate: number }

/**
 * Gives successful public GET and HEAD responses a CDN-friendly `Cache-Control`, unless the
 * handler set one itself. Errors set their own in the error handler.
 */
export const cacheHeaders = ({ maxAge, staleWhileRevalidate }: CacheHeaderOptions) => {
  const value = `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`
  return createMiddleware(async function cacheHeaders(c, next) {
    await next()
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.res.status === 200) {
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', value)
    }
  })
}
