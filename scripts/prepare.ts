// `npm install`'s prepare step: compiles the stylesheets and generates the Env type
// (worker-configuration.d.ts) from wrangler.toml. wrangler prints the whole type, so its output
// is kept back and shown only if it fails.
import { execFileSync } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname

execFileSync(process.execPath, ['scripts/build-css.ts'], { cwd: root, stdio: 'inherit' })
try {
  execFileSync('wrangler', ['types', '--strict-vars=false'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  })
  console.log('worker-configuration.d.ts: the Env type, from wrangler.toml')
} catch (err) {
  const { stdout = '', stderr = '' } = err as { stdout?: Buffer; stderr?: Buffer }
  console.error(`wrangler types failed:\n${stdout}${stderr}`)
  process.exit(1)
}
