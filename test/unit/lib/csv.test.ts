import { describe, expect, it } from 'vitest'
import { csvField, toCsv } from '../../../src/lib/csv.ts'

describe('csvField', () => {
  it('quotes every field', () => {
    expect(csvField('Jane Smith')).toBe('"Jane Smith"')
  })

  it('doubles quotes inside a field', () => {
    expect(csvField('She said "hello"')).toBe('"She said ""hello"""')
  })

  it('keeps commas and line breaks inside the quotes', () => {
    expect(csvField('line one,\r\nline two')).toBe('"line one,\r\nline two"')
  })

  it('writes null and undefined as an empty field', () => {
    expect(csvField(null)).toBe('""')
    expect(csvField(undefined)).toBe('""')
  })

  it('writes numbers and booleans as their text', () => {
    expect(csvField(42)).toBe('"42"')
    expect(csvField(false)).toBe('"false"')
  })

  it.each(['=SUM(A1:A9)', '+44 20 7946 0000', '-1+1', '@cmd', '\tx', '\rx'])(
    'prefixes %j with an apostrophe so a spreadsheet shows it rather than running it',
    (value) => {
      expect(csvField(value)).toBe(`"'${value}"`)
    },
  )

  it('escapes quotes in a value it also defuses', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
  })

  it('leaves a formula character that is not the first one alone', () => {
    expect(csvField('a=b')).toBe('"a=b"')
  })
})

describe('toCsv', () => {
  it('joins fields with commas and ends every row, the last too, with CRLF', () => {
    expect(
      toCsv([
        ['Reference', 'Name'],
        ['SOCA-AAAA-BBBB', 'Jane'],
      ]),
    ).toBe('"Reference","Name"\r\n"SOCA-AAAA-BBBB","Jane"\r\n')
  })

  it('defuses formulas in every cell', () => {
    expect(toCsv([['=1+1', 'ok']])).toBe('"\'=1+1","ok"\r\n')
  })
})
