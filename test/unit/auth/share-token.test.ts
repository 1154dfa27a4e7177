import { describe, expect, it } from 'vitest'
import { signShareToken, verifyShareToken } from '../../../src/auth/share-token.ts'

const KEY = 'a key for this test'
const EXPIRES = new Date('2026-12-01T09:00:00Z')

/** The token with one part replaced. */
const withPart = (token: string, index: number, value: string) =>
  token
    .split('.')
    .map((part, i) => (i === index ? value : part))
    .join('.')

describe('share link tokens', () => {
  it('carry the link id and expiry, signed so the site can check them', async () => {
    const token = await signShareToken(KEY, 42, EXPIRES)
    expect(token).toMatch(/^42\.1796115600000\.[\w-]{43}$/)
    expect(await verifyShareToken(KEY, token)).toEqual({ id: 42, expiresMs: EXPIRES.getTime() })
  })

  it('are the same each time for the same link, and differ between links and expiries', async () => {
    const token = await signShareToken(KEY, 42, EXPIRES)
    expect(await signShareToken(KEY, 42, EXPIRES)).toBe(token)
    expect(await signShareToken(KEY, 43, EXPIRES)).not.toBe(token)
    expect(await signShareToken(KEY, 42, new Date(EXPIRES.getTime() + 1))).not.toBe(token)
  })

  it('are refused when the id or the expiry is changed, so neither can be moved on', async () => {
    const token = await signShareToken(KEY, 42, EXPIRES)
    expect(await verifyShareToken(KEY, withPart(token, 0, '43'))).toBeUndefined()
    const later = String(EXPIRES.getTime() + 7 * 24 * 60 * 60 * 1000)
    expect(await verifyShareToken(KEY, withPart(token, 1, later))).toBeUndefined()
  })

  it('are refused when signed with another key, or with the cookie key itself', async () => {
    const token = await signShareToken('another key', 42, EXPIRES)
    expect(await verifyShareToken(KEY, token)).toBeUndefined()
    // A plain HMAC under the cookie key, as session cookies are signed, is not a share signature.
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(KEY),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    const plain = await crypto.subtle.sign(
      'HMAC',
      key,
      new TextEncoder().encode(`share:42.${EXPIRES.getTime()}`),
    )
    const signature = btoa(String.fromCharCode(...new Uint8Array(plain)))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '')
    expect(await verifyShareToken(KEY, `42.${EXPIRES.getTime()}.${signature}`)).toBeUndefined()
  })

  it('are refused when malformed, without throwing', async () => {
    const token = await signShareToken(KEY, 42, EXPIRES)
    const [, , signature] = token.split('.')
    const malformed = [
      '',
      'x',
      '42',
      `42.${EXPIRES.getTime()}`,
      `042.${EXPIRES.getTime()}.${signature}`,
      `42.0${EXPIRES.getTime()}.${signature}`,
      `0.${EXPIRES.getTime()}.${signature}`,
      `-42.${EXPIRES.getTime()}.${signature}`,
      `42.1e12.${signature}`,
      `99999999999999999999.${EXPIRES.getTime()}.${signature}`,
      `${token}x`,
      `${token}.x`,
      token.slice(0, -1),
      withPart(token, 2, `${signature!.slice(0, -1)}!`),
      withPart(token, 2, `${signature!.slice(0, 42)}+`),
      ` ${token}`,
    ]
    for (const text of malformed) expect(await verifyShareToken(KEY, text), text).toBeUndefined()
  })

  it('have one spelling only: the unused bits of the last character must be zero', async () => {
    const token = await signShareToken(KEY, 42, EXPIRES)
    const last = token.at(-1)!
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const other = alphabet[alphabet.indexOf(last) + 1]!
    expect(await verifyShareToken(KEY, `${token.slice(0, -1)}${other}`)).toBeUndefined()
  })
})
