// `npm run observatory`: the MDN HTTP Observatory's scan of the local site (the one `npm start`
// serves, started if need be), or of `npm run observatory -- <url>`. Prints the score and each
// test's result, and exits 1 unless every test passes that can pass over plain HTTP: the two
// about HTTPS (redirection to it, and HSTS) cannot until the site is served over HTTPS.
import { existsSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BASE_URL, ensureLocalSite } from './lib/local-site.ts'

/** The tests that need an HTTPS answer to pass. */
const HTTPS_ONLY = ['redirection', 'strict-transport-security']

// The scanner's install step downloads two data files; with no network (or install scripts
// off, as here) they are missing, and the scan fails reading them.
const conf = join(
  dirname(fileURLToPath(import.meta.resolve('@mdn/mdn-http-observatory'))),
  '../conf',
)
const dataFiles = {
  // Chromium's HSTS preload list, as a map by host. Empty is exact for a local site, as no
  // preload list holds localhost or an IP address; for a real host, run the package's
  // `npm run updateHsts` where there is network.
  'hsts-preload.json': '{}',
  // IANA's top-level domains. Only the scanner's API server reads it (to refuse unknown
  // hosts), never the scan itself; the production site's own TLD is enough.
  'tld-list.json': '["uk"]',
}
for (const [name, content] of Object.entries(dataFiles)) {
  const path = join(conf, name)
  if (!existsSync(path)) {
    writeFileSync(path, `${content}\n`)
    console.log(`Wrote ${path}`)
  }
}

type TestResult = { pass: boolean; result: string; scoreModifier: number }
type ScanResult = {
  scan: {
    score: number
    grade: string
    testsPassed: number
    testsQuantity: number
    responseHeaders: Record<string, string>
  }
  tests: Record<string, TestResult>
}
// Loaded only now, after its data files exist. The CLI (mdn-http-observatory-scan) is this
// function with JSON output; called directly, nothing asks for the CA bundle whose download
// was blocked too (the local site is plain HTTP). The package ships JavaScript without type
// declarations, so its names are in variables and its types written here.
const observatory = '@mdn/mdn-http-observatory'
const { scan } = (await import(observatory)) as { scan: (host: string) => Promise<ScanResult> }
const { getGradeForScore } = (await import(`${observatory}/src/grader/grader.js`)) as {
  getGradeForScore: (score: number) => { score: number; grade: string }
}

const given = process.argv[2]
const stop = given ? () => {} : await ensureLocalSite()
// The scanner takes a host, and tries http:// and https:// on it; a port goes with the host.
const host = new URL(given ?? BASE_URL).host
let failed = true
try {
  const result = await scan(host)
  const noHttps =
    result.tests['strict-transport-security']?.result === 'hsts-not-implemented-no-https'
  const excused = (name: string) => noHttps && HTTPS_ONLY.includes(name)
  console.log(
    `MDN HTTP Observatory, ${host}: score ${result.scan.score} (${result.scan.grade}), ` +
      `${result.scan.testsPassed} of ${result.scan.testsQuantity} tests passed`,
  )
  for (const [name, test] of Object.entries(result.tests)) {
    const mark = test.pass ? 'PASS ' : excused(name) ? 'HTTPS' : 'FAIL '
    const modifier = test.scoreModifier > 0 ? `+${test.scoreModifier}` : `${test.scoreModifier}`
    console.log(`${mark}  ${name.padEnd(30)} ${test.result} (${modifier})`)
  }
  const failures = Object.entries(result.tests).filter(([name, t]) => !t.pass && !excused(name))
  // The HSTS header is sent over plain HTTP too (browsers ignore it there), so it can be read.
  const hsts = result.scan.responseHeaders['strict-transport-security'] ?? ''
  const maxAge = Number(/max-age=(\d+)/i.exec(hsts)?.[1] ?? 0)
  if (noHttps && maxAge >= 15_552_000) {
    // What the score would be with those two passing: both are worth 0 when they pass (HSTS of
    // six months or more, which the header above is; a redirect to HTTPS on the same host), so
    // only their penalties go.
    const penalties = HTTPS_ONLY.reduce((sum, n) => sum + (result.tests[n]?.scoreModifier ?? 0), 0)
    const modifiers = Object.values(result.tests).map((t) => t.scoreModifier)
    const uncurved = 100 + modifiers.filter((m) => m < 0).reduce((a, b) => a + b, 0) - penalties
    const withExtra = 100 + modifiers.reduce((a, b) => a + b, 0) - penalties
    const projected = getGradeForScore(uncurved >= 90 ? withExtra : uncurved)
    console.log(
      `\nPlain HTTP: ${HTTPS_ONLY.join(' and ')} cannot pass here. Served over HTTPS with an ` +
        `HTTP-to-HTTPS redirect, and the same headers (HSTS: ${hsts}), the score would be ` +
        `${projected.score} (${projected.grade}).`,
    )
  }
  console.log(
    failures.length === 0
      ? 'Every test that can pass over plain HTTP passed.'
      : `Failed: ${failures.map(([name]) => name).join(', ')}`,
  )
  failed = failures.length > 0
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
} finally {
  stop()
}
process.exit(failed ? 1 : 0)
