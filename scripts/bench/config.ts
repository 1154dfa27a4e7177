// wrangler.bench.toml, made from wrangler.toml: the same Worker, bindings and settings, with the
// bench's entry point (bench/worker.ts). `npm run bench` writes it again when wrangler.toml
// has changed; test/scripts/bench-config.test.ts checks the copy in the repository is current.

const PRODUCTION_MAIN = 'main = "src/index.tsx"'

const HEADER = `# Made by npm run bench from wrangler.toml (scripts/bench/config.ts); do not edit. The same
# Worker with the bench's entry point, which adds the floor route (bench/worker.ts).
# Never deployed.
`

/** The bench's wrangler config for a given wrangler.toml. */
export const benchConfig = (production: string) => {
  if (!production.includes(PRODUCTION_MAIN))
    throw new Error(`wrangler.toml has no line ${PRODUCTION_MAIN}`)
  return HEADER + production.replace(PRODUCTION_MAIN, 'main = "bench/worker.ts"')
}
