// `npm run seed:scale` for real, at a thousandth of its size: wrangler against a fresh local D1
// in a folder of its own. It loads the migrations and the seed, then the bulk content, and a
// second run adds nothing.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { content } from '../../seed/content.ts'
import { scaleCounts } from '../../seed/scale.ts'
import { REFERENCE_PATTERN } from '../../src/lib/reference.ts'

const run = promisify(execFile)
const root = new URL('../..', import.meta.url).pathname
const persistTo = mkdtempSync(join(tmpdir(), 'soca-scale-'))
afterAll(() => rmSync(persistTo, { recursive: true, force: true }))

const FACTOR = 0.001
const counts = scaleCounts(FACTOR)

const seedScale = async () =>
  (
    await run(
      process.execPath,
      ['scripts/seed-scale.ts', '--persist-to', persistTo, '--scale', String(FACTOR)],
      { cwd: root },
    )
  ).stdout

/** The rows a query finds in the test's local D1. */
const query = async <T>(sql: string) => {
  const { stdout } = await run(
    'wrangler',
    ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--json', '--command', sql],
    { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } },
  )
  return (JSON.parse(stdout.slice(stdout.indexOf('['))) as { results: T[] }[])[0]!.results
}

describe('npm run seed:scale', () => {
  it('adds the bulk content after the migrations and the seed, and says how much', async () => {
    const out = await seedScale()
    expect(out).toContain('Migrations: applied')
    expect(out).toContain(`Seed: added ${content.pages.length} pages`)
    const pages = counts.pageWidths.reduce(
      (sum, _, level) => sum + counts.pageWidths.slice(0, level + 1).reduce((a, b) => a * b, 1),
      0,
    )
    expect(out).toMatch(
      new RegExp(
        `Scale seed: added ${pages} pages, ${counts.news} news articles, ${counts.vacancies} vacancies, ${counts.submissions} submissions, ${pages + counts.news + counts.vacancies} revisions \\(\\d+\\.\\d s\\)`,
      ),
    )
  })

  it('makes published pages four levels deep, each with its original revision live', async () => {
    const [tree] = await query<{ deepest: number; orphans: number; unrevised: number }>(
      `SELECT max(length(path) - length(replace(path, '/', ''))) AS deepest,
        (SELECT count(*) FROM pages c WHERE c.path LIKE '/%/%' AND c.parent_id IS NULL) AS orphans,
        (SELECT count(*) FROM pages p WHERE p.published_revision_id IS NULL
          OR NOT EXISTS (SELECT 1 FROM revisions r WHERE r.id = p.published_revision_id
            AND r.kind = 'page' AND r.content_id = p.id AND r.note = 'Original')) AS unrevised
      FROM pages WHERE status = 'published'`,
    )
    expect(tree).toEqual({ deepest: 4, orphans: 0, unrevised: 0 })
    // Each page's parent is the page one level up its path.
    const [mismatched] = await query<{ n: number }>(
      `SELECT count(*) AS n FROM pages c JOIN pages p ON p.id = c.parent_id
       WHERE c.path NOT LIKE p.path || '/%' OR instr(substr(c.path, length(p.path) + 2), '/') > 0`,
    )
    expect(mismatched?.n).toBe(0)
  })

  it('indexes everything published for search and moves the content version on', async () => {
    const [row] = await query<{ indexed: number; published: number; version: string }>(
      `SELECT (SELECT count(*) FROM search_index) AS indexed,
        (SELECT count(*) FROM pages WHERE status = 'published')
          + (SELECT count(*) FROM news_articles WHERE status = 'published')
          + (SELECT count(*) FROM vacancies WHERE status = 'published') AS published,
        (SELECT value FROM settings WHERE key = 'content_version') AS version`,
    )
    expect(row!.indexed).toBe(row!.published)
    expect(Number(row!.version)).toBeGreaterThan(Date.now() - 10 * 60_000)
  })

  it('mixes submissions of every kind and state, with senders and unique references', async () => {
    const rows = await query<{ reference: string; kind: string; status: string; sender: string }>(
      `SELECT reference, kind, status, sender_email AS sender FROM submissions`,
    )
    expect(rows).toHaveLength(counts.submissions)
    expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length)
    for (const r of rows) expect(r.reference).toMatch(REFERENCE_PATTERN)
    expect(new Set(rows.map((r) => r.kind))).toEqual(
      new Set(['enquiry', 'application', 'feedback']),
    )
    expect(new Set(rows.map((r) => r.status))).toEqual(
      new Set(['new', 'in_progress', 'handled', 'spam']),
    )
    expect(rows.filter((r) => r.kind !== 'feedback').every((r) => r.sender.includes('@'))).toBe(
      true,
    )
    const [open] = await query<{ n: number }>(
      `SELECT count(*) AS n FROM vacancies WHERE closing_date >= date('now') AND slug NOT IN (${content.vacancies.map((v) => `'${v.slug}'`).join(', ')})`,
    )
    expect(open?.n).toBe(counts.openVacancies)
  })

  it('adds nothing the second time', async () => {
    expect(await seedScale()).toMatch(
      /Scale seed: added 0 pages, 0 news articles, 0 vacancies, 0 submissions, 0 revisions/,
    )
  })
})
