import { Hono } from 'hono/tiny'
import { html } from 'hono/html'
import { allNewsQuery, latestNewsQuery } from '../db/news.ts'
import { publishedPagesQuery } from '../db/pages.ts'
import { openVacanciesQuery } from '../db/vacancies.ts'
import type { AppEnv } from '../env.ts'
import { lastNoted } from '../lib/change-notes.ts'
import { ukToday } from '../lib/dates.ts'
import { renderMarkdown } from '../lib/markdown.ts'

/** Machine-readable routes: sitemap.xml, the Atom feed, robots.txt and security.txt. */
export const feeds = new Hono<AppEnv>()

/** How many articles the Atom feed carries. */
const FEED_SIZE = 20
const DAY = 24 * 60 * 60 * 1000

const isoDate = (d: Date) => d.toISOString().slice(0, 10)

// sitemaps.org protocol: absolute <loc>, <lastmod> in W3C date format.
feeds.get('/sitemap.xml', async (c) => {
  const db = c.var.db
  const now = new Date()
  const [tree, news, vacancies] = await db.batch([
    publishedPagesQuery(db),
    allNewsQuery(db, now),
    openVacanciesQuery(db, ukToday(now)),
  ])
  const entries = [
    ...tree.map((p) => ({ path: p.path, updated: p.updatedAt })),
    ...news.map((a) => ({ path: `/news/${a.slug}`, updated: a.updatedAt })),
    ...vacancies.map((v) => ({ path: `/careers/vacancies/${v.slug}`, updated: v.updatedAt })),
  ]
  const body = html`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map(
  (e) =>
    html`<url><loc>${new URL(e.path, c.env.SITE_URL).href}</loc><lastmod>${isoDate(e.updated)}</lastmod></url>
`,
)}</urlset>
`
  return c.body(await body, 200, { 'Content-Type': 'application/xml; charset=utf-8' })
})

// Atom 1.0 (RFC 4287): the feed and each entry need id, title and updated. An entry's <updated>
// is its latest change note, the last change its readers were told about (a typo fix is not
// news), else when it was published; the feed's is its newest entry's.
feeds.get('/news.atom', async (c) => {
  const db = c.var.db
  const articles = (await latestNewsQuery(db, FEED_SIZE, new Date())).map((a) => {
    const published = a.publishedAt ?? a.updatedAt
    return { ...a, published, updated: lastNoted(a.changeNotes) ?? published }
  })
  const site = c.env.SITE_URL
  const updated = articles.reduce(
    (latest, a) => (a.updated > latest ? a.updated : latest),
    new Date(0),
  )
  const body = html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">
<title>Serious Organised Crime Agency news</title>
<id>${new URL('/news', site).href}</id>
<link rel="self" type="application/atom+xml" href="${new URL('/news.atom', site).href}"/>
<link rel="alternate" type="text/html" href="${new URL('/news', site).href}"/>
<updated>${updated.toISOString()}</updated>
<author><name>Serious Organised Crime Agency</name></author>
<rights>© Crown copyright</rights>
${articles.map((a) => {
  const url = new URL(`/news/${a.slug}`, site).href
  return html`<entry>
<id>${url}</id>
<title>${a.title}</title>
<link rel="alternate" type="text/html" href="${url}"/>
<published>${a.published.toISOString()}</published>
<updated>${a.updated.toISOString()}</updated>
<summary>${a.summary}</summary>
<content type="html">${renderMarkdown(a.body)}</content>
</entry>
`
})}</feed>
`
  return c.body(await body, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' })
})

feeds.get('/robots.txt', (c) =>
  c.text(
    `User-agent: *\nDisallow: /admin\n\nSitemap: ${new URL('/sitemap.xml', c.env.SITE_URL).href}\n`,
  ),
)

// RFC 9116. Expires must be less than a year ahead; it is set 180 days from the start of today,
// so the file never goes stale and stays byte-identical (and cacheable) for a whole day.
feeds.get('/.well-known/security.txt', (c) => {
  const today = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate(),
  )
  const site = c.env.SITE_URL
  return c.text(
    [
      `Contact: ${c.env.SECURITY_CONTACT}`,
      `Expires: ${new Date(today + 180 * DAY).toISOString()}`,
      `Canonical: ${new URL('/.well-known/security.txt', site).href}`,
      `Policy: ${new URL('/vulnerability-disclosure', site).href}`,
      'Preferred-Languages: en',
      '',
    ].join('\n'),
  )
})
