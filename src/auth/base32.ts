import { base32nopad } from '@scure/base'

/** Bytes as RFC 4648 base32, unpadded: the form authenticator apps take TOTP keys in. */
export const toBase32 = (bytes: Uint8Array): string => base32nopad.encode(bytes)

/** RFC 4648 base32 (case, spaces and padding ignored) as bytes; null if it is not base32. */
export const fromBase32 = (text: string): Uint8Array<ArrayBuffer> | null => {
  // The package takes only canonical upper-case unpadded text, so tidy what people copy first.
  const clean = text.toUpperCase().replace(/[\s=]/g, '')
  try {
    // A copy types the bytes as ArrayBuffer-backed, which crypto.subtle.importKey wants.
    return Uint8Array.from(base32nopad.decode(clean))
  } catch {
    // Letters outside the alphabet, an impossible length or non-zero leftover bits.
    return null
  }
}
