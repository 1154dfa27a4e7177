import { describe, expect, it } from 'vitest'
import { sessionCookieValue } from '../../../src/auth/sessions.ts'
import { isStaffSessionCookie, splitSessionCookie } from '../../../src/auth/staff-cookie.ts'

const KEY = 'a key for this test'
const cookie = (value: string) => `other=1; __Host-soca-session=${value}; more=2`

describe('staff session cookies', () => {
  it('are signed by the admin Worker in a way the public Worker verifies', async () => {
    const value = sessionCookieValue('token-1', KEY)
    expect(splitSessionCookie(value).token).toBe('token-1')
    expect(await isStaffSessionCookie(cookie(value), KEY)).toBe(true)
  })

  it('are refused when made up, altered, signed with another key, or unsigned', async () => {
    const value = sessionCookieValue('token-1', KEY)
    const forged = [
      'x',
      'token-1',
      `token-2.${splitSessionCookie(value).signature}`,
      sessionCookieValue('token-1', 'another key'),
      `${value}x`,
      'token-1.!!!',
    ]
    for (const made of forged) expect(await isStaffSessionCookie(cookie(made), KEY)).toBe(false)
  })

  it('never qualify without a key, so an unconfigured site keeps everyone on the cache', async () => {
    expect(sessionCookieValue('token-1', undefined)).toBe('token-1')
    expect(await isStaffSessionCookie(cookie(sessionCookieValue('t', KEY)), undefined)).toBe(false)
    expect(await isStaffSessionCookie(undefined, KEY)).toBe(false)
  })
})
