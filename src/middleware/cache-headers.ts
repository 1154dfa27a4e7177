import { createMiddleware } from 'hono/factory'

/** Browser lifetime and background revalidation window for public pages, in seconds. */
export type CacheHeaderOptions = { maxAge: number; staleWhileRevalidate: number }

/** The tag on every cacheable public response, for a zone purge by tag. */
export const CACHE_TAG = 'soca-pages'

/**
 * Gives successful public GET and HEAD responses a CDN-friendly `Cache-Control` and a
 * `Cache-Tag`, unless the handler set its own. Errors set theirs in the error handler.
 */
export const cacheHeaders = ({ maxAge, staleWhileRevalidate }: CacheHeaderOptions) => {
  const value = `public, max-age=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`
  return createMiddleware(async function cacheHeaders(c, next) {
    await next()
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && c.res.status === 200) {
      if (!c.res.headers.has('Cache-Control')) {
        c.res.headers.set('Cache-Control', value)
        c.res.headers.set('Cache-Tag', CACHE_TAG)
      }
    }
  })
}
