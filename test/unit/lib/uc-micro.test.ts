import * as real from 'uc.micro'
import { describe, expect, it } from 'vitest'
import * as standIn from '../../../src/lib/uc-micro.ts'

const categories = ['P', 'S', 'Z', 'Cc', 'Cf'] as const

/** Code points the two disagree on for a category, as hex, with which one matched. */
const disagreements = (category: (typeof categories)[number]) => {
  const found: string[] = []
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    const ch = String.fromCodePoint(cp)
    const expected = real[category].test(ch)
    if (standIn[category].test(ch) !== expected) found.push(`${cp.toString(16)}:${expected}`)
  }
  return found
}

describe('the stand-in for uc.micro', () => {
  it.each(categories)('classifies every code point as uc.micro does for %s', (category) => {
    expect(disagreements(category)).toEqual([])
  })

  it('matches punctuation and symbols markdown-it asks about, and not letters', () => {
    expect(['!', '¿', '—', '「'].every((ch) => standIn.P.test(ch))).toBe(true)
    expect(['£', '+', '©', '😀'].every((ch) => standIn.S.test(ch))).toBe(true)
    expect(['a', 'é', '7', ' '].some((ch) => standIn.P.test(ch) || standIn.S.test(ch))).toBe(false)
  })

  it('uses the same Any pattern', () => {
    expect(standIn.Any.source).toBe(real.Any.source)
  })
})
