import { env } from 'cloudflare:test'
import { exports } from 'cloudflare:workers'

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

/** Runs one SQL statement with bound values against the test file's D1. */
export const sql = (query: string, ...values: unknown[]) =>
  env.DB.prepare(query)
    .bind(...values)
    .run()

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
export const insertArticle = (slug: string, title: string, publishedAt: Date, status = 'published') =>
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
