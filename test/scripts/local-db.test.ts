// The setup steps of `npm start`, run for real: wrangler against a fresh local D1 in a folder of
// its own, with no terminal attached (as in CI, and as a prompt would otherwise wait forever).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { migrate, seed } from '../../scripts/lib/local-db.ts'
import { content } from '../../seed/content.ts'

const persistTo = mkdtempSync(join(tmpdir(), 'soca-d1-'))
const migrations = readdirSync(new URL('../../migrations', import.meta.url))
  .filter((name) => name.endsWith('.sql'))
  .map((name) => name.slice(0, -'.sql'.length))
  .sort()
afterAll(() => rmSync(persistTo, { recursive: true, force: true }))

describe('npm start, on a fresh local database', () => {
  it('applies every migration and adds the seed, in one line each', async () => {
    expect(await migrate({ persistTo })).toBe(
      `Migrations: applied ${migrations.length} (${migrations.join(', ')})`,
    )
    expect(await seed({ persistTo })).toBe(
      `Seed: added ${content.pages.length} pages, ${content.news.length} news articles, ` +
        `${content.vacancies.length} vacancies, 2 settings`,
    )
  })

  it('finds nothing to do the second time', async () => {
    expect(await migrate({ persistTo })).toBe('Migrations: up to date')
    expect(await seed({ persistTo })).toBe('Seed: nothing to add')
  })
})
