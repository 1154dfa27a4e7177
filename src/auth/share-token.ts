// A share link's token: `<id>.<expiresMs>.<signature>`, where the signature is the base64url
// HMAC-SHA-256 of `share:<id>.<expiresMs>` under a key derived from STAFF_COOKIE_KEY. Signing
// the expiry as well as the id means neither can be changed; the id alone would still be
// guessable. The row in D1 stays the authority: a good signature only gets the row looked up.
import { toBase64Url } from './tokens.ts'

/** What a token with a good signature says: which link, and when it expires. */
export type ShareClaims = { id: number; expiresMs: number }

// A key of its own, derived from the cookie key, so a share signature can never stand in for a
// session cookie's signature or the other way round. Deriving costs an HMAC; an isolate keeps it.
const DERIVATION = 'soca share links v1'
const keys = new Map<string, Promise<CryptoKey>>()

const hmacKey = (raw: BufferSource, usages: ('sign' | 'verify')[]) =>
  crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, usages)

const shareKey = (secret: string) => {
  let key = keys.get(secret)
  if (!key) {
    key = (async () => {
      const parent = await hmacKey(new TextEncoder().encode(secret), ['sign'])
      const derived = await crypto.subtle.sign('HMAC', parent, new TextEncoder().encode(DERIVATION))
      return hmacKey(derived, ['sign', 'verify'])
    })()
    keys.set(secret, key)
  }
  return key
}

const signedText = (id: number, expiresMs: number) =>
  new TextEncoder().encode(`share:${id}.${expiresMs}`)

/** The token for link `id` expiring at `expiresAt`. */
export const signShareToken = async (secret: string, id: number, expiresAt: Date) => {
  const expiresMs = expiresAt.getTime()
  const signature = await crypto.subtle.sign(
    'HMAC',
    await shareKey(secret),
    signedText(id, expiresMs),
  )
  return `${id}.${expiresMs}.${toBase64Url(new Uint8Array(signature))}`
}

// Whole numbers without leading zeros, then 32 bytes of base64url, whose last character carries
// 2 unused bits: only the spelling with them zero is accepted, so each link has one token.
const TOKEN = /^([1-9][0-9]{0,14})\.([1-9][0-9]{0,14})\.([\w-]{42}[AEIMQUYcgkosw048])$/

/**
 * The claims of a token signed with `secret`, or undefined for anything else: malformed, or
 * signed over another id or expiry. The signature is checked by WebCrypto's verify, which
 * compares in constant time. Whether the link has expired is for the caller, with the row.
 */
export const verifyShareToken = async (
  secret: string,
  token: string,
): Promise<ShareClaims | undefined> => {
  const match = TOKEN.exec(token)
  if (!match) return undefined
  const id = Number(match[1])
  const expiresMs = Number(match[2])
  const binary = atob(match[3]!.replaceAll('-', '+').replaceAll('_', '/'))
  const signature = Uint8Array.from(binary, (char) => char.charCodeAt(0))
  const good = await crypto.subtle.verify(
    'HMAC',
    await shareKey(secret),
    signature,
    signedText(id, expiresMs),
  )
  return good ? { id, expiresMs } : undefined
}
