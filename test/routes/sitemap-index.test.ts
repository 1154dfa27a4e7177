// sitemap.xml in parts: one <urlset> of up to 5,000 addresses, and past that a <sitemapindex> of
// parts of at most 5,000 each (sitemaps.org requires an index past 50,000 and allows one at any
// size). The test inserts the rows it needs.
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { countOf, getPage, row, sql } from '../helpers.ts'

/** How many addresses the site has now: published pages, live news and open vacancies. */
const addressCount = async () =>
  (await row<{ n: number }>(
    `SELECT (SELECT count(*) FROM pages WHERE status = 'published')
      + (SELECT count(*) FROM news_articles WHERE status = 'published' AND published_at <= ?)
      + (SELECT count(*) FROM vacancies WHERE status = 'published' AND closing_date >= date('now'))
      AS n`,
    Date.now(),
  ))!.n

/** Adds `count` published news articles, numbered from `from`, with one statement. */
const addArticles = (from: number, count: number) =>
  sql(
    `WITH RECURSIVE n(i) AS (SELECT CAST(? AS INTEGER) UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO news_articles (slug, title, status, published_at)
     SELECT 'bulk-' || i, 'Bulk article ' || i, 'published', 1000000000000 + i FROM n`,
    from,
    from + count - 1,
  )

const xml = async (path: string) => {
  const { res, html } = await getPage(path)
  expect(res.status, path).toBe(200)
  expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
  return html
}

describe('GET /sitemap.xml in parts of 5,000', () => {
  it('is one urlset of 5,000 addresses, then an index of parts once there are more', async () => {
    const missing = 5_000 - (await addressCount())
    await addArticles(1, missing)
    const full = await xml('/sitemap.xml')
    expect(full).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(countOf(full, /<url>/)).toBe(5_000)

    await addArticles(missing + 1, 1)
    const index = await xml('/sitemap.xml')
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(index).not.toContain('<urlset')
    const partsOf = (index: string) =>
      (
        new XMLParser({ isArray: (name) => name === 'sitemap' }).parse(index).sitemapindex
          .sitemap as { loc: string }[]
      ).map((s) => new URL(s.loc).pathname)
    expect(partsOf(index)).toEqual([
      '/sitemaps/pages-1.xml',
      '/sitemaps/news-1.xml',
      '/sitemaps/vacancies-1.xml',
    ])

    // Past 5,000 articles, the news is in two parts, the oldest in the second.
    const news = (await row<{ n: number }>('SELECT count(*) AS n FROM news_articles'))!.n
    await addArticles(missing + 2, 5_010 - news)
    expect(partsOf(await xml('/sitemap.xml'))).toEqual([
      '/sitemaps/pages-1.xml',
      '/sitemaps/news-1.xml',
      '/sitemaps/news-2.xml',
      '/sitemaps/vacancies-1.xml',
    ])
    const parts = await Promise.all(
      ['pages-1', 'news-1', 'news-2', 'vacancies-1'].map((part) => xml(`/sitemaps/${part}.xml`)),
    )
    expect(parts.map((part) => countOf(part, /<url>/))).toEqual([
      (await addressCount()) - 5_010 - countOf(parts[3]!, /<url>/),
      5_000,
      10,
      countOf(parts[3]!, /<url>/),
    ])
    expect(parts[0]).toContain('<loc>http://localhost:8787/threats/fraud</loc>')
    expect(parts[2]).toContain('<loc>http://localhost:8787/news/bulk-1</loc>')
    expect(parts[3]).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
  }, 60_000)

  it('answers 404 for a part past the last, and for an unknown kind of part', async () => {
    expect((await getPage('/sitemaps/news-3.xml')).res.status).toBe(404)
    expect((await getPage('/sitemaps/staff-1.xml')).res.status).toBe(404)
    expect((await getPage('/sitemaps/news-0.xml')).res.status).toBe(404)
  })
})
