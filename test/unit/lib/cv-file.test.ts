import { describe, expect, it } from 'vitest'
import { sniffCvFormat } from '../../../src/lib/cv-file.ts'

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part,
    ),
  )

const ZIP = [0x50, 0x4b, 0x03, 0x04]

describe('sniffCvFormat', () => {
  it('recognises a PDF by its %PDF- header', () => {
    expect(sniffCvFormat(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toEqual({
      extension: 'pdf',
      contentType: 'application/pdf',
    })
  })

  it('recognises a Word document: a ZIP holding word/document.xml and [Content_Types].xml', () => {
    const docx = bytes(ZIP, [20, 0, 6, 0], '[Content_Types].xml', [0, 0], 'word/document.xml')
    expect(sniffCvFormat(docx)).toEqual({
      extension: 'docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    })
  })

  it('finds the entry names anywhere in the archive, up to its last byte', () => {
    expect(
      sniffCvFormat(bytes(ZIP, '[Content_Types].xml', new Array(500).fill(0), 'word/document.xml')),
    ).toEqual(expect.objectContaining({ extension: 'docx' }))
  })

  it('refuses another kind of ZIP, such as a spreadsheet', () => {
    expect(sniffCvFormat(bytes(ZIP, '[Content_Types].xml', 'xl/workbook.xml'))).toBeNull()
  })

  it('refuses a ZIP that names word/document.xml but lacks [Content_Types].xml', () => {
    expect(sniffCvFormat(bytes(ZIP, 'word/document.xml'))).toBeNull()
  })

  it('refuses entry names that are not inside a ZIP', () => {
    expect(sniffCvFormat(bytes('[Content_Types].xml word/document.xml'))).toBeNull()
  })

  it('refuses a file that only mentions %PDF- after its start', () => {
    expect(sniffCvFormat(bytes(' %PDF-1.7'))).toBeNull()
  })

  it.each([
    ['an empty file', bytes()],
    ['a truncated PDF header', bytes('%PDF')],
    ['a PNG image', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a])],
    ['an old Word .doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
    ['plain text', bytes('My CV')],
  ])('refuses %s', (_, file) => {
    expect(sniffCvFormat(file)).toBeNull()
  })
})
