// `npm run loadtest`: the site under load, on a wrangler dev of its own (port 8790, a fresh local
// D1 in a temp folder), with pass/fail requirements:
//   a) cached pages, 200 connections for 60 s (autocannon): no errors, no timeouts, no 5xx;
//   b) 1,000 contact-form submissions at once, each from its own client address: every answer
//      303, 429 or 503; stored rows equal the 303s, and are the same references; no reference
//      repeats; each 303's confirmation page answers 200 and shows its reference.
// Writes loadtest/results.json (git-ignored), prints a summary, exits 1 if a requirement fails.
// LOADTEST_SECONDS, LOADTEST_CONNECTIONS, LOADTEST_SUBMISSIONS, LOADTEST_TIMEOUT_SECONDS (per
// request, 30) and LOADTEST_PORT (8790) change it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { d1Query } from './lib/d1-backup.ts'
import { startDevServer } from './lib/dev-server.ts'
import { migrate, seed } from './lib/local-db.ts'

const SECONDS = Number(process.env.LOADTEST_SECONDS ?? 60)
const CONNECTIONS = Number(process.env.LOADTEST_CONNECTIONS ?? 200)
const SUBMISSIONS = Number(process.env.LOADTEST_SUBMISSIONS ?? 1000)
const PORT = Number(process.env.LOADTEST_PORT ?? 8790)
// autocannon's default is 10 s. Two cores run both the server and the load here, so a page can
// wait its turn longer than that without anything being wrong with the site; p99 and max say
// how long the wait was.
const TIMEOUT = Number(process.env.LOADTEST_TIMEOUT_SECONDS ?? 30)
/** Pages a visitor reads most; every one is served from the edge cache once warm. */
const PAGES = ['/', '/about', '/threats', '/news', '/careers', '/contact']

type Requirement = { name: string; pass: boolean; detail: string }
const requirements: Requirement[] = []
const check = (name: string, pass: boolean, detail: string) =>
  requirements.push({ name, pass, detail })

/** The value below which `share` of the sorted numbers fall (nearest rank). */
const percentile = (sorted: number[], share: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of the results. */
const inBatches = async <T, R>(items: T[], limit: number, task: (item: T) => Promise<R>) => {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await task(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

const persistTo = mkdtempSync(join(tmpdir(), 'soca-loadtest-'))
const target = { persistTo }
console.log(`Local D1 in ${persistTo}`)
console.log(await migrate(target))
console.log(await seed(target))
const server = await startDevServer({ port: PORT, persistTo })
const base = server.url
console.log(`wrangler dev serving ${base}`)

try {
  // a) Cached pages. Each is requested twice first, so the load meets stored copies.
  const warm: Record<string, string | null> = {}
  for (const path of PAGES) {
    await (await fetch(`${base}${path}`)).arrayBuffer()
    const res = await fetch(`${base}${path}`)
    await res.arrayBuffer()
    warm[path] = res.status === 200 ? res.headers.get('X-Cache') : `status ${res.status}`
  }
  const cold = Object.entries(warm).filter(([, state]) => state !== 'HIT')
  check(
    'pages: stored in the edge cache before the load',
    cold.length === 0,
    cold.length === 0 ? 'X-Cache: HIT on each' : `not stored: ${JSON.stringify(cold)}`,
  )

  console.log(`\nCached pages: ${CONNECTIONS} connections for ${SECONDS} s ...`)
  const load = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: TIMEOUT,
    // Each connection goes round the pages in turn.
    requests: PAGES.map((path) => ({ method: 'GET' as const, path })),
    headers: { Accept: 'text/html' },
  })
  const statuses = Object.fromEntries(
    Object.entries(load.statusCodeStats ?? {}).map(([code, v]) => [code, v.count]),
  )
  const pages = {
    paths: PAGES,
    connections: CONNECTIONS,
    seconds: SECONDS,
    timeoutSeconds: TIMEOUT,
    requests: load.requests.total,
    requestsPerSecond: Math.round(load.requests.average),
    errors: load.errors,
    timeouts: load.timeouts,
    status5xx: load['5xx'],
    non2xx: load.non2xx,
    statuses,
    latencyMs: { p50: load.latency.p50, p99: load.latency.p99, max: load.latency.max },
  }
  check(
    'pages: no errors or timeouts',
    pages.errors === 0 && pages.timeouts === 0,
    `${pages.errors} errors, ${pages.timeouts} timeouts in ${pages.requests} requests`,
  )
  check('pages: no 5xx', pages.status5xx === 0, `${pages.status5xx} answers 5xx`)

  // b) Submissions, all sent before any answer is read. Each comes from its own address (as
  // Cloudflare sets CF-Connecting-IP) and carries what a same-site browser form POST does.
  console.log(`Contact form: ${SUBMISSIONS} submissions at once ...`)
  const [[before]] = (await d1Query('SELECT count(*) AS n FROM submissions', target)) as [
    [{ n: number }],
  ]
  const send = async (i: number) => {
    const started = performance.now()
    try {
      const res = await fetch(`${base}/contact`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: base,
          'Sec-Fetch-Site': 'same-origin',
          'CF-Connecting-IP': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        },
        body: new URLSearchParams({
          topic: 'general',
          fullName: `Load Test ${i}`,
          email: `load.test.${i}@example.com`,
          message: `Load test submission ${i}.`,
        }),
        signal: AbortSignal.timeout(120_000),
      })
      await res.arrayBuffer()
      const ms = performance.now() - started
      return { status: res.status, location: res.headers.get('Location'), ms }
    } catch (err) {
      return { status: 0, error: String(err), location: null, ms: performance.now() - started }
    }
  }
  const answers = await Promise.all(Array.from({ length: SUBMISSIONS }, (_, i) => send(i + 1)))
  const count = (status: number) => answers.filter((a) => a.status === status).length
  const sent = answers.filter((a) => a.status === 303)
  const others = answers.filter((a) => ![303, 429, 503].includes(a.status))
  const references = sent.map(
    (a) => new URL(a.location ?? '', base).searchParams.get('reference') ?? '',
  )
  const distinct = new Set(references)
  const [stored = []] = await d1Query<{ reference: string }>(
    'SELECT reference FROM submissions',
    target,
  )
  const storedRefs = new Set(stored.map((r) => r.reference))
  const rows = stored.length - before.n
  const notStored = references.filter((r) => !storedRefs.has(r))

  // Read back 20 at a time: this checks what was stored, not the server under load again.
  const confirmed = await inBatches(sent, 20, async ({ location }) => {
    const url = new URL(location ?? '', base)
    const reference = url.searchParams.get('reference') ?? ''
    const res = await fetch(url)
    const html = await res.text()
    return res.status === 200 && reference !== '' && html.includes(reference)
  })
  const badConfirmations = confirmed.filter((ok) => !ok).length
  const ms = answers.map((a) => a.ms).sort((a, b) => a - b)
  const submissions = {
    sent: SUBMISSIONS,
    status303: sent.length,
    status429: count(429),
    status503: count(503),
    other: others.length,
    otherExamples: others.slice(0, 5),
    rowsStored: rows,
    duplicateReferences: references.length - distinct.size,
    referencesNotStored: notStored.length,
    confirmationPagesOk: sent.length - badConfirmations,
    latencyMs: {
      p50: Math.round(percentile(ms, 0.5)),
      p99: Math.round(percentile(ms, 0.99)),
      max: Math.round(ms.at(-1) ?? 0),
    },
  }
  check(
    'submissions: every answer is 303, 429 or 503',
    others.length === 0,
    `${submissions.status303} × 303, ${submissions.status429} × 429, ` +
      `${submissions.status503} × 503, ${others.length} other`,
  )
  check(
    'submissions: stored rows equal the 303s, with the same references',
    rows === sent.length && notStored.length === 0,
    `${rows} rows for ${sent.length} answers 303; ${notStored.length} references not stored`,
  )
  check(
    'submissions: no reference repeats',
    distinct.size === references.length && !references.includes(''),
    `${distinct.size} distinct references in ${references.length} answers 303`,
  )
  check(
    "submissions: each 303's confirmation page shows its reference",
    badConfirmations === 0,
    `${submissions.confirmationPagesOk} of ${sent.length} answered 200 with their reference`,
  )

  const pass = requirements.every((r) => r.pass)
  const results = { date: new Date().toISOString(), server: base, pass, pages, submissions }
  mkdirSync('loadtest', { recursive: true })
  writeFileSync(
    'loadtest/results.json',
    `${JSON.stringify({ ...results, requirements }, null, 2)}\n`,
  )

  console.log(
    `\nCached pages (${PAGES.join(' ')}), ${CONNECTIONS} connections, ${SECONDS} s:\n` +
      `  ${pages.requests} requests (${pages.requestsPerSecond}/s), ${pages.errors} errors, ` +
      `${pages.timeouts} timeouts, ${pages.status5xx} × 5xx; ` +
      `latency p50 ${pages.latencyMs.p50} ms, p99 ${pages.latencyMs.p99} ms`,
  )
  console.log(
    `Contact form, ${SUBMISSIONS} at once from ${SUBMISSIONS} addresses:\n` +
      `  ${submissions.status303} × 303, ${submissions.status429} × 429, ` +
      `${submissions.status503} × 503, ${submissions.other} other; ${rows} rows stored; ` +
      `${submissions.duplicateReferences} repeated references; ` +
      `${submissions.confirmationPagesOk} confirmation pages right; ` +
      `latency p50 ${submissions.latencyMs.p50} ms, p99 ${submissions.latencyMs.p99} ms\n`,
  )
  for (const r of requirements) console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${r.detail}`)
  console.log('\nWritten to loadtest/results.json')
  process.exitCode = pass ? 0 : 1
} finally {
  server.stop()
  // workerd may still hold the files for a moment after the signal.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  rmSync(persistTo, { recursive: true, force: true })
}
