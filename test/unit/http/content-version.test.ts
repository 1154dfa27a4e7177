import { beforeEach, describe, expect, it } from 'vitest'
import { createDb } from '../../../src/db/client.ts'
import {
  VERSION_MEMO_MS,
  VERSION_TTL_SECONDS,
  currentVersion,
  forgetVersion,
  rememberVersion,
} from '../../../src/http/content-version.ts'

const ORIGIN = 'https://www.example.gov.uk'
const WINDOW = VERSION_TTL_SECONDS * 1000

/** A D1 stand-in holding the version, counting the queries it answers. */
const fakeD1 = (state: { version: string; queries: number }) =>
  ({
    prepare: () => {
      const statement = {
        bind: () => statement,
        raw: async () => {
          state.queries++
          return [[state.version]]
        },
        all: async () => {
          state.queries++
          return { results: [{ value: state.version }] }
        },
      }
      return statement
    },
  }) as unknown as D1Database

/** A Cache API stand-in that keeps everything (as a location's cache can, past max-age). */
const fakeCache = () => {
  const entries = new Map<string, Response>()
  const cache = {
    lookups: 0,
    match: async (key: string) => {
      cache.lookups++
      return entries.get(key)?.clone()
    },
    put: async (key: string, res: Response) => {
      entries.set(key, res)
    },
  }
  return cache
}

/** One location: its cache and D1, as one isolate of it sees them. */
const location = (version = '100') => {
  const d1 = { version, queries: 0 }
  const cache = fakeCache()
  const db = createDb(fakeD1(d1))
  const at = (now: number) => currentVersion(cache as unknown as Cache, ORIGIN, db, now)
  return { d1, cache, db, at }
}

const T0 = 1_800_000_000_000

beforeEach(() => forgetVersion())

describe('the content version memo', () => {
  it('answers from memory for a second: no Cache API lookup, no D1 query', async () => {
    const { d1, cache, at } = location()
    expect(await at(T0)).toBe('100')
    expect(d1.queries).toBe(1)
    const lookups = cache.lookups
    for (const ms of [1, 500, VERSION_MEMO_MS - 1]) expect(await at(T0 + ms)).toBe('100')
    expect(cache.lookups).toBe(lookups)
    expect(d1.queries).toBe(1)
  })

  it("asks the location's cache again after a second, as another isolate of it would", async () => {
    const { d1, cache, at } = location()
    await at(T0)
    // Another isolate of this location published: D1 and the location's cached copy changed,
    // not this isolate's memory.
    d1.version = '200'
    await cache.put(
      `${ORIGIN}/__cache/content-version`,
      new Response('200', { headers: { 'X-Read-At': String(T0 + 10) } }),
    )
    const queries = d1.queries
    expect(await at(T0 + VERSION_MEMO_MS - 1)).toBe('100')
    expect(await at(T0 + VERSION_MEMO_MS)).toBe('200')
    expect(d1.queries).toBe(queries)
  })

  it('never uses a version past the window after it was read from D1', async () => {
    const { d1, at } = location()
    await at(T0)
    // Another location published: only D1 knows.
    d1.version = '300'
    // The memo is refreshed from the cached copy each second, never past the copy's window.
    for (let ms = 0; ms < WINDOW; ms += 250) expect(await at(T0 + ms), `${ms} ms`).toBe('100')
    expect(await at(T0 + WINDOW - 1)).toBe('100')
    expect(await at(T0 + WINDOW)).toBe('300')
    expect(d1.queries).toBe(2)
  })

  it('sees a change made through this isolate at once (the publish path)', async () => {
    const { cache, d1, at } = location()
    await at(T0)
    d1.version = '400'
    await rememberVersion(cache as unknown as Cache, ORIGIN, '400', T0 + 5)
    expect(await at(T0 + 6)).toBe('400')
  })

  it('does not trust a cached copy that has no read time or is from the future', async () => {
    const { cache, d1, at } = location('500')
    await cache.put(`${ORIGIN}/__cache/content-version`, new Response('1'))
    expect(await at(T0)).toBe('500')
    forgetVersion()
    await cache.put(
      `${ORIGIN}/__cache/content-version`,
      new Response('2', { headers: { 'X-Read-At': String(T0 + 10 * WINDOW) } }),
    )
    expect(await at(T0)).toBe('500')
    expect(d1.queries).toBe(2)
  })

  it("keeps each origin's version apart", async () => {
    const { at, db, cache } = location('600')
    await at(T0)
    const other = fakeCache()
    await rememberVersion(other as unknown as Cache, 'https://other.example', '7', T0)
    expect(await at(T0 + 1)).toBe('600')
    expect(
      await currentVersion(cache as unknown as Cache, 'https://other.example', db, T0 + 2),
    ).toBe('600')
  })

  it('reads D1 when the Cache API fails, and still memorises what it read', async () => {
    const d1 = { version: '700', queries: 0 }
    const broken = {
      match: async () => Promise.reject(new Error('cache down')),
      put: async () => Promise.reject(new Error('cache down')),
    } as unknown as Cache
    const db = createDb(fakeD1(d1))
    expect(await currentVersion(broken, ORIGIN, db, T0)).toBe('700')
    expect(await currentVersion(broken, ORIGIN, db, T0 + 10)).toBe('700')
    expect(d1.queries).toBe(1)
  })
})
