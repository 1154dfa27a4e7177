// What an uploaded file really is, from its bytes and never its name or the browser's type,
// worked out while the file streams past: the first bytes pick a candidate, and the rest of
// the stream settles the two kinds that need it (a ZIP's entry names, and text that must be
// UTF-8 throughout). Only what the attachments library accepts is ever named.

/** The file formats the attachments library accepts. */
export type FileFormat = 'pdf' | 'docx' | 'xlsx' | 'odt' | 'ods' | 'csv' | 'png' | 'jpeg' | 'webp'

/** A file's format, its Content-Type, and, for an image, its size in pixels. */
export type Sniffed = {
  format: FileFormat
  contentType: string
  width: number | null
  height: number | null
}

/** The Content-Type each format is served with. */
export const CONTENT_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  csv: 'text/csv; charset=utf-8',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
}

/** Whether a format is an image, shown inline with alt text rather than linked. */
export const isImageFormat = (format: FileFormat) =>
  format === 'png' || format === 'jpeg' || format === 'webp'

/**
 * Bytes kept from the start of a file: enough for any header this reads, a JPEG's frame
 * header included, which may follow up to 64 KiB of EXIF and other segments.
 */
const HEAD_BYTES = 256 * 1024
/** Bytes after which the first bytes alone must have named a candidate. */
const DECIDE_AFTER = 64

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0))
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const WORD = ascii('word/document.xml')
const EXCEL = ascii('xl/workbook.xml')
const CONTENT_TYPES_ENTRY = ascii('[Content_Types].xml')

const startsWith = (bytes: Uint8Array, prefix: ArrayLike<number>, at = 0) => {
  if (bytes.length < at + prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false
  return true
}
const text = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to))
const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16)
const u32be = (b: Uint8Array, i: number) => u16be(b, i) * 65536 + u16be(b, i + 2)
const u32le = (b: Uint8Array, i: number) => u16le(b, i) + u16le(b, i + 2) * 65536

/** Index of `needle` in `bytes`, or -1. */
export const indexOfBytes = (bytes: Uint8Array, needle: Uint8Array, from = 0): number => {
  const first = needle[0]
  if (first === undefined) return from
  for (let i = bytes.indexOf(first, from); i !== -1; i = bytes.indexOf(first, i + 1)) {
    if (i + needle.length > bytes.length) return -1
    if (startsWith(bytes, needle, i)) return i
  }
  return -1
}

/** An image's width and height from its header, or null when it cannot be read. */
const imageSize = (format: 'png' | 'jpeg' | 'webp', b: Uint8Array): [number, number] | null => {
  if (format === 'png') {
    return text(b, 12, 16) === 'IHDR' && b.length >= 24 ? [u32be(b, 16), u32be(b, 20)] : null
  }
  if (format === 'webp') {
    const chunk = text(b, 12, 16)
    if (chunk === 'VP8 ' && b.length >= 30 && startsWith(b, [0x9d, 0x01, 0x2a], 23))
      return [u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff]
    if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
      const bits = u32le(b, 21)
      return [(bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1]
    }
    if (chunk === 'VP8X' && b.length >= 30) return [u24le(b, 24) + 1, u24le(b, 27) + 1]
    return null
  }
  // JPEG: walk the segments to the first start-of-frame (SOF0–SOF15, but not DHT, JPG or DAC).
  let i = 2
  while (i + 9 <= b.length) {
    if (b[i] !== 0xff) return null
    const marker = b[i + 1] ?? 0
    if (marker === 0xff) {
      i++
      continue
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2
      continue
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return [u16be(b, i + 7), u16be(b, i + 5)]
    if (marker === 0xda || marker === 0xd9) return null
    i += 2 + u16be(b, i + 2)
  }
  return null
}

/**
 * The mimetype an OpenDocument file names in its first, uncompressed entry: null if it has
 * none, undefined while too few bytes have arrived to tell.
 */
const openDocumentType = (b: Uint8Array) => {
  if (b.length < 38) return undefined
  const nameLength = u16le(b, 26)
  const extraLength = u16le(b, 28)
  const size = u32le(b, 18)
  if (text(b, 30, 30 + nameLength) !== 'mimetype' || size > 100) return null
  const start = 30 + nameLength + extraLength
  return b.length >= start + size ? text(b, start, start + size) : undefined
}

type Candidate = FileFormat | 'zip' | 'text' | null

/**
 * What the first bytes say the file may be; null when it can be nothing accepted, undefined
 * when more bytes are needed to tell (`complete`: there are no more).
 */
const candidateOf = (b: Uint8Array, complete: boolean): Candidate | undefined => {
  if (startsWith(b, ascii('%PDF-'))) return 'pdf'
  if (startsWith(b, PNG)) return 'png'
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'webp'
  if (startsWith(b, ZIP)) {
    const type = openDocumentType(b)
    if (type === undefined && !complete) return undefined
    if (type === 'application/vnd.oasis.opendocument.text') return 'odt'
    if (type === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods'
    return 'zip'
  }
  // Text: after a byte-order mark and white space, anything but markup (SVG, HTML, XML).
  let i = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++
  return i < b.length && b[i] !== 0x3c ? 'text' : null
}

/**
 * A sniffer fed a file's bytes in order. `refused()` becomes true as soon as the bytes rule the
 * file out (so nothing more need be read or stored); `result()`, once every byte was pushed,
 * says what the file is, or null.
 */
export const createSniffer = () => {
  let head = new Uint8Array(0)
  let size = 0
  let candidate: Candidate | undefined
  // Text must be UTF-8 with no control characters but tab and line breaks, all the way through.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })
  let isText = true
  // A ZIP's entry names appear, uncompressed, in its local headers and its central directory:
  // searched across chunk boundaries by keeping the last few bytes of the previous chunk.
  const names = { word: false, excel: false, contentTypes: false }
  let carry = new Uint8Array(0)

  const checkText = (chunk: Uint8Array) => {
    for (const byte of chunk) {
      if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) {
        isText = false
        return
      }
    }
    try {
      decoder.decode(chunk, { stream: true })
    } catch {
      isText = false
    }
  }

  const findNames = (chunk: Uint8Array) => {
    const joined = new Uint8Array(carry.length + chunk.length)
    joined.set(carry)
    joined.set(chunk, carry.length)
    names.word ||= indexOfBytes(joined, WORD) !== -1
    names.excel ||= indexOfBytes(joined, EXCEL) !== -1
    names.contentTypes ||= indexOfBytes(joined, CONTENT_TYPES_ENTRY) !== -1
    carry = joined.slice(Math.max(0, joined.length - CONTENT_TYPES_ENTRY.length))
  }

  return {
    /** Takes the next bytes of the file. */
    push(chunk: Uint8Array) {
      if (chunk.length === 0) return
      size += chunk.length
      if (head.length < HEAD_BYTES) {
        const take = chunk.subarray(0, HEAD_BYTES - head.length)
        const grown = new Uint8Array(head.length + take.length)
        grown.set(head)
        grown.set(take, head.length)
        head = grown
      }
      if (candidate === undefined && head.length >= DECIDE_AFTER)
        candidate = candidateOf(head, head.length >= HEAD_BYTES)
      if (isText && (candidate === undefined || candidate === 'text')) checkText(chunk)
      if (candidate === undefined || candidate === 'zip') findNames(chunk)
    },
    /** Whether the bytes so far already rule the file out. */
    refused: () => candidate === null || (candidate === 'text' && !isText),
    /** What the whole file is, or null when it is nothing the library accepts (or empty). */
    result(): Sniffed | null {
      if (size === 0) return null
      const found = candidate === undefined ? candidateOf(head, true) : candidate
      let format: FileFormat
      if (found === null || found === undefined) return null
      if (found === 'text') {
        try {
          decoder.decode()
        } catch {
          isText = false
        }
        if (!isText) return null
        format = 'csv'
      } else if (found === 'zip') {
        if (!names.contentTypes) return null
        if (names.word) format = 'docx'
        else if (names.excel) format = 'xlsx'
        else return null
      } else {
        format = found
      }
      const contentType = CONTENT_TYPES[format]
      if (format === 'png' || format === 'jpeg' || format === 'webp') {
        const dimensions = imageSize(format, head)
        if (!dimensions || dimensions[0] === 0 || dimensions[1] === 0) return null
        return { format, contentType, width: dimensions[0], height: dimensions[1] }
      }
      return { format, contentType, width: null, height: null }
    },
  }
}

/** Sniffs a whole file held in memory (tests, and small files). */
export const sniffBytes = (bytes: Uint8Array) => {
  const sniffer = createSniffer()
  sniffer.push(bytes)
  return sniffer.result()
}
