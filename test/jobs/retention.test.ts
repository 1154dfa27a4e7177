import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import worker from '../../src/index.tsx'
import { captureLogs, sql, storedSubmissions } from '../helpers.ts'

const DAY = 86_400_000
const now = Date.UTC(2027, 0, 15, 3, 17)

/** Stores a submission `days` old, with a CV in R2 for applications. */
const submission = async (
  reference: string,
  kind: 'enquiry' | 'application' | 'feedback',
  days: number,
) => {
  const cvKey = kind === 'application' ? `cv/${reference}.pdf` : null
  if (cvKey) await env.CV_BUCKET.put(cvKey, '%PDF-1.7')
  await sql(
    `INSERT INTO submissions (reference, kind, fields, status, cv_key, created_at) VALUES (?, ?, '{}', 'new', ?, ?)`,
    reference,
    kind,
    cvKey,
    now - days * DAY,
  )
}

const runCron = async (vars: Partial<Env> = {}) => {
  const ctx = createExecutionContext()
  await worker.scheduled(
    createScheduledController({ scheduledTime: now, cron: '17 3 * * *' }),
    { ...env, ...vars },
    ctx,
  )
  await waitOnExecutionContext(ctx)
}

const references = async () => (await storedSubmissions()).map((s) => s.reference).sort()
const cvKeys = async () => (await env.CV_BUCKET.list()).objects.map((o) => o.key).sort()

// The job logs what it deleted: each test captures that line rather than printing it.
let logs: Record<string, unknown>[]

beforeEach(async () => {
  logs = captureLogs()
  await sql('DELETE FROM submissions')
  const keys = await cvKeys()
  if (keys.length > 0) await env.CV_BUCKET.delete(keys)
  await submission('SOCA-ENQ1-OLD2', 'enquiry', 181)
  await submission('SOCA-ENQ2-NEW2', 'enquiry', 179)
  await submission('SOCA-APP1-OLD2', 'application', 366)
  await submission('SOCA-APP2-NEW2', 'application', 364)
  // Reports of a problem with a page are kept as long as enquiries.
  await submission('SOCA-FBK1-OLD2', 'feedback', 181)
  await submission('SOCA-FBK2-NEW2', 'feedback', 179)
})

afterEach(() => vi.restoreAllMocks())

describe('the retention Cron Trigger', () => {
  it('deletes enquiries and page feedback after 180 days and applications with their CVs after 12 months', async () => {
    await runCron()
    expect(await references()).toEqual(['SOCA-APP2-NEW2', 'SOCA-ENQ2-NEW2', 'SOCA-FBK2-NEW2'])
    expect(await cvKeys()).toEqual(['cv/SOCA-APP2-NEW2.pdf'])
    expect(logs).toEqual([
      { level: 'info', event: 'retention', deleted: { enquiry: 1, application: 1, feedback: 1 } },
    ])
  })

  it('keeps what is inside its period', async () => {
    await runCron({ ENQUIRY_RETENTION_DAYS: '365', APPLICATION_RETENTION_DAYS: '730' })
    expect(await references()).toHaveLength(6)
    expect(await cvKeys()).toHaveLength(2)
    expect(logs).toEqual([
      { level: 'info', event: 'retention', deleted: { enquiry: 0, application: 0, feedback: 0 } },
    ])
  })

  it('uses a configured period for enquiries, and page feedback', async () => {
    await runCron({ ENQUIRY_RETENTION_DAYS: '30' })
    expect(await references()).toEqual(['SOCA-APP2-NEW2'])
  })

  it('falls back to the defaults when a period is not a positive whole number', async () => {
    await runCron({ ENQUIRY_RETENTION_DAYS: 'soon', APPLICATION_RETENTION_DAYS: '-1' })
    expect(await references()).toEqual(['SOCA-APP2-NEW2', 'SOCA-ENQ2-NEW2', 'SOCA-FBK2-NEW2'])
  })
})
