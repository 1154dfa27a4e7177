import { describe, expect, it } from 'vitest'
import { fromBase32 } from '../../../src/auth/base32.ts'
import { hotp, timeStep, verifyTotp } from '../../../src/auth/totp.ts'

// Both RFCs' SHA-1 vectors use the ASCII key "12345678901234567890"; this is it in base32, the
// form our keys are stored in.
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'

// RFC 4226 Appendix D: the HOTP value for each counter, 6 digits. Copied, not computed.
const RFC4226_HOTP: [counter: number, code: string][] = [
  [0, '755224'],
  [1, '287082'],
  [2, '359152'],
  [3, '969429'],
  [4, '338314'],
  [5, '254676'],
  [6, '287922'],
  [7, '162583'],
  [8, '399871'],
  [9, '520489'],
]

// RFC 6238 Appendix B, the SHA-1 rows: Unix time in seconds and the 8-digit TOTP, 30 s steps.
const RFC6238_SHA1: [seconds: number, code: string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
]

const at = (seconds: number) => new Date(seconds * 1000)

describe('the test key', () => {
  it('is the RFCs’ ASCII key', () => {
    expect(fromBase32(SECRET)).toEqual(new TextEncoder().encode('12345678901234567890'))
  })
})

describe('hotp', () => {
  it.each(RFC4226_HOTP)('gives the RFC 4226 value for counter %i', async (counter, code) => {
    expect(await hotp(SECRET, counter)).toBe(code)
  })
})

describe('TOTP', () => {
  it.each(RFC6238_SHA1)('gives the RFC 6238 8-digit value at T = %i', async (seconds, code) => {
    expect(await hotp(SECRET, timeStep(at(seconds)), 8)).toBe(code)
  })

  // Our codes are 6 digits: the same truncated number mod 10^6, so the last 6 of the RFC value.
  it.each(RFC6238_SHA1)('accepts the 6-digit code at T = %i, once', async (seconds, code) => {
    const step = timeStep(at(seconds))
    const sixDigits = code.slice(-6)
    expect(await verifyTotp(SECRET, sixDigits, at(seconds), null)).toBe(step)
    expect(await verifyTotp(SECRET, sixDigits, at(seconds), step - 1)).toBe(step)
    // Replay: a code from a step already used, or from before it, is refused.
    expect(await verifyTotp(SECRET, sixDigits, at(seconds), step)).toBeNull()
    expect(await verifyTotp(SECRET, sixDigits, at(seconds), step + 1)).toBeNull()
  })

  it('allows a step of clock drift either way, and no more', async () => {
    // 1111111109 s is step 37037036; 1111111111 s, step 37037037 (RFC 6238 Appendix B).
    const code = '081804'
    expect(await verifyTotp(SECRET, code, at(1111111109 + 30), null)).toBe(37037036)
    expect(await verifyTotp(SECRET, code, at(1111111109 - 30), null)).toBe(37037036)
    expect(await verifyTotp(SECRET, code, at(1111111109 + 60), null)).toBeNull()
    expect(await verifyTotp(SECRET, code, at(1111111109 - 60), null)).toBeNull()
  })

  it('ignores spaces and refuses anything but 6 digits', async () => {
    expect(await verifyTotp(SECRET, '287 082', at(59), null)).toBe(1)
    expect(await verifyTotp(SECRET, '94287082', at(59), null)).toBeNull()
    expect(await verifyTotp(SECRET, '28708', at(59), null)).toBeNull()
    expect(await verifyTotp(SECRET, '28708a', at(59), null)).toBeNull()
  })
})
