// The benchmark: `npm run bench` (normal seed), `npm run bench -- --seed scale` (the database
// `npm run seed:scale` fills) or `--seed both`. One local site per seed (wrangler dev, both
// Workers, with the bench's entry point: wrangler.bench.toml) on 127.0.0.1:8788 (the scale
// seed's on 8789 with `both`), with local state of its own (.wrangler/bench-state,
// .wrangler/bench-scale-state), so it never touches `npm start`'s.
// Each scenario runs BENCH_RUNS times (3), interleaved with the others, for BENCH_SECONDS (4)
// with BENCH_CONNECTIONS (10) autocannon connections; the table gives the medians: requests per
// second, p50 and p99 latency, and throughput as a ratio of the static asset's, the floor's and
// the D1 floor's (each run's ratio, then the median), plus the time of one request alone on the server
// and the CPU time the runtime spends per request (scripts/bench/cpu.ts). Scale mode also gives
// each scenario's p50 and CPU time as multiples of the normal seed's (bench/results.json).
// With `both`, each scenario runs on the normal site and then the scale site within each run, and
// the multiple is each run's, then the median: this machine's speed drifts between runs made
// minutes apart, which moved the static asset from 434 to 595 req/s, so only runs side by side
// compare the seeds. Writes bench/results.json and/or bench/results-scale.json and prints a
// markdown table for each seed.
import { execFile, spawn } from 'node:child_process'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs, parseEnv, promisify } from 'node:util'
import autocannon from 'autocannon'
import { benchConfig } from './bench/config.ts'
import { cpuMs, runtimeProcess } from './bench/cpu.ts'
import { FLOOR_D1_PATH, FLOOR_PATH } from './bench/floor.ts'
import { migrate, seed } from './lib/local-db.ts'

const root = new URL('..', import.meta.url).pathname
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
// BENCH_ONLY=cached,uncached measures only those scenarios (and the static asset and the floors,
// which the ratios need), and writes no results file: for trying a change out.
const ONLY = process.env.BENCH_ONLY?.split(',')

const { values } = parseArgs({ options: { seed: { type: 'string', default: 'normal' } } })
const mode = values.seed
if (mode !== 'normal' && mode !== 'scale' && mode !== 'both') {
  console.error('--seed must be normal, scale or both')
  process.exit(1)
}

/** One seed's site: its own wrangler dev, port and local state. */
type Site = {
  seed: 'normal' | 'scale'
  port: number
  base: string
  persistTo: string
  resultsFile: string
}

const siteOf = (seed: Site['seed'], port: number): Site => ({
  seed,
  port,
  base: `http://127.0.0.1:${port}`,
  persistTo: join(root, seed === 'scale' ? '.wrangler/bench-scale-state' : '.wrangler/bench-state'),
  resultsFile: join(root, seed === 'scale' ? 'bench/results-scale.json' : 'bench/results.json'),
})

const sites =
  mode === 'both' ? [siteOf('normal', 8788), siteOf('scale', 8789)] : [siteOf(mode, 8788)]

/** Fills the bench's own database: migrations and seed, and for scale mode `npm run seed:scale`. */
const prepareDatabase = async ({ seed: kind, persistTo }: Site) => {
  if (kind === 'normal') {
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
const staffCookie = async ({ persistTo }: Site) => {
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

/**
 * wrangler dev with the bench's config, the cache bypass header allowed (never in production):
 * how to stop it, and its runtime's process (scripts/bench/cpu.ts) when /proc tells.
 */
const startServer = async ({ port, base, persistTo }: Site) => {
  const taken = await fetch(base).then(
    () => true,
    () => false,
  )
  if (taken) throw new Error(`Port ${port} is in use: is another bench running?`)
  const server = spawn(
    'wrangler',
    [
      'dev',
      ...['-c', 'wrangler.bench.toml', '-c', 'wrangler.admin.toml'],
      ...['--port', String(port), '--ip', '127.0.0.1', '--persist-to', persistTo],
      // Each site's own inspector port, so two can run side by side.
      ...['--inspector-port', String(port + 1000)],
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
      if ((await fetch(`${base}/robots.txt`)).ok)
        return { stop, runtime: server.pid ? runtimeProcess(server.pid, port) : undefined }
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
const scenarios = async ({ seed, base }: Site, cookie: string): Promise<Scenario[]> => {
  const bypass = { 'X-Bypass-Cache': '1' }
  const about = '/about/how-we-work'
  const html = await (await fetch(`${base}${about}`)).text()
  const css = html.match(/<link rel="stylesheet" href="([^"]+)"/)?.[1]
  if (!css) throw new Error(`No stylesheet link on ${about}`)
  const news = await (await fetch(`${base}/news`, { headers: bypass })).text()
  const lastPage = Math.max(1, ...[...news.matchAll(/[?&]page=(\d+)/g)].map((m) => Number(m[1])))
  const deep = seed === 'scale' ? 1500 : lastPage
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
const check = async ({ base }: Site, s: Scenario) => {
  let ms = 0
  for (let i = 0; i < 2; i++) {
    const started = performance.now()
    const res = await fetch(`${base}${s.path}`, { headers: s.headers, redirect: 'manual' })
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
  /** The runtime's CPU time per request, in ms, where /proc tells it (scripts/bench/cpu.ts). */
  cpuMs?: number
  p50: number
  p99: number
  requests: number
  non200: number
  errors: number
}

const measure = async ({ base }: Site, s: Scenario, runtime?: number): Promise<Run> => {
  const cpuAtStart = runtime === undefined ? undefined : { pid: runtime, ms: cpuMs(runtime) }
  const r = await autocannon({
    url: `${base}${s.path}`,
    headers: s.headers,
    connections: CONNECTIONS,
    duration: SECONDS,
  })
  // Requests still in flight when the run ended are answered before the next run starts: a
  // request queued behind them returns once the server has caught up.
  await fetch(`${base}${FLOOR_PATH}`).then((res) => res.arrayBuffer())
  // Per request answered: the requests still in flight at the end (up to one a connection) and
  // the catch-up request are in the CPU time too, under 1% of a run's, for every scenario alike.
  // A run that answered nothing has no figure (a route slower than a run).
  const cpu =
    cpuAtStart && r.requests.total > 0
      ? (cpuMs(cpuAtStart.pid) - cpuAtStart.ms) / r.requests.total
      : undefined
  return {
    ...(cpu === undefined ? {} : { cpuMs: cpu }),
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

/** What a scale-only run compares a scenario with: its normal-seed p50 and CPU time. */
type Normal = { p50ms: number | null; cpuMs?: number | null }

/** The normal seed's figures for each scenario, from bench/results.json, for a scale-only run. */
const savedNormal = () => {
  const file = join(root, 'bench/results.json')
  if (!existsSync(file)) return undefined
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { results: ({ id: string } & Normal)[] }
  return new Map(saved.results.map((r) => [r.id, r]))
}

/** Each run's multiple of the normal seed's run beside it, then the median. */
const medianMultiple = (runs: Run[], normalRuns: Run[], of: (run: Run) => number | undefined) => {
  const multiples = runs.flatMap((x, run) => {
    const n = normalRuns[run]!
    const [value, normal] = [of(x), of(n)]
    return x.requests > 0 && n.requests > 0 && value !== undefined && normal ? [value / normal] : []
  })
  return multiples.length > 0 ? median(multiples) : undefined
}

/** A site's results, from its runs; `normal` gives each scenario's figures on the normal seed. */
const summarise = (
  list: Scenario[],
  runs: Run[][],
  alone: number[],
  normal?: { perRun: Run[][] } | { saved: Map<string, Normal> },
) => {
  const [staticRuns, floorRuns, d1FloorRuns] = runs as [Run[], Run[], Run[]]
  return list.map((s, i) => {
    const r = runs[i]!
    // Latency only of runs in which requests completed: a route slower than a run has none.
    const done = r.filter((x) => x.requests > 0)
    const p50ms = done.length > 0 ? median(done.map((x) => x.p50)) : null
    const cpus = done.flatMap((x) => (x.cpuMs === undefined ? [] : [x.cpuMs]))
    const cpu = cpus.length > 0 ? median(cpus) : null
    // Side by side, each run's multiple, then the median; else against the saved normal run.
    const saved = normal && 'saved' in normal ? normal.saved.get(s.id) : undefined
    const [p50TimesNormal, cpuTimesNormal] =
      normal && 'perRun' in normal
        ? [
            medianMultiple(r, normal.perRun[i]!, (x) => x.p50),
            medianMultiple(r, normal.perRun[i]!, (x) => x.cpuMs),
          ]
        : [
            saved?.p50ms && p50ms ? p50ms / saved.p50ms : undefined,
            saved?.cpuMs && cpu ? cpu / saved.cpuMs : undefined,
          ]
    return {
      id: s.id,
      name: s.name,
      path: s.path,
      aloneMs: alone[i]!,
      requestsPerSecond: rounded(median(r.map((x) => x.rps))),
      p50ms,
      p99ms: done.length > 0 ? median(done.map((x) => x.p99)) : null,
      cpuMs: cpu === null ? null : Number(cpu.toFixed(2)),
      ratioToStatic: Number(median(r.map((x, run) => x.rps / staticRuns[run]!.rps)).toFixed(2)),
      ratioToFloor: Number(median(r.map((x, run) => x.rps / floorRuns[run]!.rps)).toFixed(2)),
      ratioToD1Floor: Number(median(r.map((x, run) => x.rps / d1FloorRuns[run]!.rps)).toFixed(2)),
      ...(p50TimesNormal !== undefined
        ? { p50TimesNormal: Number(p50TimesNormal.toFixed(2)) }
        : {}),
      ...(cpuTimesNormal !== undefined
        ? { cpuTimesNormal: Number(cpuTimesNormal.toFixed(2)) }
        : {}),
      runs: r.map((x) => ({
        ...x,
        rps: Math.round(x.rps),
        ...(x.cpuMs === undefined ? {} : { cpuMs: Number(x.cpuMs.toFixed(3)) }),
      })),
      non200: r.reduce((n, x) => n + x.non200, 0),
      errors: r.reduce((n, x) => n + x.errors, 0),
    }
  })
}

/** A site's markdown table. */
const table = (results: ReturnType<typeof summarise>) => {
  const scaleColumn = results.some((r) => r.p50TimesNormal !== undefined)
  const cpuColumn = results.some((r) => r.cpuMs !== null)
  const cpuScaleColumn = results.some((r) => r.cpuTimesNormal !== undefined)
  const header = [
    'scenario',
    'alone ms',
    'req/s',
    'p50 ms',
    'p99 ms',
    ...(cpuColumn ? ['CPU ms'] : []),
    '× static',
    '× floor',
    '× D1 floor',
    ...(scaleColumn ? ['p50 × normal'] : []),
    ...(cpuScaleColumn ? ['CPU × normal'] : []),
    'non-200 / errors',
  ]
  return [
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
          ...(cpuColumn ? [r.cpuMs?.toFixed(2) ?? '–'] : []),
          r.ratioToStatic.toFixed(2),
          r.ratioToFloor.toFixed(2),
          r.ratioToD1Floor.toFixed(2),
          ...(scaleColumn ? [r.p50TimesNormal?.toFixed(2) ?? '–'] : []),
          ...(cpuScaleColumn ? [r.cpuTimesNormal?.toFixed(2) ?? '–'] : []),
          `${r.non200} / ${r.errors}`,
        ].join(' | ')} |`,
    ),
  ].join('\n')
}

try {
  writeConfig()
  const stops: (() => void)[] = []
  const runtimes: (number | undefined)[] = []
  const lists: Scenario[][] = []
  for (const site of sites) {
    await prepareDatabase(site)
    const cookie = await staffCookie(site)
    const { stop, runtime } = await startServer(site)
    stops.push(stop)
    runtimes.push(runtime)
    lists.push(
      (await scenarios(site, cookie)).filter(
        (s) => !ONLY || s.id.startsWith('floor') || s.id === 'static' || ONLY.includes(s.id),
      ),
    )
  }
  // Both seeds have the same scenarios in the same order (only the deep news page's path differs).
  const count = lists[0]!.length
  const alone = sites.map(() => [] as number[])
  for (const [at, site] of sites.entries())
    for (const s of lists[at]!) alone[at]!.push(await check(site, s))
  const runs = sites.map(() => Array.from({ length: count }, () => [] as Run[]))
  for (let run = 1; run <= RUNS; run++) {
    console.log(
      `Run ${run} of ${RUNS}: ${count} scenarios${sites.length > 1 ? ' on each seed, side by side' : ''}, ${SECONDS} s each`,
    )
    for (let i = 0; i < count; i++)
      for (const [at, site] of sites.entries())
        runs[at]![i]!.push(await measure(site, lists[at]![i]!, runtimes[at]))
  }
  for (const stop of stops) stop()

  for (const [at, site] of sites.entries()) {
    const normal =
      site.seed !== 'scale'
        ? undefined
        : sites.length > 1
          ? { perRun: runs[0]! }
          : (() => {
              const saved = savedNormal()
              return saved ? { saved } : undefined
            })()
    const results = summarise(lists[at]!, runs[at]!, alone[at]!, normal)
    const sideBySide = sites.length > 1 ? ', side by side with the other seed' : ''
    console.log(
      `\n${site.seed} seed: medians of ${RUNS} interleaved runs${sideBySide}, ${SECONDS} s each, ${CONNECTIONS} connections, wrangler dev on ${site.base}\n`,
    )
    console.log(table(results))
    if (ONLY) continue
    mkdirSync(join(root, 'bench'), { recursive: true })
    writeFileSync(
      site.resultsFile,
      `${JSON.stringify({ date: new Date().toISOString(), seed: site.seed, sideBySide: sites.length > 1, seconds: SECONDS, connections: CONNECTIONS, runs: RUNS, results }, null, 2)}\n`,
    )
    console.log(`\nWritten to ${site.resultsFile.slice(root.length)}`)
  }
  process.exit(0)
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
