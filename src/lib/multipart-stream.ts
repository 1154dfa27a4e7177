// A streaming reader of multipart/form-data (RFC 7578): the parts of a body one after another,
// each part's content as a stream of chunks, so a large file passes through without ever being
// held whole. Only what a browser sends is supported: no nested multipart, no transfer
// encodings; anything malformed throws a MultipartError.

/** A body that is not well-formed multipart/form-data, or breaks a limit. */
export class MultipartError extends Error {
  override name = 'MultipartError'
}

/** One part: its field name, the file name for a file field, and its content. */
export type MultipartPart = {
  name: string
  /** Set for a file field (possibly ''); undefined for a plain field. */
  fileName: string | undefined
  contentType: string | undefined
  /** The content, chunk by chunk. Read it before asking for the next part, or it is skipped. */
  chunks: AsyncIterable<Uint8Array>
}

/** The largest header block of one part. */
const MAX_HEADER_BYTES = 8 * 1024
/** The most parts a form may have. */
const MAX_PARTS = 50

const CRLF = new Uint8Array([0x0d, 0x0a])
const encoder = new TextEncoder()

/** The boundary of a multipart/form-data Content-Type, or undefined when it is not one. */
export const multipartBoundary = (contentType: string | undefined) => {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType)
  return match?.[1] ?? match?.[2]
}

const indexOf = (bytes: Uint8Array, needle: Uint8Array, from = 0): number => {
  const first = needle[0]!
  outer: for (let i = bytes.indexOf(first, from); i !== -1; i = bytes.indexOf(first, i + 1)) {
    if (i + needle.length > bytes.length) return -1
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer
    return i
  }
  return -1
}

const concat = (a: Uint8Array, b: Uint8Array) => {
  if (a.length === 0) return b
  const joined = new Uint8Array(a.length + b.length)
  joined.set(a)
  joined.set(b, a.length)
  return joined
}

/** A header parameter (`name="x"`), with RFC 7578's percent-encoded quotes decoded. */
const param = (header: string, key: string) => {
  const match = new RegExp(`;\\s*${key}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header)
  return match?.[1]?.replace(/\\(.)/g, '$1').replace(/%22/g, '"')
}

/**
 * The parts of a multipart/form-data body, in order. Each part's `chunks` must be read (or is
 * skipped) before the next part is asked for; the body is read only as fast as parts are.
 * A body longer than `maxBytes` throws.
 */
export async function* multipartParts(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  maxBytes = Number.POSITIVE_INFINITY,
): AsyncGenerator<MultipartPart> {
  const reader = body.getReader()
  // The first boundary has no line break before it: one is put in front of the body, so every
  // delimiter is CRLF "--" boundary.
  const delimiter = encoder.encode(`\r\n--${boundary}`)
  let buffer: Uint8Array = CRLF
  let done = false
  let read = 0

  const more = async () => {
    if (done) return false
    const next = await reader.read()
    if (next.done) {
      done = true
      return false
    }
    read += next.value.length
    if (read > maxBytes) throw new MultipartError('body too large')
    buffer = concat(buffer, next.value)
    return true
  }
  /** Reads until `needle` is in the buffer; its index, or throws at the end of the body. */
  const find = async (needle: Uint8Array, limit: number) => {
    for (;;) {
      const at = indexOf(buffer, needle)
      if (at !== -1) return at
      if (buffer.length > limit) throw new MultipartError('header too long')
      if (!(await more())) throw new MultipartError('unexpected end of body')
    }
  }
  const need = async (bytes: number) => {
    while (buffer.length < bytes) {
      if (!(await more())) throw new MultipartError('unexpected end of body')
    }
  }

  try {
    // The preamble, if any, up to and including the first delimiter.
    const first = await find(delimiter, MAX_HEADER_BYTES)
    buffer = buffer.subarray(first + delimiter.length)
    for (let count = 0; ; count++) {
      await need(2)
      if (buffer[0] === 0x2d && buffer[1] === 0x2d) return
      if (buffer[0] !== 0x0d || buffer[1] !== 0x0a) throw new MultipartError('bad delimiter')
      if (count >= MAX_PARTS) throw new MultipartError('too many parts')
      buffer = buffer.subarray(2)
      const end = await find(encoder.encode('\r\n\r\n'), MAX_HEADER_BYTES)
      const headers = new TextDecoder().decode(buffer.subarray(0, end)).split('\r\n')
      buffer = buffer.subarray(end + 4)
      const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? ''
      const name = param(disposition, 'name')
      if (!/^content-disposition:\s*form-data\s*;/i.test(disposition) || name === undefined)
        throw new MultipartError('part without a name')
      const type = headers.find((h) => /^content-type:/i.test(h))
      let finished = false
      // The content: everything up to the next delimiter, passed on as it arrives but for the
      // last few bytes, which may be the start of the delimiter.
      const chunks = async function* () {
        for (;;) {
          const at = indexOf(buffer, delimiter)
          if (at !== -1) {
            const last = buffer.subarray(0, at)
            buffer = buffer.subarray(at + delimiter.length)
            finished = true
            if (last.length > 0) yield last
            return
          }
          const safe = buffer.length - (delimiter.length - 1)
          if (safe > 0) {
            const ready = buffer.subarray(0, safe)
            buffer = buffer.subarray(safe)
            yield ready
          }
          if (!(await more())) throw new MultipartError('unexpected end of body')
        }
      }
      const part: MultipartPart = {
        name,
        fileName: param(disposition, 'filename'),
        contentType: type?.slice(type.indexOf(':') + 1).trim(),
        chunks: { [Symbol.asyncIterator]: chunks },
      }
      yield part
      // Whatever of this part was not read is skipped.
      if (!finished) for await (const _ of part.chunks);
    }
  } finally {
    reader.releaseLock()
  }
}

/** A part's content as text (UTF-8), refused beyond `maxBytes`. */
export const partText = async (part: MultipartPart, maxBytes: number) => {
  let bytes: Uint8Array = new Uint8Array(0)
  for await (const chunk of part.chunks) {
    bytes = concat(bytes, chunk)
    if (bytes.length > maxBytes) throw new MultipartError('field too long')
  }
  return new TextDecoder().decode(bytes)
}
