import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { kCurrentWorker } from 'miniflare'
import { defineConfig } from 'vitest/config'

// Tests run inside workerd with the bindings from wrangler.toml. The migrations are read once
// here and applied to each test file's isolated D1 by test/setup.ts, together with the seed.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(new URL('./migrations', import.meta.url).pathname)
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.toml' },
        // Both Workers in one (test/worker.ts); ADMIN, the service binding to the admin Worker,
        // points back at it.
        main: './test/worker.ts',
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations },
          serviceBindings: { ADMIN: kCurrentWorker },
        },
      }),
    ],
    test: {
      include: ['test/**/*.test.{ts,tsx}'],
      exclude: ['test/browser/**'],
      setupFiles: ['./test/setup.ts'],
    },
  }
})
