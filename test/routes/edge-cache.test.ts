import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { XMLParser } from 'fast-xml-parser'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { forgetVersion } from '../../src/http/content-version.ts'
import { latestKey, memoryHit, versionedKey } from '../../src/middleware/edge-cache.ts'
import { ukToday } from '../../src/lib/dates.ts'
import { createStaff, signedIn } from '../admin-helpers.ts'
import { type Recorded, countingD1 } from '../d1-counter.ts'
import { ORIGIN, captureLogs, contentChanged, request, row, sql } from '../helpers.ts'
import worker from '../worker.ts'

afterEach(() => vi.restoreAllMocks())

/**
 * A request through both Workers with a given D1, waiting for cache writes to finish; by default
 * as the Worker version under test serves it.
 */
const fetchWith = async (
  path: string,
  db: D1Database,
  init: RequestInit = {},
  workerVersion = env.CF_VERSION_METADATA,
) => {
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(new URL(path, ORIGIN), init),
    { ...env, DB: db, CF_VERSION_METADATA: workerVersion },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

/** Forgets this location's and this isolate's copies of the version, as a few seconds do. */
const versionExpires = () => {
  forgetVersion()
  return caches.default.delete(`${ORIGIN}/__cache/content-version`)
}

const sitemapPaths = async () => {
  const xml = await (await request('/sitemap.xml')).text()
  const urls: { loc: string }[] = new XMLParser({ isArray: (n) => n === 'url' }).parse(xml).urlset
    .url
  return urls.map((u) => new URL(u.loc).pathname)
}

beforeAll(() => contentChanged())

describe('the edge cache', () => {
  it('answers a repeat request from the cache without any D1 query, and says so', async () => {
    const { db, counter } = countingD1()
    const first = await fetchWith('/about', db)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    const firstBody = await first.text()
    const before = counter.roundTrips
    const second = await fetchWith('/about', db)
    expect(second.status).toBe(200)
    expect(second.headers.get('X-Cache')).toBe('HIT')
    expect(counter.roundTrips - before).toBe(0)
    expect(await second.text()).toBe(firstBody)
    expect(second.headers.get('X-Request-Id')).not.toBe(first.headers.get('X-Request-Id'))
    expect(second.headers.get('Cache-Control')).toBe(
      'public, max-age=60, stale-while-revalidate=300',
    )
    expect(second.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
  })

  it('serves no page an earlier Worker version stored: a deploy starts the cache afresh', async () => {
    await contentChanged()
    const { db, counter } = countingD1()
    expect((await fetchWith('/about', db)).headers.get('X-Cache')).toBe('MISS')
    expect((await fetchWith('/about', db)).headers.get('X-Cache')).toBe('HIT')
    // The same content, as the next deploy serves it: its pages may link to other assets.
    const deployed = { id: crypto.randomUUID(), tag: '', timestamp: new Date().toISOString() }
    const before = counter.roundTrips
    const first = await fetchWith('/about', db, {}, deployed)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    expect(counter.roundTrips - before).toBeGreaterThan(0)
    expect((await fetchWith('/about', db, {}, deployed)).headers.get('X-Cache')).toBe('HIT')
    const url = new URL(`${ORIGIN}/about`)
    const version = (await row<{ value: string }>(
      "SELECT value FROM settings WHERE key = 'content_version'",
    ))!.value
    for (const workerVersion of [env.CF_VERSION_METADATA, deployed])
      expect(
        await caches.default.match(versionedKey(url, version, ukToday(), workerVersion)),
      ).toBeDefined()
  })

  it('stores not-found answers too, so repeated requests for a missing path cost no D1 query', async () => {
    const { db, counter } = countingD1()
    const first = await fetchWith('/wp-login.php', db)
    expect(first.status).toBe(404)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    const before = counter.roundTrips
    const again = await fetchWith('/wp-login.php', db)
    expect(again.status).toBe(404)
    expect(again.headers.get('X-Cache')).toBe('HIT')
    expect(counter.roundTrips).toBe(before)
    expect(await again.text()).toContain('Page not found')
  })

  it('reads the menu and settings once a content version, and again after a change', async () => {
    /** How many statements read the chrome's settings (site notice and postal address). */
    const settingsReads = (statements: Recorded[]) =>
      statements.filter((s) => /from "settings" where "settings"\."key" in/.test(s.query)).length
    await contentChanged()
    const first = countingD1()
    const about = await fetchWith('/about', first.db)
    expect(about.headers.get('X-Cache')).toBe('MISS')
    expect(settingsReads(first.statements)).toBe(1)
    // Another page at the same version: a miss, with the menu and settings from memory.
    const second = countingD1()
    const fraud = await fetchWith('/threats/fraud', second.db)
    expect(fraud.headers.get('X-Cache')).toBe('MISS')
    expect(settingsReads(second.statements)).toBe(0)
    expect(second.statements.length).toBeLessThan(first.statements.length)
    const fromMemory = await fraud.text()
    // The same page at a new version, read whole, is the same page.
    await contentChanged()
    const third = countingD1()
    const whole = await fetchWith('/threats/fraud', third.db)
    expect(settingsReads(third.statements)).toBe(1)
    expect(await whole.text()).toBe(fromMemory)
    expect(fromMemory).toContain('href="/about"')
    // A settings change makes a new version: the next miss shows it.
    const notice = 'Our phone lines are closed on 1 December.'
    await sql(
      "INSERT INTO settings (key, value) VALUES ('site_notice', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      notice,
    )
    expect(await (await fetchWith('/threats/fraud', env.DB)).text()).toContain(notice)
    await sql("UPDATE settings SET value = '' WHERE key = 'site_notice'")
    expect(await (await fetchWith('/threats/fraud', env.DB)).text()).not.toContain(notice)
  })

  it('makes at most 2 D1 round trips for any page that is not cached', async () => {
    for (const path of await sitemapPaths()) {
      await contentChanged()
      await versionExpires()
      const { db, counter } = countingD1()
      const res = await fetchWith(path, db)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('X-Cache'), path).toBe('MISS')
      expect(counter.roundTrips, path).toBeLessThanOrEqual(2)
    }
  })

  it('answers If-None-Match and If-Modified-Since with 304 from the cache', async () => {
    const { db } = countingD1()
    const first = await fetchWith('/threats', db)
    const etag = first.headers.get('ETag')!
    const modified = first.headers.get('Last-Modified')!
    expect(Date.parse(modified)).not.toBeNaN()
    const byTag = await fetchWith('/threats', db, { headers: { 'If-None-Match': etag } })
    expect(byTag.status).toBe(304)
    expect(byTag.headers.get('X-Cache')).toBe('HIT')
    const byDate = await fetchWith('/threats', db, { headers: { 'If-Modified-Since': modified } })
    expect(byDate.status).toBe(304)
    const older = await fetchWith('/threats', db, {
      headers: { 'If-Modified-Since': new Date(Date.parse(modified) - 1000).toUTCString() },
    })
    expect(older.status).toBe(200)
  })

  it('answers HEAD from the cache with no body', async () => {
    const { db } = countingD1()
    await fetchWith('/ukhtc', db)
    const head = await fetchWith('/ukhtc', db, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('X-Cache')).toBe('HIT')
    expect(await head.text()).toBe('')
  })

  it('keys pages by the parameters they use, so junk query strings cannot bypass it', async () => {
    const { db, counter } = countingD1()
    await fetchWith('/privacy', db)
    const before = counter.roundTrips
    const busted = await fetchWith('/privacy?utm=1&x=2', db)
    expect(busted.headers.get('X-Cache')).toBe('HIT')
    expect(counter.roundTrips).toBe(before)
    expect((await fetchWith('/news?page=1', db, { redirect: 'manual' })).status).toBe(301)
  })

  it('never stores staff pages, form answers or pages for a signed-in member of staff', async () => {
    const staff = await signedIn(await createStaff({ email: 'cache@example.com', role: 'editor' }))
    const admin = await staff.get('/admin')
    expect(admin.headers.get('X-Cache')).toBeNull()
    expect(admin.headers.get('Cache-Control')).toBe('no-store')
    const { db } = countingD1()
    const asStaff = await fetchWith('/about', db, { headers: { Cookie: staff.cookie! } })
    expect(asStaff.headers.get('X-Cache')).toBe('BYPASS')
    const sent = await fetchWith('/contact/sent?reference=SOCA-AAAA-AAAA', db)
    expect(sent.headers.get('X-Cache')).not.toBe('HIT')
    expect(await caches.default.match(latestKey(new URL(`${ORIGIN}/contact/sent`)))).toBeUndefined()
  })
})

describe('the hit path before the app', () => {
  /** Headers as a set of lines, without the one that differs on every request. */
  const headerLines = (res: Response) =>
    [...res.headers].filter(([name]) => name !== 'x-request-id').map((h) => h.join(': '))

  it('answers a page this isolate holds before the app runs, exactly as the app would', async () => {
    await contentChanged()
    const { db } = countingD1()
    const miss = await fetchWith('/about', db)
    expect(miss.headers.get('X-Cache')).toBe('MISS')
    const body = await miss.text()

    // Before the app: only the Worker's version id, so no D1 and no Cache API binding can have
    // been used.
    const early = memoryHit(new Request(`${ORIGIN}/about?utm_source=x`), env)!
    expect(early).toBeDefined()
    expect(early.status).toBe(200)
    expect(await early.text()).toBe(body)
    const ctx = createExecutionContext()
    const noBindings = await worker.fetch(
      new Request(`${ORIGIN}/about`),
      { CF_VERSION_METADATA: env.CF_VERSION_METADATA } as Env,
      ctx,
    )
    expect(noBindings.headers.get('X-Cache')).toBe('HIT')
    expect(noBindings.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)

    // Through the app (any cookie sends a request there), the same page and the same headers.
    const app = await fetchWith('/about', db, { headers: { Cookie: 'theme=dark' } })
    expect(app.headers.get('X-Cache')).toBe('HIT')
    expect(await app.text()).toBe(body)
    expect(headerLines(early).sort()).toEqual(headerLines(app).sort())
    for (const name of ['Content-Security-Policy', 'Strict-Transport-Security', 'ETag'])
      expect(early.headers.get(name), name).toBe(app.headers.get(name))
    expect(early.headers.get('X-Request-Id')).not.toBe(app.headers.get('X-Request-Id'))

    const head = memoryHit(new Request(`${ORIGIN}/about`, { method: 'HEAD' }), env)!
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect(headerLines(head).sort()).toEqual(headerLines(app).sort())
  })

  it('keeps a copy found in the Cache API without the Age and CF-Cache-Status it came with', async () => {
    await contentChanged()
    const version = (await row<{ value: string }>(
      "SELECT value FROM settings WHERE key = 'content_version'",
    ))!.value
    const url = new URL(`${ORIGIN}/about/history-found-elsewhere`)
    // As another isolate of this location would have stored it, with the Cache API's headers.
    await caches.default.put(
      versionedKey(url, version, ukToday(), env.CF_VERSION_METADATA),
      new Response('<p>Stored elsewhere</p>', {
        headers: {
          'Content-Type': 'text/html; charset=UTF-8',
          'Cache-Control': 'public, max-age=86400',
          'X-Browser-Cache-Control': 'public, max-age=60',
          'X-Stored-At': String(Date.now()),
          Age: '0',
          'CF-Cache-Status': 'HIT',
        },
      }),
    )
    const found = await fetchWith(url.pathname, countingD1().db)
    expect(found.headers.get('X-Cache')).toBe('HIT')
    expect(await found.text()).toBe('<p>Stored elsewhere</p>')
    const early = memoryHit(new Request(url), env)!
    expect(await early.text()).toBe('<p>Stored elsewhere</p>')
    for (const res of [found, early]) {
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=60')
      expect(res.headers.has('Age')).toBe(false)
      expect(res.headers.has('X-Stored-At')).toBe(false)
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    }
    expect(early.headers.has('CF-Cache-Status')).toBe(false)
  })

  it('leaves everything else to the app', async () => {
    await contentChanged()
    await fetchWith('/about', countingD1().db)
    const at = (init: RequestInit = {}, path = '/about') =>
      memoryHit(new Request(`${ORIGIN}${path}`, init), env)
    expect(at()).toBeDefined()
    expect(at({ method: 'POST', body: 'a=1' })).toBeUndefined()
    expect(at({ headers: { Cookie: 'soca_session=x' } })).toBeUndefined()
    expect(at({ headers: { 'If-None-Match': '"x"' } })).toBeUndefined()
    expect(at({ headers: { 'If-Modified-Since': new Date().toUTCString() } })).toBeUndefined()
    expect(at({ headers: { 'X-Bypass-Cache': '1' } })).toBeUndefined()
    expect(at({ headers: { 'X-Request-Id': 'mine' } })).toBeUndefined()
    expect(at({}, '/about/structure-never-requested')).toBeUndefined()
    expect(at({}, '/admin')).toBeUndefined()
    // A publish (a new version) or a second passing (the memo gone): the app, and D1 or the
    // location's copy, decide.
    await contentChanged()
    expect(at()).toBeUndefined()
    await fetchWith('/about', countingD1().db)
    expect(at()).toBeDefined()
    forgetVersion()
    expect(at()).toBeUndefined()
  })
})

describe('invalidation', () => {
  it('shows a publish on the page, in the lists, the sitemap and the feed on the very next request', async () => {
    const publisher = await signedIn(
      await createStaff({ email: 'inv@example.com', role: 'publisher' }),
    )
    const { db } = countingD1()
    const paths = [
      '/threats/fraud',
      '/threats',
      '/sitemap',
      '/sitemap.xml',
      '/news',
      '/news.atom',
      '/',
    ]
    for (const path of paths) await fetchWith(path, db)
    for (const path of paths)
      expect((await fetchWith(path, db)).headers.get('X-Cache'), path).toBe('HIT')

    const id = (await env.DB.prepare("SELECT id FROM pages WHERE path = '/threats/fraud'").first<{
      id: number
    }>())!.id
    const form = await (await publisher.get(`/admin/pages/${id}`)).text()
    const csrf = form.match(/name="csrf" value="([^"]+)"/)![1]!
    const body = new URLSearchParams({
      csrf,
      title: 'Fraud, updated',
      path: '/threats/fraud',
      parentId: String(
        (await env.DB.prepare("SELECT id FROM pages WHERE path = '/threats'").first<{
          id: number
        }>())!.id,
      ),
      navOrder: '4',
      summary: 'Changed.',
      body: 'New.',
    })
    expect((await publisher.get(`/admin/pages/${id}`, { method: 'POST', body })).status).toBe(303)
    // A draft changes nothing: still cached.
    expect((await fetchWith('/threats/fraud', db)).headers.get('X-Cache')).toBe('HIT')
    await publisher.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)

    const page = await fetchWith('/threats/fraud', db)
    expect(page.headers.get('X-Cache')).toBe('MISS')
    expect(await page.text()).toContain('Fraud, updated')
    expect(await (await fetchWith('/threats', db)).text()).toContain('Fraud, updated')
    expect(await (await fetchWith('/sitemap', db)).text()).toContain('Fraud, updated')
    expect((await fetchWith('/sitemap.xml', db)).headers.get('X-Cache')).toBe('MISS')
  })

  it.each([
    [
      'unpublish',
      async (p: Awaited<ReturnType<typeof signedIn>>, id: number) =>
        p.submit(`/admin/pages/${id}/unpublish`, {}, `/admin/pages/${id}`),
    ],
    [
      'publish again',
      async (p: Awaited<ReturnType<typeof signedIn>>, id: number) =>
        p.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`),
    ],
  ])('is immediate after %s', async (_, action) => {
    const publisher = await signedIn(
      await createStaff({ email: `inv-${Math.random()}@example.com`, role: 'publisher' }),
    )
    const id = (await env.DB.prepare(
      "SELECT id FROM pages WHERE path = '/threats/gun-crime'",
    ).first<{ id: number }>())!.id
    const { db } = countingD1()
    const before = (await fetchWith('/threats/gun-crime', db)).status
    await fetchWith('/threats/gun-crime', db)
    await action(publisher, id)
    const after = (await fetchWith('/threats/gun-crime', db)).status
    expect(after).not.toBe(before)
  })

  it('is immediate after a restore, a vacancy closing and a news article publishing', async () => {
    const publisher = await signedIn(
      await createStaff({ email: 'more@example.com', role: 'publisher' }),
    )
    const { db } = countingD1()
    const vacancy = (await env.DB.prepare(
      "SELECT id FROM vacancies WHERE slug = 'cyber-crime-investigator'",
    ).first<{ id: number }>())!.id
    await fetchWith('/careers', db)
    await publisher.submit(`/admin/vacancies/${vacancy}/close`, {}, `/admin/vacancies/${vacancy}`)
    expect(await (await fetchWith('/careers', db)).text()).not.toContain('cyber-crime-investigator')

    const news = (await env.DB.prepare(
      "SELECT id FROM news_articles WHERE slug = 'uk-human-trafficking-centre-joins-soca'",
    ).first<{ id: number }>())!.id
    await fetchWith('/news', db)
    const form = await (await publisher.get(`/admin/news/${news}`)).text()
    const csrf = form.match(/name="csrf" value="([^"]+)"/)![1]!
    const body = new URLSearchParams({
      csrf,
      title: 'UKHTC joins SOCA (revised)',
      slug: 'uk-human-trafficking-centre-joins-soca',
      summary: 'Revised.',
      body: 'Revised.',
    })
    await publisher.get(`/admin/news/${news}`, { method: 'POST', body })
    await publisher.submit(`/admin/news/${news}/publish`, {}, `/admin/news/${news}`)
    expect(await (await fetchWith('/news', db)).text()).toContain('UKHTC joins SOCA (revised)')
    // A newer version goes live, then restoring the one before is live at once too.
    await publisher.get(`/admin/news/${news}`, {
      method: 'POST',
      body: new URLSearchParams({
        csrf,
        title: 'Third title',
        slug: 'uk-human-trafficking-centre-joins-soca',
        summary: 'x',
        body: 'x',
      }),
    })
    await publisher.submit(`/admin/news/${news}/publish`, {}, `/admin/news/${news}`)
    expect(await (await fetchWith('/news', db)).text()).toContain('Third title')
    const revisions = [
      ...(await (await publisher.get(`/admin/news/${news}/history`)).text()).matchAll(
        /restore\/(\d+)"/g,
      ),
    ].map((m) => m[1])
    // History lists newest first: the live version, the revised one, then the seed's original.
    const revised = await env.DB.prepare(
      "SELECT id FROM revisions WHERE kind = 'news' AND content_id = ? AND data ->> '$.title' = 'UKHTC joins SOCA (revised)'",
    )
      .bind(news)
      .first<{ id: number }>()
    expect(revisions).toEqual([expect.any(String), String(revised!.id), expect.any(String)])
    await publisher.submit(
      `/admin/news/${news}/restore/${revised!.id}`,
      {},
      `/admin/news/${news}/history`,
    )
    const restored = await (await fetchWith('/news', db)).text()
    expect(restored).toContain('UKHTC joins SOCA (revised)')
    expect(restored).not.toContain('Third title')
  })

  it('is immediate after a change to the site notice', async () => {
    const publisher = await signedIn(
      await createStaff({ email: 'notice@example.com', role: 'publisher' }),
    )
    const { db } = countingD1()
    await fetchWith('/accessibility', db)
    await publisher.submit(
      '/admin/settings',
      { siteNotice: 'Cache test notice' },
      '/admin/settings',
    )
    expect(await (await fetchWith('/accessibility', db)).text()).toContain('Cache test notice')
  })

  it('reaches other locations within the version lifetime, and needs no purge', async () => {
    const { db } = countingD1()
    await fetchWith('/ukhtc', db)
    // Another location changed content: D1 moves on, this location's copy of the version does not.
    await env.DB.prepare("UPDATE settings SET value = ? WHERE key = 'content_version'")
      .bind(String(Date.now() + 5))
      .run()
    await env.DB.prepare("UPDATE pages SET title = 'UKHTC elsewhere' WHERE path = '/ukhtc'").run()
    expect(await (await fetchWith('/ukhtc', db)).text()).not.toContain('UKHTC elsewhere')
    await versionExpires() // what VERSION_TTL_SECONDS (5 s) does
    expect(await (await fetchWith('/ukhtc', db)).text()).toContain('UKHTC elsewhere')
  })

  it('leaves pages alone when the retention job runs: it changes nothing visitors see', async () => {
    const logs = captureLogs()
    const { db } = countingD1()
    await fetchWith('/careers', db)
    const ctx = createExecutionContext()
    await worker.scheduled(
      { scheduledTime: Date.now(), cron: '17 3 * * *', noRetry() {} } as ScheduledController,
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect((await fetchWith('/careers', db)).headers.get('X-Cache')).toBe('HIT')
    expect(logs).toEqual([expect.objectContaining({ event: 'retention' })])
  })
})

describe('when D1 is down', () => {
  it('serves a cached page stale, saying so', async () => {
    await fetchWith('/financial-intelligence', countingD1().db)
    await versionExpires()
    const down = countingD1({ fail: true })
    const res = await fetchWith('/financial-intelligence', down.db)
    expect(res.status).toBe(200)
    expect(res.headers.get('X-Cache')).toBe('STALE')
    expect(await res.text()).toContain('Financial intelligence')
  })

  it('serves stale even when this location still trusts the version but never stored the page at it', async () => {
    await fetchWith('/protecting-yourself', countingD1().db)
    await contentChanged() // a newer version, cached here: the page is not stored under it yet
    const logs = captureLogs()
    const res = await fetchWith('/protecting-yourself', countingD1({ fail: true }).db)
    expect(res.headers.get('X-Cache')).toBe('STALE')
    // The route's query failed before the stale copy was found: logged, with its request id.
    expect(logs).toEqual([
      expect.objectContaining({
        level: 'error',
        event: 'unhandled',
        path: '/protecting-yourself',
        message: 'D1_ERROR: simulated outage',
      }),
    ])
  })

  it('gives a page that was never cached a friendly 503 with Retry-After', async () => {
    await versionExpires()
    const res = await fetchWith('/no-page-ever-cached', countingD1({ fail: true }).db)
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('60')
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(await res.text()).toContain('Sorry, the service is unavailable')
  })

  it('stops serving a stale copy after 24 hours', async () => {
    const url = new URL(`${ORIGIN}/about/structure`)
    await caches.default.put(
      latestKey(url),
      new Response('old', {
        headers: {
          'Cache-Control': 'public, max-age=86400',
          'X-Stored-At': String(Date.now() - 25 * 3600_000),
        },
      }),
    )
    await versionExpires()
    const res = await fetchWith('/about/structure', countingD1({ fail: true }).db)
    expect(res.status).toBe(503)
  })
})
