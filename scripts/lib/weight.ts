// What the performance budget measures: first-view weight of a page and Worker bundle sizes.
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** The budget: one TCP round trip (10 segments) for a first view, and a small Worker. */
export const BUDGET = { firstViewGzip: 14_000, workerGzip: 100_000 }

/** The pages the budget covers: the home page, a section page, a news article and /contact. */
export const BUDGET_PAGES = [
  '/',
  '/threats/fraud',
  '/news/soca-becomes-part-of-the-national-crime-agency',
  '/contact',
]

const root = new URL('../..', import.meta.url).pathname
const gz = (data: Uint8Array | string) => gzipSync(data, { level: 6 }).byteLength

/** gzip bytes of a page's HTML and of the CSS and JS it loads, fetched from `base`. */
export const firstView = async (base: string, path: string) => {
  const res = await fetch(`${base}${path}`)
  if (!res.ok) throw new Error(`${path} answered ${res.status}`)
  const html = await res.text()
  const sizeOf = async (href: string) =>
    gz(new Uint8Array(await (await fetch(`${base}${href}`)).arrayBuffer()))
  let css = 0
  let js = 0
  for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g))
    css += await sizeOf(href!)
  for (const [, src] of html.matchAll(/<script[^>]* src="(\/[^"]+)"/g)) js += await sizeOf(src!)
  const htmlBytes = gz(html)
  return { path, html: htmlBytes, css, js, total: htmlBytes + css + js }
}

/** Raw and gzip bytes of a Worker's bundle, as `wrangler deploy --dry-run --outdir` writes it. */
export const bundleSize = (config: string) => {
  const outdir = join(root, '.wrangler/dry-run', config)
  execFileSync('wrangler', ['deploy', '-c', config, '--dry-run', '--outdir', outdir], {
    cwd: root,
    stdio: 'ignore',
  })
  const bytes = readdirSync(outdir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(outdir, f)))
  return {
    raw: bytes.reduce((n, b) => n + b.byteLength, 0),
    gzip: bytes.reduce((n, b) => n + gz(b), 0),
  }
}
