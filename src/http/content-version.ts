// The content version: the time (ms) public content last changed, kept in D1 (settings) and
// copied into each location's Cache API, and into each isolate's memory for a second, so
// checking it on a cache hit costs neither a D1 query nor a Cache API lookup.
//
// Freshness contract: the version a location read from D1 at time t is used until t + 5 s at
// the latest (the Cache API copy carries t, and the memo never outlives it). A change made
// through a location replaces both its copies at once, so that location serves the new
// version on its very next request; any other isolate or location within 5 seconds.
import type { Database } from '../db/client.ts'
import { contentVersionQuery } from '../db/settings.ts'

/** The header the admin Worker sends back after changing public content. */
export const CONTENT_VERSION_HEADER = 'X-Content-Version'

/** The freshness window: no copy of the version is used longer after D1 was read. */
export const VERSION_TTL_SECONDS = 5

/** How long an isolate keeps the version in memory before it asks the Cache API again. */
export const VERSION_MEMO_MS = 1000

/** When the copy in the Cache API was read from D1 (ms since the epoch). */
const READ_AT_HEADER = 'X-Read-At'

const versionUrl = (origin: string) => `${origin}/__cache/content-version`

/** This isolate's copy: the version of an origin, and until when (ms) it may be used. */
let memo: { origin: string; version: string; until: number } | undefined

const memorise = (origin: string, version: string, readAt: number, now: number) => {
  memo = {
    origin,
    version,
    until: Math.min(now + VERSION_MEMO_MS, readAt + VERSION_TTL_SECONDS * 1000),
  }
}

/**
 * Stores the version, read from D1 (or just written to it) at `now`, in this isolate's memory
 * and in this location's cache.
 */
export const rememberVersion = (
  cache: Cache,
  origin: string,
  version: string,
  now = Date.now(),
) => {
  memorise(origin, version, now, now)
  return cache.put(
    versionUrl(origin),
    new Response(version, {
      headers: {
        'Cache-Control': `max-age=${VERSION_TTL_SECONDS}`,
        [READ_AT_HEADER]: String(now),
      },
    }),
  )
}

/** Forgets this isolate's copy, as a second passing does (tests simulate time with it). */
export const forgetVersion = () => {
  memo = undefined
}

/** This isolate's copy of an origin's version while it is fresh at `now`, else undefined. */
export const memorisedVersion = (origin: string, now: number) =>
  memo && memo.origin === origin && now < memo.until ? memo.version : undefined

/**
 * The current content version at `now`: this isolate's copy while it is fresh, else this
 * location's cached copy, else D1's (one query), which is then cached. '0' when content has
 * never changed since the seed.
 */
export const currentVersion = async (
  cache: Cache,
  origin: string,
  db: Database,
  now = Date.now(),
) => {
  const memorised = memorisedVersion(origin, now)
  if (memorised !== undefined) return memorised
  // The Cache API failing is a miss: D1 answers, and is asked again next time.
  const cached = await cache.match(versionUrl(origin)).catch(() => undefined)
  const readAt = Number(cached?.headers.get(READ_AT_HEADER))
  // A copy without its date, or older than the window, is not trusted whatever the cache says.
  if (cached && Math.abs(now - readAt) < VERSION_TTL_SECONDS * 1000) {
    const version = await cached.text()
    memorise(origin, version, readAt, now)
    return version
  }
  const [row] = await contentVersionQuery(db)
  const version = row?.value ?? '0'
  await rememberVersion(cache, origin, version, now).catch(() => undefined)
  return version
}
