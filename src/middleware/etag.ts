import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.ts'

/** Headers a 304 keeps, as RFC 9110 (15.4.5) asks: those an equal 200 would have sent. */
const KEPT_ON_304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary']

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'))

/** A strong validator: the body's SHA-1, as hono/etag makes it. */
const validator = async (body: ArrayBuffer) => {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', body))
  let hex = ''
  for (const byte of digest) hex += HEX[byte]
  return `"${hex}"`
}

/**
 * ETags for successful GET and HEAD answers, and 304 Not Modified when If-None-Match holds one.
 * The same tags as hono/etag, made with one read of the body and one digest rather than its
 * chunked loop, and without replacing the response (which makes Hono copy every header).
 */
export const etag = () =>
  createMiddleware<AppEnv>(async function etag(c, next) {
    await next()
    const method = c.req.method
    const res = c.res
    if ((method !== 'GET' && method !== 'HEAD') || !res.ok || !res.body) return
    let tag = res.headers.get('ETag')
    if (!tag) {
      tag = await validator(await res.clone().arrayBuffer())
      res.headers.set('ETag', tag)
    }
    const ifNoneMatch = c.req.header('If-None-Match')
    if (!ifNoneMatch) return
    const expected = tag.replace(/^W\//, '')
    const matches =
      ifNoneMatch.trim() === '*' || ifNoneMatch.match(/"[^"]*"/g)?.some((t) => t === expected)
    if (!matches) return
    await res.body.cancel()
    const headers = new Headers()
    for (const name of KEPT_ON_304) {
      const value = res.headers.get(name)
      if (value) headers.set(name, value)
    }
    c.res = undefined
    c.res = new Response(null, { status: 304, headers })
  })
