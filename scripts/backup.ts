// `npm run backup`: exports D1 with `wrangler d1 export` (every table but the search index,
// which restore rebuilds: see scripts/lib/d1-backup.ts) and lists the CV bucket's objects into
// backups/<UTC date and time>/ (db.sql, r2-objects.json, manifest.json). Local D1 by default;
// `--remote` backs up production (wrangler asks you to sign in); `--persist-to <dir>` backs up
// a local state folder other than .wrangler/state.
import { parseArgs } from 'node:util'
import { backup } from './lib/d1-backup.ts'

const { values } = parseArgs({
  options: {
    remote: { type: 'boolean', default: false },
    'persist-to': { type: 'string' },
    into: { type: 'string' },
  },
})
if (values.remote && values['persist-to']) {
  console.error('--remote and --persist-to cannot be used together')
  process.exit(2)
}

try {
  const { folder, manifest } = await backup(
    { remote: values.remote, persistTo: values['persist-to'] },
    values.into,
  )
  const rows = Object.values(manifest.rows).reduce((a, b) => a + b, 0)
  const tables = Object.keys(manifest.rows).length
  console.log(
    `Backup of ${manifest.source} D1 and R2: ${rows} rows in ${tables} tables, ` +
      `${manifest.r2Objects} CV objects listed, in ${folder}` +
      (manifest.rebuiltOnRestore.length > 0
        ? ` (${manifest.rebuiltOnRestore.join(', ')}: not copied, rebuilt from the rows on restore)`
        : ''),
  )
  if (manifest.missingCvObjects.length > 0) {
    // Not a failure of the backup: the inbox shows these applications without their CV.
    console.warn(
      `Warning: ${manifest.missingCvObjects.length} rows name a CV that the bucket does not ` +
        `hold: ${manifest.missingCvObjects.join(', ')}`,
    )
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
}
