import { describe, expect, it } from 'vitest'
import { validator } from '../../../src/middleware/etag.ts'

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer

describe('validator', () => {
  it('is the body length in hex and a hash, the same for the same bytes', () => {
    const body = bytes('<p>Serious Organised Crime Agency</p>')
    expect(validator(body)).toMatch(/^"25-[0-9a-f]+"$/)
    expect(validator(bytes('<p>Serious Organised Crime Agency</p>'))).toBe(validator(body))
  })

  it('changes when any one byte changes, whole words and the last few bytes alike', () => {
    // Lengths 64 to 67 leave 0 to 3 bytes after the last whole 32-bit word.
    for (let length = 64; length < 68; length++) {
      const original = new Uint8Array(length).fill(0x61)
      const tags = new Set([validator(original.buffer)])
      for (let at = 0; at < length; at++) {
        const changed = original.slice()
        changed[at] = 0x62
        tags.add(validator(changed.buffer))
      }
      expect(tags.size).toBe(length + 1)
    }
  })

  it('tells apart bodies that differ only in their order of words', () => {
    expect(validator(bytes('abcdefgh'))).not.toBe(validator(bytes('efghabcd')))
  })
})
