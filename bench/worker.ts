// The bench's own entry point (wrangler.bench.toml), never deployed: the real public Worker,
// plus floor routes answered before any of its middleware. The floor is what a Worker response
// costs at the least, and the D1 floor what one that reads D1 at all costs, so the bench can tell
// the site's own cost from wrangler dev's.
import type { AppEnv } from '../src/env.ts'
import site from '../src/index.tsx'
import { FLOOR_BYTES, FLOOR_D1_PATH, FLOOR_PATH } from '../scripts/bench/floor.ts'

const head = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Floor</title>'
const tail = '</main></body></html>'
const filler = '<p>A constant answer, the same every time, to measure the floor.</p>\n'
const lines = filler.repeat(Math.ceil(FLOOR_BYTES / filler.length))
const body = `${head}</head><body><main>${lines}`.slice(0, FLOOR_BYTES - tail.length) + tail
const bytes = new TextEncoder().encode(body)

/** The floor's answer: constant bytes and one header. */
const floor = () => new Response(bytes, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })

export default {
  ...site,
  fetch(request, env, ctx) {
    // A string test rather than new URL(): the floor must cost as little as a route can.
    const { url } = request
    const path = url.slice(url.indexOf('/', url.indexOf('//') + 2))
    if (path === FLOOR_PATH) return floor()
    if (path === FLOOR_D1_PATH)
      return env.DB.withSession('first-unconstrained').prepare('SELECT 1').run().then(floor)
    return site.fetch(request, env, ctx)
  },
} satisfies ExportedHandler<AppEnv['Bindings']>
