// `npm run restore -- <backup folder>`: loads a backup's db.sql into a fresh local D1, by
// default a new state folder (.wrangler/restored/<backup name>), so the database `npm start`
// uses is never touched by accident. `--persist-to <dir>` picks the folder; a folder that
// already holds a database is refused unless `--replace` is given too. The search index, which
// a backup cannot copy, is created and filled from the restored rows by db.sql's last statements.
import { basename, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_PERSIST, restore } from './lib/d1-backup.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'persist-to': { type: 'string' },
    replace: { type: 'boolean', default: false },
  },
})
const [folder] = positionals
if (!folder || positionals.length > 1) {
  console.error('Usage: npm run restore -- <backup folder> [--persist-to <dir> [--replace]]')
  process.exit(2)
}
const persistTo = resolve(
  values['persist-to'] ?? resolve(DEFAULT_PERSIST, '../restored', basename(resolve(folder))),
)

try {
  const counts = await restore(folder, { persistTo, replace: values.replace })
  const rows = Object.values(counts).reduce((a, b) => a + b, 0)
  // Short when it is inside the project, absolute when it is elsewhere (a temp folder).
  const inside = relative(process.cwd(), persistTo)
  const shown = inside && !inside.startsWith('..') ? inside : persistTo
  console.log(
    `Restored ${rows} rows in ${Object.keys(counts).length} tables into ${shown} ` +
      '(row counts equal to the backup)',
  )
  if (persistTo !== DEFAULT_PERSIST) {
    const configs = '-c wrangler.toml -c wrangler.admin.toml'
    console.log(`Serve it with: npx wrangler dev ${configs} --persist-to ${shown}`)
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
