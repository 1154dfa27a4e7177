import { type ChildProcess, spawn } from 'node:child_process'
import { BASE_URL } from './browser.ts'

let server: ChildProcess | undefined

const isUp = async () => {
  try {
    return (await fetch(`${BASE_URL}/robots.txt`)).ok
  } catch {
    return false
  }
}

/** Uses the site already running on :8787, or starts it with `npm start` and stops it after. */
export async function setup() {
  if (await isUp()) return
  server = spawn('npm', ['start'], { stdio: ['ignore', 'inherit', 'inherit'], detached: true })
  const deadline = Date.now() + 150_000
  while (!(await isUp())) {
    if (Date.now() > deadline) throw new Error('npm start did not serve the site within 150 s')
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

export async function teardown() {
  // npm start runs wrangler in its own process group; end the whole group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM')
}
