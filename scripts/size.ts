// Reports the figures the performance budget is about: the first-view weight (HTML + CSS + JS,
// gzip) of key pages on the local site, and the gzip size of the Worker bundle.
// Usage: npm run size
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { BASE_URL, ensureLocalSite } from './lib/local-site.ts'

const PAGES = ['/', '/threats/fraud', '/news/soca-becomes-part-of-the-national-crime-agency', '/contact']
const root = new URL('..', import.meta.url).pathname
const gz = (data: Uint8Array | string) => gzipSync(data, { level: 6 }).byteLength

const stop = await ensureLocalSite()
try {
  console.log('First view (gzip bytes):')
  console.log('page'.padEnd(58), 'html'.padStart(6), 'css'.padStart(6), 'js'.padStart(6), 'total'.padStart(7))
  for (const path of PAGES) {
    const res = await fetch(`${BASE_URL}${path}`)
    if (!res.ok) throw new Error(`${path} answered ${res.status}`)
    const html = await res.text()
    let css = 0
    let js = 0
    for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
      css += gz(new Uint8Array(await (await fetch(`${BASE_URL}${href}`)).arrayBuffer()))
    }
    for (const [, src] of html.matchAll(/<script[^>]* src="([^"]+)"/g)) {
      js += gz(new Uint8Array(await (await fetch(`${BASE_URL}${src}`)).arrayBuffer()))
    }
    const h = gz(html)
    console.log(path.padEnd(58), String(h).padStart(6), String(css).padStart(6), String(js).padStart(6), String(h + css + js).padStart(7))
  }
} finally {
  stop()
}

/** Gzip size of a Worker's bundle, as `wrangler deploy --dry-run --outdir` writes it. */
const bundleSize = (config: string) => {
  const outdir = join(root, '.wrangler/dry-run', config)
  execFileSync('wrangler', ['deploy', '-c', config, '--dry-run', '--outdir', outdir], { cwd: root, stdio: 'ignore' })
  const files = readdirSync(outdir).filter((f) => f.endsWith('.js'))
  const bytes = files.map((f) => readFileSync(join(outdir, f)))
  return { raw: bytes.reduce((n, b) => n + b.byteLength, 0), gzip: bytes.reduce((n, b) => n + gz(b), 0) }
}
for (const [name, config] of [['public Worker', 'wrangler.toml'], ['admin Worker', 'wrangler.admin.toml']]) {
  const { raw, gzip } = bundleSize(config!)
  console.log(`${name} bundle: ${raw} bytes, ${gzip} bytes gzip`)
}
