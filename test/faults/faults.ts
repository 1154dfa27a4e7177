import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { XMLParser } from 'fast-xml-parser'
import { forgetVersion, rememberVersion } from '../../src/http/content-version.ts'
import { ORIGIN, request } from '../helpers.ts'
import worker from '../worker.ts'

/**
 * What one D1 round trip does: answer, fail before it runs (`fail`), or run and then lose its
 * answer on the way back (`lose-answer`, as a dropped connection after a commit would).
 */
export type D1Fault = 'none' | 'fail' | 'lose-answer'

/** mulberry32: a small seeded generator, so a "random" fault pattern is the same every run. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The test file's D1 behind a switch: `decide` is asked before every round trip (each batch, and
 * each statement run on its own) and says whether it fails. Works as a binding and as a session.
 */
export const faultyD1 = (decide: (trip: number, sql: string) => D1Fault) => {
  const counter = { trips: 0, failed: 0, lost: 0 }
  const real = new WeakMap<object, D1PreparedStatement>()
  const sqlOf = new WeakMap<object, string>()
  const trip = async <T>(sql: string, run: () => Promise<T>) => {
    const fault = decide(++counter.trips, sql)
    if (fault === 'fail') {
      counter.failed++
      throw new Error('D1_ERROR: simulated failure')
    }
    const result = await run()
    if (fault === 'lose-answer') {
      counter.lost++
      throw new Error('D1_ERROR: Network connection lost.')
    }
    return result
  }
  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), sql)
        if (prop === 'all' || prop === 'raw' || prop === 'first' || prop === 'run') {
          return (...args: unknown[]) =>
            trip(sql, () =>
              (target[prop] as (...a: unknown[]) => Promise<unknown>).apply(target, args),
            )
        }
        const value = Reflect.get(target, prop)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    real.set(proxy, statement)
    sqlOf.set(proxy, sql)
    return proxy
  }
  const over = (d1: D1Database | D1DatabaseSession) => ({
    prepare: (query: string) => wrap(d1.prepare(query), query),
    batch: (statements: D1PreparedStatement[]) =>
      trip(statements.map((s) => sqlOf.get(s) ?? '?').join(';\n'), () =>
        d1.batch(statements.map((s) => real.get(s) ?? s)),
      ),
  })
  const db = {
    ...over(env.DB),
    withSession: (constraint?: string) => {
      const session = env.DB.withSession(constraint)
      return { ...over(session), getBookmark: () => session.getBookmark() }
    },
  } as unknown as D1Database
  return { db, counter }
}

/** D1 failing on every round trip, as in an outage. */
export const d1Down = () => faultyD1(() => 'fail')

/** D1 failing on a random share (`rate`) of round trips, the same ones for the same seed. */
export const d1Flaky = (seed: number, rate = 0.2) => {
  const random = seededRandom(seed)
  return faultyD1(() => (random() < rate ? 'fail' : 'none'))
}

/** How the CV bucket misbehaves: `halfway` deletes the first half of each call's keys, then throws. */
export type BucketFaults = { put?: boolean; get?: boolean; delete?: boolean | 'halfway' }

/** The test file's R2 bucket with some of its operations failing; the others reach the bucket. */
export const faultyBucket = (faults: BucketFaults) => {
  const bucket = env.CV_BUCKET
  const counter = { puts: 0, gets: 0, deletes: 0 }
  const outage = (op: string) => new Error(`R2 ${op} failed: simulated outage (10001)`)
  const faulty = {
    head: (key: string) => bucket.head(key),
    list: (options?: R2ListOptions) => bucket.list(options),
    put: async (...args: Parameters<R2Bucket['put']>) => {
      counter.puts++
      if (faults.put) throw outage('put')
      return bucket.put(...args)
    },
    get: async (...args: Parameters<R2Bucket['get']>) => {
      counter.gets++
      if (faults.get) throw outage('get')
      return bucket.get(...args)
    },
    delete: async (keys: string | string[]) => {
      counter.deletes++
      if (faults.delete === 'halfway') {
        const all = typeof keys === 'string' ? [keys] : keys
        await bucket.delete(all.slice(0, Math.floor(all.length / 2)))
        throw outage('delete')
      }
      if (faults.delete) throw outage('delete')
      return bucket.delete(keys)
    },
  }
  return { bucket: faulty as unknown as R2Bucket, counter }
}

/** A request through both Workers with some bindings replaced, waiting for its cache writes. */
export const fetchWith = async (
  path: string,
  bindings: Partial<Env>,
  init: RequestInit = {},
): Promise<Response> => {
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(new URL(path, ORIGIN), { redirect: 'manual', ...init }),
    { ...env, ...bindings },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

let clientCounter = 0

/** A block of addresses of this test file's own: the rate limiter is shared across files. */
const clientBlock = Math.floor(Math.random() * 0xffff).toString(16)

/**
 * A client address of its own from the IPv6 documentation range, each in a /64 of its own (the
 * rate limiter counts an IPv6 client by its /64), so these files' many form POSTs never share a
 * rate limit with each other or with the other test files.
 */
export const faultClientIp = () => `2001:db8:${clientBlock}:${(++clientCounter).toString(16)}::1`

/** Headers of a same-site browser form POST from a client of its own. */
export const formHeaders = () => ({
  Origin: ORIGIN,
  'Sec-Fetch-Site': 'same-origin',
  'CF-Connecting-IP': faultClientIp(),
})

/** A contact form POST with these answers, through both Workers with these bindings. */
export const postContact = (fields: Record<string, string>, bindings: Partial<Env>) =>
  fetchWith('/contact', bindings, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers: formHeaders(),
  })

/** A job application POST with these answers and files, through both Workers. */
export const postApplication = (
  slug: string,
  fields: Record<string, string>,
  files: Record<string, File>,
  bindings: Partial<Env>,
) => {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  for (const [name, file] of Object.entries(files)) body.append(name, file)
  return fetchWith(`/careers/vacancies/${slug}/apply`, bindings, {
    method: 'POST',
    body,
    headers: formHeaders(),
  })
}

/** Forgets this location's and this isolate's copies of the version, as a few seconds do. */
export const versionExpires = () => {
  forgetVersion()
  return caches.default.delete(`${ORIGIN}/__cache/content-version`)
}

/**
 * Copies D1's content version into this location's cache again, as a request a moment ago
 * would have: the next request trusts it for 5 seconds without asking D1.
 */
export const trustVersion = async () => {
  const row = await env.DB.prepare(
    "SELECT value FROM settings WHERE key = 'content_version'",
  ).first<{ value: string }>()
  await rememberVersion(caches.default, ORIGIN, row?.value ?? '0')
}

/** Every path in sitemap.xml, read with the healthy D1. */
export const sitemapPaths = async () => {
  const xml = await (await request('/sitemap.xml')).text()
  const urls: { loc: string }[] = new XMLParser({ isArray: (n) => n === 'url' }).parse(xml).urlset
    .url
  return urls.map((u) => new URL(u.loc).pathname)
}

/** The CV keys in R2, sorted. */
export const cvKeys = async () =>
  (await env.CV_BUCKET.list({ prefix: 'cv/' })).objects.map((o) => o.key).sort()

/** The stored submissions' references and CV keys. */
export const submissionRows = async () =>
  (
    await env.DB.prepare(
      'SELECT reference, kind, fields, cv_key FROM submissions ORDER BY id',
    ).all<{
      reference: string
      kind: string
      fields: string
      cv_key: string | null
    }>()
  ).results

/**
 * What is half-stored: application rows whose CV is not in R2, and CVs in R2 that no row names.
 * Both lists are empty when every submission was stored whole or not at all.
 */
export const halfStored = async () => {
  const rows = await submissionRows()
  const keys = new Set(await cvKeys())
  const named = new Set(rows.flatMap((r) => (r.cv_key ? [r.cv_key] : [])))
  return {
    rowsWithoutCv: rows
      .filter((r) => r.kind === 'application' && (!r.cv_key || !keys.has(r.cv_key)))
      .map((r) => r.reference),
    cvsWithoutRow: [...keys].filter((key) => !named.has(key)),
  }
}
