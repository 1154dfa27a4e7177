// The benchmark: `npm run bench` (normal seed) or `npm run bench -- --seed scale` (the database
// `npm run seed:scale` fills). One local site (wrangler dev, both Workers, with the bench's entry
// point: wrangler.bench.toml) on 127.0.0.1:8788, with local state of its own
// (.wrangler/bench-state, .wrangler/bench-scale-state), so it never touches `npm start`'s.
// Each scenario runs BENCH_RUNS times (3), interleaved with the others, for BENCH_SECONDS (4)
// with BENCH_CONNECTIONS (10) autocannon connections; the table gives the medians: requests per
// second, p50 and p99 latency, and throughput as a ratio of the static asset's, the floor's and
// the D1 floor's (each run's ratio, then the median), plus the time of one request alone on the server. Scale
// mode also gives each scenario's p50 as a multiple of the normal seed's (bench/results.json).
// Writes bench/results.json or bench/results-scale.json and prints a markdown table.
import { execFile, spawn } from 'node:child_process'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs, parseEnv, promisify } from 'node:util'
import autocannon from 'autocannon'
import { benchConfig } from './bench/config.ts'
import { FLOOR_D1_PATH, FLOOR_PATH } from './bench/floor.ts'
import { migrate, seed } from './lib/local-db.ts'

const root = new URL('..', import.meta.url).pathname
const PORT = 8788
const BASE = `http://127.0.0.1:${PORT}`
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
// BENCH_ONLY=cached,uncached measures only those scenarios (and the static asset and the floors,
// which the ratios need), and writes no results file: for trying a change out.
const ONLY = process.env.BENCH_ONLY?.split(',')

const { values } = parseArgs({ options: { seed: { type: 'string', default: 'normal' } } })
const mode = values.seed
if (mode !== 'normal' && mode !== 'scale') {
  console.error('--seed must be normal or scale')
  process.exit(1)
}
const persistTo = join(
  root,
  mode === 'scale' ? '.wrangler/bench-scale-state' : '.wrangler/bench-state',
)
const resultsFile = join(root, mode === 'scale' ? 'bench/results-scale.json' : 'bench/results.json')

/** Fills the bench's own database: migrations and seed, and for scale mode `npm run seed:scale`. */
const prepareDatabase = async () => {
  if (mode === 'normal') {
    console.log(await migrate({ persistTo }))
    console.log(await seed({ persistTo }))
    return
  }
  const marker = join(persistTo, 'bench-scale-seeded')
  if (existsSync(marker)) {
    console.log(await migrate({ persistTo }))
    return
  }
  const script = join(root, 'scripts/seed-scale.ts')
  if (!existsSync(script))
    throw new Error('Scale mode needs scripts/seed-scale.ts (npm run seed:scale), which is missing')
  console.log(`Filling ${persistTo} with npm run seed:scale (once; it takes a while)`)
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--persist-to', persistTo], {
      cwd: root,
      stdio: 'inherit',
    })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run seed:scale exited with ${code}`)),
    )
  })
  writeFileSync(marker, `${new Date().toISOString()}\n`)
}

/**
 * A signed-in staff session made directly in the bench's D1 (no password or TOTP): a staff
 * member, and a session row holding the SHA-256 of a new token, as auth/sessions.ts stores it.
 * Returns the Cookie header, signed with .dev.vars' STAFF_COOKIE_KEY as sign-in signs it.
 */
const staffCookie = async () => {
  const token = randomBytes(32).toString('base64url')
  const id = createHash('sha256').update(token).digest('hex')
  const now = Date.now()
  // wrangler d1 execute itself, not scripts/lib/d1-backup.ts: that module needs the Workers'
  // types, and the browser tests' typecheck, which covers scripts/, has only the DOM's.
  const sql = `INSERT INTO staff (email, name, role) VALUES ('bench@example.com', 'Bench Mark', 'admin')
       ON CONFLICT (email) DO NOTHING;
     INSERT INTO sessions (id, staff_id, stage, csrf_token, via, created_at, last_seen_at, expires_at)
       SELECT '${id}', id, 'active', '${randomBytes(32).toString('base64url')}', 'password',
         ${now}, ${now}, ${now + 12 * 3600_000} FROM staff WHERE email = 'bench@example.com';`
  await promisify(execFile)(
    'wrangler',
    ['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--command', sql, '--yes'],
    { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } },
  ).catch((err: { stdout?: string; stderr?: string }) => {
    throw new Error(`Could not sign the bench in:\n${err.stdout ?? ''}${err.stderr ?? ''}`)
  })
  const devVars = join(root, '.dev.vars')
  const key = existsSync(devVars) ? parseEnv(readFileSync(devVars, 'utf8')).STAFF_COOKIE_KEY : ''
  const signature = key ? `.${createHmac('sha256', key).update(token).digest('base64url')}` : ''
  return `__Host-soca-session=${token}${signature}`
}

/** wrangler.bench.toml as wrangler.toml is now (scripts/bench/config.ts). */
const writeConfig = () => {
  const file = join(root, 'wrangler.bench.toml')
  const config = benchConfig(readFileSync(join(root, 'wrangler.toml'), 'utf8'))
  if (!existsSync(file) || readFileSync(file, 'utf8') !== config) writeFileSync(file, config)
}

/** wrangler dev with the bench's config, the cache bypass header allowed (never in production). */
const startServer = async () => {
  writeConfig()
  const taken = await fetch(BASE).then(
    () => true,
    () => false,
  )
  if (taken) throw new Error(`Port ${PORT} is in use: is another bench running?`)
  const server = spawn(
    'wrangler',
    [
      'dev',
      ...['-c', 'wrangler.bench.toml', '-c', 'wrangler.admin.toml'],
      ...['--port', String(PORT), '--ip', '127.0.0.1', '--persist-to', persistTo],
      ...['--var', 'ALLOW_CACHE_BYPASS:true'],
      '--show-interactive-dev-session=false',
      // A line per request costs CPU the measurement needs; warnings and errors still show.
      '--log-level=warn',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      detached: true,
      env: {
        ...process.env,
        FORCE_COLOR: '0',
        CLOUDFLARE_CF_FETCH_ENABLED: 'false',
        // wrangler dev records a trace of every request into a local SQLite store by default
        // (for its local explorer), which grows without limit and costs every Worker request,
        // the floor's too, time production never spends on it: off, the bench measures the site.
        X_LOCAL_OBSERVABILITY: 'false',
      },
    },
  )
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM')
  }
  process.on('exit', stop)
  for (const deadline = Date.now() + 180_000; ;) {
    try {
      if ((await fetch(`${BASE}/robots.txt`)).ok) return stop
    } catch {}
    if (server.exitCode !== null) throw new Error(`wrangler dev exited with ${server.exitCode}`)
    if (Date.now() > deadline) throw new Error('wrangler dev did not start within 180 s')
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** `id` names a scenario in results.json whatever its path (the deep news page's varies). */
type Scenario = {
  id: string
  name: string
  path: string
  headers?: Record<string, string>
  cache?: string
}

/** The scenarios, in table order; the paths that depend on the data are found by asking. */
const scenarios = async (cookie: string): Promise<Scenario[]> => {
  const bypass = { 'X-Bypass-Cache': '1' }
  const about = '/about/how-we-work'
  const html = await (await fetch(`${BASE}${about}`)).text()
  const css = html.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1]
  if (!css) throw new Error(`No stylesheet link on ${about}`)
  const news = await (await fetch(`${BASE}/news`, { headers: bypass })).text()
  const lastPage = Math.max(1, ...[...news.matchAll(/[?&]page=(\d+)/g)].map((m) => Number(m[1])))
  const deep = mode === 'scale' ? 1500 : lastPage
  return [
    { id: 'static', name: 'static asset (CSS)', path: css },
    { id: 'floor', name: 'floor (bench only)', path: FLOOR_PATH },
    { id: 'floor-d1', name: 'D1 floor: one SELECT 1 (bench only)', path: FLOOR_D1_PATH },
    { id: 'cached', name: 'cached page', path: about, cache: 'HIT' },
    { id: 'uncached', name: 'uncached page', path: about, headers: bypass, cache: 'BYPASS' },
    { id: 'news-1', name: '/news page 1', path: '/news', headers: bypass, cache: 'BYPASS' },
    {
      id: 'news-deep',
      name: `/news page ${deep}`,
      // /news?page=1 redirects to /news: a one-page list's last page is its first.
      path: deep === 1 ? '/news' : `/news?page=${deep}`,
      headers: bypass,
      cache: 'BYPASS',
    },
    { id: 'sitemap', name: '/sitemap', path: '/sitemap', headers: bypass, cache: 'BYPASS' },
    {
      id: 'sitemap-xml',
      name: '/sitemap.xml',
      path: '/sitemap.xml',
      headers: bypass,
      cache: 'BYPASS',
    },
    { id: 'atom', name: '/news.atom', path: '/news.atom', headers: bypass, cache: 'BYPASS' },
    { id: 'search', name: 'search', path: '/search?q=fraud', headers: bypass, cache: 'BYPASS' },
    {
      id: 'staff-pages',
      name: 'staff page tree',
      path: '/admin/pages',
      headers: { Cookie: cookie },
    },
    {
      id: 'staff-inbox',
      name: 'staff inbox',
      path: '/admin/submissions',
      headers: { Cookie: cookie },
    },
  ]
}

/** Fails before measuring if a scenario does not answer 200 as it should (signed in, cached…). */
/** Returns the time of the second request, alone on the server, in ms. */
const check = async (s: Scenario) => {
  let ms = 0
  for (let i = 0; i < 2; i++) {
    const started = performance.now()
    const res = await fetch(`${BASE}${s.path}`, { headers: s.headers, redirect: 'manual' })
    await res.arrayBuffer()
    ms = performance.now() - started
    if (res.status !== 200) throw new Error(`${s.name}: ${s.path} answered ${res.status}`)
    // The first request of a cached page fills the cache; the second must be a hit.
    if (i === 1 && s.cache && res.headers.get('X-Cache') !== s.cache)
      throw new Error(`${s.name}: X-Cache ${res.headers.get('X-Cache')}, not ${s.cache}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return Math.round(ms)
}

type Run = {
  rps: number
  p50: number
  p99: number
  requests: number
  non200: number
  errors: number
}

const measure = async (s: Scenario): Promise<Run> => {
  const r = await autocannon({
    url: `${BASE}${s.path}`,
    headers: s.headers,
    connections: CONNECTIONS,
    duration: SECONDS,
  })
  // Requests still in flight when the run ended are answered before the next run starts: a
  // request queued behind them returns once the server has caught up.
  await fetch(`${BASE}${FLOOR_PATH}`).then((res) => res.arrayBuffer())
  return {
    rps: r.requests.total / r.duration,
    requests: r.requests.total,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non200: r.requests.total - (r['2xx'] ?? 0),
    errors: r.errors + r.timeouts,
  }
}

/** Whole numbers, but a slow route's few requests a second keep a decimal. */
const rounded = (rps: number) => (rps < 10 ? Number(rps.toFixed(1)) : Math.round(rps))

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

try {
  await prepareDatabase()
  const cookie = await staffCookie()
  const stop = await startServer()
  const list = (await scenarios(cookie)).filter(
    (s) => !ONLY || s.id.startsWith('floor') || s.id === 'static' || ONLY.includes(s.id),
  )
  const alone: number[] = []
  for (const s of list) alone.push(await check(s))
  const runs: Run[][] = list.map(() => [])
  for (let run = 1; run <= RUNS; run++) {
    console.log(`Run ${run} of ${RUNS}: ${list.length} scenarios, ${SECONDS} s each`)
    for (const [i, s] of list.entries()) runs[i]!.push(await measure(s))
  }
  stop()

  const staticRuns = runs[0]!
  const floorRuns = runs[1]!
  const d1FloorRuns = runs[2]!
  const normal =
    mode === 'scale' && existsSync(join(root, 'bench/results.json'))
      ? (JSON.parse(readFileSync(join(root, 'bench/results.json'), 'utf8')) as {
          results: { id: string; p50ms: number }[]
        })
      : undefined
  const results = list.map((s, i) => {
    const r = runs[i]!
    const normalP50 = normal?.results.find((n) => n.id === s.id)?.p50ms
    // Latency only of runs in which requests completed: a route slower than a run has none.
    const done = r.filter((x) => x.requests > 0)
    const p50ms = done.length > 0 ? median(done.map((x) => x.p50)) : null
    return {
      id: s.id,
      name: s.name,
      path: s.path,
      aloneMs: alone[i]!,
      requestsPerSecond: rounded(median(r.map((x) => x.rps))),
      p50ms,
      p99ms: done.length > 0 ? median(done.map((x) => x.p99)) : null,
      ratioToStatic: Number(median(r.map((x, run) => x.rps / staticRuns[run]!.rps)).toFixed(2)),
      ratioToFloor: Number(median(r.map((x, run) => x.rps / floorRuns[run]!.rps)).toFixed(2)),
      ratioToD1Floor: Number(median(r.map((x, run) => x.rps / d1FloorRuns[run]!.rps)).toFixed(2)),
      ...(normalP50 && p50ms ? { p50TimesNormal: Number((p50ms / normalP50).toFixed(2)) } : {}),
      runs: r.map((x) => ({ ...x, rps: Math.round(x.rps) })),
      non200: r.reduce((n, x) => n + x.non200, 0),
      errors: r.reduce((n, x) => n + x.errors, 0),
    }
  })

  const scaleColumn = mode === 'scale' && normal !== undefined
  const header = [
    'scenario',
    'alone ms',
    'req/s',
    'p50 ms',
    'p99 ms',
    '× static',
    '× floor',
    '× D1 floor',
    ...(scaleColumn ? ['p50 × normal'] : []),
    'non-200 / errors',
  ]
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map((h, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...results.map(
      (r) =>
        `| ${[
          `${r.name} \`${r.path}\``,
          r.aloneMs,
          r.requestsPerSecond,
          r.p50ms ?? '–',
          r.p99ms ?? '–',
          r.ratioToStatic.toFixed(2),
          r.ratioToFloor.toFixed(2),
          r.ratioToD1Floor.toFixed(2),
          ...(scaleColumn ? [r.p50TimesNormal?.toFixed(2) ?? '–'] : []),
          `${r.non200} / ${r.errors}`,
        ].join(' | ')} |`,
    ),
  ]
  console.log(
    `\n${mode} seed: medians of ${RUNS} interleaved runs, ${SECONDS} s each, ${CONNECTIONS} connections, wrangler dev on ${BASE}\n`,
  )
  console.log(lines.join('\n'))
  if (ONLY) process.exit(0)
  mkdirSync(join(root, 'bench'), { recursive: true })
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ date: new Date().toISOString(), seed: mode, seconds: SECONDS, connections: CONNECTIONS, runs: RUNS, results }, null, 2)}\n`,
  )
  console.log(`\nWritten to ${resultsFile.slice(root.length)}`)
  process.exit(0)
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
