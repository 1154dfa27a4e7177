import { describe, expect, it } from 'vitest'
import { fromBase32, toBase32 } from '../../../src/auth/base32.ts'

// RFC 4648 §10 base32 test vectors, without their '=' padding (we write base32 unpadded).
const RFC4648: [text: string, base32: string][] = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
]

const bytes = (text: string) => new TextEncoder().encode(text)

describe('toBase32', () => {
  it.each(RFC4648)('encodes "%s" as the RFC does', (text, base32) => {
    expect(toBase32(bytes(text))).toBe(base32)
  })

  it('writes a 20-byte TOTP key in 32 characters and reads it back', () => {
    const key = crypto.getRandomValues(new Uint8Array(20))
    const text = toBase32(key)
    expect(text).toMatch(/^[A-Z2-7]{32}$/)
    expect(fromBase32(text)).toEqual(key)
  })
})

describe('fromBase32', () => {
  it.each(RFC4648)('decodes the RFC’s encoding of "%s"', (text, base32) => {
    expect(fromBase32(base32)).toEqual(bytes(text))
  })

  it('ignores case, spaces and padding, as people copy keys', () => {
    expect(fromBase32('mzxw6ytboi')).toEqual(bytes('foobar'))
    expect(fromBase32('MZXW 6YTB OI')).toEqual(bytes('foobar'))
    expect(fromBase32(' mzxw\t6ytb\noi ')).toEqual(bytes('foobar'))
    expect(fromBase32('MZXW6YQ=')).toEqual(bytes('foob'))
    expect(fromBase32('MZXW6YTBOI======')).toEqual(bytes('foobar'))
    expect(fromBase32('MY======')).toEqual(bytes('f'))
  })

  it('refuses what is not base32', () => {
    expect(fromBase32('MZXW1')).toBeNull() // 0, 1, 8 and 9 are not in the alphabet
    expect(fromBase32('MZXW8YQ')).toBeNull()
    expect(fromBase32('MZXW6!')).toBeNull()
    expect(fromBase32('MZXW-6YTB')).toBeNull()
    expect(fromBase32('M')).toBeNull() // 5 bits cannot be a byte
  })
})
