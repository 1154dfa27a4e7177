import { env } from 'cloudflare:test'
import { exports } from 'cloudflare:workers'
import { vi } from 'vitest'
import { rememberVersion } from '../src/http/content-version.ts'

/** The origin tests send requests to; it matches SITE_URL in wrangler.toml. */
export const ORIGIN = 'http://localhost:8787'

/** Sends a request through the Worker's fetch handler, as a visitor's request would arrive. */
export const request = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(new URL(path, ORIGIN), init))

/** GETs a path and returns the response with its body as text. */
export const getPage = async (path: string, init?: RequestInit) => {
  const res = await request(path, init)
  return { res, html: await res.text() }
}

/** Counts the matches of a pattern in a string. */
export const countOf = (text: string, pattern: RegExp) =>
  (text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? []).length

let versionCounter = 0

/**
 * Moves the content version on, in D1 and in this location's cache, as publishing does: tests
 * that change content with SQL must call it, or the edge cache rightly serves the old pages.
 */
export const contentChanged = async () => {
  const version = String(Date.now() * 1000 + ++versionCounter)
  await env.DB.prepare(
    "INSERT INTO settings (key, value) VALUES ('content_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  )
    .bind(version)
    .run()
  await rememberVersion(caches.default, ORIGIN, version)
}

/** The first row a query finds in the test file's D1, or null. */
export const row = <T>(query: string, ...values: unknown[]) =>
  env.DB.prepare(query)
    .bind(...values)
    .first<T>()

/** Every row a query finds in the test file's D1. */
export const rows = async <T>(query: string, ...values: unknown[]) =>
  (
    await env.DB.prepare(query)
      .bind(...values)
      .all<T>()
  ).results

/** Runs one SQL statement with bound values against the test file's D1, as a content change. */
export const sql = async (query: string, ...values: unknown[]) => {
  const result = await env.DB.prepare(query)
    .bind(...values)
    .run()
  await contentChanged()
  return result
}

/** Inserts a published page under `parentPath` (or at the top level) and returns its path. */
export const insertPage = async (page: {
  path: string
  title: string
  summary?: string
  body?: string
  parentPath?: string
  navOrder?: number | null
  status?: 'draft' | 'published' | 'unpublished'
}) => {
  await sql(
    `INSERT INTO pages (path, parent_id, title, summary, body, nav_order, status)
     VALUES (?, (SELECT id FROM pages WHERE path = ?), ?, ?, ?, ?, ?)`,
    page.path,
    page.parentPath ?? null,
    page.title,
    page.summary ?? `Summary of ${page.title}`,
    page.body ?? '',
    page.navOrder ?? null,
    page.status ?? 'published',
  )
  return page.path
}

/** Inserts a news article published at `publishedAt`. */
export const insertArticle = (
  slug: string,
  title: string,
  publishedAt: Date,
  status = 'published',
) =>
  sql(
    `INSERT INTO news_articles (slug, title, summary, body, status, published_at) VALUES (?, ?, ?, ?, ?, ?)`,
    slug,
    title,
    `Summary of ${title}`,
    `Body of ${title}`,
    status,
    publishedAt.getTime(),
  )

/** Inserts a published vacancy closing on `closingDate` (YYYY-MM-DD). */
export const insertVacancy = (slug: string, title: string, closingDate: string) =>
  sql(
    `INSERT INTO vacancies (slug, title, summary, grade, location, salary, closing_date, body, status)
     VALUES (?, ?, ?, 'Grade 5', 'Manchester', '£30,000', ?, 'About the role', 'published')`,
    slug,
    title,
    `Summary of ${title}`,
    closingDate,
  )

/** A date `days` from today (negative for the past) as YYYY-MM-DD. */
export const isoDay = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

let clientCounter = 0

/** A client address of its own, so each test starts with an empty rate limit. */
export const newClientIp = () => `192.0.2.${(clientCounter = (clientCounter + 1) % 250) + 1}`

/** Headers a same-site browser form POST carries. */
export const sameSiteHeaders = (ip = newClientIp()) => ({
  Origin: ORIGIN,
  'Sec-Fetch-Site': 'same-origin',
  'CF-Connecting-IP': ip,
})

/** POSTs fields as a browser sends an ordinary form (application/x-www-form-urlencoded). */
export const postForm = (
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = sameSiteHeaders(),
) =>
  request(path, {
    method: 'POST',
    body: new URLSearchParams(fields),
    headers,
    redirect: 'manual',
  })

/** POSTs fields and files as a browser sends a form with a file input (multipart/form-data). */
export const postMultipart = (
  path: string,
  fields: Record<string, string>,
  files: Record<string, File> = {},
  headers: Record<string, string> = sameSiteHeaders(),
) => {
  const body = new FormData()
  for (const [name, value] of Object.entries(fields)) body.append(name, value)
  for (const [name, file] of Object.entries(files)) body.append(name, file)
  return request(path, { method: 'POST', body, headers, redirect: 'manual' })
}

/** The error summary's messages, in order. */
export const summaryErrors = (html: string) => {
  const start = html.indexOf('govuk-error-summary__list')
  if (start < 0) return []
  const list = html.slice(start, html.indexOf('</ul>', start))
  return [...list.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => ({
    field: m[1],
    message: m[2]!.replace(/&#39;/g, "'"),
  }))
}

/** The stored submissions, newest last. */
export const storedSubmissions = async () =>
  (
    await env.DB.prepare('SELECT * FROM submissions ORDER BY id').all<{
      id: number
      reference: string
      kind: string
      vacancy_id: number | null
      fields: string
      status: string
      cv_key: string | null
      cv_content_type: string | null
      cv_size: number | null
      created_at: number
    }>()
  ).results

/** A small file that is a PDF by its content. */
export const pdfFile = (name = 'cv.pdf', size = 2000) => {
  const head = new TextEncoder().encode('%PDF-1.7\n')
  const bytes = new Uint8Array(size)
  bytes.set(head)
  return new File([bytes], name, { type: 'application/pdf' })
}

/** A small file laid out like a DOCX: a ZIP archive holding word/document.xml. */
export const docxFile = (name = 'cv.docx') => {
  const text = 'PK\u0003\u0004....[Content_Types].xml....word/document.xml....'
  return new File([new TextEncoder().encode(text)], name, {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  })
}

/** The fields of a complete, valid job application. */
export const validApplication = {
  fullName: 'Sam Applicant',
  email: 'sam@example.com',
  phone: '01632 960 001',
  rightToWork: 'yes',
  statement: 'I have ten years of experience in financial investigation.',
  declaration: 'confirmed',
}

/**
 * Captures what the Worker logs with console.log and console.error for the rest of the test,
 * instead of printing it, and returns the lines parsed as JSON (or `{ text }` when a line is
 * not JSON): a test asserts the logs it expects rather than showing them among the results.
 * Undo it with vi.restoreAllMocks().
 */
export const captureLogs = () => {
  const lines: Record<string, unknown>[] = []
  const keep = (first: unknown) => {
    try {
      lines.push(JSON.parse(String(first)))
    } catch {
      lines.push({ text: String(first) })
    }
  }
  vi.spyOn(console, 'log').mockImplementation(keep)
  vi.spyOn(console, 'error').mockImplementation(keep)
  return lines
}
