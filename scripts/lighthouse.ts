// Lighthouse (mobile settings, its default) on the budget pages of the local site, five runs
// each, with Debian's Chromium. Prints the median score of each category and saves every report
// in lighthouse/. Usage: npm run lighthouse   (LIGHTHOUSE_RUNS=1 for a quick look)
import { mkdirSync, writeFileSync } from 'node:fs'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './lib/chromium.ts'
import { ensureLocalSite } from './lib/local-site.ts'
import { BUDGET_PAGES } from './lib/weight.ts'

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5)
// The origin the site's canonical links name (SITE_URL), so the SEO audits see a matching one.
const ORIGIN = 'http://localhost:8787'
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

const stop = await ensureLocalSite()
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
})
mkdirSync('lighthouse', { recursive: true })
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const summary: Record<string, Record<string, number>> = {}
try {
  for (const path of BUDGET_PAGES) {
    const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((c) => [c, []]))
    for (let run = 1; run <= RUNS; run++) {
      const result = await lighthouse(`${ORIGIN}${path}`, {
        port: chrome.port,
        output: 'html',
        onlyCategories: [...CATEGORIES],
        logLevel: 'error',
      })
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`)
      for (const c of CATEGORIES)
        scores[c]!.push(Math.round((result.lhr.categories[c]?.score ?? 0) * 100))
      const name = path === '/' ? 'home' : path.slice(1).replaceAll('/', '_')
      writeFileSync(`lighthouse/${name}-${run}.html`, result.report as string)
    }
    summary[path] = Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c]!)]))
  }
} finally {
  await chrome.kill()
  stop()
}
console.log(`\nLighthouse, mobile, median of ${RUNS} runs\n`)
console.log('page'.padEnd(56), ...CATEGORIES.map((c) => c.padStart(15)))
for (const [path, s] of Object.entries(summary))
  console.log(path.padEnd(56), ...CATEGORIES.map((c) => String(s[c]).padStart(15)))
writeFileSync(
  'lighthouse/summary.json',
  `${JSON.stringify({ runs: RUNS, medians: summary }, null, 2)}\n`,
)
process.exit(0)
