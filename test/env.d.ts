import type { D1Migration } from 'cloudflare:test'

declare global {
  namespace Cloudflare {
    interface Env {
      /** Migrations read by vitest.config.ts; only the test runtime has this binding. */
      TEST_MIGRATIONS: D1Migration[]
    }
  }
}
