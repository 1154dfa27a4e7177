import { describe, expect, it } from 'vitest'
import { CONTENT_TYPES, createSniffer, sniffBytes } from '../../../src/lib/sniff.ts'
import {
  ACCEPTED,
  REFUSED,
  concatBytes,
  csvFile,
  docxFile,
  webpLossyFile,
  zipFile,
} from '../../attachment-fixtures.ts'

/** Sniffs `bytes` fed in chunks of `size`. */
const sniffInChunks = (bytes: Uint8Array, size: number) => {
  const sniffer = createSniffer()
  for (let i = 0; i < bytes.length; i += size) sniffer.push(bytes.subarray(i, i + size))
  return sniffer.result()
}

describe('sniffing an attachment from its bytes', () => {
  for (const file of ACCEPTED) {
    it(`recognises ${file.format.toUpperCase()} with its content type and size`, () => {
      expect(sniffBytes(file.bytes)).toEqual({
        format: file.format,
        contentType: CONTENT_TYPES[file.format],
        width: file.width,
        height: file.height,
      })
    })

    it(`recognises ${file.format.toUpperCase()} fed a byte or a few bytes at a time`, () => {
      for (const size of [1, 3, 7, 64, 1000]) {
        expect(sniffInChunks(file.bytes, size)?.format).toBe(file.format)
      }
    })
  }

  it('reads a lossy WebP’s size from its VP8 frame header', () => {
    expect(sniffBytes(webpLossyFile(120, 90))).toMatchObject({ width: 120, height: 90 })
  })

  for (const file of REFUSED) {
    it(`refuses ${file.name}`, () => {
      expect(sniffBytes(file.bytes)).toBeNull()
    })
  }

  it('refuses an empty file', () => {
    expect(createSniffer().result()).toBeNull()
  })

  it('rules out a program from its first bytes, before the rest arrives', () => {
    const sniffer = createSniffer()
    sniffer.push(REFUSED.find((f) => f.name === 'a Windows program')!.bytes.subarray(0, 100))
    expect(sniffer.refused()).toBe(true)
  })

  it('rules out SVG from its first bytes', () => {
    const sniffer = createSniffer()
    sniffer.push(REFUSED[0].bytes)
    expect(sniffer.refused()).toBe(true)
  })

  it('finds a DOCX entry name split across two chunks', () => {
    const docx = docxFile()
    const at = [...docx.keys()].find(
      (i) => String.fromCharCode(...docx.subarray(i, i + 4)) === 'word',
    )!
    const sniffer = createSniffer()
    sniffer.push(docx.subarray(0, at + 6))
    sniffer.push(docx.subarray(at + 6))
    expect(sniffer.result()?.format).toBe('docx')
  })

  it('refuses a ZIP that names word/document.xml but has no [Content_Types].xml', () => {
    expect(sniffBytes(zipFile([['word/document.xml', '<w/>']]))).toBeNull()
  })

  it('refuses text with invalid UTF-8 or a control character late in the file', () => {
    const long = concatBytes(csvFile(), new Uint8Array(5000).fill(0x41))
    expect(sniffBytes(concatBytes(long, new Uint8Array([0xc3, 0x28])))).toBeNull()
    expect(sniffBytes(concatBytes(long, new Uint8Array([0x00])))).toBeNull()
    expect(sniffBytes(concatBytes(long, new Uint8Array([0x1b])))).toBeNull()
  })

  it('accepts UTF-8 text with a byte-order mark and accented letters as CSV', () => {
    const text = new TextEncoder().encode('\uFEFFRégion,Année\nÎle-de-France,2013\n')
    expect(sniffBytes(text)?.format).toBe('csv')
  })

  it('refuses an image whose frame header is missing', () => {
    const jpeg = ACCEPTED.find((f) => f.format === 'jpeg')!.bytes
    expect(sniffBytes(jpeg.subarray(0, 40))).toBeNull()
  })
})
