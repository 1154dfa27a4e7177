import { describe, expect, it } from 'vitest'
import { hasControlCharacter, onSitePath } from '../../../src/lib/site-path.ts'

describe('onSitePath', () => {
  it.each([
    ['/about', '/about'],
    ['//evil.example', '/evil.example'],
    ['/\\evil.example', '/evil.example'],
    ['\\\\evil.example', '/evil.example'],
    ['/\t/evil.example', '/evil.example'],
    ['/a\r\nSet-Cookie: x', '/aSet-Cookie: x'],
    ['', '/'],
  ])('makes %j a path on this site: %j', (path, expected) => {
    expect(onSitePath(path)).toBe(expected)
    expect(new URL(onSitePath(path), 'https://www.soca.gov.uk').origin).toBe(
      'https://www.soca.gov.uk',
    )
  })
})

describe('hasControlCharacter', () => {
  it('finds TAB, CR, LF, NUL and DEL, and nothing in an ordinary path', () => {
    for (const c of ['\t', '\r', '\n', '\u0000', '\u007f'])
      expect(hasControlCharacter(`/a${c}`)).toBe(true)
    expect(hasControlCharacter('/threats/fraud-and-scams')).toBe(false)
  })
})
