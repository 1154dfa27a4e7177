import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { countingD1 } from '../d1-counter.ts'
import { ORIGIN, contentChanged, getPage, insertPage, request, sql } from '../helpers.ts'
import worker from '../worker.ts'
import { docxFile, pdfBytes, pngFile } from '../attachment-fixtures.ts'

const hex = async (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')

/** Stores a file in R2 and the library, as an upload would, and returns its address. */
const addToLibrary = async (file: {
  bytes: Uint8Array
  fileName: string
  format: string
  contentType: string
  title: string
  width?: number
  height?: number
  alt?: string
  decorative?: boolean
}) => {
  const sha256 = await hex(file.bytes)
  const key = `attachments/${crypto.randomUUID()}`
  await env.ATTACHMENTS.put(key, file.bytes)
  await env.DB.prepare(
    `INSERT INTO attachments (sha256, object_key, title, file_name, format, content_type, size, width, height, alt, decorative)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
    .bind(
      sha256,
      key,
      file.title,
      file.fileName,
      file.format,
      file.contentType,
      file.bytes.length,
      file.width ?? null,
      file.height ?? null,
      file.alt ?? '',
      file.decorative ? 1 : 0,
    )
    .run()
  return { sha256, path: `/attachments/${sha256}/${file.fileName}` }
}

/** The attributes of the first `<img>` whose src is `src`, or undefined. */
const imageAt = (html: string, src: string) => {
  const tag = html.match(new RegExp(`<img [^>]*src="${src}"[^>]*>`))?.[0]
  if (!tag) return undefined
  return Object.fromEntries(
    Array.from(tag.matchAll(/ ([a-z-]+)="([^"]*)"/g), (m) => [m[1]!, m[2]!]),
  )
}

/** The text of the paragraph holding a link to `href`, tags removed. */
const paragraphWith = (html: string, href: string) =>
  html
    .match(
      new RegExp(`<p class="govuk-body">((?:(?!</p>).)*href="${href}"(?:(?!</p>).)*)</p>`),
    )?.[1]
    ?.replace(/<[^>]+>/g, '')

/** The text of the link to `href`. */
const linkText = (html: string, href: string) =>
  html.match(new RegExp(`<a [^>]*href="${href}"[^>]*>([^<]*)</a>`))?.[1]

const png = pngFile(40, 30)
const pdf = pdfBytes(1_258_291)
const docx = docxFile()
let image: { sha256: string; path: string }
let decorative: { sha256: string; path: string }
let report: { sha256: string; path: string }
let form: { sha256: string; path: string }

beforeAll(async () => {
  image = await addToLibrary({
    bytes: png,
    fileName: 'seized-cash.png',
    format: 'png',
    contentType: 'image/png',
    title: 'Seized cash',
    width: 40,
    height: 30,
    alt: 'Bundles of £20 notes on a table',
  })
  decorative = await addToLibrary({
    bytes: pngFile(8, 2),
    fileName: 'rule.png',
    format: 'png',
    contentType: 'image/png',
    title: 'Divider',
    width: 8,
    height: 2,
    decorative: true,
  })
  report = await addToLibrary({
    bytes: pdf,
    fileName: 'annual-report.pdf',
    format: 'pdf',
    contentType: 'application/pdf',
    title: 'Annual report',
  })
  form = await addToLibrary({
    bytes: docx,
    fileName: 'referral-form.docx',
    format: 'docx',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    title: 'Referral form',
  })
  await insertPage({
    path: '/attachments-demo',
    title: 'Attachments demo',
    body: [
      'Our work in pictures.',
      '',
      `![Anything staff wrote](${image.path})`,
      '',
      `![](${decorative.path})`,
      '',
      `[Annual report 2012 to 2013](${report.path})`,
      '',
      `[Referral form](${form.path})`,
      '',
      `[Gone](/attachments/${'0'.repeat(64)}/gone.pdf)`,
    ].join('\n'),
  })
  await insertPage({ path: '/no-attachments', title: 'No attachments', body: 'Plain text.' })
  await sql(
    `INSERT INTO news_articles (slug, title, summary, body, status, published_at) VALUES (?, ?, ?, ?, 'published', ?)`,
    'seizure-figures',
    'Seizure figures',
    'Figures',
    `![x](${image.path})\n\n[Annual report](${report.path})`,
    Date.now() - 60_000,
  )
  await contentChanged()
})

describe('GET /attachments/<sha256>/<name>', () => {
  it('serves an image inline with its type, a year of immutable caching and nosniff', async () => {
    const res = await request(image.path)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('image/png')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Content-Disposition')).toBe(
      `inline; filename="seized-cash.png"; filename*=UTF-8''seized-cash.png`,
    )
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox")
    expect(res.headers.get('ETag')).toBe(`"${image.sha256}"`)
    expect(res.headers.get('Content-Length')).toBe(String(png.length))
    expect(await hex(await res.arrayBuffer())).toBe(image.sha256)
  })

  it('serves a PDF inline, without a sandbox (Chrome’s PDF viewer will not open in one)', async () => {
    const res = await request(report.path)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(res.headers.get('Content-Disposition')).toMatch(/^inline; filename="annual-report.pdf"/)
    expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'none'; /)
    expect(res.headers.get('Content-Security-Policy')).not.toContain('script-src')
    expect((await res.arrayBuffer()).byteLength).toBe(pdf.length)
  })

  it('serves a DOCX as a download', async () => {
    const res = await request(form.path)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
    expect(res.headers.get('Content-Disposition')).toBe(
      `attachment; filename="referral-form.docx"; filename*=UTF-8''referral-form.docx`,
    )
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; sandbox")
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(docx)
  })

  it('answers HEAD with the headers and length but no body', async () => {
    const res = await request(report.path, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Length')).toBe(String(pdf.length))
    expect(res.headers.get('Content-Type')).toBe('application/pdf')
    expect(await res.text()).toBe('')
  })

  it('answers 304 to a request that has it already', async () => {
    const res = await request(image.path, { headers: { 'If-None-Match': `"${image.sha256}"` } })
    expect(res.status).toBe(304)
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
  })

  it('redirects a wrong file name to the right one', async () => {
    const res = await request(`/attachments/${image.sha256}/old-name.png`, { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe(image.path)
  })

  it('answers 404 for a hash the library does not hold', async () => {
    const res = await request(`/attachments/${'a'.repeat(64)}/report.pdf`)
    expect(res.status).toBe(404)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(res.headers.get('Cache-Control')).not.toContain('immutable')
  })

  it('answers 404 for a malformed address', async () => {
    for (const path of [
      '/attachments/xyz/report.pdf',
      `/attachments/${'A'.repeat(64)}/report.pdf`,
      `/attachments/${image.sha256}`,
      `/attachments/${image.sha256}/a/b.png`,
      '/attachments',
    ]) {
      const res = await request(path)
      expect(res.status, path).toBe(404)
    }
  })

  it('is not kept in the edge cache, which keeps whole pages in memory', async () => {
    const res = await request(image.path)
    expect(res.headers.get('X-Cache')).toBeNull()
  })
})

describe('attachments on a published page', () => {
  it('shows a library image with its alt text, size and lazy loading, and its stylesheet', async () => {
    const { res, html } = await getPage('/attachments-demo')
    expect(res.status).toBe(200)
    expect(imageAt(html, image.path)).toEqual({
      src: image.path,
      alt: 'Bundles of £20 notes on a table',
      width: '40',
      height: '30',
      loading: 'lazy',
      class: 'soca-attachment-image',
    })
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/attachment\.[0-9a-f]+\.css">/)
  })

  it('gives a decorative image empty alt text', async () => {
    const { html } = await getPage('/attachments-demo')
    expect(imageAt(html, decorative.path)).toMatchObject({ alt: '', width: '8', height: '2' })
  })

  it('shows a document as its title linked, then its type and size', async () => {
    const { html } = await getPage('/attachments-demo')
    expect(linkText(html, report.path)).toBe('Annual report 2012 to 2013')
    expect(paragraphWith(html, report.path)).toBe('Annual report 2012 to 2013 (PDF, 1.2 MB)')
    expect(paragraphWith(html, form.path)).toMatch(/^Referral form \(DOCX, \d+ bytes\)$/)
  })

  it('shows an address the library does not hold as written', async () => {
    const { html } = await getPage('/attachments-demo')
    expect(paragraphWith(html, `/attachments/${'0'.repeat(64)}/gone.pdf`)).toBe('Gone')
  })

  it('leaves the stylesheet out of a page with no library image', async () => {
    const { html } = await getPage('/no-attachments')
    expect(html).not.toContain('/assets/attachment.')
  })

  it('looks the attachments up in one more D1 query, and none for a page without any', async () => {
    const fetchWith = async (path: string) => {
      const { db, counter } = countingD1()
      const ctx = createExecutionContext()
      const res = await worker.fetch(
        new Request(new URL(path, ORIGIN), { headers: { 'X-Bypass-Cache': '1' } }),
        // The edge cache would answer a page it holds without D1: bypassed, as `npm run bench` does.
        { ...env, DB: db, ALLOW_CACHE_BYPASS: 'true' } as Env,
        ctx,
      )
      await waitOnExecutionContext(ctx)
      expect(res.status).toBe(200)
      return counter.roundTrips
    }
    const withFiles = await fetchWith('/attachments-demo')
    const without = await fetchWith('/no-attachments')
    expect(withFiles - without).toBe(1)
  })
})

describe('attachments in a news article', () => {
  it('shows the image and the document as on a page', async () => {
    const { res, html } = await getPage('/news/seizure-figures')
    expect(res.status).toBe(200)
    expect(imageAt(html, image.path)).toMatchObject({
      alt: 'Bundles of £20 notes on a table',
      width: '40',
      height: '30',
      loading: 'lazy',
    })
    expect(paragraphWith(html, report.path)).toBe('Annual report (PDF, 1.2 MB)')
  })
})
