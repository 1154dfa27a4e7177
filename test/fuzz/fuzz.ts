import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import fc from 'fast-check'
import { vi } from 'vitest'
import { ORIGIN } from '../helpers.ts'
import worker from '../worker.ts'

// Settings. workerd cannot read the shell's environment, so vitest.config.ts passes FUZZ_SEED
// and FUZZ_RUNS in as bindings ('' when unset).
const setting = (name: 'FUZZ_SEED' | 'FUZZ_RUNS') =>
  ((env as unknown as Record<string, unknown>)[name] as string | undefined)?.trim() || undefined

/** The base seed: fixed, so CI runs are repeatable; FUZZ_SEED=<n> tries other inputs. */
export const FUZZ_SEED = Number.parseInt(setting('FUZZ_SEED') ?? '', 10) || 20_261_130

/** Runs of a property of weight 1: FUZZ_RUNS, or a default that keeps CI quick. */
export const FUZZ_RUNS = Math.max(1, Number.parseInt(setting('FUZZ_RUNS') ?? '', 10) || 200)

/**
 * Runs for a property: FUZZ_RUNS scaled by its weight, which follows what a run costs. A route
 * that checks a password costs an argon2 hash (0.2 s idle, over a second on a busy machine),
 * and a button with no fields of its own needs fewer runs than a form.
 */
export const runs = (weight = 1) => Math.max(5, Math.round(FUZZ_RUNS * weight))

/** A test timeout that grows with the number of runs (and leaves room to shrink a failure). */
export const timeoutFor = (numRuns: number, msPerRun = 150) => 120_000 + numRuns * msPerRun

/** Each property's seed: the base seed mixed with its name, so properties do not share inputs. */
const seedOf = (name: string) => {
  let hash = FUZZ_SEED | 0
  for (const char of name) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193)
  return hash
}

/**
 * Checks an async property and, when it fails, throws a short report: how to replay it, the
 * shrunk input described compactly (a ten-thousand-field body is not printed in full), and the
 * error. fast-check's own report would print every byte of the counterexample.
 */
export const checkProperty = async <T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  numRuns: number,
) => {
  const seed = seedOf(name)
  const details = await fc.check(fc.asyncProperty(arbitrary, predicate), { seed, numRuns })
  if (!details.failed) return
  const [value] = details.counterexample ?? []
  const error = details.errorInstance
  throw new Error(
    [
      `${name}: failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s).`,
      // The tests of a file share its D1, so an input may fail only after the earlier tests'.
      `Replay: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS}, the whole file ` +
        `(fast-check seed ${seed}, path "${details.counterexamplePath}")`,
      `Input: ${describeInput(value)}`,
      `Error: ${error instanceof Error ? error.message : String(error)}`,
    ].join('\n'),
  )
}

// The request model: plain data, so fast-check can generate, shrink and print it.

/** One form field: name and value, as a browser would send them (any text at all here). */
export type Field = [name: string, value: string]

/** A file to upload, made only when the request is sent, so a 2 MB CV is not kept or printed. */
export type FileSpec = {
  field: string
  name: string
  type: string
  content: 'pdf' | 'docx' | 'zip' | 'text' | 'random' | 'empty'
  size: number
}

/** A hand-written multipart part: any name, filename or bytes, escaped or not. */
export type RawPart = {
  name: string
  filename?: string
  contentType?: string
  extraHeader?: string
  content: string
}

/** What is wrong with a hand-written multipart body, if anything. */
export type Malformation = {
  /** The boundary the Content-Type header names, against the one the body uses. */
  header: 'same' | 'other' | 'missing' | 'quoted' | 'empty'
  /** How the body ends. */
  ending: 'closed' | 'unclosed' | 'no-dashes' | 'junk'
  /** Line breaks: CRLF as the format says, or bare LF. */
  lf: boolean
  /** Cut the body after this many bytes. */
  truncate?: number
  /** Insert these bytes (as Latin-1 text) at this offset. */
  insert?: [offset: number, text: string]
}

export type Body =
  | { type: 'none' }
  /** Encoded by URLSearchParams, as a browser encodes a form. */
  | { type: 'urlencoded'; fields: Field[] }
  /** Written by hand: percent escapes of any bytes, stray '%', '&&', '==', invalid UTF-8. */
  | { type: 'urlencoded-raw'; text: string }
  /** Encoded by the runtime's FormData, as a browser sends a form with a file input. */
  | { type: 'formdata'; fields: Field[]; files: FileSpec[] }
  /** Written by hand, possibly broken. */
  | { type: 'multipart'; boundary: string; parts: RawPart[]; malformation: Malformation }
  /** Any bytes (as Latin-1 text) under any content type. */
  | { type: 'raw'; text: string }

export type FuzzRequest = {
  method: string
  path: string
  /** Extra request headers; values are sanitised to what Headers accepts. */
  headers: Record<string, string>
  /** Replaces the Content-Type the body implies; null sends none at all. */
  contentType?: string | null
  body: Body
  /** Sends the body as a stream, so there is no Content-Length to check up front. */
  stream?: boolean
}

/** Text as bytes: code points up to 255 as one byte each (Latin-1), so any byte can be sent. */
export const latin1 = (text: string) => {
  const out: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code < 256) out.push(code)
    else out.push(...new TextEncoder().encode(char))
  }
  return new Uint8Array(out)
}

/** A deterministic stream of bytes for file contents (no need for real randomness). */
const filler = (size: number, seed: number) => {
  const bytes = new Uint8Array(size)
  let x = seed | 1
  for (let i = 0; i < size; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    bytes[i] = x & 0xff
  }
  return bytes
}

const makeFile = (spec: FileSpec) => {
  const bytes = filler(spec.size, spec.size + spec.name.length)
  const head = {
    pdf: '%PDF-1.7\n',
    docx: 'PK\u0003\u0004....[Content_Types].xml....word/document.xml....',
    zip: 'PK\u0003\u0004',
    text: 'Curriculum vitae\n',
    random: '',
    empty: '',
  }[spec.content]
  if (spec.content === 'empty') return new File([], spec.name, { type: spec.type })
  if (spec.content === 'text') bytes.fill(0x61)
  bytes.set(latin1(head).slice(0, spec.size))
  return new File([bytes], spec.name, { type: spec.type })
}

const multipartBytes = (body: Extract<Body, { type: 'multipart' }>) => {
  const { boundary, parts, malformation: m } = body
  const nl = m.lf ? '\n' : '\r\n'
  let text = ''
  for (const part of parts) {
    text += `--${boundary}${nl}Content-Disposition: form-data; name="${part.name}"`
    if (part.filename !== undefined) text += `; filename="${part.filename}"`
    text += nl
    if (part.contentType !== undefined) text += `Content-Type: ${part.contentType}${nl}`
    if (part.extraHeader !== undefined) text += `${part.extraHeader}${nl}`
    text += `${nl}${part.content}${nl}`
  }
  text += {
    closed: `--${boundary}--${nl}`,
    unclosed: '',
    'no-dashes': `--${boundary}${nl}`,
    junk: `--${boundary}--junk${nl}--${boundary}${nl}`,
  }[m.ending]
  let bytes = latin1(text)
  if (m.insert) {
    const at = Math.min(m.insert[0], bytes.length)
    bytes = new Uint8Array([...bytes.slice(0, at), ...latin1(m.insert[1]), ...bytes.slice(at)])
  }
  if (m.truncate !== undefined) bytes = bytes.slice(0, m.truncate)
  const type = {
    same: `multipart/form-data; boundary=${boundary}`,
    other: `multipart/form-data; boundary=${boundary}x`,
    missing: 'multipart/form-data',
    quoted: `multipart/form-data; boundary="${boundary}"`,
    empty: 'multipart/form-data; boundary=',
  }[m.header]
  return { bytes, type }
}

/** The body's bytes and the Content-Type it implies. */
const encode = async (body: Body): Promise<{ bytes?: Uint8Array; type?: string }> => {
  switch (body.type) {
    case 'none':
      return {}
    case 'urlencoded':
      return {
        bytes: new TextEncoder().encode(new URLSearchParams(body.fields).toString()),
        type: 'application/x-www-form-urlencoded;charset=UTF-8',
      }
    case 'urlencoded-raw':
      return { bytes: latin1(body.text), type: 'application/x-www-form-urlencoded' }
    case 'formdata': {
      // workerd refuses to encode a name or filename ending in a backslash (the hand-written
      // multipart bodies send those), so one gets an underscore after it.
      const name = (text: string) => (text.endsWith('\\') ? `${text}_` : text)
      const form = new FormData()
      for (const [n, value] of body.fields) form.append(name(n), value)
      for (const file of body.files) {
        form.append(name(file.field), makeFile({ ...file, name: name(file.name) }))
      }
      const encoded = new Response(form)
      return {
        bytes: new Uint8Array(await encoded.arrayBuffer()),
        type: encoded.headers.get('Content-Type') ?? undefined,
      }
    }
    case 'multipart':
      return multipartBytes(body)
    case 'raw':
      return { bytes: latin1(body.text), type: 'application/octet-stream' }
  }
}

/**
 * A header value the Headers class takes: no NUL, CR or LF, no outer spaces, and ASCII only
 * (workerd accepts Latin-1 too, but prints a long warning for each such value).
 */
export const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e]/g, '').trim()

/**
 * The Request a FuzzRequest describes. `{{name}}` in the path, a field or a header is replaced
 * by `values[name]` first: tokens and codes that only exist once the test runs.
 */
export const toRequest = async (req: FuzzRequest, values: Record<string, string> = {}) => {
  const fill = (text: string) => text.replace(/\{\{(\w+)\}\}/g, (all, key) => values[key] ?? all)
  const body = fillBody(req.body, fill)
  const { bytes, type } = await encode(body)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    headers.set(name, headerSafe(fill(value)))
  }
  const contentType = req.contentType === undefined ? type : req.contentType
  if (contentType !== undefined && contentType !== null) {
    headers.set('Content-Type', headerSafe(contentType))
  }
  let payload: BodyInit | undefined = bytes
  if (bytes && req.stream) {
    // Two chunks, so a reader has to put them together.
    const middle = Math.floor(bytes.length / 2)
    payload = new ReadableStream({
      start(controller) {
        controller.enqueue(bytes.slice(0, middle))
        controller.enqueue(bytes.slice(middle))
        controller.close()
      },
    })
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  const init: RequestInit = {
    method: req.method,
    headers,
    body: hasBody ? payload : undefined,
    redirect: 'manual',
  }
  // Joined, not resolved against the origin: a path starting '//' is still a path.
  return { url: `${ORIGIN}${fill(req.path)}`, init }
}

const fillBody = (body: Body, fill: (text: string) => string): Body => {
  const fields = (list: Field[]) => list.map(([n, v]): Field => [fill(n), fill(v)])
  switch (body.type) {
    case 'urlencoded':
      return { ...body, fields: fields(body.fields) }
    case 'formdata':
      return { ...body, fields: fields(body.fields) }
    case 'urlencoded-raw':
    case 'raw':
      return { ...body, text: fill(body.text) }
    case 'multipart':
      return {
        ...body,
        parts: body.parts.map((p) => ({ ...p, name: fill(p.name), content: fill(p.content) })),
      }
    case 'none':
      return body
  }
}

// Rate limits count a client by its IPv4 address or its IPv6 /64 (src/lib/client-key.ts), so
// every request comes from a /64 of its own: the limiter then never hides what a route does.
// The count starts at a random place, so the test files (which share the limiter) do not meet.
let clients = crypto.getRandomValues(new Uint32Array(1))[0]!

/** A client address in a /64 no request has come from before (IPv6 documentation range). */
export const freshIp = () => {
  clients = (clients + 1) >>> 0
  return `2001:db8:${(clients >>> 16).toString(16)}:${(clients & 0xffff).toString(16)}::1`
}

/** What the Worker answered, and the error it logged if it logged one. */
export type Answer = { status: number; location: string | null; logged: string[] }

// The Worker logs an unexpected error with console.error; the fuzz tests keep those lines (to
// show with a 5xx) instead of printing hundreds of them among the results.
const logged: string[] = []
export const quietLogs = () => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    logged.push(args.map(String).join(' '))
  })
  vi.spyOn(console, 'log').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
}

/** Sends a request through the Worker; a rejected fetch counts as status 0. */
export const send = async (req: FuzzRequest, values?: Record<string, string>): Promise<Answer> => {
  logged.length = 0
  const { url, init } = await toRequest(req, values)
  let res: Response
  // Called in this isolate, not through the loopback: a request body the Worker refuses unread
  // (413, 415, 429) then makes workerd print no "read end of pipe was aborted" among results.
  const ctx = createExecutionContext()
  try {
    res = await worker.fetch(new Request(url, init), env, ctx)
  } catch (err) {
    return { status: 0, location: null, logged: [`fetch rejected: ${String(err)}`, ...logged] }
  }
  // The body is read so the Worker finishes its work (streamed pages, waitUntil) before the next.
  await res.arrayBuffer()
  await waitOnExecutionContext(ctx)
  return { status: res.status, location: res.headers.get('Location'), logged: [...logged] }
}

/** Fails the run if the Worker answered 5xx (or the fetch itself failed). */
export const expectNo5xx = (answer: Answer) => {
  if (answer.status >= 500 || answer.status === 0) {
    const error = [...new Set(answer.logged.map(loggedError))].join(' | ') || 'nothing logged'
    throw new Error(`answered ${answer.status || 'nothing'}; logged: ${error}`)
  }
}

/** Fails the run if the Worker redirected anywhere but this site (an open redirect). */
export const expectLocalRedirect = (answer: Answer) => {
  if (answer.location === null) return
  // Resolved as a browser resolves it: '/\\host' is '//host', another site.
  const target = URL.parse(answer.location, `${ORIGIN}/`)
  if (target?.origin !== ORIGIN) {
    throw new Error(`answered ${answer.status} to another site: Location ${short(answer.location)}`)
  }
}

/** The gist of a logged error line: its event, error name and message, without the stack. */
const loggedError = (line: string) => {
  try {
    const entry = JSON.parse(line) as Record<string, unknown>
    return `${entry.event} ${entry.error}: ${entry.message}`
  } catch {
    return line.slice(0, 300)
  }
}

// Describing a counterexample compactly.

const short = (text: string, max = 80) =>
  text.length <= max
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, max))}…(${text.length.toLocaleString('en-GB')} chars)`

const fieldList = (fields: Field[]) => {
  const shown = fields.slice(0, 12).map(([n, v]) => `${short(n, 40)}=${short(v)}`)
  if (fields.length > 12) shown.push(`…and ${fields.length - 12} more fields`)
  return `[${shown.join(', ')}]`
}

const describePart = (part: RawPart) => {
  const optional = (label: string, text: string | undefined) =>
    text === undefined ? '' : ` ${label} ${short(text, 40)}`
  const name = `name ${short(part.name, 40)}${optional('filename', part.filename)}`
  const headers = `${optional('type', part.contentType)}${optional('header', part.extraHeader)}`
  return `{${name}${headers} ${short(part.content)}}`
}

const describeBody = (body: Body) => {
  switch (body.type) {
    case 'none':
      return 'no body'
    case 'urlencoded':
      return `urlencoded ${fieldList(body.fields)}`
    case 'urlencoded-raw':
      return `urlencoded, by hand: ${short(body.text, 200)}`
    case 'formdata':
      return `multipart ${fieldList(body.fields)} files ${JSON.stringify(body.files)}`
    case 'multipart': {
      const parts = body.parts.slice(0, 8).map(describePart)
      if (body.parts.length > 8) parts.push(`…and ${body.parts.length - 8} more parts`)
      const how = JSON.stringify(body.malformation)
      return (
        `multipart by hand, boundary ${short(body.boundary)}, ${how}, parts ` + parts.join(', ')
      )
    }
    case 'raw':
      return `bytes ${short(body.text, 200)}`
  }
}

/** A request, or anything else, in a line or two. */
export const describeInput = (value: unknown): string => {
  if (value && typeof value === 'object' && 'method' in value && 'body' in value) {
    const req = value as FuzzRequest
    const type =
      req.contentType === undefined
        ? ''
        : req.contentType === null
          ? ', no Content-Type'
          : `, Content-Type ${short(req.contentType)}`
    const headers = Object.keys(req.headers).length
      ? `, headers ${JSON.stringify(req.headers)}`
      : ''
    const as = 'as' in req ? `, as ${String(req.as)}` : ''
    const streamed = req.stream ? ', streamed' : ''
    const head = `${req.method} ${short(req.path, 300)}${as}${type}${headers}${streamed}`
    return `${head}, ${describeBody(req.body)}`
  }
  if (Array.isArray(value)) return `[${value.map(describeInput).join(', ')}]`
  const text = fc.stringify(value)
  return text.length > 600 ? `${text.slice(0, 600)}…` : text
}
