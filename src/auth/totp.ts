// Time-based one-time passwords, RFC 6238 (HOTP, RFC 4226, over 30-second steps), SHA-1 and
// 6 digits: the defaults every authenticator app supports.
import { fromBase32, toBase32 } from './base32.ts'

const STEP_SECONDS = 30
const DIGITS = 6

/** A new 160-bit TOTP key, base32 encoded (RFC 4226 recommends 160 bits). */
export const newTotpSecret = (): string => toBase32(crypto.getRandomValues(new Uint8Array(20)))

/** The time step a moment falls in. */
export const timeStep = (now: Date): number => Math.floor(now.getTime() / 1000 / STEP_SECONDS)

/**
 * The HOTP code for a key and counter (RFC 4226 §5.3, dynamic truncation). Sign-in uses 6 digits;
 * `digits` is there so the RFCs' 8-digit test vectors can be checked.
 */
export const hotp = async (secret: string, counter: number, digits = DIGITS): Promise<string> => {
  const key = fromBase32(secret)
  if (!key) throw new Error('TOTP key is not base32')
  const message = new Uint8Array(8)
  new DataView(message.buffer).setBigUint64(0, BigInt(counter))
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    key,
    { name: 'HMAC', hash: 'SHA-1' },
    false,
    ['sign'],
  )
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message))
  const offset = mac[mac.length - 1]! & 0x0f
  const binary =
    ((mac[offset]! & 0x7f) << 24) |
    (mac[offset + 1]! << 16) |
    (mac[offset + 2]! << 8) |
    mac[offset + 3]!
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/**
 * Checks a code against the current step and one either side (RFC 6238 §5.2 allows for clock
 * drift). Returns the step it matched, or null. A step at or before `lastStep` is refused, so a
 * code cannot be replayed.
 */
export const verifyTotp = async (
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> => {
  const clean = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(clean)) return null
  const current = timeStep(now)
  for (const step of [current - 1, current, current + 1]) {
    if (lastStep !== null && step <= lastStep) continue
    if ((await hotp(secret, step)) === clean) return step
  }
  return null
}

/** The otpauth:// URI authenticator apps read from the QR code. */
export const otpauthUri = (secret: string, account: string, issuer = 'SOCA staff'): string =>
  `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`
