import { applyD1Migrations, env } from 'cloudflare:test'
import { content } from '../seed/content.ts'
import { seedStatements } from '../seed/sql.ts'

// Each test file gets its own D1, migrated and seeded the way `npm start` does it.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
await env.DB.batch(seedStatements(content).map((sql) => env.DB.prepare(sql)))
