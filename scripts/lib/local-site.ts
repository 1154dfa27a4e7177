// Finds or starts the local site that `npm start` serves, for the browser checks, the size
// report and the benchmark.
import { spawn } from 'node:child_process'

/** Where `npm start` serves the site. */
export const BASE_URL = 'http://127.0.0.1:8787'

const isUp = async () => {
  try {
    return (await fetch(`${BASE_URL}/robots.txt`)).ok
  } catch {
    return false
  }
}

/**
 * Uses the site already running on :8787, or starts it with `npm start` (migrate, seed,
 * `wrangler dev`). Returns a function that stops what it started.
 */
export async function ensureLocalSite(): Promise<() => void> {
  if (await isUp()) return () => {}
  const server = spawn('npm', ['start'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  })
  const deadline = Date.now() + 150_000
  while (!(await isUp())) {
    if (Date.now() > deadline) throw new Error('npm start did not serve the site within 150 s')
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  // npm start runs wrangler in its own process group; end the whole group.
  return () => server.pid && process.kill(-server.pid, 'SIGTERM')
}
