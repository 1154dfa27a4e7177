// A `wrangler dev` of its own for a script that must not share the developer's: another port,
// and its local state (D1, R2, cache) in a folder of its own, so what it writes can be counted.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** A running local site and how to stop it. */
export type DevServer = { url: string; stop: () => void }

/**
 * Starts both Workers with `wrangler dev` on 127.0.0.1:`port`, local state in `persistTo`, and
 * resolves once /robots.txt answers. The state must already be migrated and seeded.
 */
export async function startDevServer({
  port,
  persistTo,
  vars = {},
}: {
  port: number
  persistTo: string
  vars?: Record<string, string>
}): Promise<DevServer> {
  const url = `http://127.0.0.1:${port}`
  // Another server on the port would answer the readiness check below in its place.
  const taken = await fetch(url).then(
    () => true,
    () => false,
  )
  if (taken) throw new Error(`Port ${port} is in use: choose another`)
  const server = spawn(
    'wrangler',
    [
      'dev',
      ...['-c', 'wrangler.toml', '-c', 'wrangler.admin.toml'],
      ...['--port', String(port), '--ip', '127.0.0.1', '--persist-to', persistTo],
      ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
      '--show-interactive-dev-session=false',
      // A line per request costs CPU the load test needs; warnings and errors still show.
      '--log-level=warn',
    ],
    {
      cwd: new URL('../..', import.meta.url).pathname,
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so stopping it ends workerd too.
      detached: true,
      env: { ...process.env, FORCE_COLOR: '0', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    },
  )
  // Warnings and errors pass through, except wrangler's notice that cron triggers do not run
  // locally (and the blank lines after it): nothing here needs them.
  const cronNotice =
    /Scheduled Workers are not|manually trigger a scheduled|local\/scheduled|cron-triggers/
  let afterNotice = false
  createInterface({ input: server.stderr! }).on('line', (line) => {
    if (cronNotice.test(line)) afterNotice = true
    else if (!(afterNotice && line.trim() === '')) {
      afterNotice = false
      process.stderr.write(`${line}\n`)
    }
  })
  let stopped = false
  const stop = () => {
    if (stopped || !server.pid || server.exitCode !== null) return
    stopped = true
    process.kill(-server.pid, 'SIGTERM')
  }
  process.on('exit', stop)
  const deadline = Date.now() + 180_000
  for (;;) {
    try {
      if ((await fetch(`${url}/robots.txt`)).ok) return { url, stop }
    } catch {}
    if (server.exitCode !== null) throw new Error(`wrangler dev exited with ${server.exitCode}`)
    if (Date.now() > deadline) {
      stop()
      throw new Error(`wrangler dev did not serve ${url} within 180 s`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}
