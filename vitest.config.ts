import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { kCurrentWorker } from 'miniflare'
import { defineConfig } from 'vitest/config'

// Three projects. `workers` runs inside workerd with the bindings from wrangler.toml: the
// migrations are read once here and applied to each test file's isolated D1 by test/setup.ts,
// together with the seed. `unit` runs in Node, for pure functions and for components rendered
// to a string and queried as a DOM. `scripts` runs the developer scripts' steps in Node.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(new URL('./migrations', import.meta.url).pathname)
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              // Both Workers in one (test/worker.ts); ADMIN, the service binding to the admin
              // Worker, points back at it.
              main: './test/worker.ts',
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  // A key for tests only; production's is a secret (README, "Deploying").
                  STAFF_COOKIE_KEY: 'test-only-staff-cookie-key',
                  // test/fuzz reads its seed and run count here: workerd does not see the shell's
                  // environment, so these carry FUZZ_SEED and FUZZ_RUNS in ('' when unset).
                  FUZZ_SEED: process.env.FUZZ_SEED ?? '',
                  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '',
                },
                serviceBindings: { ADMIN: kCurrentWorker },
              },
            }),
          ],
          test: {
            name: 'workers',
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: ['test/browser/**', 'test/unit/**', 'test/scripts/**'],
            setupFiles: ['./test/setup.ts'],
          },
        },
        {
          test: {
            name: 'unit',
            include: ['test/unit/**/*.test.{ts,tsx}'],
            environment: 'node',
          },
        },
        {
          // The developer scripts, in Node: they run wrangler itself, so they get more time.
          test: {
            name: 'scripts',
            include: ['test/scripts/**/*.test.ts'],
            environment: 'node',
            testTimeout: 120_000,
          },
        },
      ],
    },
  }
})
