// The benchmark: one local site (wrangler dev, both Workers), four kinds of request, measured in
// one run with autocannon. Prints requests per second, p50 and p99 latency and each throughput
// as a ratio of the static asset's; writes bench/results.json. Usage: npm run bench
import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import autocannon from 'autocannon'

const PORT = 8788
const BASE = `http://127.0.0.1:${PORT}`
const DURATION = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)

// A server of its own, with the cache bypass header allowed (never in production).
const server = spawn(
  'wrangler',
  [
    'dev',
    '-c',
    'wrangler.toml',
    '-c',
    'wrangler.admin.toml',
    '--port',
    String(PORT),
    '--ip',
    '127.0.0.1',
    '--var',
    'ALLOW_CACHE_BYPASS:true',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'], detached: true },
)
const stop = () => server.pid && process.kill(-server.pid, 'SIGTERM')
process.on('exit', stop)

const up = async () => {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    try {
      if ((await fetch(`${BASE}/robots.txt`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('wrangler dev did not start')
}
await up()

const page = '/about'
const html = await (await fetch(`${BASE}${page}`)).text()
const css = html.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!
await fetch(`${BASE}${page}`) // stored in the cache by now

let client = 0
const scenarios = [
  { name: 'static asset', path: css, expect: 200 },
  { name: 'cached page', path: page, expect: 200 },
  { name: 'uncached page', path: page, expect: 200, headers: { 'X-Bypass-Cache': '1' } },
  {
    name: 'form POST',
    path: '/contact',
    expect: 303,
    method: 'POST' as const,
    // Each request from its own address, as real visitors are, so the rate limiter lets it in.
    setupRequest: (req: autocannon.Request) => ({
      ...req,
      headers: {
        ...req.headers,
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: BASE,
        'CF-Connecting-IP': `10.${(++client >> 16) & 255}.${(client >> 8) & 255}.${client & 255}`,
      },
      body: new URLSearchParams({
        topic: 'general',
        fullName: 'Bench Mark',
        email: 'bench@example.com',
        message: 'Benchmark.',
      }).toString(),
    }),
  },
]

const results = []
for (const s of scenarios) {
  const r = await autocannon({
    url: `${BASE}${s.path}`,
    method: s.method ?? 'GET',
    headers: s.headers,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: s.setupRequest ? [{ setupRequest: s.setupRequest }] : undefined,
  })
  const statuses = Object.fromEntries(
    Object.entries(r.statusCodeStats ?? {}).map(([code, v]) => [
      code,
      (v as { count: number }).count,
    ]),
  )
  const unexpected = Object.entries(statuses)
    .filter(([code]) => Number(code) !== s.expect)
    .reduce((n, [, c]) => n + c, 0)
  results.push({
    name: s.name,
    path: s.path,
    requestsPerSecond: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    requests: r.requests.total,
    statuses,
    unexpectedStatuses: unexpected,
    errors: r.errors + r.timeouts,
  })
}
stop()

const staticRps = results[0]!.requestsPerSecond
const table = results.map((r) => ({
  ...r,
  ratioToStatic: Number((r.requestsPerSecond / staticRps).toFixed(2)),
}))
console.log(`\n${DURATION} s each, ${CONNECTIONS} connections, one wrangler dev on ${BASE}\n`)
console.log(
  'scenario'.padEnd(16),
  'req/s'.padStart(7),
  'p50 ms'.padStart(7),
  'p99 ms'.padStart(7),
  'ratio'.padStart(6),
  'unexpected'.padStart(11),
  'errors'.padStart(7),
)
for (const r of table) {
  console.log(
    r.name.padEnd(16),
    String(r.requestsPerSecond).padStart(7),
    String(r.p50ms).padStart(7),
    String(r.p99ms).padStart(7),
    r.ratioToStatic.toFixed(2).padStart(6),
    String(r.unexpectedStatuses).padStart(11),
    String(r.errors).padStart(7),
  )
}
mkdirSync('bench', { recursive: true })
writeFileSync(
  'bench/results.json',
  `${JSON.stringify({ date: new Date().toISOString(), durationSeconds: DURATION, connections: CONNECTIONS, results: table }, null, 2)}\n`,
)
console.log('\nWritten to bench/results.json')
process.exit(0)
