/** Letters and digits that cannot be mistaken for each other (no 0/O, 1/I/L, U). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'

/** The shape of a reference, e.g. SOCA-7K3F-Q9PX. */
export const REFERENCE_PATTERN = new RegExp(`^SOCA-[${ALPHABET}]{4}-[${ALPHABET}]{4}$`)

/**
 * A new submission reference: 8 characters from a 30-letter alphabet drawn with a CSPRNG
 * (about 39 bits), easy to read out on the phone and not guessable.
 */
export const newReference = (): string => {
  const chars: string[] = []
  // Rejection sampling: 240 is the largest multiple of 30 below 256, so all letters are equally
  // likely.
  while (chars.length < 8) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < 240 && chars.length < 8) chars.push(ALPHABET[byte % 30]!)
    }
  }
  return `SOCA-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}
