// `npm run backup` and `npm run restore`, for real: a fresh local D1 (migrations, seed and some
// rows of every other kind) and a CV in its bucket are backed up, restored into another folder,
// and the two databases compared table by table, row by row. The database holds the FTS5
// search index, which `wrangler d1 export` refuses: the backup leaves it out and the restore
// rebuilds it, so search must find the same things in both.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  type Manifest,
  backup,
  d1Query,
  restore,
  tableCounts,
  withBindings,
} from '../../scripts/lib/d1-backup.ts'
import { migrate, seed } from '../../scripts/lib/local-db.ts'
import { content } from '../../seed/content.ts'

const temp = mkdtempSync(join(tmpdir(), 'soca-backup-test-'))
const source = { persistTo: join(temp, 'source') }
const restored = { persistTo: join(temp, 'restored') }
afterAll(() => rmSync(temp, { recursive: true, force: true }))

// Rows the seed does not add: staff, a session, submissions (one CV stored, one missing), the
// audit log (append-only, so a restore must insert and never update it), a redirect, a revision.
// Quotes, semicolons and new lines in values check the export's quoting.
const EXTRA_ROWS = [
  "INSERT INTO staff (email, name, role) VALUES ('ada@example.gov.uk', 'Ada Lovelace', 'admin')",
  `INSERT INTO sessions (id, staff_id, stage, csrf_token, via, expires_at)
   VALUES ('${'ab'.repeat(32)}', 1, 'active', 'token', 'password', 4102444800000)`,
  `INSERT INTO submissions (reference, kind, fields, status) VALUES ('SOCA-AAAA-BBBB', 'enquiry',
   '{"fullName":"O''Brien; Jr","message":"line 1\\nline 2"}', 'new')`,
  `INSERT INTO submissions (reference, kind, vacancy_id, fields, cv_key, cv_file_name,
   cv_content_type, cv_size) VALUES ('SOCA-CCCC-DDDD', 'application', 1,
   '{"fullName":"Grace Hopper"}', 'cv/SOCA-CCCC-DDDD.pdf', 'cv.pdf', 'application/pdf', 8)`,
  `INSERT INTO submissions (reference, kind, vacancy_id, fields, cv_key, cv_file_name,
   cv_content_type, cv_size) VALUES ('SOCA-EEEE-FFFF', 'application', 1,
   '{"fullName":"Alan Turing"}', 'cv/SOCA-EEEE-FFFF.pdf', 'cv.pdf', 'application/pdf', 8)`,
  `INSERT INTO audit_log (actor_id, action, target, detail)
   VALUES (1, 'staff.add', 'staff:1', 'role: admin\nby: setup')`,
  "INSERT INTO audit_log (actor_id, action, target) VALUES (1, 'submission.view', 'submission:1')",
  "INSERT INTO redirects (from_path, to_path) VALUES ('/old-about', '/about')",
  `INSERT INTO revisions (kind, content_id, data, author_id, note)
   VALUES ('page', 1, '{"title":"Home"}', 1, 'test')`,
]

/** Every row of each table, in a stable order, in one wrangler run. */
const everyRow = async (target: { persistTo: string }, tables: string[]) => {
  const results = await d1Query(tables.map((t) => `SELECT * FROM "${t}"`).join(';\n'), target)
  return Object.fromEntries(
    tables.map((t, i) => [t, (results[i] ?? []).map((row) => JSON.stringify(row)).sort()]),
  )
}

// Each test runs wrangler several times (2 to 10 s a run, more on a busy machine); the
// project's 120 s is kept for the others.
const WRANGLER_RUNS = 300_000

let folder = ''
let manifest: Manifest

describe('backup and restore, on a fresh local database', () => {
  it(
    'backs up D1 and lists the CV bucket into a dated folder',
    async () => {
      await migrate(source)
      await seed(source)
      // One proxy for the rows and the CV: each start of wrangler or workerd takes seconds.
      await withBindings(source, async ({ DB, CV_BUCKET }) => {
        await DB.batch(EXTRA_ROWS.map((sql) => DB.prepare(sql)))
        await CV_BUCKET.put('cv/SOCA-CCCC-DDDD.pdf', '%PDF-1.7', {
          httpMetadata: { contentType: 'application/pdf' },
        })
      })

      ;({ folder, manifest } = await backup(source, join(temp, 'backups')))

      expect(folder).toMatch(/backups\/\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/)
      for (const file of ['db.sql', 'r2-objects.json', 'manifest.json']) {
        expect(existsSync(join(folder, file))).toBe(true)
      }
      const objects = JSON.parse(readFileSync(join(folder, 'r2-objects.json'), 'utf8'))
      expect(objects).toEqual([
        expect.objectContaining({
          key: 'cv/SOCA-CCCC-DDDD.pdf',
          size: 8,
          contentType: 'application/pdf',
        }),
      ])
      expect(manifest).toMatchObject({
        source: 'local',
        r2Objects: 1,
        missingCvObjects: ['cv/SOCA-EEEE-FFFF.pdf'],
        rebuiltOnRestore: ['search_index'],
      })
      // The index is defined and filled from the rows, never copied (nor its shadow tables).
      const sql = readFileSync(join(folder, 'db.sql'), 'utf8')
      expect(sql).toContain('CREATE VIRTUAL TABLE search_index USING fts5(')
      expect(sql).not.toMatch(/INSERT INTO "search_index/)
      expect(Object.keys(manifest.rows).filter((t) => t.startsWith('search_index'))).toEqual([])
      // The indexes and triggers that exporting tables by name leaves out are there too.
      expect(sql).toContain('CREATE TRIGGER')
      expect(sql).toContain('CREATE INDEX')
      // One run of wrangler, which also checks the database has exactly these tables.
      expect(manifest.rows).toEqual(await tableCounts(source, Object.keys(manifest.rows)))
      expect(manifest.rows).toMatchObject({
        pages: content.pages.length,
        submissions: 3,
        audit_log: 2,
        staff: 1,
      })
    },
    WRANGLER_RUNS,
  )

  it(
    'restores into another folder, with the same rows in every table',
    async () => {
      const counts = await restore(folder, restored)

      expect(counts).toEqual(manifest.rows)
      const tables = Object.keys(manifest.rows)
      const [before, after] = [await everyRow(source, tables), await everyRow(restored, tables)]
      expect(Object.keys(after)).toEqual(Object.keys(before))
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table])
    },
    WRANGLER_RUNS,
  )

  it(
    'keeps the schema, AUTOINCREMENT counters and a search index that finds the same things',
    async () => {
      const schema =
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE substr(name, 1, 4) <> '_cf_' ORDER BY type, name"
      const sequence = 'SELECT name, seq FROM sqlite_sequence ORDER BY name'
      const index =
        'SELECT kind, content_id, path, title, summary, body, closing_date FROM search_index ORDER BY kind, content_id'
      // Stemming ("trafficked" finds "trafficking") and ranking, as the site's search uses it.
      const search =
        'SELECT kind, path FROM search_index WHERE search_index MATCH \'"trafficked"\' ORDER BY bm25(search_index, 10.0, 4.0, 1.0), path'
      const queries = [schema, sequence, index, search].join(';\n')
      const [before, after] = [await d1Query(queries, source), await d1Query(queries, restored)]
      const [, , indexed = [], found = []] = after
      expect(indexed.length).toBeGreaterThan(content.pages.length)
      expect(found.length).toBeGreaterThan(0)
      expect(found).toContainEqual(expect.objectContaining({ kind: 'page', path: '/ukhtc' }))
      expect(after).toEqual(before)
    },
    WRANGLER_RUNS,
  )

  it(
    'keeps what a page is rendered from',
    async () => {
      // A page is drawn from its own row, the page tree (every page) and the settings, all
      // compared above; rendering it would need wrangler dev twice, so one row is shown here.
      const about = "SELECT * FROM pages WHERE path = '/about'"
      const [[page] = []] = await d1Query(about, restored)
      const [[original] = []] = await d1Query(about, source)
      expect(page).toMatchObject({ path: '/about', status: 'published' })
      expect(page).toEqual(original)
    },
    WRANGLER_RUNS,
  )

  it(
    'refuses to restore over a database unless asked to replace it',
    async () => {
      await expect(restore(folder, restored)).rejects.toThrow(/already holds a local D1 database/)
      await expect(restore(folder, { ...restored, replace: true })).resolves.toEqual(manifest.rows)
    },
    WRANGLER_RUNS,
  )
})
