// The database steps of `npm start`: apply the migrations, then load the seed. Each runs
// wrangler with no terminal attached, so nothing stops to ask, and returns one summary line;
// wrangler's own output is shown only when a step fails.
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { content } from '../../seed/content.ts'
import { seedStatements } from '../../seed/sql.ts'

const root = new URL('../..', import.meta.url).pathname
const run = promisify(execFile)

/** Where the steps act: local D1 (optionally kept in another folder, for tests) or production. */
export type Target = { remote?: boolean; persistTo?: string }

const targetArgs = ({ remote, persistTo }: Target) =>
  remote ? ['--remote'] : ['--local', ...(persistTo ? ['--persist-to', persistTo] : [])]

/** Runs wrangler with no standard input; on failure, throws with everything it printed. */
const wrangler = async (args: string[]) => {
  try {
    const { stdout } = await run('wrangler', args, {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      // No terminal: wrangler skips its "continue?" prompt instead of waiting for an answer.
      env: { ...process.env, FORCE_COLOR: '0' },
    })
    return stdout
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string }
    throw new Error(`wrangler ${args.join(' ')} failed:\n${stdout}${stderr}`, { cause: err })
  }
}

/** Applies the migrations that are not applied yet; says which, or that there were none. */
export const migrate = async (target: Target = {}) => {
  const out = await wrangler(['d1', 'migrations', 'apply', 'DB', ...targetArgs(target)])
  const applied = [...new Set(out.match(/\b\d{4}_[\w-]+(?=\.sql)/g) ?? [])]
  return applied.length === 0
    ? 'Migrations: up to date'
    : `Migrations: applied ${applied.length} (${applied.join(', ')})`
}

/** What each seeded table is called in the summary. */
const TABLES = [
  ['pages', 'pages'],
  ['news_articles', 'news articles'],
  ['vacancies', 'vacancies'],
  ['settings', 'settings'],
] as const

const COUNT = `SELECT ${TABLES.map(([t]) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')};`

type Counts = Record<(typeof TABLES)[number][0], number>

/**
 * Loads the content seed, which adds only rows that are missing (seed/sql.ts), and says what
 * it added: the rows of each table are counted before and after, in the same run.
 */
export const seed = async (target: Target = {}) => {
  const file = join(root, '.wrangler/seed.sql')
  mkdirSync(join(root, '.wrangler'), { recursive: true })
  writeFileSync(file, [COUNT, ...seedStatements(content), COUNT].join('\n') + '\n')
  const out = await wrangler([
    'd1',
    'execute',
    'DB',
    ...targetArgs(target),
    '--file',
    file,
    '--yes',
    '--json',
  ])
  const results = JSON.parse(out.slice(out.indexOf('['))) as { results: Counts[] }[]
  const before = results.at(0)?.results[0]
  const after = results.at(-1)?.results[0]
  if (!before || !after) throw new Error(`The seed's row counts are missing from:\n${out}`)
  const added = TABLES.map(([table, name]) => [after[table] - before[table], name] as const).filter(
    ([count]) => count > 0,
  )
  return added.length === 0
    ? 'Seed: nothing to add'
    : `Seed: added ${added.map(([count, name]) => `${count} ${name}`).join(', ')}`
}
