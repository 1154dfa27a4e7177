// Password hashing with argon2id at OWASP's minimum: 19 MiB of memory, 2 passes, 1 lane.
// Pure JavaScript (@noble/hashes), so it runs the same in Workers, tests and the staff script.
// Not PBKDF2: production Workers cap it at 100,000 iterations, below OWASP's 600,000.
import { argon2id } from '@noble/hashes/argon2.js'
import { constantTimeEqual, toBase64Url } from './tokens.ts'

/** Shortest password accepted. NCSC: length beats complexity rules; three random words pass. */
export const MIN_PASSWORD = 12

/** The argon2id cost: OWASP's minimum configuration. */
export const ARGON2_PARAMS = { m: 19456, t: 2, p: 1 } as const

const b64 = (bytes: Uint8Array) => toBase64Url(bytes)
const unb64 = (text: string) =>
  Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0))

/** Hashes a password with a fresh salt, as a PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash) */
export const hashPassword = (password: string): string => {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const hash = argon2id(password, salt, { ...ARGON2_PARAMS, dkLen: 32 })
  const { m, t, p } = ARGON2_PARAMS
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$${b64(salt)}$${b64(hash)}`
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/

/** Whether a password matches a PHC string made by hashPassword. */
export const verifyPassword = (password: string, stored: string): boolean => {
  const parts = PHC.exec(stored)
  if (!parts) return false
  const [, m, t, p, salt, expected] = parts
  const hash = argon2id(password, unb64(salt!), {
    m: Number(m),
    t: Number(t),
    p: Number(p),
    dkLen: 32,
  })
  return constantTimeEqual(b64(hash), expected!)
}

/**
 * A hash of a random password nobody knows. Checking a password against it costs the same as a
 * real check, so an unknown email address takes as long to refuse as a wrong password.
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$N-0XQTonGmFKym2muywRAg$j_dlhunWZf88lx4OH7war8eAIcmyEbHmYb1alhFbp1s'
