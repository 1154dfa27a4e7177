/**
 * Stands in for the entities package, of which markdown-it uses only `decodeHTMLStrict` (for a
 * `&name;` or `&#…;` in text, link addresses and titles). entities decodes through a 2,125-name
 * trie that costs about 16 KB gzip; the same names in html-entities-data.ts cost about 7 KB.
 * wrangler.toml's [alias] swaps this in; test/unit/lib/html-entities.test.ts checks that it
 * answers exactly as entities does.
 */
import { HTML_ENTITIES } from './html-entities-data.ts'

let named: Map<string, string> | undefined

/** The table, read on first use: most requests render no Markdown entity at all. */
const namedReferences = () => {
  if (named) return named
  named = new Map()
  let codePoint = 0
  for (const group of HTML_ENTITIES.split(',')) {
    const [head = '', ...names] = group.split(' ')
    const [step, ...rest] = head.split('+')
    codePoint += step ? parseInt(step, 36) : 1
    const value = String.fromCodePoint(codePoint, ...rest.map((cp) => parseInt(cp, 36)))
    for (const name of names) named.set(name, value)
  }
  return named
}

/** Windows-1252 characters HTML reads for the C1 controls 128–159 (0: kept as is). */
const C1 = [
  8364, 0, 8218, 402, 8222, 8230, 8224, 8225, 710, 8240, 352, 8249, 338, 0, 381, 0, 0, 8216, 8217,
  8220, 8221, 8226, 8211, 8212, 732, 8482, 353, 8250, 339, 0, 382, 376,
]

/** A numeric reference's character, as the HTML parser reads it. */
const numeric = (codePoint: number) => {
  if (codePoint === 0 || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff) {
    return '\uFFFD'
  }
  return String.fromCodePoint(
    (codePoint >= 128 && codePoint <= 159 && C1[codePoint - 128]) || codePoint,
  )
}

const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]*));/g

/** Decodes HTML character references that end in `;`, as entities' decodeHTMLStrict does. */
export const decodeHTMLStrict = (input: string): string =>
  input.replace(REFERENCE, (match, hex?: string, decimal?: string, name?: string) => {
    if (hex !== undefined) return numeric(parseInt(hex, 16))
    if (decimal !== undefined) return numeric(parseInt(decimal, 10))
    return namedReferences().get(name!) ?? match
  })
