import { ensureLocalSite } from '../../scripts/lib/local-site.ts'

let stop: (() => void) | undefined

/** Uses the site already running on :8787, or starts it with `npm start` and stops it after. */
export async function setup() {
  stop = await ensureLocalSite()
}

export async function teardown() {
  stop?.()
}
