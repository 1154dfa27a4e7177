// Loads the content seed into D1: `node scripts/seed.ts --local` (or --remote). Safe to run again:
// existing rows are left as they are (see seed/sql.ts). Prints what it added.
import { seed } from './lib/local-db.ts'

try {
  console.log(await seed({ remote: process.argv.includes('--remote') }))
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
