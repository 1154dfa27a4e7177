// The content version: the time (ms) public content last changed, kept in D1 (settings) and
// copied into each location's Cache API for a few seconds, so checking it costs no D1 query.
import type { Database } from '../db/client.ts'
import { contentVersionQuery } from '../db/settings.ts'

/** The header the admin Worker sends back after changing public content. */
export const CONTENT_VERSION_HEADER = 'X-Content-Version'

/**
 * How long a location trusts its copy of the version. A change made through this location is
 * seen at once (the copy is replaced); any other location sees it within this many seconds.
 */
export const VERSION_TTL_SECONDS = 5

const versionUrl = (origin: string) => `${origin}/__cache/content-version`

/** Stores the version in this location's cache. */
export const rememberVersion = (cache: Cache, origin: string, version: string) =>
  cache.put(
    versionUrl(origin),
    new Response(version, { headers: { 'Cache-Control': `max-age=${VERSION_TTL_SECONDS}` } }),
  )

/**
 * The current content version: this location's cached copy, or D1's (one query), which is then
 * cached. '0' when content has never changed since the seed.
 */
export const currentVersion = async (cache: Cache, origin: string, db: Database) => {
  // The Cache API failing is a miss: D1 answers, and is asked again next time.
  const cached = await cache.match(versionUrl(origin)).catch(() => undefined)
  if (cached) return cached.text()
  const [row] = await contentVersionQuery(db)
  const version = row?.value ?? '0'
  await rememberVersion(cache, origin, version).catch(() => undefined)
  return version
}
