import { afterEach, describe, expect, it, vi } from 'vitest'
import { REFERENCE_PATTERN, newReference } from '../../../src/lib/reference.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('REFERENCE_PATTERN', () => {
  it('accepts a reference in the SOCA-XXXX-XXXX shape', () => {
    expect(REFERENCE_PATTERN.test('SOCA-7K3F-Q9PX')).toBe(true)
  })

  it.each(['0', 'O', '1', 'I', 'L', 'U'])(
    'rejects %s, which could be mistaken for another',
    (c) => {
      expect(REFERENCE_PATTERN.test(`SOCA-${c}K3F-Q9PX`)).toBe(false)
    },
  )

  it('rejects lower case, other prefixes, wrong lengths and surrounding text', () => {
    for (const value of [
      'soca-7k3f-q9px',
      'SOCB-7K3F-Q9PX',
      'SOCA-7K3-Q9PX',
      'SOCA-7K3FQ9PX',
      ' SOCA-7K3F-Q9PX',
      'SOCA-7K3F-Q9PX\n',
    ]) {
      expect(REFERENCE_PATTERN.test(value), value).toBe(false)
    }
  })
})

describe('newReference', () => {
  it('makes references that match the pattern', () => {
    for (let i = 0; i < 200; i++) expect(newReference()).toMatch(REFERENCE_PATTERN)
  })

  it('makes a different reference each time', () => {
    const references = new Set(Array.from({ length: 500 }, () => newReference()))
    expect(references.size).toBe(500)
  })

  it('draws from the CSPRNG and skips bytes of 240 and above, so no letter is favoured', () => {
    const batches = [
      // All rejected: these would otherwise bias the first letters of the alphabet.
      new Uint8Array(16).fill(255),
      // 0, 1, … pick the alphabet in order; 240 in the middle is skipped too.
      Uint8Array.from([0, 1, 2, 240, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]),
    ]
    const spy = vi
      .spyOn(crypto, 'getRandomValues')
      .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
        const bytes = array as unknown as Uint8Array
        bytes.set(batches.shift()!)
        return array
      })
    expect(newReference()).toBe('SOCA-ABCD-EFGH')
    expect(spy).toHaveBeenCalledTimes(2)
  })
})
