// The schedule pages (/admin/{kind}/:id/schedule), the dashboard's list, and the every-minute
// Cron Trigger that applies what is due, through both Workers as in production.
import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import adminWorker from '../../src/admin.tsx'
import { createDb } from '../../src/db/client.ts'
import { forgetVersion } from '../../src/http/content-version.ts'
import publicWorker from '../../src/index.tsx'
import { ukWallTime } from '../../src/lib/uk-time.ts'
import { editableItem, saveDraft } from '../../src/publishing/content.ts'
import { auditEntries, editorAndPublisher, type StaffBrowser } from '../admin-helpers.ts'
import {
  ORIGIN,
  captureLogs,
  getPage,
  request,
  sameSiteHeaders,
  summaryErrors,
} from '../helpers.ts'

let editor: StaffBrowser
let publisher: StaffBrowser
let publisherId: number
let editorId: number
const db = createDb(env.DB)
const DAY = 86_400_000

beforeAll(async () => {
  ;({ editorId, publisherId, editor, publisher } = await editorAndPublisher())
})

beforeEach(async () => {
  await env.DB.prepare(
    "UPDATE scheduled_changes SET status = 'cancelled' WHERE status = 'pending'",
  ).run()
})
afterEach(() => vi.restoreAllMocks())

const pageId = async (path: string) =>
  (await env.DB.prepare('SELECT id FROM pages WHERE path = ?').bind(path).first<{ id: number }>())!
    .id

/** The form fields for a time, as UK staff would type it. */
const typed = (name: 'publishAt' | 'unpublishAt', at: Date) => {
  const t = ukWallTime(at)
  return {
    [`${name}-day`]: String(t.day),
    [`${name}-month`]: String(t.month),
    [`${name}-year`]: String(t.year),
    [`${name}-time`]: `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`,
  }
}

/** A whole minute some days from now. */
const inDays = (days: number) => new Date(Math.floor((Date.now() + days * DAY) / 60_000) * 60_000)

const pending = (kind: string, id: number) =>
  env.DB.prepare(
    "SELECT id, action, at, revision_id, created_by FROM scheduled_changes WHERE kind = ? AND content_id = ? AND status = 'pending' ORDER BY at",
  )
    .bind(kind, id)
    .all<{
      id: number
      action: string
      at: number
      revision_id: number | null
      created_by: number
    }>()
    .then((r) => r.results)

const schedulePath = (id: number) => `/admin/pages/${id}/schedule`

describe('GET /admin/pages/:id/schedule', () => {
  it('shows a publisher the form: publish and unpublish times as GOV.UK date inputs in UK time', async () => {
    const id = await pageId('/about')
    const res = await publisher.get(schedulePath(id))
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<h1 class="govuk-heading-xl">Schedule About us</h1>')
    expect(html).toContain('Nothing is scheduled.')
    expect(html).toContain(`<form method="post" action="${schedulePath(id)}" novalidate`)
    for (const name of ['publishAt', 'unpublishAt']) {
      expect(html).toContain(`<div class="govuk-date-input" id="${name}">`)
      for (const part of ['day', 'month', 'year', 'time']) {
        expect(html).toContain(`id="${name}-${part}" name="${name}-${part}"`)
      }
      expect(html).toMatch(new RegExp(`id="${name}-hint" class="govuk-hint">UK time`))
    }
    expect(html).toContain(
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Publish at</legend>',
    )
    expect(html).toContain('for="publishAt-time">Time (hh:mm)</label>')
  })

  it('shows an editor what is scheduled, read-only', async () => {
    const id = await pageId('/about')
    const res = await publisher.submit(
      schedulePath(id),
      typed('publishAt', inDays(3)),
      schedulePath(id),
    )
    expect(res.status).toBe(303)
    const html = await (await editor.get(schedulePath(id))).text()
    expect(html).toContain('Publish revision')
    expect(html).toContain('Pat Publisher')
    expect(html).not.toContain('<form method="post" action="/admin/pages')
    expect(html).not.toContain('Cancel publish')
    expect(html).toContain('Only publishers can schedule publishing and unpublishing.')
  })

  it('answers 404 for an item that does not exist, and sends anyone signed out to sign in', async () => {
    expect((await publisher.get('/admin/pages/999999/schedule')).status).toBe(404)
    expect((await publisher.get('/admin/news/999999/schedule')).status).toBe(404)
    const res = await request('/admin/pages/1/schedule', { redirect: 'manual' })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin/sign-in')
  })
})

describe('POST /admin/pages/:id/schedule', () => {
  it('schedules a publish of the newest revision and an unpublish, and lists them in UK time', async () => {
    const id = await pageId('/ukhtc')
    const publishAt = new Date('2030-07-01T08:30:00Z') // 9:30 am BST
    const unpublishAt = new Date('2030-12-01T17:00:00Z') // 5:00 pm GMT
    const res = await publisher.submit(
      schedulePath(id),
      { ...typed('publishAt', publishAt), ...typed('unpublishAt', unpublishAt) },
      schedulePath(id),
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`${schedulePath(id)}?done=scheduled`)
    const latest = await env.DB.prepare(
      "SELECT max(id) AS id FROM revisions WHERE kind = 'page' AND content_id = ?",
    )
      .bind(id)
      .first<{ id: number }>()
    expect(await pending('page', id)).toEqual([
      expect.objectContaining({
        action: 'publish',
        at: publishAt.getTime(),
        revision_id: latest!.id,
        created_by: publisherId,
      }),
      expect.objectContaining({
        action: 'unpublish',
        at: unpublishAt.getTime(),
        revision_id: null,
      }),
    ])
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: publisherId,
      action: 'page.schedule',
      target: `page:${id}`,
    })
    const html = await (await publisher.get(`${schedulePath(id)}?done=scheduled`)).text()
    expect(html).toContain('govuk-notification-banner--success')
    expect(html).toMatch(/1 July 2030.{0,10}9:30 am BST/)
    expect(html).toMatch(/1 December 2030.{0,10}5:00 pm GMT/)
    expect(html).toContain('Cancel publish')
  })

  it('takes a time the clocks repeat as the first one, in BST', async () => {
    const id = await pageId('/ukhtc')
    const res = await publisher.submit(
      schedulePath(id),
      {
        'publishAt-day': '27',
        'publishAt-month': '10',
        'publishAt-year': '2030',
        'publishAt-time': '1:30',
      },
      schedulePath(id),
    )
    expect(res.status).toBe(303)
    expect((await pending('page', id))[0]!.at).toBe(Date.parse('2030-10-27T00:30:00Z'))
  })

  it.each([
    [
      'nothing entered',
      {},
      [{ field: 'publishAt-day', message: 'Enter a date and time to publish or unpublish' }],
    ],
    [
      'missing parts',
      { 'publishAt-day': '3', 'publishAt-time': '09:00' },
      [
        {
          field: 'publishAt-month',
          message: 'Publish date and time must include a month and year',
        },
      ],
    ],
    [
      'a date that does not exist',
      {
        'publishAt-day': '31',
        'publishAt-month': '6',
        'publishAt-year': '2030',
        'publishAt-time': '09:00',
      },
      [{ field: 'publishAt-day', message: 'Publish date must be a real date' }],
    ],
    [
      'letters for a month',
      {
        'unpublishAt-day': '3',
        'unpublishAt-month': 'June',
        'unpublishAt-year': '2030',
        'unpublishAt-time': '09:00',
      },
      [{ field: 'unpublishAt-month', message: 'Unpublish date must be a real date' }],
    ],
    [
      'a two-digit year',
      {
        'publishAt-day': '3',
        'publishAt-month': '6',
        'publishAt-year': '30',
        'publishAt-time': '09:00',
      },
      [{ field: 'publishAt-year', message: 'Publish year must include 4 numbers' }],
    ],
    [
      'a time that is not one',
      {
        'publishAt-day': '3',
        'publishAt-month': '6',
        'publishAt-year': '2030',
        'publishAt-time': '25:00',
      },
      [
        {
          field: 'publishAt-time',
          message: 'Publish time must be a time of day, like 09:30 or 17:00',
        },
      ],
    ],
    [
      'a time the clocks skip',
      {
        'publishAt-day': '28',
        'publishAt-month': '3',
        'publishAt-year': '2027',
        'publishAt-time': '01:30',
      },
      [
        {
          field: 'publishAt-time',
          message:
            'Publish time does not exist in the UK that day: the clocks go forward from 1am to 2am. Enter a time from 2am',
        },
      ],
    ],
    [
      'a time in the past',
      {
        'publishAt-day': '3',
        'publishAt-month': '6',
        'publishAt-year': '2020',
        'publishAt-time': '09:00',
      },
      [{ field: 'publishAt-day', message: 'Publish date and time must be in the future' }],
    ],
    [
      'an unpublish before the publish',
      {
        ...{
          'publishAt-day': '3',
          'publishAt-month': '6',
          'publishAt-year': '2030',
          'publishAt-time': '09:00',
        },
        ...{
          'unpublishAt-day': '2',
          'unpublishAt-month': '6',
          'unpublishAt-year': '2030',
          'unpublishAt-time': '09:00',
        },
      },
      [
        {
          field: 'unpublishAt-day',
          message: 'Unpublish date and time must be after the publish date and time',
        },
      ],
    ],
  ])(
    'answers %s with 400, the error summary, inline errors and the typed values',
    async (_, fields, errors) => {
      const id = await pageId('/ukhtc')
      const res = await publisher.submit(schedulePath(id), fields, schedulePath(id))
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(summaryErrors(html)).toEqual(errors)
      expect(html).toContain(
        '<title>Error: Schedule UK Human Trafficking Centre – SOCA staff</title>',
      )
      const time = errors[0]!.field.split('-')[0]!
      expect(html).toContain(`id="${time}-error"`)
      expect(html).toContain(`id="${errors[0]!.field}"`)
      expect(html).toMatch(new RegExp(`govuk-input--error"[^>]*id="${errors[0]!.field}"`))
      for (const [name, value] of Object.entries(fields)) {
        expect(html).toContain(`id="${name}" name="${name}" type="text"`)
        expect(html).toMatch(new RegExp(`name="${name}"[^>]*value="${value}"`))
      }
      expect(await pending('page', id)).toEqual([])
    },
  )

  it('is refused to an editor with 403, and stores nothing', async () => {
    const id = await pageId('/ukhtc')
    const res = await editor.submit(
      schedulePath(id),
      typed('publishAt', inDays(2)),
      schedulePath(id),
    )
    expect(res.status).toBe(403)
    expect(await pending('page', id)).toEqual([])
    expect((await auditEntries()).at(-1)).toMatchObject({ actor_id: editorId, action: 'refused' })
  })

  it('shows the second pair of eyes on the form when the publisher would publish their own change', async () => {
    const id = await pageId('/ukhtc')
    const loaded = (await editableItem(db, 'page', id))!
    await saveDraft(db, { id: publisherId, role: 'publisher' }, 'page', id, {
      ...loaded.draft,
      summary: `${loaded.draft.summary} Own change.`,
    })
    await env.DB.prepare(
      "INSERT INTO settings (key, value) VALUES ('require_second_publisher', 'true') ON CONFLICT(key) DO UPDATE SET value = 'true'",
    ).run()
    try {
      const page = await (await publisher.get(schedulePath(id))).text()
      expect(page).toContain('You cannot schedule publishing: A second pair of eyes is required')
      const res = await publisher.submit(
        schedulePath(id),
        typed('publishAt', inDays(2)),
        schedulePath(id),
      )
      expect(res.status).toBe(403)
      expect(summaryErrors(await res.text())).toEqual([
        {
          field: 'publishAt-day',
          message:
            'A second pair of eyes is required: another publisher must publish your changes.',
        },
      ])
      expect(await pending('page', id)).toEqual([])
    } finally {
      await env.DB.prepare(
        "UPDATE settings SET value = 'false' WHERE key = 'require_second_publisher'",
      ).run()
    }
  })
})

describe('POST /admin/pages/:id/schedule/:scheduleId/cancel', () => {
  it('cancels a pending change for a publisher, and 404s another item’s', async () => {
    const id = await pageId('/about')
    await publisher.submit(schedulePath(id), typed('unpublishAt', inDays(4)), schedulePath(id))
    const [change] = await pending('page', id)
    const other = await pageId('/ukhtc')
    const wrong = await publisher.submit(
      `${schedulePath(other)}/${change!.id}/cancel`,
      {},
      schedulePath(other),
    )
    expect(wrong.status).toBe(404)
    const refused = await editor.submit(
      `${schedulePath(id)}/${change!.id}/cancel`,
      {},
      schedulePath(id),
    )
    expect(refused.status).toBe(403)

    const res = await publisher.submit(
      `${schedulePath(id)}/${change!.id}/cancel`,
      {},
      schedulePath(id),
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`${schedulePath(id)}?done=cancelled`)
    expect(await pending('page', id)).toEqual([])
    const html = await (await publisher.get(`${schedulePath(id)}?done=cancelled`)).text()
    expect(html).toContain('Scheduled change cancelled.')
    expect(html).toContain('govuk-tag--grey">Cancelled</strong>')
    expect(html).toContain('By Pat Publisher')
    // Cancelling it again is a conflict: it is no longer scheduled.
    const again = await publisher.submit(
      `${schedulePath(id)}/${change!.id}/cancel`,
      {},
      schedulePath(id),
    )
    expect(again.status).toBe(409)
  })
})

describe('the dashboard', () => {
  it('lists pending changes soonest first, linked to their editors, and recent failures with the reason', async () => {
    const about = await pageId('/about')
    const ukhtc = await pageId('/ukhtc')
    await publisher.submit(schedulePath(ukhtc), typed('publishAt', inDays(5)), schedulePath(ukhtc))
    await publisher.submit(
      schedulePath(about),
      typed('unpublishAt', inDays(2)),
      schedulePath(about),
    )
    await env.DB.prepare(
      `INSERT INTO scheduled_changes (kind, content_id, action, at, status, created_by, settled_at, detail)
       VALUES ('page', ?, 'publish', ?, 'failed', ?, ?, 'Changed since it was scheduled: schedule it again'),
              ('page', ?, 'publish', ?, 'failed', ?, ?, 'An old failure')`,
    )
      .bind(
        ...[about, Date.now() - DAY, publisherId, Date.now() - DAY],
        ...[about, Date.now() - 8 * DAY, publisherId, Date.now() - 8 * DAY],
      )
      .run()
    const html = await (await editor.get('/admin')).text()
    expect(html).toContain('<h2 class="govuk-heading-m">Scheduled</h2>')
    const coming = html.slice(
      html.indexOf('Coming up, soonest first'),
      html.indexOf('Failed in the last 7 days'),
    )
    expect(coming.indexOf(`href="/admin/pages/${about}"`)).toBeGreaterThan(0)
    expect(coming.indexOf(`href="/admin/pages/${about}"`)).toBeLessThan(
      coming.indexOf(`href="/admin/pages/${ukhtc}"`),
    )
    expect(coming).toContain('Unpublish')
    expect(coming).toContain('Pat Publisher')
    const failed = html.slice(html.indexOf('Failed in the last 7 days'))
    expect(failed).toContain('Changed since it was scheduled: schedule it again')
    expect(failed).not.toContain('An old failure')
  })

  it('says when nothing is scheduled', async () => {
    await env.DB.prepare(
      "UPDATE scheduled_changes SET status = 'done' WHERE status = 'failed'",
    ).run()
    const html = await (await publisher.get('/admin')).text()
    expect(html).toContain('Nothing is scheduled.')
    expect(html).not.toContain('Failed in the last 7 days')
  })
})

describe('the every-minute Cron Trigger', () => {
  /** Runs the public Worker's scheduled handler, with ADMIN reaching the admin Worker. */
  const runCron = async (cron: string, scheduledTime = Date.now()) => {
    const ctx = createExecutionContext()
    const admin = {
      fetch: (input: RequestInfo, init?: RequestInit) =>
        adminWorker.fetch(new Request(input, init), env, ctx),
    } as unknown as Fetcher
    await publicWorker.scheduled(
      createScheduledController({ scheduledTime, cron }),
      { ...env, ADMIN: admin },
      ctx,
    )
    await waitOnExecutionContext(ctx)
  }

  it('publishes a due change on the public site and logs a one-line summary', async () => {
    const logs = captureLogs()
    const id = await pageId('/ukhtc')
    const loaded = (await editableItem(db, 'page', id))!
    const marker = 'Scheduled by the Cron Trigger test.'
    await saveDraft(db, { id: editorId, role: 'editor' }, 'page', id, {
      ...loaded.draft,
      summary: marker,
    })
    await publisher.submit(schedulePath(id), typed('publishAt', inDays(1)), schedulePath(id))
    const [change] = await pending('page', id)
    expect((await getPage('/ukhtc')).html).not.toContain(marker)
    // A minute ago, as if the time had come.
    await env.DB.prepare('UPDATE scheduled_changes SET at = ? WHERE id = ?')
      .bind(Date.now() - 60_000, change!.id)
      .run()

    await runCron('* * * * *')
    const stored = await env.DB.prepare(
      'SELECT status, settled_at FROM scheduled_changes WHERE id = ?',
    )
      .bind(change!.id)
      .first<{ status: string; settled_at: number }>()
    expect(stored!.status).toBe('done')
    // No request came through this location's public Worker to refresh its copy of the content
    // version: it expires within 5 seconds. Dropping it stands in for those seconds passing.
    forgetVersion()
    await caches.default.delete(`${ORIGIN}/__cache/content-version`)
    expect((await getPage('/ukhtc')).html).toContain(marker)
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: publisherId,
      action: 'page.publish',
      target: `page:${id}`,
    })
    expect(logs).toContainEqual({
      level: 'info',
      event: 'scheduled-changes',
      due: 1,
      applied: 1,
      failed: 0,
      skipped: 0,
    })
  })

  it('leaves changes that are not due yet, and the daily cron to the retention job', async () => {
    const logs = captureLogs()
    const id = await pageId('/about')
    await publisher.submit(schedulePath(id), typed('unpublishAt', inDays(1)), schedulePath(id))
    await runCron('* * * * *')
    await runCron('17 3 * * *')
    expect(await pending('page', id)).toHaveLength(1)
    expect(logs.map((l) => l.event)).toEqual(['scheduled-changes', 'retention'])
  })

  it('cannot be reached from the internet: the public Worker answers 404 and applies nothing', async () => {
    const id = await pageId('/about')
    await publisher.submit(schedulePath(id), typed('unpublishAt', inDays(1)), schedulePath(id))
    const [change] = await pending('page', id)
    await env.DB.prepare('UPDATE scheduled_changes SET at = ? WHERE id = ?')
      .bind(Date.now() - 60_000, change!.id)
      .run()
    // A bare POST is refused by the public Worker's CSRF check before any route is looked up;
    // one as a same-site form, even with the scheduled handler's header, finds no route.
    const bare = await request('/__scheduled/apply', { method: 'POST' })
    expect(bare.status).toBe(403)
    const res = await request('/__scheduled/apply', {
      method: 'POST',
      headers: { ...sameSiteHeaders(), 'X-Scheduled-Time': String(Date.now()) },
    })
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('Page not found')
    expect(await pending('page', id)).toHaveLength(1)
  })

  it('is refused by the admin Worker without the header the scheduled handler sets', async () => {
    const ctx = createExecutionContext()
    const res = await adminWorker.fetch(
      new Request('https://admin.internal/__scheduled/apply', { method: 'POST' }),
      env,
      ctx,
    )
    expect(res.status).toBe(404)
    const get = await adminWorker.fetch(
      new Request('https://admin.internal/__scheduled/apply', {
        headers: { 'X-Scheduled-Time': String(Date.now()) },
      }),
      env,
      ctx,
    )
    expect(get.status).toBe(404)
  })
})
