import { toBase32 } from './base32.ts'

/** How many recovery codes a member gets at a time. */
export const RECOVERY_CODE_COUNT = 10

/** A random code of 60 bits, shown as xxxx-xxxx-xxxx. */
export const newRecoveryCode = (): string => {
  const text = toBase32(crypto.getRandomValues(new Uint8Array(8)))
    .slice(0, 12)
    .toLowerCase()
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`
}

/** Ten new one-time recovery codes. */
export const newRecoveryCodes = (): string[] =>
  Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode)

/** A typed recovery code in its stored form, or null if it cannot be one. */
export const normaliseRecoveryCode = (typed: string): string | null => {
  const clean = typed.toLowerCase().replace(/[^a-z2-7]/g, '')
  return clean.length === 12 ? `${clean.slice(0, 4)}-${clean.slice(4, 8)}-${clean.slice(8)}` : null
}
