import { env } from 'cloudflare:test'
import { type Answer, expectNo5xx } from './fuzz.ts'

/** A table's row count, and its rows as one string of these columns (or expressions). */
const rowsOf = (table: string, order: string, columns: string[]) => {
  const row = columns.map((c) => `coalesce(${c}, '')`).join(" || ':' || ")
  return `SELECT count(*) AS n, group_concat(${row}, ';') AS rows
    FROM (SELECT * FROM ${table} ORDER BY ${order})`
}

const CONTENT = ['published_revision_id', 'updated_at', 'length(title)', 'length(summary)']

/**
 * A fingerprint of everything a request could store, in one D1 batch: row counts, and for rows
 * a request may change in place, the columns it would change (long text by length only, which
 * random input changes in practice, and keeps this cheap as revisions pile up).
 *
 * Left out, on purpose, because a refused request changes them by design: the audit log (every
 * refusal is audited), failed sign-ins (the sign_in_failures table, a member's failure count
 * and lock: failures lock an account), and a session's last-seen time, expiry and pending TOTP
 * key (every request touches the session, and the set-up page shows a new key when it has none).
 */
const QUERIES = {
  submissions: rowsOf('submissions', 'id', ['id', 'status', 'cv_key']),
  pages: rowsOf('pages', 'id', [
    'id',
    'path',
    'parent_id',
    'nav_order',
    'status',
    ...CONTENT,
    'length(body)',
    'length(change_notes)',
  ]),
  news: rowsOf('news_articles', 'id', [
    'id',
    'slug',
    'status',
    'publication_date',
    ...CONTENT,
    'length(body)',
    'length(change_notes)',
  ]),
  vacancies: rowsOf('vacancies', 'id', [
    'id',
    'slug',
    'status',
    'closing_date',
    ...CONTENT,
    'length(body)',
    'length(grade || location || salary)',
  ]),
  settings: rowsOf('settings', 'key', ['key', 'value']),
  // Revisions are only ever added.
  revisions: 'SELECT count(*) AS n, max(id) AS rows FROM revisions',
  redirects: rowsOf('redirects', 'from_path', ['from_path', 'to_path']),
  scheduledChanges: rowsOf('scheduled_changes', 'id', [
    'id',
    'kind',
    'content_id',
    'action',
    'at',
    'revision_id',
    'status',
    'settled_at',
  ]),
  shareLinks: rowsOf('share_links', 'id', [
    'id',
    'kind',
    'content_id',
    'length(label)',
    'expires_at',
    'revoked_at',
  ]),
  staff: rowsOf('staff', 'id', [
    'id',
    'email',
    'name',
    'role',
    'active',
    'password_hash',
    'totp_secret',
    'totp_last_step',
    'last_sign_in_at',
  ]),
  recoveryCodes: rowsOf('recovery_codes', 'id', ['id', 'staff_id', 'used_at']),
  sessions: rowsOf('sessions', 'id', ['id', 'staff_id', 'stage', 'csrf_token']),
  pageFeedback: rowsOf('page_feedback', 'path', ['path', 'yes', 'no']),
  attachments: rowsOf('attachments', 'id', ['id', 'sha256', 'object_key']),
  submissionAlerts: rowsOf('submission_alerts', 'id', [
    'id',
    'status',
    'attempts',
    'next_attempt_at',
  ]),
} as const

export type Stored = Record<keyof typeof QUERIES | 'cvObjects', string>

const cvObjects = async () => {
  const keys: string[] = []
  let cursor: string | undefined
  do {
    const page = await env.CV_BUCKET.list({ prefix: 'cv/', cursor })
    keys.push(...page.objects.map((o) => o.key))
    cursor = page.truncated ? page.cursor : undefined
  } while (cursor)
  return keys.sort().join(',')
}

/** What is stored now (see QUERIES), after running `before` statements in the same batch. */
export const stored = async (before: D1PreparedStatement[] = []): Promise<Stored> => {
  const names = Object.keys(QUERIES) as (keyof typeof QUERIES)[]
  const [results, objects] = await Promise.all([
    env.DB.batch<{ n: number; rows: string | number | null }>([
      ...before,
      ...names.map((name) => env.DB.prepare(QUERIES[name])),
    ]),
    cvObjects(),
  ])
  const rows = results.slice(before.length)
  const state = Object.fromEntries(
    names.map((name, i) => {
      const row = rows[i]!.results[0]!
      return [name, `${row.n} rows: ${row.rows ?? ''}`]
    }),
  )
  return { ...state, cvObjects: objects } as Stored
}

/** Fails if anything stored changed between the two fingerprints, naming what changed. */
export const expectUnchanged = (before: Stored, after: Stored, status: number) => {
  const changed = (Object.keys(before) as (keyof Stored)[]).filter((k) => before[k] !== after[k])
  if (changed.length === 0) return
  const detail = changed
    .map((k) => `${k}: ${clip(before[k], after[k])} -> ${clip(after[k], before[k])}`)
    .join('; ')
  throw new Error(`answered ${status} but stored something: ${detail}`)
}

/** The part of a fingerprint that differs, with a little context. */
const clip = (text: string, other: string) => {
  let start = 0
  while (start < text.length && text[start] === other[start]) start++
  const from = Math.max(0, start - 60)
  const end = start + 120
  return `${from > 0 ? '…' : ''}${text.slice(from, end)}${end < text.length ? '…' : ''}`
}

/**
 * Checks one request against both properties: never a 5xx, and a 4xx stores nothing. The
 * fingerprint after a 4xx is also the one before the next request (nothing else writes in
 * between), so only a success costs a fresh one: half the D1 and R2 reads.
 */
export const storageGuard = () => {
  let known: Stored | undefined
  return async (sendIt: () => Promise<Answer>, reset: D1PreparedStatement[] = []) => {
    let before = known
    known = undefined
    if (!before) before = await stored(reset)
    else if (reset.length > 0) await env.DB.batch(reset)
    const answer = await sendIt()
    expectNo5xx(answer)
    if (answer.status < 400) return answer
    const after = await stored()
    expectUnchanged(before, after, answer.status)
    known = after
    return answer
  }
}
