// The bench's floor route (bench/worker.ts) exists only in the bench's configuration:
// wrangler.bench.toml is wrangler.toml with another entry point, and the Worker that deploys
// (wrangler.toml) does not contain the route at all.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { benchConfig } from '../../scripts/bench/config.ts'
import { FLOOR_D1_PATH, FLOOR_PATH } from '../../scripts/bench/floor.ts'

const root = new URL('../..', import.meta.url).pathname
const out = mkdtempSync(join(tmpdir(), 'soca-bench-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

/** The Worker bundle wrangler would upload for a config, as text. */
const bundle = async (config: string) => {
  const dir = join(out, config)
  await promisify(execFile)('wrangler', ['deploy', '--dry-run', '--outdir', dir, '-c', config], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: '0' },
  })
  return readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n')
}

describe('the bench configuration', () => {
  it('is wrangler.toml with the bench entry point, as npm run bench writes it', () => {
    const production = readFileSync(join(root, 'wrangler.toml'), 'utf8')
    const bench = readFileSync(join(root, 'wrangler.bench.toml'), 'utf8')
    expect(bench).toBe(benchConfig(production))
    expect(bench).toContain('main = "bench/worker.ts"')
    expect(bench.replace(/^#.*\n/gm, '')).toBe(
      production
        .replace(/^#.*\n/gm, '')
        .replace('main = "src/index.tsx"', 'main = "bench/worker.ts"'),
    )
  })

  it('adds the floor routes to the bench bundle only, never to the one that deploys', async () => {
    const bench = await bundle('wrangler.bench.toml')
    const production = await bundle('wrangler.toml')
    for (const path of [FLOOR_PATH, FLOOR_D1_PATH]) {
      expect(bench).toContain(path.slice(1))
      expect(production).not.toContain(path.slice(1))
    }
  })
})
