import { Hono } from 'hono/tiny'
import { html } from 'hono/html'
import { HTTPException } from 'hono/http-exception'
import type { Database } from '../db/client.ts'
import { latestNewsQuery, newsCountQuery, newsLinksQuery } from '../db/news.ts'
import { publishedPageCountQuery, sitemapPagesPartQuery } from '../db/pages.ts'
import { openVacancyCountQuery, openVacancyLinksQuery } from '../db/vacancies.ts'
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

/**
 * The most URLs in one sitemap file. sitemaps.org allows 50,000 (or 50 MB; ours are about 100
 * bytes each, so the count is the limit reached first) and an index at any size. Splitting at
 * 5,000 keeps every answer small: past it, sitemap.xml is an index made from the counts alone,
 * as fast with 30,000 addresses as with 30, and each part is one bounded, index-ordered read.
 */
const SITEMAP_MAX_URLS = 5_000

/** The kinds of address sitemap.xml's parts list, as their file names begin. */
const SITEMAP_PARTS = ['pages', 'news', 'vacancies'] as const
type SitemapPart = (typeof SITEMAP_PARTS)[number]

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}
const xmlEscape = (value: string) => value.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch)

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
const XML_TYPE = { 'Content-Type': 'application/xml; charset=utf-8' }

/** A <urlset> of addresses (paths on this site) with when each last changed. */
const urlset = (site: string, entries: { path: string; updated: Date }[]) =>
  // Built as one string: a sitemap can hold 5,000 entries.
  `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries
    .map(
      (e) =>
        `<url><loc>${xmlEscape(new URL(e.path, site).href)}</loc><lastmod>${isoDate(e.updated)}</lastmod></url>\n`,
    )
    .join('')}</urlset>\n`

/** Part `part` of the addresses of one kind, each part at most SITEMAP_MAX_URLS long. */
const partQuery = (db: Database, kind: SitemapPart, part: number, now: Date) =>
  ({
    pages: sitemapPagesPartQuery(db, part, SITEMAP_MAX_URLS),
    news: newsLinksQuery(db, part, SITEMAP_MAX_URLS, now),
    vacancies: openVacancyLinksQuery(db, part, SITEMAP_MAX_URLS, ukToday(now)),
  })[kind]

/** The rows of a part as addresses. */
const partEntries = (
  rows: { path?: string; slug?: string; updatedAt: Date }[],
  kind: SitemapPart,
) =>
  rows.map((row) => ({
    path:
      kind === 'pages'
        ? (row.path ?? '/')
        : kind === 'news'
          ? `/news/${row.slug}`
          : `/careers/vacancies/${row.slug}`,
    updated: row.updatedAt,
  }))

// sitemaps.org protocol: absolute <loc>, <lastmod> in W3C date format. Up to 5,000 addresses
// it is one <urlset>; beyond, a <sitemapindex> of parts of up to 5,000 each, by kind
// (/sitemaps/pages-1.xml, /sitemaps/news-1.xml, …). The counts come from the indexes alone.
feeds.get('/sitemap.xml', async (c) => {
  const db = c.var.db
  const now = new Date()
  const [[pageCount], [newsCount], [vacancyCount]] = await db.batch([
    publishedPageCountQuery(db),
    newsCountQuery(db, now),
    openVacancyCountQuery(db, ukToday(now)),
  ])
  const counts: Record<SitemapPart, number> = {
    pages: pageCount?.total ?? 0,
    news: newsCount?.total ?? 0,
    vacancies: vacancyCount?.total ?? 0,
  }
  const site = c.env.SITE_URL
  if (counts.pages + counts.news + counts.vacancies > SITEMAP_MAX_URLS) {
    const parts = SITEMAP_PARTS.flatMap((kind) =>
      Array.from(
        { length: Math.ceil(counts[kind] / SITEMAP_MAX_URLS) },
        (_, at) =>
          `<sitemap><loc>${xmlEscape(new URL(`/sitemaps/${kind}-${at + 1}.xml`, site).href)}</loc></sitemap>\n`,
      ),
    )
    const index = `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.join('')}</sitemapindex>\n`
    return c.body(index, 200, XML_TYPE)
  }
  const [pageRows, newsRows, vacancyRows] = await db.batch([
    partQuery(db, 'pages', 1, now),
    partQuery(db, 'news', 1, now),
    partQuery(db, 'vacancies', 1, now),
  ])
  const entries = [
    ...partEntries(pageRows, 'pages'),
    ...partEntries(newsRows, 'news'),
    ...partEntries(vacancyRows, 'vacancies'),
  ]
  return c.body(urlset(site, entries), 200, XML_TYPE)
})

// A part of the sitemap index: one kind's addresses, in index order, at most 5,000.
feeds.get('/sitemaps/:file{(?:pages|news|vacancies)-[1-9][0-9]{0,4}\\.xml}', async (c) => {
  const [kind, number] = c.req.param('file').replace('.xml', '').split('-') as [SitemapPart, string]
  const rows = await partQuery(c.var.db, kind, Number(number), new Date())
  if (rows.length === 0) throw new HTTPException(404)
  return c.body(urlset(c.env.SITE_URL, partEntries(rows, kind)), 200, XML_TYPE)
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
