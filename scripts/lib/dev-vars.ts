// The developer's .dev.vars (gitignored): the local secrets `wrangler dev` gives a Worker. wrangler
// reads the .dev.vars beside each Worker's config file; wrangler.toml and wrangler.admin.toml
// are both in the project root, so this one file reaches both Workers. (`--env-file` and
// `--var` would reach only the first `-c` Worker in a multi-config `wrangler dev`.)
import { randomBytes } from 'node:crypto'
import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { parseEnv } from 'node:util'

/**
 * Gives the .dev.vars at `path` a random STAFF_COOKIE_KEY (signs staff cookies and share links)
 * when the file is missing or does not set the key; a value already there, even an empty one,
 * is left as it is. Returns one line saying which.
 */
export function ensureStaffCookieKey(path: string): string {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : ''
  if ('STAFF_COOKIE_KEY' in parseEnv(text)) return '.dev.vars: STAFF_COOKIE_KEY already set'
  const separator = text === '' || text.endsWith('\n') ? '' : '\n'
  appendFileSync(
    path,
    `${separator}# Added by npm start: a random key for this copy only (see .dev.vars.example).\n` +
      `STAFF_COOKIE_KEY=${randomBytes(32).toString('base64url')}\n`,
    { mode: 0o600 },
  )
  return '.dev.vars: added a random STAFF_COOKIE_KEY (staff cookies and share links are signed)'
}
