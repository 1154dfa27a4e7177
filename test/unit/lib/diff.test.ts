import { describe, expect, it } from 'vitest'
import { MAX_DIFF_EDITS, MAX_DIFF_LINES, diffLines } from '../../../src/lib/diff.ts'

const lines = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => `${prefix} ${i}`).join('\n')

describe('diffLines', () => {
  it('joins runs of lines of one kind, in order', () => {
    expect(diffLines('one\ntwo\nthree\nfour', 'one\n2\nthree\nfour\nfive')).toEqual([
      { kind: 'same', text: 'one' },
      { kind: 'removed', text: 'two' },
      { kind: 'added', text: '2' },
      { kind: 'same', text: 'three\nfour' },
      { kind: 'added', text: 'five' },
    ])
  })

  it('shows unchanged text as one run, however long', () => {
    const text = lines(MAX_DIFF_LINES, 'line')
    expect(diffLines(text, text)).toEqual([{ kind: 'same', text }])
  })

  it('answers null, not a diff, for two texts over the line cap together', () => {
    const half = MAX_DIFF_LINES / 2
    expect(diffLines(lines(half, 'a'), `${lines(half, 'a')}\nextra`)).toBeNull()
  })

  it('answers null for two texts with more edits than the cap, without running out of time', () => {
    const count = MAX_DIFF_EDITS
    expect(diffLines(lines(count, 'old'), lines(count, 'new'))).toBeNull()
  })

  it('still compares two 50,000-character bodies with a few changes', () => {
    const body = lines(2_500, 'paragraph')
    const parts = diffLines(body, body.replace('paragraph 1200', 'paragraph twelve hundred'))
    expect(parts?.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'paragraph 1200' },
      { kind: 'added', text: 'paragraph twelve hundred' },
    ])
  })
})
