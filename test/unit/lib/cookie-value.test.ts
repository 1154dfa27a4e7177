import { describe, expect, it } from 'vitest'
import { cookieValue } from '../../../src/lib/cookie-value.ts'

describe('cookieValue', () => {
  it('finds a cookie by its exact name among others', () => {
    const header = 'a=1; __Host-soca-d1=bookmark-1;__Host-soca-session=t.s'
    expect(cookieValue(header, '__Host-soca-d1')).toBe('bookmark-1')
    expect(cookieValue(header, '__Host-soca-session')).toBe('t.s')
  })

  it('answers undefined for a missing cookie, a prefix of a name, or no header', () => {
    expect(cookieValue('__Host-soca-d1x=1', '__Host-soca-d1')).toBeUndefined()
    expect(cookieValue('a=1', '__Host-soca-d1')).toBeUndefined()
    expect(cookieValue(undefined, 'a')).toBeUndefined()
  })
})
