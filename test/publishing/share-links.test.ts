// Making, revoking and viewing share links, called directly: no HTTP, no sessions.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { createDraft } from '../../src/publishing/content.ts'
import type { Actor } from '../../src/publishing/result.ts'
import {
  createShareLink,
  recordShareView,
  revokeShareLink,
  shareLinkActive,
  shareLinkExpiry,
} from '../../src/publishing/share-links.ts'
import { shareLinkById } from '../../src/db/share-links.ts'
import { auditEntries, createActor } from '../admin-helpers.ts'

const db = createDb(env.DB)
const DAY = 24 * 60 * 60 * 1000
let editor: Actor
let publisher: Actor
let articleId: number

beforeAll(async () => {
  editor = await createActor('e@example.com', 'editor')
  publisher = await createActor('p@example.com', 'publisher')
  const draft = await createDraft(db, editor, 'news', {
    slug: 'embargoed',
    title: 'Embargoed',
    summary: 'Not yet.',
    body: 'Under embargo.',
    publicationDate: null,
  })
  if (!draft.ok) throw new Error('no draft')
  articleId = draft.id
})

const contentVersion = async () =>
  (
    await env.DB.prepare("SELECT value FROM settings WHERE key = 'content_version'").first<{
      value: string
    }>()
  )?.value

describe('createShareLink', () => {
  it('stores the link, expiring the chosen days later, with its audit entry, and leaves the site as it is', async () => {
    const now = new Date('2026-11-30T09:00:00Z')
    const version = await contentVersion()
    const result = await createShareLink(
      db,
      publisher,
      { kind: 'news', contentId: articleId, label: 'BBC News', days: 3 },
      now,
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.changedAt).toBeUndefined()
    expect(result.expiresAt).toEqual(new Date(now.getTime() + 3 * DAY))
    const link = await shareLinkById(db, result.id)
    expect(link).toMatchObject({
      kind: 'news',
      contentId: articleId,
      label: 'BBC News',
      createdBy: publisher.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 3 * DAY),
      revokedAt: null,
      views: 0,
      lastViewedAt: null,
    })
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: publisher.id,
      action: 'news.share',
      target: `news:${articleId}`,
      detail: `for BBC News, until ${result.expiresAt.toISOString()}`,
    })
    expect(await contentVersion()).toBe(version)
  })

  it('refuses an editor, a missing item and more than 7 days, storing nothing', async () => {
    const count = async () =>
      (await env.DB.prepare('SELECT count(*) AS n FROM share_links').first<{ n: number }>())!.n
    const before = await count()
    const input = { kind: 'news' as const, contentId: articleId, label: 'x', days: 1 }
    expect(await createShareLink(db, editor, input)).toMatchObject({ reason: 'forbidden' })
    expect(await createShareLink(db, publisher, { ...input, contentId: 999_999 })).toMatchObject({
      reason: 'not-found',
    })
    for (const days of [0, 8, 30, 1.5, Number.NaN]) {
      expect(await createShareLink(db, publisher, { ...input, days })).toMatchObject({
        reason: 'invalid',
      })
    }
    expect(await count()).toBe(before)
  })
})

describe('revokeShareLink', () => {
  it('withdraws the link once, audited, and refuses editors and other items', async () => {
    const made = await createShareLink(db, publisher, {
      kind: 'news',
      contentId: articleId,
      label: 'Partner',
      days: 7,
    })
    if (!made.ok) throw new Error('not made')
    const input = { kind: 'news' as const, contentId: articleId, linkId: made.id }
    expect(await revokeShareLink(db, editor, input)).toMatchObject({ reason: 'forbidden' })
    expect(
      await revokeShareLink(db, publisher, { ...input, kind: 'page', contentId: articleId }),
    ).toMatchObject({ reason: 'not-found' })
    expect(
      await revokeShareLink(db, publisher, { ...input, contentId: articleId + 1 }),
    ).toMatchObject({ reason: 'not-found' })
    expect((await shareLinkById(db, made.id))!.revokedAt).toBeNull()

    const when = new Date('2026-12-01T10:00:00Z')
    expect(await revokeShareLink(db, publisher, input, when)).toEqual({ ok: true })
    expect(await shareLinkById(db, made.id)).toMatchObject({
      revokedAt: when,
      revokedBy: publisher.id,
    })
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: publisher.id,
      action: 'news.share-revoke',
      target: `news:${articleId}`,
      detail: `link ${made.id}`,
    })
    // Again: nothing changes, and nothing more is audited.
    const entries = (await auditEntries()).length
    expect(await revokeShareLink(db, publisher, input, new Date())).toEqual({ ok: true })
    expect((await shareLinkById(db, made.id))!.revokedAt).toEqual(when)
    expect((await auditEntries()).length).toBe(entries)
  })
})

describe('share link expiry', () => {
  const createdAt = new Date('2026-11-30T09:00:00Z')

  it('is the stored expiry, but never more than 7 days after the link was made', () => {
    const expiresAt = new Date(createdAt.getTime() + 2 * DAY)
    expect(shareLinkExpiry({ createdAt, expiresAt })).toEqual(expiresAt)
    const tooLong = new Date(createdAt.getTime() + 30 * DAY)
    expect(shareLinkExpiry({ createdAt, expiresAt: tooLong })).toEqual(
      new Date(createdAt.getTime() + 7 * DAY),
    )
  })

  it('makes a link inactive from the moment it expires, or once revoked', () => {
    const link = { createdAt, expiresAt: new Date(createdAt.getTime() + DAY), revokedAt: null }
    expect(shareLinkActive(link, new Date(createdAt.getTime() + DAY - 1))).toBe(true)
    expect(shareLinkActive(link, new Date(createdAt.getTime() + DAY))).toBe(false)
    expect(shareLinkActive({ ...link, revokedAt: createdAt }, createdAt)).toBe(false)
    const row = { ...link, expiresAt: new Date(createdAt.getTime() + 30 * DAY) }
    expect(shareLinkActive(row, new Date(createdAt.getTime() + 8 * DAY))).toBe(false)
  })
})

describe('recordShareView', () => {
  it('counts the view and audits it with no actor', async () => {
    const made = await createShareLink(db, publisher, {
      kind: 'news',
      contentId: articleId,
      label: 'Viewer',
      days: 1,
    })
    if (!made.ok) throw new Error('not made')
    const link = (await shareLinkById(db, made.id))!
    const first = new Date('2026-12-01T10:00:00Z')
    const second = new Date('2026-12-01T11:00:00Z')
    await recordShareView(db, link, first)
    await recordShareView(db, link, second)
    expect(await shareLinkById(db, made.id)).toMatchObject({ views: 2, lastViewedAt: second })
    expect((await auditEntries()).slice(-2)).toEqual(
      [1, 2].map(() => ({
        actor_id: null,
        action: 'share.view',
        target: `news:${articleId}`,
        detail: `link ${made.id}`,
      })),
    )
  })
})
