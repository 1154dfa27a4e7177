// Applies the migrations to local D1 without stopping to ask: `npm run db:migrate:local`.
// (`npm run db:migrate:remote` keeps wrangler's own confirmation for production.)
import { migrate } from './lib/local-db.ts'

try {
  console.log(await migrate())
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
