import { readFileSync } from 'node:fs'
import {
  DecodingMode,
  EntityDecoder,
  decodeHTMLStrict as real,
  htmlDecodeTree,
} from 'entities/decode'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeHTMLStrict } from '../../../src/lib/html-entities.ts'

/** Every name the entities package decodes with a `;`, found by walking its trie. */
const allNames = () => {
  const names: string[] = []
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const walk = (prefix: string) => {
    for (const c of chars) {
      const name = prefix + c
      const decoder = new EntityDecoder(htmlDecodeTree, () => {})
      decoder.startEntity(DecodingMode.Strict)
      if (decoder.write(name, 0) !== -1) continue
      if (real(`&${name};`) !== `&${name};`) names.push(name)
      walk(name)
    }
  }
  walk('')
  return names
}

describe('decodeHTMLStrict (the stand-in for entities)', () => {
  it('decodes every HTML named character reference to what entities gives', () => {
    const names = allNames()
    expect(names).toHaveLength(2125)
    for (const name of names) expect(decodeHTMLStrict(`&${name};`), name).toBe(real(`&${name};`))
  })

  it.each([
    ['&copy; 2013', '© 2013'],
    ['&amp;amp;', '&amp;'],
    ['&AMP;', '&'],
    ['&amP;', '&amP;'],
    ['&amp', '&amp'],
    ['&notit;', '&notit;'],
    ['&nvlt;', '<\u20D2'],
    ['&#65;&#x42;&#X43;', 'ABC'],
    ['&#x00000000041;', 'A'],
    ['&#0;', '\uFFFD'],
    ['&#xD800;', '\uFFFD'],
    ['&#x110000;', '\uFFFD'],
    ['&#9999999999999999999;', '\uFFFD'],
    ['&#128;', '€'],
    ['&#x81;', '\u0081'],
    ['&#12ab;', '&#12ab;'],
    ['&#x;', '&#x;'],
    ['&#123', '&#123'],
  ])('decodes %j as entities does', (input, expected) => {
    expect(real(input)).toBe(expected)
    expect(decodeHTMLStrict(input)).toBe(expected)
  })

  it('agrees with entities on any string of reference-like pieces', () => {
    const piece = fc.constantFrom(
      ...['&', '#', 'x', 'X', ';', 'amp', 'lt', 'not', 'it', 'A', 'Elig', 'nbsp', '0', '1', '9'],
      ...['D800', 'ff', '12', '80', '110000', 'copy', 'CounterClockwiseContourIntegral', ' '],
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const input = pieces.join('')
        expect(decodeHTMLStrict(input)).toBe(real(input))
      }),
      { numRuns: 5000 },
    )
  })

  it('is the only entities export markdown-it imports', () => {
    const source = readFileSync(
      new URL('../../../node_modules/markdown-it/dist/markdown-it.mjs', import.meta.url),
      'utf8',
    )
    const imports = [...source.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']entities["']/g)]
    expect(imports.flatMap((m) => m[1]!.split(',').map((s) => s.trim()))).toEqual([
      'decodeHTMLStrict',
    ])
  })
})
