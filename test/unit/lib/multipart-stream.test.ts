import { describe, expect, it } from 'vitest'
import {
  MultipartError,
  multipartBoundary,
  multipartParts,
  partText,
} from '../../../src/lib/multipart-stream.ts'
import { pngFile, randomBytes } from '../../attachment-fixtures.ts'

/** A stream of `bytes` in chunks of `size`. */
const chunked = (bytes: Uint8Array, size: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size))
      controller.close()
    },
  })

/** A form encoded as a browser would send it: its body and boundary. */
const encode = async (form: FormData) => {
  const req = new Request('http://localhost/', { method: 'POST', body: form })
  const boundary = multipartBoundary(req.headers.get('Content-Type') ?? '')!
  return { body: new Uint8Array(await req.arrayBuffer()), boundary }
}

/** Every part as text fields and file bytes. */
const readAll = async (stream: ReadableStream<Uint8Array>, boundary: string, max?: number) => {
  const parts: { name: string; fileName?: string; type?: string; bytes: Uint8Array }[] = []
  for await (const part of multipartParts(stream, boundary, max)) {
    const chunks: Uint8Array[] = []
    for await (const chunk of part.chunks) chunks.push(chunk.slice())
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
    let at = 0
    for (const c of chunks) {
      bytes.set(c, at)
      at += c.length
    }
    parts.push({ name: part.name, fileName: part.fileName, type: part.contentType, bytes })
  }
  return parts
}

const sampleForm = () => {
  const form = new FormData()
  form.append('csrf', 'token-123')
  form.append('title', 'Annual report – “2013”')
  form.append(
    'file',
    new File([randomBytes(70_000)], 'report "final".pdf', { type: 'application/pdf' }),
  )
  form.append('after', 'last field')
  return form
}

describe('multipartBoundary', () => {
  it('reads the boundary of a multipart/form-data type, quoted or not', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc123')).toBe('abc123')
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b')
  })

  it('gives nothing for another type or a missing boundary', () => {
    expect(multipartBoundary('application/x-www-form-urlencoded')).toBeUndefined()
    expect(multipartBoundary('multipart/form-data')).toBeUndefined()
    expect(multipartBoundary(undefined)).toBeUndefined()
  })
})

describe('multipartParts', () => {
  it('reads every field and the file exactly, whatever the chunk size', async () => {
    const { body, boundary } = await encode(sampleForm())
    for (const size of [7, 13, 100, 4096, body.length]) {
      const parts = await readAll(chunked(body, size), boundary)
      expect(parts.map((p) => p.name)).toEqual(['csrf', 'title', 'file', 'after'])
      expect(new TextDecoder().decode(parts[1]!.bytes)).toBe('Annual report – “2013”')
      expect(parts[2]!.fileName).toBe('report "final".pdf')
      expect(parts[2]!.type).toBe('application/pdf')
      expect(parts[2]!.bytes).toEqual(randomBytes(70_000))
      expect(parts[0]!.fileName).toBeUndefined()
      expect(new TextDecoder().decode(parts[3]!.bytes)).toBe('last field')
    }
  })

  it('reads a body sent a byte at a time', async () => {
    const form = new FormData()
    form.append('title', 'Report')
    form.append('file', new File([randomBytes(3000)], 'a.pdf'))
    const { body, boundary } = await encode(form)
    const parts = await readAll(chunked(body, 1), boundary)
    expect(parts.map((p) => p.name)).toEqual(['title', 'file'])
    expect(parts[1]!.bytes).toEqual(randomBytes(3000))
  })

  it('passes a file on in pieces as it arrives, not whole', async () => {
    const form = new FormData()
    form.append('file', new File([pngFile(400, 300), randomBytes(200_000)], 'big.png'))
    const { body, boundary } = await encode(form)
    let largest = 0
    for await (const part of multipartParts(chunked(body, 16_384), boundary)) {
      for await (const chunk of part.chunks) largest = Math.max(largest, chunk.length)
    }
    expect(largest).toBeLessThanOrEqual(16_384 + 100)
  })

  it('skips a part that was not read', async () => {
    const { body, boundary } = await encode(sampleForm())
    const names: string[] = []
    for await (const part of multipartParts(chunked(body, 500), boundary)) {
      names.push(part.name)
      if (part.name === 'after') expect(await partText(part, 100)).toBe('last field')
    }
    expect(names).toEqual(['csrf', 'title', 'file', 'after'])
  })

  it('refuses a body cut off before its closing boundary', async () => {
    const { body, boundary } = await encode(sampleForm())
    await expect(
      readAll(chunked(body.subarray(0, body.length - 50), 999), boundary),
    ).rejects.toThrow(MultipartError)
  })

  it('refuses a part without a name, and a body that is not multipart at all', async () => {
    const bad = new TextEncoder().encode(
      '--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--\r\n',
    )
    await expect(readAll(chunked(bad, 10), 'b')).rejects.toThrow(MultipartError)
    const text = new TextEncoder().encode('title=hello')
    await expect(readAll(chunked(text, 10), 'b')).rejects.toThrow(MultipartError)
  })

  it('refuses a body longer than its limit', async () => {
    const { body, boundary } = await encode(sampleForm())
    await expect(readAll(chunked(body, 1000), boundary, 10_000)).rejects.toThrow(MultipartError)
  })

  it('refuses a field longer than partText allows', async () => {
    const { body, boundary } = await encode(sampleForm())
    const read = async () => {
      for await (const part of multipartParts(chunked(body, 1000), boundary)) {
        if (part.name === 'title') await partText(part, 5)
      }
    }
    await expect(read()).rejects.toThrow(MultipartError)
  })
})
