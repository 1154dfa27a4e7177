import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { deleteExpiredSubmissions, retentionPeriods } from '../../src/jobs/retention.ts'
import { createStaff, csrfFrom, signedIn } from '../admin-helpers.ts'
import {
  ORIGIN,
  captureLogs,
  insertVacancy,
  isoDay,
  pdfFile,
  validApplication,
} from '../helpers.ts'
import worker from '../worker.ts'
import {
  cvKeys,
  faultClientIp,
  faultyBucket,
  faultyD1,
  fetchWith,
  halfStored,
  postApplication,
  submissionRows,
} from './faults.ts'

afterEach(() => vi.restoreAllMocks())

/** These tests sign in or store hundreds of rows, on a machine shared with other test runs. */
const SLOW = 60_000

const SLUG = 'r2-fault-analyst'
const DAY = 86_400_000

beforeAll(() => insertVacancy(SLUG, 'R2 fault analyst', isoDay(30)))

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM submissions').run()
  const keys = (await env.CV_BUCKET.list()).objects.map((o) => o.key)
  if (keys.length > 0) await env.CV_BUCKET.delete(keys)
})

/** Stores an application row `daysOld` days old, with its CV in R2 unless `withCv` is false. */
const storedApplication = async (reference: string, daysOld: number, withCv = true) => {
  const cvKey = `cv/${reference}.pdf`
  if (withCv) await env.CV_BUCKET.put(cvKey, '%PDF-1.7')
  const row = await env.DB.prepare(
    `INSERT INTO submissions (reference, kind, fields, status, cv_key, cv_content_type, created_at)
     VALUES (?, 'application', '{}', 'new', ?, 'application/pdf', ?) RETURNING id`,
  )
    .bind(reference, cvKey, Date.now() - daysOld * DAY)
    .first<{ id: number }>()
  return row!.id
}

/** Runs the retention Cron Trigger as Cloudflare would, at `now`, with these bindings. */
const runCron = async (now: number, bindings: Partial<Env> = {}) => {
  const ctx = createExecutionContext()
  await worker.scheduled(
    createScheduledController({ scheduledTime: now, cron: '17 3 * * *' }),
    { ...env, ...bindings },
    ctx,
  )
  await waitOnExecutionContext(ctx)
}

/** Whether a page shows a stack trace or an error's own words instead of a page for people. */
const looksLikeStackTrace = (text: string) =>
  /\bat [\w$.<>]+ \(|R2 \w+ failed|D1_ERROR|Error:|\.ts:\d+/.test(text)

describe('when R2 fails', () => {
  it('answers an application with a 503 and every answer kept, storing no row, when R2 put, get and delete all fail', async () => {
    const logs = captureLogs()
    const r2 = faultyBucket({ put: true, get: true, delete: true })
    const res = await postApplication(
      SLUG,
      validApplication,
      { cv: pdfFile() },
      {
        CV_BUCKET: r2.bucket,
      },
    )
    expect(res.status).toBe(503)
    expect(res.headers.get('Retry-After')).toBe('60')
    const html = await res.text()
    expect(html).toContain('Your application has not been sent')
    expect(html).toContain('value="Sam Applicant"')
    expect(html).toContain('value="sam@example.com"')
    expect(html).toContain('>I have ten years of experience in financial investigation.</textarea>')
    expect(html).toContain('Select your CV again')
    expect(r2.counter.puts).toBe(1)
    expect(await submissionRows()).toEqual([])
    expect(await cvKeys()).toEqual([])
    expect(logs).toEqual([expect.objectContaining({ level: 'error', event: 'cv-not-stored' })])
  })

  it('answers a 503 with no row when D1 refuses the row and R2 refuses to delete the CV, and the next retention run deletes that orphaned CV', async () => {
    const logs = captureLogs()
    const d1 = faultyD1((_, sql) => (/insert into "submissions"/i.test(sql) ? 'fail' : 'none'))
    const r2 = faultyBucket({ delete: true })
    const res = await postApplication(
      SLUG,
      validApplication,
      { cv: pdfFile() },
      {
        DB: d1.db,
        CV_BUCKET: r2.bucket,
      },
    )
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('value="Sam Applicant"')
    expect(await submissionRows()).toEqual([])
    const [orphan] = await cvKeys()
    expect(orphan).toMatch(/^cv\/SOCA-/)
    expect(logs).toEqual([
      expect.objectContaining({ event: 'application-not-stored' }),
      expect.objectContaining({ event: `orphaned-cv ${orphan}` }),
    ])

    // A run within a day of the upload leaves it alone: it could be an application in flight.
    await runCron(Date.now())
    expect(await cvKeys()).toEqual([orphan])
    await runCron(Date.now() + 2 * DAY)
    expect(await cvKeys()).toEqual([])
    expect(logs.slice(2)).toEqual([
      { level: 'info', event: 'retention', deleted: { enquiry: 0, application: 0, feedback: 0 } },
      { level: 'warn', event: 'orphaned-cvs-deleted', count: 1 },
      { level: 'info', event: 'retention', deleted: { enquiry: 0, application: 0, feedback: 0 } },
    ])
  })

  it(
    'answers a staff CV download with a clear error page, not a stack trace, when R2 get fails',
    async () => {
      const logs = captureLogs()
      const id = await storedApplication('SOCA-R2GT-FAIL', 1)
      const staff = await signedIn(
        await createStaff({ email: 'r2-get@example.com', role: 'editor' }),
      )
      const res = await fetchWith(
        `/admin/submissions/${id}/cv`,
        { CV_BUCKET: faultyBucket({ get: true }).bucket },
        { headers: { Cookie: staff.cookie!, 'CF-Connecting-IP': faultClientIp() } },
      )
      expect(res.status).toBeGreaterThanOrEqual(500)
      expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
      expect(res.headers.get('Content-Disposition')).toBeNull()
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      const html = await res.text()
      expect(html).toMatch(/Sorry, the service is (unavailable|busy)|Sorry, there is a problem/)
      expect(html).toContain(`Reference: ${res.headers.get('X-Request-Id')}`)
      expect(looksLikeStackTrace(html)).toBe(false)
      // The cause is in the log, with the same reference, for whoever looks into it.
      expect(logs).toContainEqual(
        expect.objectContaining({ level: 'error', requestId: res.headers.get('X-Request-Id') }),
      )
      // The CV is still there for when R2 is back.
      expect(await cvKeys()).toEqual(['cv/SOCA-R2GT-FAIL.pdf'])
    },
    SLOW,
  )

  it(
    'keeps the submission and its CV, answering a clear error, when R2 fails to delete a CV a publisher deletes',
    async () => {
      const logs = captureLogs()
      const id = await storedApplication('SOCA-R2DL-FAIL', 1)
      const staff = await signedIn(
        await createStaff({ email: 'r2-delete@example.com', role: 'publisher' }),
      )
      const csrf = csrfFrom(await (await staff.get(`/admin/submissions/${id}`)).text())
      const res = await fetchWith(
        `/admin/submissions/${id}/delete`,
        { CV_BUCKET: faultyBucket({ delete: true }).bucket },
        {
          method: 'POST',
          body: new URLSearchParams({ csrf }),
          headers: {
            Cookie: staff.cookie!,
            Origin: ORIGIN,
            'Sec-Fetch-Site': 'same-origin',
            'CF-Connecting-IP': faultClientIp(),
          },
        },
      )
      expect(res.status).toBeGreaterThanOrEqual(500)
      expect(looksLikeStackTrace(await res.text())).toBe(false)
      expect((await submissionRows()).map((r) => r.reference)).toEqual(['SOCA-R2DL-FAIL'])
      expect(await cvKeys()).toEqual(['cv/SOCA-R2DL-FAIL.pdf'])
      expect(await halfStored()).toEqual({ rowsWithoutCv: [], cvsWithoutRow: [] })
      expect(logs).toContainEqual(expect.objectContaining({ level: 'error' }))
    },
    SLOW,
  )
})

describe('the retention job when R2 fails halfway', () => {
  /** 150 applications past their period, 2 inside it, and 3 old enquiries. */
  const seed = async () => {
    const statements = []
    for (let n = 0; n < 150; n++) {
      statements.push(
        env.DB.prepare(
          `INSERT INTO submissions (reference, kind, fields, status, cv_key, created_at)
           VALUES (?, 'application', '{}', 'new', ?, ?)`,
        ).bind(`SOCA-R2-${n}`, `cv/SOCA-R2-${n}.pdf`, Date.now() - 400 * DAY),
      )
    }
    await env.DB.batch(statements)
    for (let n = 0; n < 150; n++) await env.CV_BUCKET.put(`cv/SOCA-R2-${n}.pdf`, '%PDF-1.7')
    await storedApplication('SOCA-KEEP-0001', 10)
    await storedApplication('SOCA-KEEP-0002', 300)
    for (let n = 0; n < 3; n++) {
      await env.DB.prepare(
        `INSERT INTO submissions (reference, kind, fields, status, created_at)
         VALUES (?, 'enquiry', '{}', 'new', ?)`,
      )
        .bind(`SOCA-ENQ-${n}`, Date.now() - 200 * DAY)
        .run()
    }
  }

  it(
    'can simply run again: a second run with R2 healthy leaves no orphaned CV and no row whose CV is gone',
    async () => {
      const logs = captureLogs()
      await seed()
      const r2 = faultyBucket({ delete: 'halfway' })
      await expect(
        deleteExpiredSubmissions(
          createDb(env.DB),
          r2.bucket,
          retentionPeriods(env),
          new Date(Date.now()),
        ),
      ).rejects.toThrow(/R2 delete failed/)
      expect(r2.counter.deletes).toBe(1)
      const afterFailure = await halfStored()
      // R2 deleted some CVs of the batch it failed on: their rows wait for the next run.
      expect(afterFailure.cvsWithoutRow).toEqual([])
      expect(afterFailure.rowsWithoutCv.length).toBeGreaterThan(0)

      await runCron(Date.now())
      expect(await halfStored()).toEqual({ rowsWithoutCv: [], cvsWithoutRow: [] })
      expect((await submissionRows()).map((r) => r.reference).sort()).toEqual([
        'SOCA-KEEP-0001',
        'SOCA-KEEP-0002',
      ])
      expect(await cvKeys()).toEqual(['cv/SOCA-KEEP-0001.pdf', 'cv/SOCA-KEEP-0002.pdf'])
      expect(logs).toEqual([
        {
          level: 'info',
          event: 'retention',
          deleted: { enquiry: 0, application: 150, feedback: 0 },
        },
      ])
    },
    SLOW,
  )

  it(
    'logs a retention run that fails as an error, so the failure is seen before the next run',
    async () => {
      const logs = captureLogs()
      await seed()
      await runCron(Date.now(), { CV_BUCKET: faultyBucket({ delete: 'halfway' }).bucket }).catch(
        () => {},
      )
      expect(logs).toContainEqual(expect.objectContaining({ level: 'error' }))
    },
    SLOW,
  )
})
