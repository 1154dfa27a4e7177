// Small real files for the attachments tests, built in code: a PNG a browser can show, the
// headers of JPEG and WebP images, a PDF, and ZIP-based office files (stored, uncompressed
// entries), plus files the library must refuse. Used by the unit tests and the Workers tests.

const encoder = new TextEncoder()
const bytes = (text: string) => encoder.encode(text)

/** Joins byte arrays. */
export const concatBytes = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const u16le = (n: number) => new Uint8Array([n & 0xff, (n >>> 8) & 0xff])
const u32le = (n: number) =>
  new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff])
const u32be = (n: number) =>
  new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff])
const u16be = (n: number) => new Uint8Array([(n >>> 8) & 0xff, n & 0xff])

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
/** CRC-32, as PNG and ZIP use it. */
export const crc32 = (data: Uint8Array) => {
  let c = 0xffffffff
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

/** zlib data in stored (uncompressed) blocks: what a PNG's IDAT needs, without a compressor. */
const zlibStored = (data: Uint8Array) => {
  let a = 1
  let b = 0
  for (const byte of data) {
    a = (a + byte) % 65521
    b = (b + a) % 65521
  }
  const blocks: Uint8Array[] = []
  for (let at = 0; at < data.length || at === 0; at += 65_535) {
    const block = data.subarray(at, at + 65_535)
    const last = at + 65_535 >= data.length ? 1 : 0
    blocks.push(new Uint8Array([last]), u16le(block.length), u16le(~block.length & 0xffff), block)
    if (last) break
  }
  return concatBytes(new Uint8Array([0x78, 0x01]), ...blocks, u32be(((b << 16) | a) >>> 0))
}

const pngChunk = (type: string, data: Uint8Array) =>
  concatBytes(u32be(data.length), bytes(type), data, u32be(crc32(concatBytes(bytes(type), data))))

/** A real PNG of `width` × `height` pixels in one colour (a browser can decode it). */
export const pngFile = (width = 4, height = 3) => {
  const row = concatBytes(new Uint8Array([0]), new Uint8Array(width * 3).fill(0x1d))
  const raw = concatBytes(...Array.from({ length: height }, () => row))
  return concatBytes(
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', concatBytes(u32be(width), u32be(height), new Uint8Array([8, 2, 0, 0, 0]))),
    pngChunk('IDAT', zlibStored(raw)),
    pngChunk('IEND', new Uint8Array(0)),
  )
}

/** A JPEG's headers: JFIF, an EXIF-sized APP1 segment, then a baseline frame header. */
export const jpegFile = (width = 640, height = 480) =>
  concatBytes(
    new Uint8Array([0xff, 0xd8]),
    new Uint8Array([0xff, 0xe0]),
    u16be(16),
    bytes('JFIF\0'),
    new Uint8Array([1, 1, 0, 0, 1, 0, 1, 0, 0]),
    new Uint8Array([0xff, 0xe1]),
    u16be(2 + 1000),
    new Uint8Array(1000).fill(0x20),
    new Uint8Array([0xff, 0xc0]),
    u16be(17),
    new Uint8Array([8]),
    u16be(height),
    u16be(width),
    new Uint8Array([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]),
    new Uint8Array([0xff, 0xd9]),
  )

/** A lossless WebP's headers (VP8L) of `width` × `height`. */
export const webpFile = (width = 300, height = 200) => {
  const bits = ((width - 1) & 0x3fff) | (((height - 1) & 0x3fff) << 14)
  const vp8l = concatBytes(new Uint8Array([0x2f]), u32le(bits), new Uint8Array(20))
  const chunk = concatBytes(bytes('VP8L'), u32le(vp8l.length), vp8l)
  return concatBytes(bytes('RIFF'), u32le(4 + chunk.length), bytes('WEBP'), chunk)
}

/** A lossy WebP's headers (VP8). */
export const webpLossyFile = (width = 120, height = 90) => {
  const vp8 = concatBytes(
    new Uint8Array([0x10, 0x02, 0x00, 0x9d, 0x01, 0x2a]),
    u16le(width),
    u16le(height),
    new Uint8Array(20),
  )
  const chunk = concatBytes(bytes('VP8 '), u32le(vp8.length), vp8)
  return concatBytes(bytes('RIFF'), u32le(4 + chunk.length), bytes('WEBP'), chunk)
}

/** A small PDF; `padTo` pads it (in a comment) to that many bytes. */
export const pdfBytes = (padTo = 0) => {
  const head = bytes(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n',
  )
  const tail = bytes('trailer<</Root 1 0 R>>\n%%EOF\n')
  const pad = Math.max(0, padTo - head.length - tail.length)
  return concatBytes(head, new Uint8Array(pad).fill(0x25), tail)
}

/** A ZIP archive of stored entries, in order. */
export const zipFile = (entries: [string, string | Uint8Array][]) => {
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const [name, content] of entries) {
    const data = typeof content === 'string' ? bytes(content) : content
    const nameBytes = bytes(name)
    const crc = crc32(data)
    const common = concatBytes(
      u16le(20),
      u16le(0),
      u16le(0),
      u16le(0),
      u16le(0x21),
      u32le(crc),
      u32le(data.length),
      u32le(data.length),
      u16le(nameBytes.length),
      u16le(0),
    )
    const local = concatBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), common, nameBytes, data)
    centrals.push(
      concatBytes(
        new Uint8Array([0x50, 0x4b, 0x01, 0x02]),
        u16le(20),
        common,
        u16le(0),
        u16le(0),
        u16le(0),
        u32le(0),
        u32le(offset),
        nameBytes,
      ),
    )
    locals.push(local)
    offset += local.length
  }
  const central = concatBytes(...centrals)
  return concatBytes(
    ...locals,
    central,
    new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]),
    u16le(entries.length),
    u16le(entries.length),
    u32le(central.length),
    u32le(offset),
    u16le(0),
  )
}

const CONTENT_TYPES_XML = '<?xml version="1.0"?><Types/>'

/** A DOCX: [Content_Types].xml and word/document.xml. */
export const docxFile = () =>
  zipFile([
    ['[Content_Types].xml', CONTENT_TYPES_XML],
    ['_rels/.rels', '<Relationships/>'],
    ['word/document.xml', '<w:document/>'],
  ])

/** An XLSX: [Content_Types].xml and xl/workbook.xml. */
export const xlsxFile = () =>
  zipFile([
    ['[Content_Types].xml', CONTENT_TYPES_XML],
    ['xl/workbook.xml', '<workbook/>'],
  ])

/** An OpenDocument file: its uncompressed mimetype entry first. */
export const openDocumentFile = (kind: 'text' | 'spreadsheet') =>
  zipFile([
    ['mimetype', `application/vnd.oasis.opendocument.${kind}`],
    ['content.xml', '<office:document-content/>'],
  ])

/** A CSV file in UTF-8. */
export const csvFile = () => bytes('Year,Seizures (kg)\n2012,1200\n2013,980\n"Total, both",2180\n')

/** Random bytes from a seeded generator (the same every run). */
export const randomBytes = (length: number, seed = 7) => {
  let state = seed >>> 0
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    out[i] = state >>> 24
  }
  return out
}

/** Every format the library accepts, with a sample file and its image size. */
export const ACCEPTED = [
  { format: 'pdf', bytes: pdfBytes(), width: null, height: null },
  { format: 'docx', bytes: docxFile(), width: null, height: null },
  { format: 'xlsx', bytes: xlsxFile(), width: null, height: null },
  { format: 'odt', bytes: openDocumentFile('text'), width: null, height: null },
  { format: 'ods', bytes: openDocumentFile('spreadsheet'), width: null, height: null },
  { format: 'csv', bytes: csvFile(), width: null, height: null },
  { format: 'png', bytes: pngFile(4, 3), width: 4, height: 3 },
  { format: 'jpeg', bytes: jpegFile(640, 480), width: 640, height: 480 },
  { format: 'webp', bytes: webpFile(300, 200), width: 300, height: 200 },
] as const

/** Files the library refuses, by what they are. */
export const REFUSED = [
  {
    name: 'an SVG image',
    bytes: bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  },
  {
    name: 'an SVG with an XML declaration',
    bytes: bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
  },
  { name: 'an HTML page', bytes: bytes('\n  <!doctype html><title>x</title><script>1</script>') },
  {
    name: 'a Windows program',
    bytes: concatBytes(bytes('MZ'), new Uint8Array([0x90, 0, 3, 0, 0, 0, 4, 0]), randomBytes(200)),
  },
  { name: 'random bytes', bytes: randomBytes(4096) },
  { name: 'a GIF image', bytes: concatBytes(bytes('GIF89a'), new Uint8Array(40)) },
  { name: 'a ZIP archive that is not a document', bytes: zipFile([['notes.txt', 'hello']]) },
  { name: 'a PNG without its header', bytes: pngFile().subarray(0, 12) },
] as const
