// The key a client is counted under for rate limits and sign-in failures. An IPv4 address is one
// client. An IPv6 client is usually given a whole /64 (RFC 6177 and every ISP's practice) and can
// pick any address in it, so keying by full address would give it 2^64 fresh keys: it is keyed by
// its /64 prefix instead, written in one canonical form whatever way the address was spelt.

/** The key used when a request carries no client address at all. */
export const UNKNOWN_CLIENT = 'unknown-client'

/** The four octets of a dotted IPv4 address, or null if it is not one. */
const ipv4Octets = (text: string): number[] | null => {
  const parts = text.split('.')
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null
  const octets = parts.map(Number)
  return octets.every((o) => o <= 255) ? octets : null
}

/** Hex groups of one side of an IPv6 address's `::`, or null if malformed. */
const ipv6Groups = (text: string, last: boolean): number[] | null => {
  if (text === '') return []
  const pieces = text.split(':')
  const groups: number[] = []
  for (const [i, piece] of pieces.entries()) {
    // An embedded IPv4 address (::ffff:192.0.2.1) can only end the address; it is two groups.
    const v4 = last && i === pieces.length - 1 ? ipv4Octets(piece) : null
    if (v4) groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!)
    else if (/^[0-9a-f]{1,4}$/.test(piece)) groups.push(parseInt(piece, 16))
    else return null
  }
  return groups
}

/** The eight 16-bit groups of an IPv6 address (with `::` expanded), or null if it is not one. */
const ipv6 = (text: string): number[] | null => {
  const halves = text.split('::')
  if (halves.length > 2) return null
  if (halves.length === 1) {
    const groups = ipv6Groups(text, true)
    return groups?.length === 8 ? groups : null
  }
  const head = ipv6Groups(halves[0]!, false)
  const tail = ipv6Groups(halves[1]!, true)
  if (!head || !tail || head.length + tail.length > 7) return null
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail]
}

/**
 * The rate-limit key for a client address (CF-Connecting-IP): an IPv4 address as it is, an IPv6
 * address as its /64 prefix (`2001:db8:0:1::/64`), an IPv4-mapped IPv6 address as the IPv4
 * address. Anything else (Cloudflare never sends it) is keyed by itself, lower-cased.
 */
export const clientKey = (address: string | null | undefined): string => {
  const text = address?.trim().toLowerCase() ?? ''
  if (text === '') return UNKNOWN_CLIENT
  const v4 = ipv4Octets(text)
  if (v4) return v4.join('.')
  // A zone index (fe80::1%eth0) names the interface, not the client.
  const groups = ipv6(text.replace(/%.*$/, ''))
  if (!groups) return text
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.')
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`
}
