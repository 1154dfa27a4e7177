// Reports the performance budget's figures: the first-view weight (HTML + CSS + JS, gzip) of the
// budget pages on the local site, and the gzip size of both Workers' bundles.
// Usage: npm run size
import { ensureLocalSite, BASE_URL } from './lib/local-site.ts'
import { BUDGET, BUDGET_PAGES, bundleSize, firstView } from './lib/weight.ts'

const stop = await ensureLocalSite()
try {
  console.log(`First view, gzip bytes (budget ${BUDGET.firstViewGzip}):`)
  console.log(
    'page'.padEnd(58),
    'html'.padStart(6),
    'css'.padStart(6),
    'js'.padStart(6),
    'total'.padStart(7),
  )
  for (const path of BUDGET_PAGES) {
    const w = await firstView(BASE_URL, path)
    console.log(
      path.padEnd(58),
      String(w.html).padStart(6),
      String(w.css).padStart(6),
      String(w.js).padStart(6),
      String(w.total).padStart(7),
    )
  }
} finally {
  stop()
}
for (const [name, config] of [
  ['public Worker', 'wrangler.toml'],
  ['admin Worker', 'wrangler.admin.toml'],
] as const) {
  const { raw, gzip } = bundleSize(config)
  console.log(
    `${name} bundle: ${raw} bytes, ${gzip} bytes gzip${name === 'public Worker' ? ` (budget ${BUDGET.workerGzip})` : ''}`,
  )
}
