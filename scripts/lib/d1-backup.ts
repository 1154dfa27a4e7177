// Backups of the site's data: D1 exported to SQL with `wrangler d1 export`, and a listing of the
// CV bucket's objects (R2 has no export; the listing says what the rows' cv_key values should
// find). Restore loads the SQL into a local D1 that has no database yet. Used by
// scripts/backup.ts, scripts/restore.ts and test/scripts/backup.test.ts.
//
// `wrangler d1 export` refuses a database holding a virtual table such as the FTS5 search index
// ("cannot export databases with Virtual Tables (fts5)", workers-sdk#6305; exporting a remote
// one can even leave it busy, #9519). So a backup exports the real tables by name, which skips
// the index and its shadow tables, adds the indexes and triggers that naming tables leaves out,
// and ends with the index's definition and the statements that fill it from the rows: derived
// data, rebuilt on restore rather than copied.
import { execFile } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { getPlatformProxy, unstable_readConfig, unstable_splitSqlQuery } from 'wrangler'
import { SEARCH_INDEX_REBUILD } from '../../src/db/search-index.ts'
import type { Target } from './local-db.ts'

const root = new URL('../..', import.meta.url).pathname
const run = promisify(execFile)

/** Where wrangler keeps local state when no --persist-to is given (`wrangler dev`, `npm start`). */
export const DEFAULT_PERSIST = join(root, '.wrangler/state')

/** Runs wrangler with no standard input (so it never waits at a prompt); throws with its output. */
export const wrangler = async (args: string[]) => {
  try {
    const { stdout } = await run('wrangler', args, {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, FORCE_COLOR: '0' },
    })
    return stdout
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string }
    throw new Error(`wrangler ${args.join(' ')} failed:\n${stdout}${stderr}`, { cause: err })
  }
}

const targetArgs = ({ remote, persistTo }: Target) =>
  remote ? ['--remote'] : ['--local', ...(persistTo ? ['--persist-to', persistTo] : [])]

/** Runs SQL (one or more statements) on D1 with `wrangler d1 execute --json`: each one's rows. */
export const d1Query = async <Row = Record<string, unknown>>(sql: string, target: Target = {}) => {
  const out = await wrangler([
    'd1',
    'execute',
    'DB',
    ...['-c', 'wrangler.toml'],
    ...targetArgs(target),
    ...['--command', sql],
    '--yes',
    '--json',
  ])
  // wrangler may print a warning before the JSON.
  const results = JSON.parse(out.slice(out.indexOf('['))) as { results: Row[] }[]
  return results.map((r) => r.results)
}

/** The shadow tables FTS5 keeps for each of its virtual tables, by suffix. */
const FTS5_SHADOW_TABLES = ['data', 'idx', 'content', 'docsize', 'config']

// substr, not LIKE: in LIKE an underscore matches any character. Virtual tables and their
// shadow tables are derived data, which a backup rebuilds rather than copies.
const TABLE_NAMES =
  "SELECT name FROM sqlite_master AS t WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' " +
  "AND substr(name, 1, 4) <> '_cf_' AND substr(sql, 1, 20) <> 'CREATE VIRTUAL TABLE' " +
  "AND NOT EXISTS (SELECT 1 FROM sqlite_master AS v WHERE v.type = 'table' " +
  "AND substr(v.sql, 1, 20) = 'CREATE VIRTUAL TABLE' AND t.name IN (" +
  FTS5_SHADOW_TABLES.map((suffix) => `v.name || '_${suffix}'`).join(', ') +
  ')) ORDER BY name'

/** The app's own tables (not SQLite's, D1's internal `_cf_` ones, nor virtual tables), by name. */
export const tableNames = async (target: Target = {}) => {
  const [rows = []] = await d1Query<{ name: string }>(TABLE_NAMES, target)
  return rows.map((r) => r.name)
}

/**
 * The number of rows in each table, by name. Given the tables there should be, it takes one
 * wrangler run (each costs seconds) and fails if the database has any other set of tables.
 */
export const tableCounts = async (target: Target = {}, tables?: string[]) => {
  const names = [...(tables ?? (await tableNames(target)))].sort()
  if (names.length === 0) return {}
  const counts = names.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(', ')
  const [found = [], [row = {}] = []] = await d1Query(`${TABLE_NAMES};\nSELECT ${counts}`, target)
  const actual = found.map((r) => String(r.name))
  if (actual.join() !== names.join()) {
    throw new Error(`The tables are ${actual.join(', ')}; expected ${names.join(', ')}`)
  }
  return Object.fromEntries(names.map((t) => [t, Number(row[t])]))
}

const internal = (table: string) => /^(sqlite_|_cf_)/.test(table)

/** The rows a `wrangler d1 export` file holds, by table (every table, empty ones as 0). */
export const rowsByTable = (sql: string) => {
  const counts: Record<string, number> = {}
  // wrangler's own splitter, as `d1 execute --file` uses: a `;` inside a string is not an end.
  for (const statement of unstable_splitSqlQuery(sql)) {
    const created = /^CREATE TABLE (?:IF NOT EXISTS )?[`"]?([^`"\s(]+)/i.exec(statement.trim())
    if (created && !internal(created[1]!)) counts[created[1]!] ??= 0
    const inserted = /^INSERT INTO "([^"]+)"/.exec(statement.trim())?.[1]
    if (inserted && !internal(inserted)) counts[inserted] = (counts[inserted] ?? 0) + 1
  }
  return counts
}

/**
 * The export's statements in an order that loads: every CREATE TABLE before any row. The export
 * writes each table's rows after its own CREATE TABLE, in name order, so a row of `sessions`
 * would come before the table `staff` it refers to exists, and SQLite refuses to prepare the
 * INSERT (workers-sdk issue 5683). `PRAGMA defer_foreign_keys` then lets rows come in any order.
 */
export const loadableSql = (sql: string) => {
  const statements = unstable_splitSqlQuery(sql).map((s) => s.trim())
  const rank = (s: string) => (/^PRAGMA\b/i.test(s) ? 0 : /^CREATE TABLE\b/i.test(s) ? 1 : 2)
  // Array.prototype.sort is stable: within each group the export's order is kept.
  return `${statements.sort((a, b) => rank(a) - rank(b)).join(';\n')};\n`
}

/** The D1 and R2 bindings of wrangler.toml, so a backup acts on the database the site uses. */
const bindings = () => {
  const config = unstable_readConfig({ config: join(root, 'wrangler.toml') })
  type Binding = { binding: string; database_name?: string; database_id?: string }
  const db = (config.d1_databases as Binding[]).find((d) => d.binding === 'DB')
  const bucket = (config.r2_buckets as { binding: string; bucket_name?: string }[]).find(
    (b) => b.binding === 'CV_BUCKET',
  )
  if (!db?.database_id || !bucket?.bucket_name) {
    throw new Error('wrangler.toml has no DB (D1) or CV_BUCKET (R2) binding')
  }
  return { db, bucket }
}

/**
 * A folder holding a wrangler config with only the DB and CV_BUCKET bindings, whose local state
 * is `persistTo`: `wrangler d1 export --local` has no --persist-to and always reads the state
 * next to its config, so the config is put where a link to `persistTo` is that state.
 */
const configFor = (persistTo: string, remote = false) => {
  const { db, bucket } = bindings()
  const dir = mkdtempSync(join(tmpdir(), 'soca-backup-config-'))
  mkdirSync(join(dir, '.wrangler'))
  symlinkSync(resolve(persistTo), join(dir, '.wrangler/state'))
  const config = {
    name: 'soca-website-backup',
    compatibility_date: '2026-11-01',
    d1_databases: [
      { binding: 'DB', database_name: db.database_name, database_id: db.database_id, remote },
    ],
    r2_buckets: [{ binding: 'CV_BUCKET', bucket_name: bucket.bucket_name, remote }],
  }
  writeFileSync(join(dir, 'wrangler.json'), JSON.stringify(config, null, 2))
  return { dir, configPath: join(dir, 'wrangler.json') }
}

/** One object of the CV bucket, as the listing in a backup records it. */
export type ListedObject = {
  key: string
  size: number
  etag: string
  uploaded: string
  contentType?: string
  customMetadata?: Record<string, string>
}

/** The bindings a backup reads, as getPlatformProxy gives them. */
export type BackupBindings = { DB: D1Database; CV_BUCKET: R2Bucket }

/**
 * Runs `use` with D1 and the CV bucket of local state (or production with `remote`), through
 * wrangler's getPlatformProxy: the same simulation `wrangler dev` uses, started once for both.
 * What `use` returns must be plain data: the bindings' objects end with the proxy.
 */
export const withBindings = async <T>(
  { remote, persistTo = DEFAULT_PERSIST }: Target,
  use: (env: BackupBindings) => Promise<T>,
) => {
  const { dir, configPath } = configFor(persistTo, remote)
  try {
    const proxy = await getPlatformProxy<BackupBindings>({
      configPath,
      persist: { path: join(resolve(persistTo), 'v3') },
      remoteBindings: Boolean(remote),
    })
    try {
      return await use(proxy.env)
    } finally {
      await proxy.dispose()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Every object in the CV bucket, page by page. */
export const listCvObjects = async (bucket: R2Bucket) => {
  const objects: ListedObject[] = []
  let cursor: string | undefined
  do {
    const page = await bucket.list({ cursor, include: ['httpMetadata', 'customMetadata'] })
    for (const o of page.objects) {
      objects.push({
        key: o.key,
        size: o.size,
        etag: o.etag,
        uploaded: new Date(o.uploaded).toISOString(),
        contentType: o.httpMetadata?.contentType,
        customMetadata: o.customMetadata,
      })
    }
    cursor = page.truncated ? page.cursor : undefined
  } while (cursor)
  return objects
}

/** What a backup folder's manifest.json says. */
export type Manifest = {
  createdAt: string
  source: 'remote' | 'local'
  persistTo?: string
  database: string
  bucket: string
  /** Rows in db.sql, by table. */
  rows: Record<string, number>
  r2Objects: number
  /** cv_key values of the backed-up rows that no listed object has. */
  missingCvObjects: string[]
  /** Virtual tables (the search index): not copied, but defined and filled from the rows. */
  rebuiltOnRestore: string[]
}

/** How to fill each virtual table the app has from the rows, after a restore. */
const REBUILDS: Record<string, readonly string[]> = { search_index: SEARCH_INDEX_REBUILD }

/**
 * What naming tables leaves out of an export: the indexes, triggers and views of those tables,
 * and the virtual tables (their definitions, then the statements that fill them). One query.
 */
const schemaBesideTables = async (target: Target) => {
  const [tables = [], rest = [], virtual = [], sequence = []] = await d1Query<{
    name: string
    sql: string
  }>(
    [
      TABLE_NAMES,
      // As `wrangler d1 export` orders them when it exports a whole database.
      "SELECT name, sql FROM sqlite_master WHERE sql NOT NULL AND type IN ('index', 'trigger', 'view') ORDER BY type COLLATE NOCASE",
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND substr(sql, 1, 20) = 'CREATE VIRTUAL TABLE' ORDER BY name",
      // AUTOINCREMENT's counters, so a restored database never reuses a deleted row's id.
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'",
    ].join(';\n'),
    target,
  )
  const names = [...tables, ...sequence].map((t) => t.name)
  const statements = rest.map((r) => `${r.sql};`)
  for (const { name, sql } of virtual) {
    const rebuild = REBUILDS[name]
    if (!rebuild) throw new Error(`No way to rebuild the virtual table ${name} after a restore`)
    statements.push(`${sql};`, ...rebuild.map((statement) => `${statement};`))
  }
  return { tables: names, statements, rebuilt: virtual.map((v) => v.name) }
}

/**
 * Exports D1 to `file` (local state, or production with `remote`): `wrangler d1 export` of the
 * real tables by name, then the rest of the schema and the rebuild of the virtual tables.
 */
const exportD1 = async (file: string, target: Target) => {
  const { remote, persistTo } = target
  const { tables, statements, rebuilt } = await schemaBesideTables(target)
  const exportArgs = [...tables.flatMap((t) => ['--table', t]), '--output', file, '-y']
  if (remote || !persistTo || resolve(persistTo) === DEFAULT_PERSIST) {
    const where = remote ? '--remote' : '--local'
    await wrangler(['d1', 'export', 'DB', ...['-c', 'wrangler.toml', where], ...exportArgs])
  } else {
    const { dir, configPath } = configFor(persistTo)
    try {
      await wrangler(['d1', 'export', 'DB', ...['-c', configPath, '--local'], ...exportArgs])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  appendFileSync(file, `\n${statements.join('\n')}\n`)
  return { rebuilt }
}

/** A dated folder name that sorts in time order and is valid on every file system. */
const stamp = (date: Date) => `${date.toISOString().slice(0, 19).replace(/:/g, '-')}Z`

/**
 * Backs up D1 and lists the CV bucket into `<into>/<UTC date and time>/`: db.sql,
 * r2-objects.json and manifest.json. Returns the folder and its manifest.
 */
export const backup = async (target: Target = {}, into = join(root, 'backups')) => {
  const createdAt = new Date()
  const folder = join(into, stamp(createdAt))
  mkdirSync(into, { recursive: true })
  mkdirSync(folder) // fails if a backup was made in the same second, rather than mix the two
  try {
    return { folder, manifest: await backupInto(folder, createdAt, target) }
  } catch (err) {
    // Half a backup would look like a whole one in a listing of backups/.
    rmSync(folder, { recursive: true, force: true })
    throw err
  }
}

const backupInto = async (folder: string, createdAt: Date, target: Target) => {
  const file = join(folder, 'db.sql')
  const { rebuilt } = await exportD1(file, target)
  const sql = readFileSync(file, 'utf8')
  const rows = rowsByTable(sql)
  const { objects, cvKeys } = await withBindings(target, async ({ DB, CV_BUCKET }) => ({
    objects: await listCvObjects(CV_BUCKET),
    // The CVs the rows name, to tell which of them the bucket lacks.
    cvKeys:
      'submissions' in rows
        ? (
            await DB.prepare(
              'SELECT cv_key FROM submissions WHERE cv_key IS NOT NULL ORDER BY id',
            ).all<{ cv_key: string }>()
          ).results.map((r) => String(r.cv_key))
        : [],
  }))
  writeFileSync(join(folder, 'r2-objects.json'), `${JSON.stringify(objects, null, 2)}\n`)
  const keys = new Set(objects.map((o) => o.key))
  const { db, bucket } = bindings()
  const manifest: Manifest = {
    createdAt: createdAt.toISOString(),
    source: target.remote ? 'remote' : 'local',
    ...(target.remote ? {} : { persistTo: resolve(target.persistTo ?? DEFAULT_PERSIST) }),
    database: db.database_name ?? 'DB',
    bucket: bucket.bucket_name ?? 'CV_BUCKET',
    rows,
    r2Objects: objects.length,
    missingCvObjects: cvKeys.filter((k) => !keys.has(k)),
    rebuiltOnRestore: rebuilt,
  }
  writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

/** The D1 files in a local state folder, if it has a database. */
const d1Files = (persistTo: string) => {
  const dir = join(persistTo, 'v3/d1/miniflare-D1DatabaseObject')
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []
}

/**
 * Loads a backup folder's db.sql into local D1 at `persistTo`. A folder that already holds a
 * database is refused unless `replace` is set, which deletes that database first (its R2 and
 * cache state are kept). Returns the restored row counts, checked against the backup's.
 */
export const restore = async (
  folder: string,
  { persistTo, replace = false }: { persistTo: string; replace?: boolean },
) => {
  const file = join(folder, 'db.sql')
  if (!existsSync(file)) throw new Error(`${folder} has no db.sql: not a backup folder`)
  const existing = d1Files(persistTo)
  if (existing.length > 0 && !replace) {
    throw new Error(
      `${persistTo} already holds a local D1 database; restore into another folder, or add ` +
        '--replace to delete it first (stop any wrangler dev using it).',
    )
  }
  for (const path of existing) rmSync(path, { force: true })
  const sql = readFileSync(file, 'utf8')
  const dir = mkdtempSync(join(tmpdir(), 'soca-restore-'))
  try {
    writeFileSync(join(dir, 'db.sql'), loadableSql(sql))
    await wrangler([
      'd1',
      'execute',
      'DB',
      ...['-c', 'wrangler.toml', '--local', '--persist-to', persistTo],
      ...['--file', join(dir, 'db.sql'), '--yes'],
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const expected = rowsByTable(sql)
  const restored = await tableCounts({ persistTo }, Object.keys(expected))
  const differ = Object.keys({ ...expected, ...restored }).filter(
    (t) => (expected[t] ?? 0) !== (restored[t] ?? 0),
  )
  if (differ.length > 0) {
    throw new Error(
      `Restored rows differ from the backup's in ${differ.join(', ')}: ` +
        `backup ${JSON.stringify(expected)}, restored ${JSON.stringify(restored)}`,
    )
  }
  return restored
}
