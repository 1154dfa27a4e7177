// Fills local D1 with ten years of content, to measure the site at that size:
// `npm run seed:scale [-- --persist-to <dir>] [-- --scale <factor>]`. It applies the migrations
// and the normal seed first, then adds 10,000 pages four levels deep, 20,000 news articles, 500
// vacancies (most closed) and 100,000 submissions (at --scale 1; see seed/scale.ts), rebuilds
// the search index and moves the content version on. Running it again adds nothing.
import { execFile } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { scaleCounts, scaleStatements } from '../seed/scale.ts'
import { migrate, seed } from './lib/local-db.ts'

const root = new URL('..', import.meta.url).pathname

const TABLES = ['pages', 'news_articles', 'vacancies', 'submissions', 'revisions'] as const
const COUNT = `SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')};`

try {
  const { values } = parseArgs({
    options: { 'persist-to': { type: 'string' }, scale: { type: 'string', default: '1' } },
  })
  const factor = Number(values.scale)
  if (!(factor > 0 && factor <= 1)) throw new Error('--scale must be a number above 0, at most 1')
  const persistTo = values['persist-to']
  const started = performance.now()
  console.log(await migrate({ persistTo }))
  console.log(await seed({ persistTo }))
  const file = join(root, '.wrangler/seed-scale.sql')
  mkdirSync(join(root, '.wrangler'), { recursive: true })
  writeFileSync(file, [COUNT, ...scaleStatements(scaleCounts(factor)), COUNT].join('\n') + '\n')
  const target = ['--local', ...(persistTo ? ['--persist-to', persistTo] : [])]
  const { stdout } = await promisify(execFile)(
    'wrangler',
    ['d1', 'execute', 'DB', ...target, '--file', file, '--yes', '--json'],
    { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } },
  ).catch((err: { stdout?: string; stderr?: string }) => {
    throw new Error(`wrangler d1 execute failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`)
  })
  const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as {
    results: Record<(typeof TABLES)[number], number>[]
  }[]
  const before = results.at(0)?.results[0]
  const after = results.at(-1)?.results[0]
  if (!before || !after) throw new Error(`The row counts are missing from:\n${stdout}`)
  const added = TABLES.map((t) => `${after[t] - before[t]} ${t.replace('_', ' ')}`).join(', ')
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`Scale seed: added ${added} (${seconds} s)`)
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
