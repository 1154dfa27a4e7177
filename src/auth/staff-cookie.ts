// A staff session cookie carries the session's token and, when STAFF_COOKIE_KEY is set, an
// HMAC-SHA-256 signature of it: `<token>.<signature>`, both base64url. The public Worker lets
// only a signed cookie past its edge cache (staff must read their own writes) and checks the
// signature itself, so a made-up cookie costs no D1 query and gets the cached page. The admin
// Worker signs (auth/sessions.ts) and still checks every session against D1.
import { cookieValue } from '../lib/cookie-value.ts'
import { SESSION_COOKIE } from './cookie-names.ts'

/** The token and signature parts of a session cookie's value. */
export const splitSessionCookie = (value: string) => {
  const dot = value.indexOf('.')
  return dot < 0
    ? { token: value, signature: '' }
    : { token: value.slice(0, dot), signature: value.slice(dot + 1) }
}

const fromBase64Url = (text: string) => {
  if (!/^[\w-]*$/.test(text)) return null
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  return Uint8Array.from(binary, (char) => char.charCodeAt(0))
}

// Importing a key costs more than verifying with it; an isolate keeps the one it uses.
const keys = new Map<string, Promise<CryptoKey>>()
const verifyKey = (secret: string) => {
  let key = keys.get(secret)
  if (!key) {
    key = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    )
    keys.set(secret, key)
  }
  return key
}

/**
 * Whether a Cookie header holds a staff session cookie signed with `secret`. Without a secret
 * no cookie qualifies: an unsigned cookie cannot be told from a made-up one.
 */
export const isStaffSessionCookie = async (cookieHeader: string | undefined, secret?: string) => {
  const value = secret && cookieValue(cookieHeader, SESSION_COOKIE)
  if (!value) return false
  const { token, signature } = splitSessionCookie(value)
  const bytes = signature.length === 43 ? fromBase64Url(signature) : null
  if (!token || !bytes) return false
  return crypto.subtle.verify(
    'HMAC',
    await verifyKey(secret),
    bytes,
    new TextEncoder().encode(token),
  )
}
