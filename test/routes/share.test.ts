// /share/<token>: a draft shown to someone without an account, through the public Worker, which
// forwards it to the admin Worker. No session is involved anywhere in this file.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import adminWorker from '../../src/admin.tsx'
import publicWorker from '../../src/index.tsx'
import { signShareToken } from '../../src/auth/share-token.ts'
import { createDb } from '../../src/db/client.ts'
import type { AppEnv } from '../../src/env.ts'
import { createDraft, publish, saveDraft } from '../../src/publishing/content.ts'
import type { Actor } from '../../src/publishing/result.ts'
import { createShareLink, revokeShareLink } from '../../src/publishing/share-links.ts'
import { auditEntries, createStaff } from '../admin-helpers.ts'
import { ORIGIN, captureLogs, getPage, request, sameSiteHeaders } from '../helpers.ts'

const db = createDb(env.DB)
// vitest.config.ts sets a test key: share links are signed with it.
const KEY = (env as AppEnv['Bindings']).STAFF_COOKIE_KEY ?? ''
const DAY = 24 * 60 * 60 * 1000
let publisher: Actor
let articleId: number

const article = (title: string, body: string) => ({
  slug: 'embargoed-seizure',
  title,
  summary: 'Under embargo until 9am.',
  body,
  publicationDate: null,
})

beforeAll(async () => {
  expect(KEY).not.toBe('')
  publisher = {
    id: (await createStaff({ email: 'p@example.com', role: 'publisher' })).id,
    role: 'publisher',
  }
  const draft = await createDraft(
    db,
    publisher,
    'news',
    article('Record cocaine seizure', 'Embargoed draft text.'),
  )
  if (!draft.ok) throw new Error('no draft')
  articleId = draft.id
})

afterEach(() => vi.restoreAllMocks())

/** A new link to the article (or `kind`/`id`) and the path that opens it. */
const newLink = async (days = 3, kind: 'news' | 'page' = 'news', id = articleId) => {
  const made = await createShareLink(db, publisher, { kind, contentId: id, label: 'BBC', days })
  if (!made.ok) throw new Error('no link')
  const token = await signShareToken(KEY, made.id, made.expiresAt)
  return { id: made.id, token, path: `/share/${token}` }
}

const linkRow = (id: number) =>
  env.DB.prepare('SELECT views, last_viewed_at FROM share_links WHERE id = ?')
    .bind(id)
    .first<{ views: number; last_viewed_at: number | null }>()

/** The headers every /share answer carries, whatever its status. */
const expectPrivate = (res: Response) => {
  expect(res.headers.get('Cache-Control')).toBe('no-store')
  expect(res.headers.get('X-Robots-Tag')).toBe('noindex, nofollow')
  expect(res.headers.get('Referrer-Policy')).toBe('no-referrer')
  expect(res.headers.get('Set-Cookie')).toBeNull()
  expect(res.headers.get('X-Cache')).toBeNull()
  expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
}

describe('GET /share/<token>', () => {
  it('shows the draft with the preview banner to anyone holding the link, private and unindexed', async () => {
    const link = await newLink()
    const { res, html } = await getPage(link.path)
    expect(res.status).toBe(200)
    expectPrivate(res)
    expect(html).toContain('<meta name="robots" content="noindex">')
    expect(html).toContain('Preview: this version is not published')
    expect(html).toContain('Shared with you by the Serious Organised Crime Agency')
    expect(html).toMatch(
      /This link expires on \d{1,2} \w+ \d{4} at \d{1,2}:\d{2} [ap]m \(UK time\)\./,
    )
    expect(html).toContain('Record cocaine seizure')
    expect(html).toContain('Embargoed draft text.')
    // Nothing for staff: no editor link, no staff navigation.
    expect(html).not.toContain('Back to the editor')
    expect(html).not.toContain('/admin')
  })

  it('counts each view, never from a cache, and audits it without an actor', async () => {
    const link = await newLink()
    for (let i = 0; i < 2; i++) expect((await request(link.path)).status).toBe(200)
    const row = await linkRow(link.id)
    expect(row!.views).toBe(2)
    expect(row!.last_viewed_at).toBeGreaterThan(Date.now() - 60_000)
    expect((await auditEntries()).slice(-2)).toEqual(
      [1, 2].map(() => ({
        actor_id: null,
        action: 'share.view',
        target: `news:${articleId}`,
        detail: `link ${link.id}`,
      })),
    )
  })

  it('shows the newest saved version, even once an older one is published', async () => {
    const link = await newLink()
    expect((await publish(db, publisher, 'news', articleId)).ok).toBe(true)
    const saved = await saveDraft(
      db,
      publisher,
      'news',
      articleId,
      article('Record cocaine seizure (updated)', 'The newest draft.'),
    )
    expect(saved.ok).toBe(true)
    const { html } = await getPage(link.path)
    expect(html).toContain('The newest draft.')
    expect(html).not.toContain('Embargoed draft text.')
    expect(await getPage('/news/embargoed-seizure').then((p) => p.html)).not.toContain(
      'The newest draft.',
    )
  })

  it('answers HEAD without a body and without counting a view', async () => {
    const link = await newLink()
    const res = await request(link.path, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expectPrivate(res)
    expect(await res.text()).toBe('')
    expect((await linkRow(link.id))!.views).toBe(0)
  })

  it('works for pages as well as news', async () => {
    const id = (await env.DB.prepare("SELECT id FROM pages WHERE path = '/about'").first<{
      id: number
    }>())!.id
    const link = await newLink(1, 'page', id)
    const { res, html } = await getPage(link.path)
    expect(res.status).toBe(200)
    expect(html).toContain('Preview: this version is not published')
  })
})

describe('links that do not open', () => {
  it('answers 404, privately, for made-up, malformed or tampered tokens', async () => {
    const link = await newLink()
    const [id, expires, signature] = link.token.split('.') as [string, string, string]
    const paths = [
      '/share/',
      '/share/x',
      `/share/${id}`,
      `/share/${id}.${expires}`,
      // Another link's id, or a later expiry, under this signature.
      `/share/${Number(id) + 1}.${expires}.${signature}`,
      `/share/${id}.${Number(expires) + 7 * DAY}.${signature}`,
      `/share/${id}.${expires}.${signature.slice(0, -2)}AA`,
      `/share/${link.token}/more`,
      `/share/${'9'.repeat(400)}`,
    ]
    for (const path of paths) {
      const res = await request(path)
      expect(res.status, path).toBe(404)
      expectPrivate(res)
      expect(await res.text(), path).toContain('Page not found')
    }
    expect((await linkRow(link.id))!.views).toBe(0)
  })

  it('answers 410, without looking the link up, for a token whose signed expiry has passed', async () => {
    const link = await newLink()
    const past = await signShareToken(KEY, link.id, new Date(Date.now() - 1000))
    const { res, html } = await getPage(`/share/${past}`)
    expect(res.status).toBe(410)
    expectPrivate(res)
    expect(html).toContain('This preview link has expired or been withdrawn.')
    // Even for a link that does not exist: the signature shows the site made it.
    expect(
      (await request(`/share/${await signShareToken(KEY, 999_999, new Date(1))}`)).status,
    ).toBe(410)
    expect(
      (await request(`/share/${await signShareToken(KEY, 999_999, new Date(Date.now() + DAY))}`))
        .status,
    ).toBe(404)
  })

  it('answers 410 once revoked', async () => {
    const link = await newLink()
    expect((await request(link.path)).status).toBe(200)
    await revokeShareLink(db, publisher, { kind: 'news', contentId: articleId, linkId: link.id })
    const { res, html } = await getPage(link.path)
    expect(res.status).toBe(410)
    expectPrivate(res)
    expect(html).toContain('This preview link has expired or been withdrawn.')
    expect(html).not.toContain('Record cocaine seizure')
    expect((await linkRow(link.id))!.views).toBe(1)
  })

  it('answers 410 once expired', async () => {
    const link = await newLink()
    await env.DB.prepare('UPDATE share_links SET expires_at = ?, created_at = ? WHERE id = ?')
      .bind(Date.now() - 1000, Date.now() - DAY, link.id)
      .run()
    // The link as it was sent, whose signed expiry is still ahead: the row decides.
    const { res, html } = await getPage(link.path)
    expect(res.status).toBe(410)
    expectPrivate(res)
    expect(html).toContain('This preview link has expired or been withdrawn.')
  })

  it('answers 410 more than 7 days after it was made, whatever expiry the row holds', async () => {
    const link = await newLink()
    const expires = Date.now() + 30 * DAY
    await env.DB.prepare('UPDATE share_links SET expires_at = ?, created_at = ? WHERE id = ?')
      .bind(expires, Date.now() - 8 * DAY, link.id)
      .run()
    const res = await request(`/share/${await signShareToken(KEY, link.id, new Date(expires))}`)
    expect(res.status).toBe(410)
  })

  it('answers 410 when the item no longer exists', async () => {
    const draft = await createDraft(db, publisher, 'news', {
      ...article('Gone', 'Gone.'),
      slug: 'gone',
    })
    if (!draft.ok) throw new Error('no draft')
    const link = await newLink(1, 'news', draft.id)
    await env.DB.prepare('DELETE FROM news_articles WHERE id = ?').bind(draft.id).run()
    const res = await request(link.path)
    expect(res.status).toBe(410)
    expectPrivate(res)
  })

  it('refuses anything but GET and HEAD with 405, and a cross-site POST with 403', async () => {
    const link = await newLink()
    const sameSite = await request(link.path, {
      method: 'POST',
      headers: { ...sameSiteHeaders(), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    })
    expect(sameSite.status).toBe(405)
    expect(sameSite.headers.get('Allow')).toBe('GET, HEAD')
    expectPrivate(sameSite)
    const crossSite = await request(link.path, {
      method: 'POST',
      headers: {
        Origin: 'https://evil.example',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'a=1',
    })
    expect(crossSite.status).toBe(403)
    for (const method of ['PUT', 'DELETE']) {
      const res = await request(link.path, { method, headers: sameSiteHeaders() })
      expect(res.status, method).toBe(405)
    }
    expect((await linkRow(link.id))!.views).toBe(0)
  })

  it('answers 404 when share links are switched off (no STAFF_COOKIE_KEY)', async () => {
    const link = await newLink()
    const ctx = createExecutionContext()
    const res = await adminWorker.fetch(
      new Request(new URL(link.path, ORIGIN)),
      { ...env, STAFF_COOKIE_KEY: undefined },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(404)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })
})

describe('the token is never logged', () => {
  it('when the admin Worker cannot be reached', async () => {
    const link = await newLink()
    const logs = captureLogs()
    const ctx = createExecutionContext()
    const admin = { fetch: () => Promise.reject(new Error('Network connection lost.')) }
    const res = await publicWorker.fetch(
      new Request(new URL(link.path, ORIGIN)),
      { ...env, ADMIN: admin as unknown as Fetcher },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(503)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ event: 'admin-unreachable', path: '/share/*' })
    expect(JSON.stringify(logs)).not.toContain(link.token.split('.')[2])
  })

  // Last in the file: it drops the table.
  it('when the database fails while a link is opened', async () => {
    const link = await newLink()
    await env.DB.exec('DROP TABLE share_links')
    const logs = captureLogs()
    const res = await request(link.path)
    expect(res.status).toBe(503)
    expectPrivate(res)
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ level: 'error', path: '/share/…' })
    expect(JSON.stringify(logs)).not.toContain(link.token.split('.')[2])
  })
})
