// The publishing rules, called directly: no HTTP, no sessions. Each function gets a database,
// an actor and its input, and these tests check what it returns and what it stored.
import { env } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import {
  editableItem,
  closeVacancy,
  createDraft,
  publish,
  restore,
  saveAndPublish,
  saveDraft,
  unpublish,
} from '../../src/publishing/content.ts'
import type { Actor } from '../../src/publishing/result.ts'
import { isUniqueViolation } from '../../src/publishing/result.ts'
import { setSiteNotice } from '../../src/publishing/settings.ts'
import { auditEntries, createActor } from '../admin-helpers.ts'
import { insertVacancy, isoDay, row } from '../helpers.ts'

const db = createDb(env.DB)
let editor: Actor
let publisher: Actor
let colleague: Actor

beforeAll(async () => {
  editor = await createActor('e@example.com', 'editor')
  publisher = await createActor('p@example.com', 'publisher')
  colleague = await createActor('q@example.com', 'publisher')
})

const contentVersion = async () =>
  (await row<{ value: string }>("SELECT value FROM settings WHERE key = 'content_version'"))
    ?.value ?? '0'

const lastAudit = async () => (await auditEntries()).at(-1)

const newsData = (slug: string, title = 'A title') => ({
  slug,
  title,
  summary: 'In short.',
  body: 'The body.',
  publicationDate: null,
})

const setSecondPublisher = (on: boolean) =>
  env.DB.prepare(
    "INSERT INTO settings (key, value) VALUES ('require_second_publisher', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  )
    .bind(on ? 'true' : 'false')
    .run()

describe('createDraft', () => {
  it('stores a draft row, its first revision and an audit entry naming the new item', async () => {
    const result = await createDraft(db, editor, 'news', newsData('new-draft'))
    if (!result.ok) throw new Error(result.reason)
    const stored = await row<{ status: string; slug: string }>(
      'SELECT status, slug FROM news_articles WHERE id = ?',
      result.id,
    )
    expect(stored).toEqual({ status: 'draft', slug: 'new-draft' })
    const revision = await row<{ author_id: number; note: string }>(
      "SELECT author_id, note FROM revisions WHERE kind = 'news' AND content_id = ?",
      result.id,
    )
    expect(revision).toEqual({ author_id: editor.id, note: 'Created' })
    expect(await lastAudit()).toMatchObject({
      actor_id: editor.id,
      action: 'news.create',
      target: `news:${result.id}`,
    })
  })

  it('refuses an address another item uses, with the error on that field, and stores nothing', async () => {
    const before = await row<{ n: number }>('SELECT count(*) AS n FROM news_articles')
    const result = await createDraft(db, editor, 'news', newsData('new-draft'))
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'slug', message: 'Another news article already uses new-draft' }],
    })
    expect(await row('SELECT count(*) AS n FROM news_articles')).toEqual(before)
  })
})

describe('saveDraft', () => {
  it('adds a revision but leaves a published item as visitors see it, without a new content version', async () => {
    const id = (await row<{ id: number }>("SELECT id FROM pages WHERE path = '/about'"))!.id
    const version = await contentVersion()
    const loaded = (await editableItem(db, 'page', id))!
    const result = await saveDraft(db, editor, 'page', id, {
      ...loaded.draft,
      title: 'About us, edited',
    })
    expect(result).toEqual({ ok: true })
    expect(await row('SELECT title FROM pages WHERE id = ?', id)).toEqual({
      title: loaded.item.title,
    })
    expect((await editableItem(db, 'page', id))!.draft.title).toBe('About us, edited')
    expect(await contentVersion()).toBe(version)
    expect(await lastAudit()).toMatchObject({
      actor_id: editor.id,
      action: 'page.save',
      target: `page:${id}`,
    })
  })

  it('answers not-found for an id that does not exist', async () => {
    expect(await saveDraft(db, editor, 'news', 999_999, newsData('nowhere'))).toEqual({
      ok: false,
      reason: 'not-found',
    })
  })
})

describe('publish', () => {
  it('is forbidden to an editor', async () => {
    const id = (await row<{ id: number }>("SELECT id FROM pages WHERE path = '/about'"))!.id
    expect(await publish(db, editor, 'page', id)).toMatchObject({ ok: false, reason: 'forbidden' })
  })

  it('makes the newest revision live, bumps the content version and audits it, in one step', async () => {
    const id = (await row<{ id: number }>("SELECT id FROM pages WHERE path = '/about'"))!.id
    const now = new Date('2026-11-30T10:00:00Z')
    const result = await publish(db, publisher, 'page', id, now)
    expect(result).toEqual({ ok: true, changedAt: now })
    const latest = await row<{ id: number }>(
      "SELECT max(id) AS id FROM revisions WHERE kind = 'page' AND content_id = ?",
      id,
    )
    expect(
      await row('SELECT title, status, published_revision_id FROM pages WHERE id = ?', id),
    ).toEqual({
      title: 'About us, edited',
      status: 'published',
      published_revision_id: latest!.id,
    })
    expect(await contentVersion()).toBe(String(now.getTime()))
    expect(await lastAudit()).toMatchObject({
      action: 'page.publish',
      target: `page:${id}`,
      detail: `revision ${latest!.id}`,
    })
  })

  it('leaves a 301 from the old path when a published page moves', async () => {
    const id = (await row<{ id: number }>("SELECT id FROM pages WHERE path = '/threats/fraud'"))!.id
    const loaded = (await editableItem(db, 'page', id))!
    await saveDraft(db, editor, 'page', id, { ...loaded.draft, path: '/threats/fraud-and-scams' })
    expect((await publish(db, publisher, 'page', id)).ok).toBe(true)
    expect(await row("SELECT to_path FROM redirects WHERE from_path = '/threats/fraud'")).toEqual({
      to_path: '/threats/fraud-and-scams',
    })
  })

  describe('with the second pair of eyes on', () => {
    // A failed test must not leave the rule on for the tests after it.
    afterEach(() => setSecondPublisher(false))

    it('refuses the author of the newest revision and audits the refusal, but lets a colleague publish', async () => {
      await setSecondPublisher(true)
      const created = await createDraft(db, publisher, 'news', newsData('own-work'))
      if (!created.ok) throw new Error(created.reason)
      const own = await publish(db, publisher, 'news', created.id)
      expect(own).toMatchObject({ ok: false, reason: 'refused' })
      expect(await row('SELECT status FROM news_articles WHERE id = ?', created.id)).toEqual({
        status: 'draft',
      })
      expect(await lastAudit()).toMatchObject({
        actor_id: publisher.id,
        action: 'refused',
        detail: 'second pair of eyes',
      })
      expect(await publish(db, colleague, 'news', created.id)).toMatchObject({ ok: true })
      await setSecondPublisher(false)
    })

    it('still refuses the publisher when an editor re-saves their change unchanged', async () => {
      await setSecondPublisher(true)
      const created = await createDraft(db, editor, 'news', newsData('laundered'))
      if (!created.ok) throw new Error(created.reason)
      expect(await publish(db, colleague, 'news', created.id)).toMatchObject({ ok: true })
      const changed = newsData('laundered', 'Changed by the publisher')
      await saveDraft(db, publisher, 'news', created.id, changed)
      // The editor's save is now the newest revision, but the publisher's change is still in it.
      await saveDraft(db, editor, 'news', created.id, changed)
      expect(await publish(db, publisher, 'news', created.id)).toMatchObject({
        ok: false,
        reason: 'refused',
      })
      expect(await row('SELECT title FROM news_articles WHERE id = ?', created.id)).toEqual({
        title: 'A title',
      })
      expect(await lastAudit()).toMatchObject({ action: 'refused', actor_id: publisher.id })
      // Once a colleague has published it, the publisher may publish others' later changes.
      expect(await publish(db, colleague, 'news', created.id)).toMatchObject({ ok: true })
      await saveDraft(db, editor, 'news', created.id, newsData('laundered', 'Edited again'))
      expect(await publish(db, publisher, 'news', created.id)).toMatchObject({ ok: true })
      await setSecondPublisher(false)
    })

    it('refuses the publisher for a never-published item holding any revision of theirs', async () => {
      await setSecondPublisher(true)
      const created = await createDraft(db, publisher, 'news', newsData('never-published'))
      if (!created.ok) throw new Error(created.reason)
      await saveDraft(db, editor, 'news', created.id, newsData('never-published', 'Tidied'))
      expect(await publish(db, publisher, 'news', created.id)).toMatchObject({
        ok: false,
        reason: 'refused',
      })
      await setSecondPublisher(false)
    })

    it('lets a publisher publish a seeded item that has only its original revision', async () => {
      await setSecondPublisher(true)
      const id = (await row<{ id: number }>('SELECT min(id) AS id FROM news_articles'))!.id
      expect(
        await row(
          "SELECT count(*) AS n, max(author_id) AS author, max(note) AS note FROM revisions WHERE kind = 'news' AND content_id = ?",
          id,
        ),
      ).toEqual({ n: 1, author: null, note: 'Original' })
      expect(await publish(db, publisher, 'news', id)).toMatchObject({ ok: true })
      await setSecondPublisher(false)
    })
  })

  it('answers conflict, and changes nothing, when another item took the address since it was saved', async () => {
    const a = await createDraft(db, editor, 'news', newsData('contested-a'))
    const b = await createDraft(db, editor, 'news', newsData('contested-b'))
    if (!a.ok || !b.ok) throw new Error('drafts not created')
    // Draft b saved with the address a will also use: the row keeps its own until publishing.
    await env.DB.prepare(
      "UPDATE revisions SET data = json_set(data, '$.slug', 'contested-a') WHERE kind = 'news' AND content_id = ?",
    )
      .bind(b.id)
      .run()
    expect((await publish(db, publisher, 'news', a.id)).ok).toBe(true)
    const version = await contentVersion()
    const result = await publish(db, publisher, 'news', b.id, new Date(Date.now() + 60_000))
    expect(result).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'Another news article now uses this address. Change it, save and publish again.',
    })
    expect(await row('SELECT status, slug FROM news_articles WHERE id = ?', b.id)).toEqual({
      status: 'draft',
      slug: 'contested-b',
    })
    expect(await contentVersion()).toBe(version)
  })

  it('throws any other failure, for the error page and the log', async () => {
    const failing = createDb(env.DB)
    vi.spyOn(failing, 'batch').mockRejectedValue(new Error('D1_ERROR: simulated outage'))
    const id = (await row<{ id: number }>("SELECT id FROM pages WHERE path = '/about'"))!.id
    await expect(publish(failing, publisher, 'page', id)).rejects.toThrow('simulated outage')
  })
})

describe('unpublish', () => {
  it('takes an item off the site and bumps the content version', async () => {
    const created = await createDraft(db, editor, 'news', newsData('short-lived'))
    if (!created.ok) throw new Error(created.reason)
    await publish(db, publisher, 'news', created.id)
    const now = new Date(Date.now() + 120_000)
    expect(await unpublish(db, publisher, 'news', created.id, now)).toEqual({
      ok: true,
      changedAt: now,
    })
    expect(await row('SELECT status FROM news_articles WHERE id = ?', created.id)).toEqual({
      status: 'unpublished',
    })
    expect(await contentVersion()).toBe(String(now.getTime()))
  })

  it('is forbidden to an editor and not-found for a missing item', async () => {
    expect(await unpublish(db, editor, 'news', 1)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await unpublish(db, publisher, 'news', 999_999)).toEqual({
      ok: false,
      reason: 'not-found',
    })
  })
})

describe('restore', () => {
  const setUp = async (slug: string) => {
    const created = await createDraft(db, editor, 'news', newsData(slug, 'First title'))
    if (!created.ok) throw new Error(created.reason)
    await saveDraft(db, editor, 'news', created.id, newsData(slug, 'Second title'))
    const first = await row<{ id: number }>(
      "SELECT min(id) AS id FROM revisions WHERE kind = 'news' AND content_id = ?",
      created.id,
    )
    return { id: created.id, first: first!.id }
  }

  it("puts a publisher's restore live at once, as a new revision", async () => {
    const { id, first } = await setUp('restored-live')
    const result = await restore(db, publisher, 'news', id, first)
    expect(result).toMatchObject({ ok: true, published: true })
    const newest = await row<{ id: number; note: string; author_id: number }>(
      "SELECT id, note, author_id FROM revisions WHERE kind = 'news' AND content_id = ? ORDER BY id DESC",
      id,
    )
    expect(newest).toMatchObject({ note: `Restored revision ${first}`, author_id: publisher.id })
    expect(
      await row('SELECT title, status, published_revision_id FROM news_articles WHERE id = ?', id),
    ).toEqual({
      title: 'First title',
      status: 'published',
      published_revision_id: newest!.id,
    })
    const actions = (await auditEntries()).slice(-2).map((e) => e.action)
    expect(actions).toEqual(['news.publish', 'news.restore'])
  })

  it("keeps an editor's restore as a draft", async () => {
    const { id, first } = await setUp('restored-draft')
    expect(await restore(db, editor, 'news', id, first)).toEqual({ ok: true, published: false })
    expect(await row('SELECT title, status FROM news_articles WHERE id = ?', id)).toEqual({
      title: 'First title',
      status: 'draft',
    })
  })

  it('keeps it as a draft when the second pair of eyes is on, even for a publisher', async () => {
    const { id, first } = await setUp('restored-eyes')
    await setSecondPublisher(true)
    expect(await restore(db, publisher, 'news', id, first)).toEqual({ ok: true, published: false })
    await setSecondPublisher(false)
    expect(await row('SELECT status FROM news_articles WHERE id = ?', id)).toEqual({
      status: 'draft',
    })
  })

  it('answers not-found for a revision of another item', async () => {
    const { id } = await setUp('restored-wrong')
    const other = await row<{ id: number }>(
      "SELECT min(id) AS id FROM revisions WHERE kind = 'page'",
    )
    expect(await restore(db, publisher, 'news', id, other!.id)).toEqual({
      ok: false,
      reason: 'not-found',
    })
  })
})

describe('closeVacancy', () => {
  it('sets the closing date to yesterday and publishes it, audited', async () => {
    await insertVacancy('to-close', 'To close', isoDay(30))
    const id = (await row<{ id: number }>("SELECT id FROM vacancies WHERE slug = 'to-close'"))!.id
    const now = new Date()
    expect(await closeVacancy(db, publisher, id, now)).toEqual({ ok: true, changedAt: now })
    const stored = await row<{ closing_date: string; status: string }>(
      'SELECT closing_date, status FROM vacancies WHERE id = ?',
      id,
    )
    expect(stored).toEqual({ closing_date: isoDay(-1), status: 'published' })
    expect((await auditEntries()).slice(-2).map((e) => e.action)).toEqual([
      'vacancy.publish',
      'vacancy.close',
    ])
  })

  it('answers conflict for a vacancy that has already closed', async () => {
    const id = (await row<{ id: number }>("SELECT id FROM vacancies WHERE slug = 'to-close'"))!.id
    expect(await closeVacancy(db, publisher, id)).toEqual({
      ok: false,
      reason: 'conflict',
      message: 'This vacancy has already closed.',
    })
  })

  it('is forbidden to an editor', async () => {
    expect(await closeVacancy(db, editor, 1)).toMatchObject({ ok: false, reason: 'forbidden' })
  })
})

describe('setSiteNotice', () => {
  it('sets the notice, keeps a revision, audits it and bumps the content version', async () => {
    const now = new Date(Date.now() + 180_000)
    expect(await setSiteNotice(db, publisher, 'Closed on Friday.', now)).toEqual({
      ok: true,
      changedAt: now,
    })
    expect(await row("SELECT value FROM settings WHERE key = 'site_notice'")).toEqual({
      value: 'Closed on Friday.',
    })
    expect(await row("SELECT data FROM revisions WHERE kind = 'setting' ORDER BY id DESC")).toEqual(
      {
        data: JSON.stringify({ siteNotice: 'Closed on Friday.' }),
      },
    )
    expect(await lastAudit()).toMatchObject({
      action: 'settings.site-notice',
      detail: 'Closed on Friday.',
    })
    expect(await contentVersion()).toBe(String(now.getTime()))
  })

  it('is forbidden to an editor', async () => {
    expect(await setSiteNotice(db, editor, 'x')).toMatchObject({ ok: false, reason: 'forbidden' })
  })
})

describe('isUniqueViolation', () => {
  it('finds a UNIQUE failure however deeply it is wrapped, and nothing else', () => {
    const d1 = new Error('D1_ERROR: UNIQUE constraint failed: pages.path: SQLITE_CONSTRAINT')
    expect(isUniqueViolation(new Error('Failed query', { cause: d1 }))).toBe(true)
    expect(isUniqueViolation(new Error('D1_ERROR: no such table: redirects'))).toBe(false)
    expect(isUniqueViolation('UNIQUE constraint failed')).toBe(false)
  })
})

describe('a page whose parent does not exist', () => {
  it('is refused on saving, with the error on the parent field', async () => {
    const id = (await row<{ id: number }>("SELECT id FROM pages WHERE path = '/ukhtc'"))!.id
    const loaded = (await editableItem(db, 'page', id))!
    expect(await saveDraft(db, editor, 'page', id, { ...loaded.draft, parentId: 999_999 })).toEqual(
      {
        ok: false,
        reason: 'invalid',
        errors: [{ field: 'parentId', message: 'Choose a parent page from the list' }],
      },
    )
  })

  it('answers conflict on publishing, and changes nothing, when the parent went after saving', async () => {
    const id = (await row<{ id: number }>("SELECT id FROM pages WHERE path = '/ukhtc'"))!.id
    // A revision naming a parent that is not there, as one saved before its parent went would.
    await env.DB.prepare(
      `INSERT INTO revisions (kind, content_id, data, author_id, note)
       SELECT 'page', id, json_object('path', path, 'parentId', 999999, 'title', title,
         'summary', summary, 'body', body, 'navOrder', nav_order), ?, 'Saved'
       FROM pages WHERE id = ?`,
    )
      .bind(editor.id, id)
      .run()
    const version = await contentVersion()
    expect(await publish(db, publisher, 'page', id)).toEqual({
      ok: false,
      reason: 'conflict',
      message:
        'The parent page no longer exists. Choose another parent page, save and publish again.',
    })
    expect(await row('SELECT parent_id IS NULL AS top FROM pages WHERE id = ?', id)).toEqual({
      top: 1,
    })
    expect(await contentVersion()).toBe(version)
  })
})

describe('saveAndPublish', () => {
  const notesOf = async (id: number) =>
    JSON.parse(
      (await row<{ n: string }>('SELECT change_notes AS n FROM news_articles WHERE id = ?', id))!.n,
    ) as { at: number; note: string }[]

  it('adds the revision and makes it live in one step, with its change note', async () => {
    const created = await createDraft(db, editor, 'news', newsData('save-and-publish'))
    if (!created.ok) throw new Error(created.reason)
    const first = new Date('2026-12-01T10:00:00Z')
    // A first publish keeps no note, even one that was sent.
    expect(
      await saveAndPublish(
        db,
        publisher,
        'news',
        created.id,
        newsData('save-and-publish', 'One'),
        first,
        'Not kept',
      ),
    ).toEqual({ ok: true, published: true, changedAt: first })
    expect(await notesOf(created.id)).toEqual([])
    expect(await contentVersion()).toBe(String(first.getTime()))

    const later = new Date('2026-12-02T10:00:00Z')
    const data = newsData('save-and-publish', 'Two')
    await saveAndPublish(db, publisher, 'news', created.id, data, later, 'Corrected the title')
    expect(await notesOf(created.id)).toEqual([
      { at: later.getTime(), note: 'Corrected the title' },
    ])
    const latest = await row<{ id: number; change_note: string; note: string }>(
      "SELECT id, change_note, note FROM revisions WHERE kind = 'news' AND content_id = ? ORDER BY id DESC",
      created.id,
    )
    expect(latest).toMatchObject({
      change_note: 'Corrected the title',
      note: 'Saved and published',
    })
    expect(
      await row(
        'SELECT title, status, published_revision_id, published_at FROM news_articles WHERE id = ?',
        created.id,
      ),
    ).toEqual({
      title: 'Two',
      status: 'published',
      published_revision_id: latest!.id,
      published_at: first.getTime(),
    })
    expect(await lastAudit()).toMatchObject({ action: 'news.publish', actor_id: publisher.id })
  })

  it('saves a draft, and publishes nothing, when the second pair of eyes stops the publisher', async () => {
    await setSecondPublisher(true)
    try {
      const id = (await row<{ id: number }>(
        "SELECT id FROM news_articles WHERE slug = 'save-and-publish'",
      ))!.id
      const result = await saveAndPublish(
        db,
        publisher,
        'news',
        id,
        newsData('save-and-publish', 'Three'),
      )
      expect(result).toMatchObject({ ok: true, published: false })
      expect(result.ok && result.held).toContain('A second pair of eyes is required')
      expect((await editableItem(db, 'news', id))!.draft.title).toBe('Three')
      expect(await row('SELECT title FROM news_articles WHERE id = ?', id)).toEqual({
        title: 'Two',
      })
      expect(await lastAudit()).toMatchObject({ action: 'refused', detail: 'second pair of eyes' })
    } finally {
      await setSecondPublisher(false)
    }
  })

  it('is forbidden to an editor, and stores nothing', async () => {
    const id = (await row<{ id: number }>(
      "SELECT id FROM news_articles WHERE slug = 'save-and-publish'",
    ))!.id
    const before = await row('SELECT count(*) AS n FROM revisions')
    expect(
      await saveAndPublish(db, editor, 'news', id, newsData('save-and-publish')),
    ).toMatchObject({
      ok: false,
      reason: 'forbidden',
    })
    expect(await row('SELECT count(*) AS n FROM revisions')).toEqual(before)
  })

  it('sets a news article’s publication time from its publication date, at UK midnight', async () => {
    const created = await createDraft(db, editor, 'news', newsData('imported'))
    if (!created.ok) throw new Error(created.reason)
    await saveAndPublish(db, publisher, 'news', created.id, {
      ...newsData('imported'),
      publicationDate: '2014-01-15',
    })
    expect(await row('SELECT published_at FROM news_articles WHERE id = ?', created.id)).toEqual({
      published_at: Date.UTC(2014, 0, 15),
    })
  })

  it('restores a never-published revision with its change note, and an old live one without', async () => {
    const id = (await row<{ id: number }>(
      "SELECT id FROM news_articles WHERE slug = 'save-and-publish'",
    ))!.id
    await saveDraft(
      db,
      editor,
      'news',
      id,
      newsData('save-and-publish', 'Four'),
      new Date(),
      'Fixed a name',
    )
    const waiting = (await row<{ id: number }>(
      "SELECT max(id) AS id FROM revisions WHERE kind = 'news' AND content_id = ?",
      id,
    ))!.id
    await saveDraft(db, editor, 'news', id, newsData('save-and-publish', 'Five'))
    const before = (await notesOf(id)).length
    expect(await restore(db, publisher, 'news', id, waiting)).toMatchObject({ published: true })
    expect((await notesOf(id)).map((n) => n.note).slice(before)).toEqual(['Fixed a name'])
    // Restoring it again: it is now older than the live version, so no second note.
    await saveDraft(db, editor, 'news', id, newsData('save-and-publish', 'Six'))
    await restore(db, publisher, 'news', id, waiting)
    expect(await notesOf(id)).toHaveLength(before + 1)
  })
})
