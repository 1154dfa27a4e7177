// Scheduled publishing, called directly: schedule() and cancelScheduled() as a publisher does
// them, and applyDueChanges() as the Cron Trigger runs it, against the test file's D1.
import { env } from 'cloudflare:test'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { createDraft, editableItem, saveDraft } from '../../src/publishing/content.ts'
import type { Actor } from '../../src/publishing/result.ts'
import {
  CHANGED_SINCE_SCHEDULED,
  applyDueChanges,
  cancelScheduled,
  schedule,
} from '../../src/publishing/schedule.ts'
import { auditEntries, createActor, createStaff } from '../admin-helpers.ts'
import { captureLogs, row, rows } from '../helpers.ts'

const db = createDb(env.DB)
let editor: Actor
let publisher: Actor
let colleague: Actor

const HOUR = 3_600_000
/** The tests' clock: scheduled times are after it, and the runs later still. */
const now = new Date('2027-01-15T09:00:00Z')
const later = (hours: number) => new Date(now.getTime() + hours * HOUR)

beforeAll(async () => {
  editor = await createActor('e@example.com', 'editor')
  publisher = await createActor('p@example.com', 'publisher')
  colleague = await createActor('q@example.com', 'publisher')
})

type Stored = {
  id: number
  action: string
  at: number
  revision_id: number | null
  status: string
  created_by: number
  settled_at: number | null
  settled_by: number | null
  detail: string
}

const scheduledOf = (kind: string, id: number) =>
  rows<Stored>(
    `SELECT id, action, at, revision_id, status, created_by, settled_at, settled_by, detail
     FROM scheduled_changes WHERE kind = ? AND content_id = ? ORDER BY id`,
    kind,
    id,
  )

let counter = 0

/** A new draft news article by the editor, with one revision. */
const newArticle = async (title = 'Scheduled article') => {
  counter += 1
  const created = await createDraft(db, editor, 'news', {
    slug: `scheduled-${counter}`,
    title,
    summary: 'In short.',
    body: 'The body.',
    publicationDate: null,
  })
  if (!created.ok) throw new Error(created.reason)
  return created.id
}

const latestRevision = async (kind: string, id: number) =>
  (await row<{ id: number }>(
    'SELECT max(id) AS id FROM revisions WHERE kind = ? AND content_id = ?',
    kind,
    id,
  ))!.id

const setSecondPublisher = (on: boolean) =>
  env.DB.prepare(
    "INSERT INTO settings (key, value) VALUES ('require_second_publisher', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  )
    .bind(on ? 'true' : 'false')
    .run()

// A run leaves every due change settled, so each test starts with nothing due.
beforeEach(async () => {
  await env.DB.prepare(
    "UPDATE scheduled_changes SET status = 'cancelled' WHERE status = 'pending'",
  ).run()
})
afterEach(async () => {
  vi.restoreAllMocks()
  await setSecondPublisher(false)
})

describe('schedule', () => {
  it('stores a publish pinned to the newest revision, and an unpublish, with one audit entry', async () => {
    const id = await newArticle()
    const revision = await latestRevision('news', id)
    const result = await schedule(
      db,
      publisher,
      'news',
      id,
      { publishAt: later(1), unpublishAt: later(48) },
      now,
    )
    expect(result).toEqual({ ok: true })
    expect(await scheduledOf('news', id)).toEqual([
      expect.objectContaining({
        action: 'publish',
        at: later(1).getTime(),
        revision_id: revision,
        status: 'pending',
        created_by: publisher.id,
        settled_at: null,
      }),
      expect.objectContaining({
        action: 'unpublish',
        at: later(48).getTime(),
        revision_id: null,
        status: 'pending',
      }),
    ])
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: publisher.id,
      action: 'news.schedule',
      target: `news:${id}`,
      detail: `publish at ${later(1).toISOString()} (revision ${revision}); unpublish at ${later(48).toISOString()}`,
    })
  })

  it('replaces a pending time for the same action, and keeps the other action', async () => {
    const id = await newArticle()
    await schedule(db, publisher, 'news', id, { publishAt: later(1), unpublishAt: later(5) }, now)
    await schedule(db, colleague, 'news', id, { publishAt: later(2) }, now)
    const stored = await scheduledOf('news', id)
    expect(stored.map((s) => [s.action, s.status, s.at])).toEqual([
      ['publish', 'cancelled', later(1).getTime()],
      ['unpublish', 'pending', later(5).getTime()],
      ['publish', 'pending', later(2).getTime()],
    ])
    expect(stored[0]).toMatchObject({
      settled_by: colleague.id,
      settled_at: now.getTime(),
      detail: 'Replaced by a new time',
    })
  })

  it('is forbidden to an editor, and stores nothing', async () => {
    const id = await newArticle()
    expect(await schedule(db, editor, 'news', id, { publishAt: later(1) }, now)).toMatchObject({
      ok: false,
      reason: 'forbidden',
    })
    expect(await scheduledOf('news', id)).toEqual([])
  })

  it('answers not-found for an item that does not exist', async () => {
    expect(await schedule(db, publisher, 'page', 999_999, { publishAt: later(1) }, now)).toEqual({
      ok: false,
      reason: 'not-found',
    })
  })

  it('refuses a time in the past, nothing to schedule, and an unpublish before the publish', async () => {
    const id = await newArticle()
    expect(await schedule(db, publisher, 'news', id, { publishAt: later(-1) }, now)).toMatchObject({
      ok: false,
      reason: 'invalid',
    })
    expect(await schedule(db, publisher, 'news', id, {}, now)).toMatchObject({
      ok: false,
      reason: 'invalid',
    })
    expect(
      await schedule(
        db,
        publisher,
        'news',
        id,
        { publishAt: later(2), unpublishAt: later(1) },
        now,
      ),
    ).toEqual({
      ok: false,
      reason: 'invalid',
      errors: [
        {
          field: 'unpublishAt-day',
          message: 'Unpublish date and time must be after the publish date and time',
        },
      ],
    })
    expect(await scheduledOf('news', id)).toEqual([])
  })

  it('refuses to schedule a publish of your own changes when a second pair of eyes is needed, and audits it', async () => {
    await setSecondPublisher(true)
    const id = await newArticle()
    const loaded = (await editableItem(db, 'news', id))!
    await saveDraft(db, publisher, 'news', id, { ...loaded.draft, title: 'My own change' })
    expect(await schedule(db, publisher, 'news', id, { publishAt: later(1) }, now)).toMatchObject({
      ok: false,
      reason: 'refused',
    })
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: publisher.id,
      action: 'refused',
      target: `news:${id}`,
    })
    // An unpublish needs no second pair of eyes; a colleague may schedule the publish.
    expect(await schedule(db, publisher, 'news', id, { unpublishAt: later(3) }, now)).toEqual({
      ok: true,
    })
    expect(await schedule(db, colleague, 'news', id, { publishAt: later(1) }, now)).toEqual({
      ok: true,
    })
  })
})

describe('cancelScheduled', () => {
  it('cancels a pending change, saying who and when, with an audit entry', async () => {
    const id = await newArticle()
    await schedule(db, publisher, 'news', id, { publishAt: later(1) }, now)
    const [change] = await scheduledOf('news', id)
    expect(await cancelScheduled(db, colleague, 'news', id, change!.id, later(0.5))).toEqual({
      ok: true,
    })
    expect((await scheduledOf('news', id))[0]).toMatchObject({
      status: 'cancelled',
      settled_by: colleague.id,
      settled_at: later(0.5).getTime(),
    })
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: colleague.id,
      action: 'news.schedule.cancel',
      target: `news:${id}`,
      detail: `publish at ${later(1).toISOString()}`,
    })
    // Once settled, it cannot be cancelled again.
    expect(await cancelScheduled(db, colleague, 'news', id, change!.id, later(0.6))).toMatchObject({
      ok: false,
      reason: 'conflict',
    })
  })

  it('answers not-found for another item’s change, and forbids an editor', async () => {
    const id = await newArticle()
    const other = await newArticle()
    await schedule(db, publisher, 'news', id, { publishAt: later(1) }, now)
    const [change] = await scheduledOf('news', id)
    expect(await cancelScheduled(db, publisher, 'news', other, change!.id, now)).toEqual({
      ok: false,
      reason: 'not-found',
    })
    expect(await cancelScheduled(db, editor, 'news', id, change!.id, now)).toMatchObject({
      ok: false,
      reason: 'forbidden',
    })
    expect((await scheduledOf('news', id))[0]!.status).toBe('pending')
  })
})

describe('applyDueChanges', () => {
  it('publishes a due change as the person who set it, as if they had pressed Publish', async () => {
    const id = await newArticle('Goes live on time')
    await schedule(db, publisher, 'news', id, { publishAt: later(1), unpublishAt: later(3) }, now)
    const revision = await latestRevision('news', id)

    // Not yet due: nothing happens.
    expect(await applyDueChanges(db, later(0.5))).toEqual({
      due: 0,
      applied: 0,
      failed: 0,
      skipped: 0,
    })
    expect(await row('SELECT status FROM news_articles WHERE id = ?', id)).toEqual({
      status: 'draft',
    })

    const run = later(1 + 1 / 60)
    expect(await applyDueChanges(db, run)).toEqual({ due: 1, applied: 1, failed: 0, skipped: 0 })
    expect(
      await row('SELECT status, title, published_revision_id FROM news_articles WHERE id = ?', id),
    ).toEqual({ status: 'published', title: 'Goes live on time', published_revision_id: revision })
    expect(await row("SELECT value FROM settings WHERE key = 'content_version'")).toEqual({
      value: String(run.getTime()),
    })
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: publisher.id,
      action: 'news.publish',
      target: `news:${id}`,
      detail: `revision ${revision}`,
    })
    const [publishRow, unpublishRow] = await scheduledOf('news', id)
    expect(publishRow).toMatchObject({
      status: 'done',
      settled_at: run.getTime(),
      settled_by: null,
    })
    expect(unpublishRow).toMatchObject({ status: 'pending' })

    expect(await applyDueChanges(db, later(3))).toMatchObject({ due: 1, applied: 1 })
    expect(await row('SELECT status FROM news_articles WHERE id = ?', id)).toEqual({
      status: 'unpublished',
    })
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: publisher.id,
      action: 'news.unpublish',
    })
  })

  it('applies each change once, however many runs overlap', async () => {
    const id = await newArticle()
    await schedule(db, publisher, 'news', id, { publishAt: later(1) }, now)
    const before = (await auditEntries()).length
    const runs = await Promise.all([1, 2, 3].map(() => applyDueChanges(db, later(2))))
    expect(runs.reduce((n, r) => n + r.applied, 0)).toBe(1)
    const added = (await auditEntries()).slice(before)
    expect(added.filter((e) => e.action === 'news.publish')).toHaveLength(1)
  })

  it('does not publish an item saved again since it was scheduled', async () => {
    const id = await newArticle('As scheduled')
    await schedule(db, publisher, 'news', id, { publishAt: later(1) }, now)
    const loaded = (await editableItem(db, 'news', id))!
    await saveDraft(db, editor, 'news', id, { ...loaded.draft, title: 'Changed afterwards' })
    expect(await applyDueChanges(db, later(2))).toMatchObject({ due: 1, applied: 0, failed: 1 })
    expect(await row('SELECT status FROM news_articles WHERE id = ?', id)).toEqual({
      status: 'draft',
    })
    expect((await scheduledOf('news', id))[0]).toMatchObject({
      status: 'failed',
      settled_at: later(2).getTime(),
      detail: CHANGED_SINCE_SCHEDULED,
    })
  })

  it('fails a change whose scheduler is no longer an active publisher', async () => {
    const leaver = await createStaff({ email: 'leaver@example.com', role: 'publisher' })
    const demoted = await createStaff({ email: 'demoted@example.com', role: 'publisher' })
    const a = await newArticle()
    const b = await newArticle()
    await schedule(
      db,
      { id: leaver.id, role: 'publisher' },
      'news',
      a,
      { publishAt: later(1) },
      now,
    )
    await schedule(
      db,
      { id: demoted.id, role: 'publisher' },
      'news',
      b,
      { publishAt: later(1) },
      now,
    )
    await env.DB.prepare('UPDATE staff SET active = 0 WHERE id = ?').bind(leaver.id).run()
    await env.DB.prepare("UPDATE staff SET role = 'editor' WHERE id = ?").bind(demoted.id).run()
    expect(await applyDueChanges(db, later(2))).toMatchObject({ due: 2, applied: 0, failed: 2 })
    expect((await scheduledOf('news', a))[0]).toMatchObject({
      status: 'failed',
      detail: 'leaver, who scheduled it, no longer has an active account',
    })
    expect((await scheduledOf('news', b))[0]).toMatchObject({
      status: 'failed',
      detail: 'demoted, who scheduled it, is no longer a publisher',
    })
    expect(await row('SELECT status FROM news_articles WHERE id = ?', a)).toEqual({
      status: 'draft',
    })
  })

  it('checks the second pair of eyes again when due, with the refusal as the reason', async () => {
    const id = await newArticle()
    const loaded = (await editableItem(db, 'news', id))!
    await saveDraft(db, publisher, 'news', id, { ...loaded.draft, title: 'Own change' })
    // Allowed when scheduled: the rule was off.
    expect(await schedule(db, publisher, 'news', id, { publishAt: later(1) }, now)).toEqual({
      ok: true,
    })
    await setSecondPublisher(true)
    expect(await applyDueChanges(db, later(2))).toMatchObject({ due: 1, failed: 1 })
    expect((await scheduledOf('news', id))[0]).toMatchObject({
      status: 'failed',
      detail: 'A second pair of eyes is required: another publisher must publish your changes.',
    })
    expect(await row('SELECT status FROM news_articles WHERE id = ?', id)).toEqual({
      status: 'draft',
    })
  })

  it('marks a change failed, and logs why, when applying it throws', async () => {
    const logs = captureLogs()
    const id = await newArticle()
    await schedule(db, publisher, 'news', id, { publishAt: later(1) }, now)
    // The item's table refuses the publish's update as D1 would when a query fails.
    await env.DB.exec(
      "CREATE TRIGGER test_refuse_publish BEFORE UPDATE OF status ON news_articles BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
    )
    try {
      expect(await applyDueChanges(db, later(2))).toMatchObject({ due: 1, failed: 1 })
    } finally {
      await env.DB.exec('DROP TRIGGER test_refuse_publish')
    }
    expect((await scheduledOf('news', id))[0]).toMatchObject({
      status: 'failed',
      detail: 'It could not be applied because of a fault: schedule it again',
    })
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'error', event: 'scheduled-change-failed' }),
    )
  })

  it('applies due changes oldest first, across kinds', async () => {
    const page = (await row<{ id: number }>("SELECT id FROM pages WHERE path = '/ukhtc'"))!.id
    const article = await newArticle()
    await schedule(db, publisher, 'news', article, { publishAt: later(2) }, now)
    await schedule(db, publisher, 'page', page, { publishAt: later(1) }, now)
    const before = (await auditEntries()).length
    expect(await applyDueChanges(db, later(3))).toMatchObject({ due: 2, applied: 2 })
    expect(
      (await auditEntries())
        .slice(before)
        .filter((e) => e.action.endsWith('.publish'))
        .map((e) => e.target),
    ).toEqual([`page:${page}`, `news:${article}`])
  })
})
