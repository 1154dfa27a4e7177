import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.ts'
import { currentVersion, memorisedVersion } from '../http/content-version.ts'
import { ukToday } from '../lib/dates.ts'
import { isDatabaseFailure, renderError } from '../http/errors.tsx'
import { isStaffSessionCookie } from '../auth/staff-cookie.ts'
import { cacheKeyPath, isPersonalPath } from '../http/cache-rules.ts'
import { KEPT_ON_304 } from './etag.ts'
import { applySecurityHeaders } from './security-headers.ts'

/** How long a stored page may be served while D1 is down. */
export const STALE_FOR_SECONDS = 24 * 60 * 60

/**
 * Statuses worth storing: pages, and the answers for paths that do not or no longer exist, so
 * bots asking again and again for /wp-login.php cost no D1 query either.
 */
const STORED_STATUSES = new Set([200, 404, 410])

/** Tells a hit from a miss (and a stale copy served while D1 is down). */
export const CACHE_HEADER = 'X-Cache'

/** The header hono/request-id answers with, as the app's requestId() middleware sets it. */
const REQUEST_ID_HEADER = 'X-Request-Id'

/**
 * The cache key of a page at a content version, as this Worker version renders it. The UK date is
 * in it too, as vacancy lists change at midnight without anyone publishing. The Worker version
 * (its id, from the version metadata binding) is there because the Cache API outlives a deploy:
 * without it, a page rendered before one, linking to stylesheets the deploy removed, would still
 * be served until the next publish or midnight.
 */
export const versionedKey = (
  url: URL,
  version: string,
  today: string,
  worker: WorkerVersionMetadata,
) => `${url.origin}/__cache/v/${worker.id}/${version}/${today}${cacheKeyPath(url)}`

/**
 * The key of the newest copy of a page at any version, by any Worker version: what is served
 * while D1 is down (a page from before a deploy still reads well if its old stylesheet is gone).
 */
export const latestKey = (url: URL) => `${url.origin}/__cache/latest${cacheKeyPath(url)}`

/**
 * A stored page as a hit sends it: body read once, headers already as the visitor gets them
 * (security headers included), except for the request's own id.
 */
type Kept = { body: ArrayBuffer; status: number; headers: [string, string][] }

/**
 * Pages this isolate stored or found recently, by versioned key, so a hit skips even the Cache
 * API lookup and builds one Response. Safe because the key holds the content version: after a
 * publish, no old entry is ever looked up again. Bounded; the oldest entry goes first.
 */
const memory = new Map<string, Kept>()
const MEMORY_ENTRIES = 200

const remember = (key: string, kept: Kept) => {
  memory.set(key, kept)
  if (memory.size > MEMORY_ENTRIES) memory.delete(memory.keys().next().value!)
}

/**
 * Headers that stay with the stored copy: it dates itself with them for staleness. `Age` and
 * `CF-Cache-Status` are the Cache API's, about its own copy: kept in memory, they would be
 * frozen, wrong, for as long as the page is.
 */
const STORED_ONLY = new Set([
  'cache-control',
  'x-browser-cache-control',
  'x-stored-at',
  'x-cache',
  'age',
  'cf-cache-status',
])

/**
 * A stored copy as a visitor gets it, with the security headers every response carries. The
 * stored-only headers (`X-Stored-At`, which dates it for staleness, and the browser's own
 * Cache-Control) stay behind.
 */
const kept = async (
  stored: Response,
  state: 'HIT' | 'STALE',
  env: AppEnv['Bindings'],
): Promise<Kept> => {
  const headers = new Headers()
  for (const [name, value] of stored.headers) if (!STORED_ONLY.has(name)) headers.set(name, value)
  headers.set(
    'Cache-Control',
    stored.headers.get('X-Browser-Cache-Control') ?? 'public, max-age=60',
  )
  headers.set(CACHE_HEADER, state)
  applySecurityHeaders(headers, env)
  return { body: await stored.arrayBuffer(), status: stored.status, headers: [...headers] }
}

/** The UK date for the key, worked out at most once a second (a second late at midnight). */
let date = { today: '', until: 0 }
const today = (now: number) => {
  // A clock that went back (a test's) starts again too.
  if (now >= date.until || now < date.until - 1000)
    date = { today: ukToday(new Date(now)), until: now + 1000 }
  return date.today
}

/** A stored copy, or undefined when there is none or the Cache API fails: a miss either way. */
const cachedOrNothing = (cache: Cache, key: string) => cache.match(key).catch(() => undefined)

/** Whether a request's validators match a response, so 304 Not Modified will do. */
const notModified = (c: Context<AppEnv>, res: Response) => {
  const etag = res.headers.get('ETag')
  const ifNoneMatch = c.req.header('If-None-Match')
  if (ifNoneMatch) return Boolean(etag) && ifNoneMatch.split(',').some((t) => t.trim() === etag)
  const since = Date.parse(c.req.header('If-Modified-Since') ?? '')
  const modified = Date.parse(res.headers.get('Last-Modified') ?? '')
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since
}

const answer = (c: Context<AppEnv>, res: Response) => {
  if (notModified(c, res)) {
    const headers = new Headers()
    for (const name of [...KEPT_ON_304, 'last-modified', CACHE_HEADER]) {
      const value = res.headers.get(name)
      if (value) headers.set(name, value)
    }
    return new Response(null, { status: 304, headers })
  }
  if (c.req.method === 'HEAD') return new Response(null, res)
  return res
}

/** A kept page: one new Response, with no header to rewrite (two for HEAD or a 304). */
const send = (c: Context<AppEnv>, page: Kept) =>
  answer(c, new Response(page.body, { status: page.status, headers: page.headers }))

/**
 * The edge cache for public GET and HEAD, on the Workers Cache API (per data centre; it does
 * nothing on *.workers.dev, so production runs on a custom domain).
 *
 * - Pages are stored under the content version, so publishing makes every old copy unreachable
 *   at once: nothing needs purging, and no publish can fail to purge.
 * - A hit costs no D1 query while the location's copy of the version is fresh (5 seconds), and
 *   when this isolate holds the version (a second) and the page, no Cache API lookup either:
 *   just one new Response (http/content-version.ts has the freshness contract).
 * - Responses that set cookies, are not `public`, belong to one visitor (http/cache-rules.ts)
 *   or come from a signed-in member of staff (who must read their own writes) are never stored.
 * - The key is the path and only the parameters its route reads (http/cache-rules.ts).
 * - When D1 fails, the newest stored copy is served for up to 24 hours, marked STALE; a page
 *   never stored gets a 503 with Retry-After.
 */
export const edgeCache = () =>
  createMiddleware<AppEnv>(async function edgeCache(c, next) {
    const method = c.req.method
    const bypass =
      (method !== 'GET' && method !== 'HEAD') ||
      isPersonalPath(c.req.path) ||
      // Only a session cookie that sign-in issued, checked by its signature (no D1 query): a
      // made-up one must not send every request past the cache to D1.
      (await isStaffSessionCookie(c.req.header('Cookie'), c.env.STAFF_COOKIE_KEY))
    if (bypass) {
      await next()
      if (method === 'GET' || method === 'HEAD') c.res.headers.set(CACHE_HEADER, 'BYPASS')
      return
    }
    const cache = caches.default
    const url = new URL(c.req.url)

    const staleOrUnavailable = async () => {
      const stored = await cachedOrNothing(cache, latestKey(url))
      const storedAt = Number(stored?.headers.get('X-Stored-At'))
      if (stored && Date.now() - storedAt < STALE_FOR_SECONDS * 1000)
        return send(c, await kept(stored, 'STALE', c.env))
      const res = await renderError(c, 503)
      res.headers.set(CACHE_HEADER, 'MISS')
      return res
    }

    const now = Date.now()
    let version: string
    try {
      version = await currentVersion(cache, url.origin, c.var.db, now)
    } catch {
      return staleOrUnavailable()
    }
    c.set('contentVersion', version)
    // The bench's uncached page (ALLOW_CACHE_BYPASS is never set in production): a miss, from
    // the version on, that neither looks for a stored page nor stores one.
    if (c.env.ALLOW_CACHE_BYPASS === 'true' && c.req.header('X-Bypass-Cache') === '1') {
      await next()
      c.res.headers.set(CACHE_HEADER, 'BYPASS')
      return
    }
    const key = versionedKey(url, version, today(now), c.env.CF_VERSION_METADATA)
    const inMemory = memory.get(key)
    if (inMemory) return send(c, inMemory)
    const stored = await cachedOrNothing(cache, key)
    if (stored) {
      // Another isolate of this location stored it: kept here too from now on.
      const page = await kept(stored, 'HIT', c.env)
      remember(key, page)
      return send(c, page)
    }

    await next()
    if (c.error && c.res.status >= 500 && isDatabaseFailure(c.error)) {
      c.res = await staleOrUnavailable()
      return
    }
    const res = c.res
    const cacheControl = res.headers.get('Cache-Control') ?? ''
    if (Number(version) > 0 && res.status === 200)
      res.headers.set('Last-Modified', new Date(Number(version)).toUTCString())
    res.headers.set(CACHE_HEADER, 'MISS')
    if (
      method === 'GET' &&
      STORED_STATUSES.has(res.status) &&
      cacheControl.includes('public') &&
      !res.headers.has('Set-Cookie')
    ) {
      const stored = new Response(res.clone().body, res)
      stored.headers.set('X-Browser-Cache-Control', cacheControl)
      stored.headers.set('Cache-Control', `public, max-age=${STALE_FOR_SECONDS}`)
      stored.headers.set('X-Stored-At', String(Date.now()))
      // The id of the request that filled the cache means nothing to the visitors it serves.
      stored.headers.delete(REQUEST_ID_HEADER)
      const copy = stored.clone()
      const forMemory = stored.clone()
      c.executionCtx.waitUntil(
        Promise.all([
          cache.put(key, stored),
          // Only a page is worth serving stale while D1 is down.
          res.status === 200 ? cache.put(latestKey(url), copy) : undefined,
          kept(forMemory, 'HIT', c.env).then((page) => remember(key, page)),
          // A cache that cannot store costs only the next request a D1 query.
        ]).catch(() => undefined),
      )
    }
    // Assigning c.res makes Hono copy every header into a new Response: only when it changed.
    const answered = answer(c, res)
    if (answered !== res) c.res = answered
  })

/**
 * Request headers that need the app: a session (or any cookie), a conditional request, a caller's
 * own request id, or a request to bypass the cache.
 */
const NEEDS_APP = ['Cookie', 'If-None-Match', 'If-Modified-Since', 'X-Request-Id', 'X-Bypass-Cache']

/**
 * The hit path, run before the app (src/index.tsx): a GET or HEAD that this isolate can answer
 * from memory, at the version it holds, gets the kept page with a new request id, and costs no
 * routing, middleware, D1 session or Cache API lookup. Anything else is undefined, for the app
 * (whose edge cache above answers the same page in the same way, more slowly).
 */
export const memoryHit = (request: Request, env: AppEnv['Bindings']): Response | undefined => {
  const method = request.method
  if (method !== 'GET' && method !== 'HEAD') return
  for (const name of NEEDS_APP) if (request.headers.has(name)) return
  const url = new URL(request.url)
  const now = Date.now()
  const version = memorisedVersion(url.origin, now)
  if (version === undefined) return
  // Only what the edge cache stored is here: never a personal path, the staff area or a file.
  const page = memory.get(versionedKey(url, version, today(now), env.CF_VERSION_METADATA))
  if (!page) return
  return new Response(method === 'HEAD' ? null : page.body, {
    status: page.status,
    headers: [...page.headers, [REQUEST_ID_HEADER, crypto.randomUUID()]],
  })
}
