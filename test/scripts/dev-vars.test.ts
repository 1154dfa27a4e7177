// The .dev.vars step of `npm start`: a random STAFF_COOKIE_KEY where there is none, and never a
// change to a value someone set.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { ensureStaffCookieKey } from '../../scripts/lib/dev-vars.ts'

const temp = mkdtempSync(join(tmpdir(), 'soca-dev-vars-test-'))
afterAll(() => rmSync(temp, { recursive: true, force: true }))

let files = 0
/** A path in the temporary folder, with `text` written to it unless undefined. */
const devVars = (text?: string) => {
  files += 1
  const path = join(temp, `${files}.dev.vars`)
  if (text !== undefined) writeFileSync(path, text)
  return path
}

const keyOf = (path: string) => parseEnv(readFileSync(path, 'utf8')).STAFF_COOKIE_KEY

describe('ensureStaffCookieKey', () => {
  it('creates the file, readable by its owner only, with a random 256-bit key', () => {
    const [a, b] = [devVars(), devVars()]
    expect(ensureStaffCookieKey(a)).toContain('added a random STAFF_COOKIE_KEY')
    ensureStaffCookieKey(b)
    expect(keyOf(a)).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(keyOf(a)).not.toBe(keyOf(b))
    expect(statSync(a).mode & 0o777).toBe(0o600)
  })

  it('adds the key to a file without it, keeping what is there', () => {
    const path = devVars('SITE_URL=http://localhost:8787\nTURNSTILE_SITE_KEY=abc')
    ensureStaffCookieKey(path)
    const vars = parseEnv(readFileSync(path, 'utf8'))
    expect(vars.SITE_URL).toBe('http://localhost:8787')
    expect(vars.TURNSTILE_SITE_KEY).toBe('abc')
    expect(vars.STAFF_COOKIE_KEY).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it.each([
    ['a value', 'STAFF_COOKIE_KEY=mine\n'],
    ['an empty value (signing off on purpose)', 'A=1\nSTAFF_COOKIE_KEY=\n'],
    ['a quoted value', 'STAFF_COOKIE_KEY="my key"'],
  ])('never changes %s', (_, text) => {
    const path = devVars(text)
    expect(ensureStaffCookieKey(path)).toBe('.dev.vars: STAFF_COOKIE_KEY already set')
    expect(readFileSync(path, 'utf8')).toBe(text)
  })

  it('adds a key only once', () => {
    const path = devVars()
    ensureStaffCookieKey(path)
    const first = readFileSync(path, 'utf8')
    ensureStaffCookieKey(path)
    expect(readFileSync(path, 'utf8')).toBe(first)
  })
})
