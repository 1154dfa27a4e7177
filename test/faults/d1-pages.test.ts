import { env } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { captureLogs, contentChanged, insertVacancy, isoDay } from '../helpers.ts'
import {
  d1Down,
  d1Flaky,
  fetchWith,
  seededRandom,
  sitemapPaths,
  trustVersion,
  versionExpires,
} from './faults.ts'

afterEach(() => vi.restoreAllMocks())

/** These tests send dozens of requests each, on a machine shared with other test runs. */
const SLOW = 60_000

/** The seed of the random fifth: change it to try another pattern, keep it to repeat one. */
const SEED = 9

/** Paths never answered with a page, so no copy of them can be served stale. */
const NEVER_CACHED = ['/no-such-page', '/news/no-such-article', '/careers/vacancies/no-such-job']

/** Public pages whose routes read nothing from D1. */
const NO_D1 = ['/robots.txt', '/.well-known/security.txt']

/** Every public page: the sitemap's, the feeds and text files, and a vacancy with its form. */
let pages: string[]

beforeAll(async () => {
  await insertVacancy('fault-analyst', 'Fault analyst', isoDay(30))
  await contentChanged()
  pages = [
    ...new Set([
      ...(await sitemapPaths()),
      '/sitemap.xml',
      '/news.atom',
      '/robots.txt',
      '/.well-known/security.txt',
      '/careers/vacancies/fault-analyst',
      '/careers/vacancies/fault-analyst/apply',
    ]),
  ]
})

/** Requests every page once with a healthy D1, so each has a copy in the edge cache. */
const warmCache = async () => {
  for (const path of pages) {
    const res = await fetchWith(path, {})
    expect(res.status, path).toBe(200)
    await res.arrayBuffer()
  }
}

/** What a visitor may get while D1 fails: a page (fresh or stale), or for some paths a 503. */
const problemWith = async (path: string, res: Response, mayBeUnavailable: boolean) => {
  const html = await res.text()
  if (res.status === 503 && mayBeUnavailable) {
    if (res.headers.get('Retry-After') !== '60') return `${path}: 503 without Retry-After`
    if (!html.includes('Sorry, the service is unavailable')) return `${path}: unfriendly 503`
    return undefined
  }
  if (mayBeUnavailable && res.status === 404) return undefined
  if (res.status !== 200) return `${path}: ${res.status}`
  if (!['HIT', 'MISS', 'STALE'].includes(res.headers.get('X-Cache') ?? ''))
    return `${path}: X-Cache ${res.headers.get('X-Cache')}`
  return undefined
}

describe('when D1 fails on every query', () => {
  it(
    'serves every public page from the edge cache while this location still trusts the version',
    async () => {
      await warmCache()
      const down = d1Down()
      for (const path of pages) {
        await trustVersion()
        const res = await fetchWith(path, { DB: down.db })
        expect(res.status, path).toBe(200)
        expect(res.headers.get('X-Cache'), path).toBe('HIT')
      }
      expect(down.counter.trips).toBe(0)
    },
    SLOW,
  )

  it(
    'serves every public page stale, marked X-Cache: STALE, once the version must be read from D1',
    async () => {
      const logs = captureLogs()
      await warmCache()
      await versionExpires()
      const down = d1Down()
      const problems: string[] = []
      for (const path of pages) {
        const res = await fetchWith(path, { DB: down.db })
        if (res.headers.get('X-Cache') !== 'STALE') problems.push(`${path}: not STALE`)
        const problem = await problemWith(path, res, false)
        if (problem) problems.push(problem)
      }
      expect(problems).toEqual([])
      expect(down.counter.failed).toBeGreaterThanOrEqual(pages.length)
      // The version could not be read, so no route ran and nothing was logged as unhandled.
      expect(logs).toEqual([])
    },
    SLOW,
  )

  it(
    'serves every public page stale after a publish, when no copy is stored under the new version',
    async () => {
      const logs = captureLogs()
      await warmCache()
      const down = d1Down()
      const stale: string[] = []
      for (const path of pages) {
        // A newer version, trusted here: the route runs, as no copy is stored under it.
        await contentChanged()
        const res = await fetchWith(path, { DB: down.db })
        expect(res.status, path).toBe(200)
        const state = res.headers.get('X-Cache')
        if (state === 'STALE') stale.push(path)
        // Only a route that needs no D1 (robots.txt, security.txt) answers fresh.
        else expect(NO_D1, `${path}: ${state}`).toContain(path)
      }
      expect(stale.length).toBe(pages.length - NO_D1.length)
      // Each route's query failed before the stale copy was found: logged, never shown.
      expect(logs).toEqual(
        stale.map((path) => expect.objectContaining({ level: 'error', event: 'unhandled', path })),
      )
    },
    SLOW,
  )

  it(
    'answers a page it never stored with a friendly 503 and Retry-After, not a 500',
    async () => {
      captureLogs()
      await versionExpires()
      const down = d1Down()
      for (const path of NEVER_CACHED) {
        const res = await fetchWith(path, { DB: down.db })
        expect(res.status, path).toBe(503)
        expect(res.headers.get('Retry-After'), path).toBe('60')
        expect(res.headers.get('Cache-Control'), path).toBe('no-store')
        const html = await res.text()
        expect(html, path).toContain('Sorry, the service is unavailable')
        expect(html, path).not.toContain('D1_ERROR')
      }
    },
    SLOW,
  )

  it(
    'answers HEAD for a stored page stale, with no body',
    async () => {
      await warmCache()
      await versionExpires()
      const res = await fetchWith('/about', { DB: d1Down().db }, { method: 'HEAD' })
      expect(res.status).toBe(200)
      expect(res.headers.get('X-Cache')).toBe('STALE')
      expect(await res.text()).toBe('')
    },
    SLOW,
  )

  it(
    'answers a confirmation page link with a friendly 503, not a 500, as it is never cached',
    async () => {
      captureLogs()
      const reference = 'SOCA-7K3F-Q9PX'
      await env.DB.prepare(
        "INSERT INTO submissions (reference, kind, fields, status) VALUES (?, 'enquiry', '{}', 'new')",
      )
        .bind(reference)
        .run()
      const down = d1Down()
      for (const path of ['/contact/sent', '/careers/application-sent']) {
        const res = await fetchWith(`${path}?reference=${reference}`, { DB: down.db })
        expect(res.status, path).toBe(503)
        expect(res.headers.get('Retry-After'), path).toBe('60')
        expect(res.headers.get('Cache-Control'), path).toBe('no-store')
      }
    },
    SLOW,
  )
})

describe(`when D1 fails on a random fifth of queries (seed ${SEED})`, () => {
  it(
    'never answers a GET of a public page with a 500: each is fresh, stale, or a friendly 503 if never stored',
    async () => {
      const logs = captureLogs()
      await warmCache()
      const flaky = d1Flaky(SEED)
      const random = seededRandom(SEED + 1)
      const tally = { requests: 0, HIT: 0, MISS: 0, STALE: 0, unavailable: 0, serverErrors: 0 }
      const problems: string[] = []
      // Three rounds over every page, each request after a seeded choice: the version expires
      // (D1 must be asked), content changes (no copy under the new version), or neither. The
      // version also expires by itself after 5 seconds, which a slow machine makes more likely.
      for (let round = 0; round < 3; round++) {
        for (const path of [...pages, ...NEVER_CACHED]) {
          const roll = random()
          if (roll < 0.4) await versionExpires()
          else if (roll < 0.45) await contentChanged()
          const res = await fetchWith(path, { DB: flaky.db })
          tally.requests++
          if (res.status >= 500) tally.serverErrors++
          if (res.status === 503) tally.unavailable++
          const state = res.headers.get('X-Cache') as 'HIT' | 'MISS' | 'STALE' | null
          if (state && state in tally && res.status === 200) tally[state]++
          const problem = await problemWith(path, res, NEVER_CACHED.includes(path))
          if (problem) problems.push(problem)
        }
      }
      expect(problems).toEqual([])
      // The faults really happened, and pages were served every way: fresh, hit and stale.
      const counts = JSON.stringify({ ...tally, ...flaky.counter })
      expect(flaky.counter.failed, counts).toBeGreaterThan(0)
      expect(tally.STALE, counts).toBeGreaterThan(0)
      expect(tally.MISS, counts).toBeGreaterThan(0)
      expect(tally.HIT, counts).toBeGreaterThan(0)
      expect(tally.serverErrors, counts).toBe(tally.unavailable)
      // Every line logged is a failed query, with its request's path and id.
      for (const line of logs)
        expect(line).toEqual(expect.objectContaining({ level: 'error', event: 'unhandled' }))
    },
    SLOW,
  )
})
