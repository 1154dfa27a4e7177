// `npm start`: compiles the stylesheets, brings local D1 up to date (migrations, then the seed),
// gives .dev.vars a STAFF_COOKIE_KEY if it has none, and serves both Workers with `wrangler dev`
// on http://localhost:8787. Each setup step prints one line; a step that fails prints wrangler's
// whole output and stops.
import { execFileSync, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { ensureStaffCookieKey } from './lib/dev-vars.ts'
import { migrate, seed } from './lib/local-db.ts'

const root = new URL('..', import.meta.url).pathname

execFileSync(process.execPath, ['scripts/build-css.ts'], { cwd: root, stdio: 'inherit' })
try {
  console.log(await migrate())
  console.log(await seed())
  // Both Workers read it: without the key, share links are off (README, "Share links").
  console.log(ensureStaffCookieKey(`${root}.dev.vars`))
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}

const dev = spawn(
  'wrangler',
  [
    'dev',
    ...['-c', 'wrangler.toml', '-c', 'wrangler.admin.toml'],
    ...['--port', '8787', '--ip', '127.0.0.1'],
    '--show-interactive-dev-session=false',
    // http://localhost:8787/__scheduled?cron=*+*+*+*+* runs a Cron Trigger (wrangler dev runs none).
    '--test-scheduled',
  ],
  {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
    env: {
      ...process.env,
      FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
      // The site never reads Request.cf; fetching its sample from the internet only adds a
      // warning (and a stack trace) wherever there is no network.
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    },
  },
)

// wrangler lists every binding of both Workers (about 40 lines) before it is ready; they are
// all in wrangler.toml and wrangler.admin.toml, so those tables are left out. Everything else,
// and all of standard error, passes through as it is.
const plain = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, '')
let skipping = false
createInterface({ input: dev.stdout }).on('line', (line) => {
  const text = plain(line)
  if (/has access to the following bindings:$/.test(text) || text.startsWith('Service bindings,')) {
    skipping = true
  } else if (skipping && text.trim() === '') {
    skipping = false
    return
  }
  if (!skipping) console.log(line)
})
// Ctrl-C reaches wrangler too (same process group); this process ends when it does.
dev.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
