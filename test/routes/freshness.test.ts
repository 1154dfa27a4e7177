import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { VERSION_TTL_SECONDS, forgetVersion } from '../../src/http/content-version.ts'
import { createStaff, csrfFrom, signedIn } from '../admin-helpers.ts'
import { ORIGIN, contentChanged, getPage, row } from '../helpers.ts'
import worker from '../worker.ts'

// The freshness contract (README, "Caching"): the location that published serves the new
// version on its very next request; any other isolate or location within 5 seconds at most.

const WINDOW_MS = VERSION_TTL_SECONDS * 1000

/** A visitor's request through both Workers, waiting for the cache writes it starts. */
const visit = async (path: string) => {
  const ctx = createExecutionContext()
  const res = await worker.fetch(new Request(new URL(path, ORIGIN)), env, ctx)
  const html = await res.text()
  await waitOnExecutionContext(ctx)
  return { res, html }
}

const idOf = async (path: string) =>
  (await row<{ id: number }>('SELECT id FROM pages WHERE path = ?', path))!.id

beforeAll(() => contentChanged())
afterEach(() => vi.useRealTimers())

describe('the freshness contract', () => {
  it('serves a publish on the next request through the location that published it', async () => {
    const publisher = await signedIn(
      await createStaff({ email: 'fresh@example.com', role: 'publisher' }),
    )
    await visit('/threats/fraud')
    const before = await visit('/threats/fraud')
    expect(before.res.headers.get('X-Cache')).toBe('HIT')
    expect(before.html).not.toContain('Fraud, just published')

    const id = await idOf('/threats/fraud')
    const csrf = csrfFrom(await (await publisher.get(`/admin/pages/${id}`)).text())
    const draft = new URLSearchParams({
      csrf,
      title: 'Fraud, just published',
      path: '/threats/fraud',
      parentId: String(await idOf('/threats')),
      navOrder: '4',
      summary: 'Changed.',
      body: 'New.',
    })
    expect(
      (await publisher.get(`/admin/pages/${id}`, { method: 'POST', body: draft })).status,
    ).toBe(303)
    await publisher.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)

    // No time passes and nothing is forgotten: the publish itself moved this isolate on.
    const after = await visit('/threats/fraud')
    expect(after.res.headers.get('X-Cache')).toBe('MISS')
    expect(after.html).toContain('Fraud, just published')
  })

  it('serves a publish made elsewhere within 5 seconds, and the old version never after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = Date.now()
    vi.setSystemTime(t0)
    // This location reads the version from D1 at t0 (its copies are gone, as after a while).
    forgetVersion()
    await caches.default.delete(`${ORIGIN}/__cache/content-version`)
    expect((await visit('/ukhtc')).html).not.toContain('UKHTC, published elsewhere')

    // Another location publishes: D1 moves on; nothing tells this location.
    await env.DB.batch([
      env.DB.prepare("UPDATE pages SET title = 'UKHTC, published elsewhere' WHERE path = '/ukhtc'"),
      env.DB.prepare("UPDATE settings SET value = ? WHERE key = 'content_version'").bind(
        String(t0 + 1),
      ),
    ])

    // Within the window the copy read at t0 may still be served (so a hit costs no D1 query)…
    for (const ms of [0, 999, 1000, 2500, WINDOW_MS - 1]) {
      vi.setSystemTime(t0 + ms)
      expect((await visit('/ukhtc')).html, `${ms} ms`).not.toContain('UKHTC, published elsewhere')
    }
    // …and never from the end of the window on, by any isolate of this location.
    for (const ms of [WINDOW_MS, WINDOW_MS + 1, 60_000]) {
      vi.setSystemTime(t0 + ms)
      const { res, html } = await visit('/ukhtc')
      expect(res.status, `${ms} ms`).toBe(200)
      expect(html, `${ms} ms`).toContain('UKHTC, published elsewhere')
    }
  })

  it('has no floor route in production: the bench-only /__floor is the 404 page', async () => {
    const { res, html } = await getPage('/__floor')
    expect(res.status).toBe(404)
    expect(html).toContain('Page not found')
  })
})
