// Loads the content seed into D1: `node scripts/seed.ts --local` (or --remote). Safe to run again:
// existing rows are left as they are (see seed/sql.ts).
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { content } from '../seed/content.ts'
import { seedStatements } from '../seed/sql.ts'

const target = process.argv.includes('--remote') ? '--remote' : '--local'
const root = new URL('..', import.meta.url).pathname
const file = join(root, '.wrangler/seed.sql')

mkdirSync(join(root, '.wrangler'), { recursive: true })
writeFileSync(file, `${seedStatements(content).join('\n')}\n`)
execFileSync('wrangler', ['d1', 'execute', 'DB', target, '--file', file, '--yes'], {
  stdio: 'inherit',
  cwd: root,
})
