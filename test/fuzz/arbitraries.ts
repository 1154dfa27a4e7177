import fc from 'fast-check'
import { ORIGIN } from '../helpers.ts'
import type { Body, Field, FileSpec, FuzzRequest, Malformation, RawPart } from './fuzz.ts'

// Text that breaks naive code: control characters (NUL first), lone surrogates, bidi overrides
// and other invisible characters, combining and multi-code-point graphemes, escapes of every
// kind, markup, formulas, SQL, prototype names, numbers that are not quite numbers.
const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'a\uDC00b',
  '\uD83D',
  '\u202E',
  '\u202Efdp.exe',
  '\u2066x\u2069',
  '\u200B',
  '\uFEFF',
  '\uFFFD',
  '\uFFFE',
  '\uFFFF',
  '\u0085',
  '\u2028',
  '\r\n',
  '\r',
  '\n',
  '\t',
  '\u001B[31m',
  '\u007F',
  '%',
  '%00',
  '%ZZ',
  '%C0%80',
  '+',
  '&',
  '=',
  ';',
  '"',
  "'",
  '\\',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  '%_%',
  '${7*7}',
  '{{7*7}}',
  '=HYPERLINK("http://example.com")',
  '@SUM(1)',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e23',
  '9007199254740993',
  '9'.repeat(40),
  '0x10',
  ' 1 ',
  '[]',
  '{}',
  '😀',
  '👨‍👩‍👧‍👦',
  'e\u0301',
  '\u0130',
  'ß',
  'ﷺ',
  '\u{10FFFF}',
] as const

/** Strings of one character repeated, from a little over a field's limit to `max`. */
const longUpTo = (max: number) =>
  fc
    .tuple(
      fc.constantFrom('a', 'é', '😀', '\u0000', '\uD800', '\u202E', '<', '%', ' ', '\r\n', 'x '),
      fc.integer({ min: 200, max }),
    )
    .map(([char, times]) => char.repeat(Math.ceil(times / char.length)))

/** Lone surrogates mixed with ordinary text: strings that are not valid Unicode at all. */
const surrogates = fc
  .array(
    fc.oneof(
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.string({ maxLength: 3 }),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''))

/**
 * Any text a field, a name or a query value could hold, up to `max` characters long: well past
 * every form limit for fields, about the most a URL can carry (16 KB at Cloudflare) for queries.
 */
const nastyUpTo = (max: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 40 }) },
    { weight: 2, arbitrary: surrogates },
    {
      weight: 2,
      arbitrary: fc.array(fc.constantFrom(...NASTY), { maxLength: 5 }).map((a) => a.join('')),
    },
    { weight: 1, arbitrary: longUpTo(max) },
  )

/** Any text for a form field or name, up to 300,000 characters. */
export const nasty = nastyUpTo(300_000)

/** Any text for a query parameter, up to 20,000 characters. */
export const nastyQuery = nastyUpTo(20_000)

/** Percent escapes of any bytes: invalid UTF-8, overlong forms, encoded surrogates. */
export const percentBytes = fc
  .uint8Array({ minLength: 1, maxLength: 8 })
  .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))

/** A form's fields: each name with an arbitrary of values that pass its checks. */
export type FormSpec = Record<string, fc.Arbitrary<string>>

/** A value for a field: one that would pass, one slightly off, or anything at all. */
const valueFor = (spec: FormSpec, name: string) => {
  // Own properties only: a field may well be called 'constructor'.
  const passing = Object.hasOwn(spec, name) ? spec[name]! : nasty
  return fc.oneof(
    { weight: 3, arbitrary: passing },
    { weight: 1, arbitrary: passing.map((v) => ` ${v}\t`) },
    { weight: 4, arbitrary: nasty },
  )
}

/** A field name: the form's own, names with special meanings, or anything. */
const ownName = (spec: FormSpec) => {
  const names = Object.keys(spec)
  // A form with no fields of its own (a button) still gets fields: random ones.
  return names.length > 0 ? fc.constantFrom(...names) : nasty
}

const fieldName = (spec: FormSpec) =>
  fc.oneof(
    { weight: 6, arbitrary: ownName(spec) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'csrf',
        'csrf[]',
        'cv',
        'website',
        'cf-turnstile-response',
        'a[b]',
        'a.b',
        '',
      ),
    },
    { weight: 2, arbitrary: nasty },
  )

const anyField = (spec: FormSpec) =>
  fieldName(spec).chain((name): fc.Arbitrary<Field> => valueFor(spec, name).map((v) => [name, v]))

/** A valid form with a few things changed: fields dropped, replaced, repeated or added. */
const nearlyValid = (spec: FormSpec) => {
  const names = Object.keys(spec)
  return fc
    .record({
      valid: fc.record(spec),
      drop: fc.subarray(names, { maxLength: Math.min(2, names.length) }),
      change: fc.array(
        ownName(spec).chain((n) => valueFor(spec, n).map((v): Field => [n, v])),
        { maxLength: 2 },
      ),
      extra: fc.array(anyField(spec), { maxLength: 3 }),
    })
    .map(({ valid, drop, change, extra }) => {
      const fields: Field[] = Object.entries(valid).filter(([n]) => !drop.includes(n))
      for (const [name, value] of change) {
        const at = fields.findIndex(([n]) => n === name)
        if (at >= 0) fields[at] = [name, value]
      }
      return [...fields, ...extra]
    })
}

/** Thousands of fields: one name repeated, or all different. */
const manyFields = (spec: FormSpec) =>
  fc
    .record({
      count: fc.constantFrom(1_000, 5_000, 10_000),
      // Short names: the size comes from the count (a long name each would be gigabytes).
      name: fc.constantFrom('', ...Object.keys(spec), 'csrf', '\u0000', '\uD800'),
      value: fc.constantFrom('', 'x', 'a'.repeat(40)),
    })
    .map(({ count, name, value }) =>
      Array.from({ length: count }, (_, i): Field => [name || `f${i}`, value]),
    )

/** Form fields for a form: mostly nearly valid, so the checks past the first are reached. */
export const fieldsFor = (spec: FormSpec): fc.Arbitrary<Field[]> =>
  fc.oneof(
    { weight: 2, arbitrary: fc.record(spec).map((valid) => Object.entries(valid)) },
    { weight: 6, arbitrary: nearlyValid(spec) },
    { weight: 3, arbitrary: fc.array(anyField(spec), { maxLength: 12 }) },
    { weight: 1, arbitrary: manyFields(spec) },
  )

/** A CV file, or something in its place. */
export const fileSpec = (): fc.Arbitrary<FileSpec> =>
  fc.record({
    field: fc.oneof({ weight: 8, arbitrary: fc.constant('cv') }, { weight: 1, arbitrary: nasty }),
    name: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('cv.pdf', 'cv.docx', 'CV.PDF', 'cv', '') },
      { weight: 2, arbitrary: nasty },
    ),
    type: fc.constantFrom(
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      '',
      'text/html',
      'image/svg+xml',
      'application/octet-stream',
    ),
    content: fc.constantFrom('pdf', 'pdf', 'docx', 'zip', 'text', 'random', 'empty'),
    size: fc.oneof(
      { weight: 20, arbitrary: fc.integer({ min: 0, max: 5_000 }) },
      // The largest CV, one byte more, and more than the whole body may be.
      { weight: 1, arbitrary: fc.constantFrom(2 * 1024 * 1024, 2 * 1024 * 1024 + 1, 2_300_000) },
    ),
  })

const malformation: fc.Arbitrary<Malformation> = fc.record(
  {
    header: fc.constantFrom('same', 'same', 'same', 'other', 'missing', 'quoted', 'empty'),
    ending: fc.constantFrom('closed', 'closed', 'closed', 'unclosed', 'no-dashes', 'junk'),
    lf: fc.nat(3).map((n) => n === 3),
    truncate: fc.nat(4_000),
    insert: fc.tuple(fc.nat(4_000), nasty),
  },
  { requiredKeys: ['header', 'ending', 'lf'] },
)

const wellFormed: Malformation = { header: 'same', ending: 'closed', lf: false }

/** A multipart body written by hand, from form fields and maybe a file, well-formed or not. */
const handMultipart = (fields: fc.Arbitrary<Field[]>) =>
  fc
    .record({
      // At most 1,000 characters: the boundary is repeated before every part, and ten thousand
      // parts with a long one would be gigabytes.
      boundary: fc.oneof(
        fc.constant('----fuzz'),
        fc.stringMatching(/^[0-9A-Za-z'()+_,./:=?-]{1,70}$/),
        nastyUpTo(1_000),
      ),
      fields,
      file: fc.option(
        fc.record({
          name: fc.constantFrom('cv', 'cv', 'CV', ''),
          filename: fc.oneof(fc.constantFrom('cv.pdf', '', 'a"b.pdf', 'a\r\nb.pdf'), nasty),
          contentType: fc.option(fc.constantFrom('application/pdf', 'text/plain', ''), {
            nil: undefined,
          }),
          extraHeader: fc.option(
            fc.constantFrom(
              'Content-Transfer-Encoding: base64',
              'Content-Length: 1',
              'Content-Disposition: form-data; name="other"',
              'X: y',
            ),
            { nil: undefined },
          ),
          content: fc.constantFrom(
            '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj',
            '',
            '%PDF',
            'PK\u0003\u0004',
          ),
        }),
        { nil: undefined },
      ),
      malformation: fc.oneof(fc.constant(wellFormed), malformation),
    })
    .map(({ boundary, fields, file, malformation }): Body => ({
      type: 'multipart',
      boundary,
      parts: [
        ...fields.map(([name, content]): RawPart => ({ name, content })),
        ...(file ? [file] : []),
      ],
      malformation,
    }))

/** A urlencoded body written by hand: the form's names with values escaped any which way. */
const handUrlencoded = (spec: FormSpec) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(ownName(spec), percentBytes, nasty),
        fc.oneof(
          percentBytes,
          fc.constantFrom('%', '%2', '%ZZ', '%00', '%C0%80', '%ED%A0%80', '%F4%90%80%80', '+', ''),
          nasty,
        ),
        fc.constantFrom('&', '&', '&&', ';', '=&', '\n'),
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.map(([n, v, sep]) => `${n}=${v}${sep}`).join(''))

/** Content types that are wrong, odd or missing (null). */
export const oddContentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'text/plain',
      'text/plain;charset=UTF-8',
      'application/json',
      'application/octet-stream',
      '',
      ';',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary=----fuzz',
      'multipart/form-data; boundary=a; boundary=b',
      'multipart/mixed; boundary=----fuzz',
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-16',
      'application/x-www-form-urlencoded; charset=iso-8859-1',
      'APPLICATION/X-WWW-FORM-URLENCODED',
      'Multipart/Form-Data; boundary=----fuzz',
      'application/x-www-form-urlencoded, multipart/form-data',
      'application/x-www-form-urlencoded\u00a0',
      'form-data',
    ),
  },
  { weight: 2, arbitrary: nasty },
)

/**
 * A form POST's body and content type. `prefer` is how the form is really sent: it gets the
 * largest share, so most requests reach the route's own checks.
 */
export const formPost = (
  spec: FormSpec,
  prefer: 'urlencoded' | 'multipart',
  files: fc.Arbitrary<FileSpec[]> = fc.constant([]),
  first: fc.Arbitrary<Field[]> = fc.constant([]),
): fc.Arbitrary<Pick<FuzzRequest, 'body' | 'contentType' | 'stream'>> => {
  // `first` comes before the form's fields in every body: the CSRF token of staff forms.
  const fields = fc.tuple(first, fieldsFor(spec)).map(([a, b]) => [...a, ...b])
  const urlencoded = fields.map((f): Body => ({ type: 'urlencoded', fields: f }))
  const formdata = fc
    .tuple(fields, files)
    .map(([f, fs]): Body => ({ type: 'formdata', fields: f, files: fs }))
  const body = fc.oneof(
    { weight: prefer === 'urlencoded' ? 8 : 2, arbitrary: urlencoded },
    { weight: prefer === 'multipart' ? 8 : 2, arbitrary: formdata },
    {
      weight: 2,
      arbitrary: fc.tuple(first, handUrlencoded(spec)).map(([a, text]): Body => ({
        type: 'urlencoded-raw',
        text: a.length > 0 ? `${new URLSearchParams(a)}&${text}` : text,
      })),
    },
    { weight: 2, arbitrary: handMultipart(fields) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.string({ unit: 'binary-ascii', maxLength: 300 }), nasty)
        .map((text): Body => ({ type: 'raw', text })),
    },
    { weight: 1, arbitrary: fc.constant<Body>({ type: 'none' }) },
  )
  return fc.record({
    body,
    // Mostly the type the body implies; sometimes one that does not match it.
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: oddContentType },
    ),
    stream: fc.nat(7).map((n) => n === 7),
  })
}

/** A header value of any sort that Headers accepts. */
const headerValue = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 60 }),
  fc.constantFrom('', '*', '"x"', 'W/"x"', 'Thu, 01 Jan 1970 00:00:00 GMT', 'not a date', '1'),
)

/** Extra headers a client could send: cookies, cache validators, odd values. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'Cookie',
        'If-None-Match',
        'If-Modified-Since',
        'X-Bypass-Cache',
        'Accept',
        'Accept-Language',
        'Cf-Access-Jwt-Assertion',
        'X-Forwarded-For',
        'Range',
      ),
      fc.oneof(
        headerValue,
        fc.constantFrom(
          '__Host-soca-session=',
          '__Host-soca-session=x.y',
          '__Host-soca-session=%ZZ',
          '__Host-soca-session=a; __Host-soca-session=b',
          'bytes=0-0',
          'bytes=-1',
        ),
      ),
    ),
    { maxLength: 2 },
  )
  .map((pairs) => Object.fromEntries(pairs))

/**
 * The headers of a form POST: a same-site browser's, mostly, or another site's, or none. The
 * client address is filled in when the request is sent ({{ip}}), a new one each time, so the
 * rate limit does not hide what the route does.
 */
export const postHeaders: fc.Arbitrary<Record<string, string>> = fc
  .record({
    origin: fc.oneof(
      { weight: 8, arbitrary: fc.constant(ORIGIN) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('https://evil.example', 'null', ORIGIN.toUpperCase(), ''),
      },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    site: fc.oneof(
      { weight: 8, arbitrary: fc.constant('same-origin') },
      { weight: 1, arbitrary: fc.constantFrom('cross-site', 'same-site', 'none') },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    extra: fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      { weight: 1, arbitrary: extraHeaders },
    ),
  })
  .map(({ origin, site, extra }) => ({
    ...extra,
    ...(origin === undefined ? {} : { Origin: origin }),
    ...(site === undefined ? {} : { 'Sec-Fetch-Site': site }),
    'CF-Connecting-IP': '{{ip}}',
  }))

// Paths and query strings.

const SEGMENTS = [
  '',
  '.',
  '..',
  'admin',
  'news',
  'careers',
  'vacancies',
  'apply',
  'contact',
  'sent',
  'application-sent',
  'sitemap',
  'sitemap.xml',
  'news.atom',
  'robots.txt',
  '.well-known',
  'security.txt',
  'about',
  'threats',
  'fraud',
  'ukhtc',
  'assets',
  'favicon.svg',
  'index.html',
  'financial-intelligence-officer',
  'intelligence-analyst-2013',
  'soca-becomes-part-of-the-national-crime-agency',
  'cdn-cgi',
  'pages',
  'submissions',
  'audit',
  'staff',
  'settings',
  'account',
  'password',
  'sign-in',
  'two-factor',
  'enrol',
  'sign-out',
  'new',
  'preview',
  'history',
  'compare',
  'restore',
  'export.csv',
  'cv',
  '1',
  '0',
  '99999999999999999999',
]

const ENCODED = [
  '%2e',
  '%2e%2e',
  '.%2e',
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '%00',
  '%0d',
  '%0a',
  '%0d%0a',
  '%0D%0A',
  '%09',
  '%20',
  '%25',
  '%',
  '%%',
  '%zz',
  '%c0%ae',
  '%c0%af',
  '%ff',
  '%fe%ff',
  '%ed%a0%80',
  '%e2%80%ae',
  '%ef%bf%bd',
  '%f0%9f%98%80',
  '%3f',
  '%23',
  '%3b',
  ';',
  ',',
  '+',
  '~',
  '@',
  ':',
  '\\',
  '\\\\',
  '..\\',
  '%252e%252e',
]

/** One path segment: the site's own words, escapes of every kind, random text, or very long. */
export const segment: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SEGMENTS) },
  { weight: 4, arbitrary: fc.constantFrom(...ENCODED) },
  { weight: 3, arbitrary: fc.webSegment() },
  { weight: 3, arbitrary: percentBytes },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom(...SEGMENTS, ...ENCODED), { minLength: 1, maxLength: 4 })
      .map((a) => a.join('')),
  },
  {
    weight: 1,
    // ASCII only: workerd prints a redirect's non-ASCII Location in full, twice, as a warning.
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', '%41', '%0a', '..', '%', '/'),
        fc.integer({ min: 100, max: 8_000 }),
      )
      .map(([s, n]) => s.repeat(n)),
  },
)

/** A path under `prefixes` (or anywhere), with random segments and maybe a trailing slash. */
export const pathUnder = (prefixes: string[]) =>
  fc
    .record({
      prefix: fc.constantFrom('', ...prefixes),
      segments: fc.array(segment, { maxLength: 6 }),
      trailing: fc.boolean(),
    })
    .map(({ prefix, segments, trailing }) => {
      const rest = segments.join('/')
      return `${prefix}/${rest}${trailing && rest ? '/' : ''}`
    })

const QUERY_NAMES = [
  'page',
  'reference',
  'kind',
  'status',
  'done',
  'from',
  'to',
  'action',
  'actor',
  'q',
  'id',
  'csrf',
  'page[]',
  'utm_source',
]

const QUERY_VALUES = [
  '1',
  '2',
  '0',
  '-1',
  '1.5',
  ' 1',
  '01',
  '1e23',
  '1e308',
  '99999',
  '100000',
  '9'.repeat(25),
  '0x10',
  'SOCA-7K3F-Q9PX',
  'soca-7k3f-q9px',
  'enquiry',
  'application',
  'new',
  'handled',
  'spam',
  'saved',
  'created',
  'published',
  'changed',
  'closed',
  '2026-01-01',
  '2026-02-30',
  '9999-99-99',
  '0000-00-00',
  '275760-09-13',
  'sign-in',
  'sign-in.failed',
  '%',
  '_',
  '%_%',
  // Past the lengths a filter or a number is meant to have.
  'sign-in.failed.'.repeat(4),
  'a'.repeat(1_000),
  '1'.padEnd(21, '0'),
  '-'.concat('9'.repeat(20)),
]

/**
 * A query string: the route's own parameters (`names`, or any route's), others, with odd values,
 * escaped or raw.
 */
export const queryWith = (names: string[] = QUERY_NAMES) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...names) },
          { weight: 1, arbitrary: nastyQuery },
        ),
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...QUERY_VALUES) },
          { weight: 2, arbitrary: nastyQuery },
          { weight: 1, arbitrary: percentBytes },
          // Numbers of any size and form, for page numbers and ids.
          { weight: 1, arbitrary: fc.stringMatching(/^-?\d{1,30}(\.\d{1,3})?(e\d{1,3})?$/) },
          // Long plain text, for filters: LIKE patterns, dates.
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom('a', '%', '_', '-', '.'), fc.integer({ min: 40, max: 20_000 }))
              .map(([c, n]) => c.repeat(n)),
          },
        ),
        fc.boolean(),
      ),
      { maxLength: 5 },
    )
    .map((pairs) =>
      pairs
        .map(([name, value, raw]) =>
          // URLSearchParams, unlike encodeURIComponent, accepts lone surrogates.
          raw ? `${name}=${value}` : new URLSearchParams([[name, value]]).toString(),
        )
        .join('&'),
    )

/** A GET (or HEAD) of a path with a query string and maybe odd headers. */
export const getRequest = (path: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({
      method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD'),
      path,
      query: fc.option(queryWith(), { freq: 2, nil: undefined }),
      headers: fc.oneof(
        { weight: 3, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: extraHeaders },
      ),
    })
    .map(({ method, path, query, headers }) => ({
      method,
      path: query === undefined ? path : `${path}${path.includes('?') ? '&' : '?'}${query}`,
      headers,
      body: { type: 'none' },
    }))
