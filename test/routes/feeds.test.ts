import { env } from 'cloudflare:test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { content } from '../../seed/content.ts'
import { getPage, insertPage } from '../helpers.ts'

const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'entry', 'link'].includes(name),
})

describe('GET /sitemap.xml', () => {
  it('is well-formed sitemaps.org XML listing every published page and article', async () => {
    await insertPage({ path: '/hidden-draft', title: 'Hidden', status: 'draft' })
    const { res, html: xml } = await getPage('/sitemap.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const doc = parser.parse(xml)
    expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const urls: { loc: string; lastmod: string }[] = doc.urlset.url
    const locs = urls.map((u) => u.loc)
    const published = await env.DB.prepare(
      `SELECT path FROM pages WHERE status = 'published'`,
    ).all<{ path: string }>()
    for (const { path } of published.results) expect(locs).toContain(`http://localhost:8787${path}`)
    for (const article of content.news)
      expect(locs).toContain(`http://localhost:8787/news/${article.slug}`)
    expect(locs).not.toContain('http://localhost:8787/hidden-draft')
    for (const url of urls) expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })
})

describe('GET /news.atom', () => {
  it('is a well-formed Atom 1.0 feed with every published article, newest first', async () => {
    const { res, html: xml } = await getPage('/news.atom')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8')
    expect(XMLValidator.validate(xml)).toBe(true)
    const feed = parser.parse(xml).feed
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe('http://localhost:8787/news')
    expect(Date.parse(feed.updated)).not.toBeNaN()
    const entries: {
      id: string
      title: string
      published: string
      updated: string
      content: { '#text': string }
    }[] = feed.entry
    expect(entries).toHaveLength(content.news.length)
    const newestFirst = [...content.news].sort(
      (a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
    )
    expect(entries.map((e) => e.id)).toEqual(
      newestFirst.map((a) => `http://localhost:8787/news/${a.slug}`),
    )
    for (const entry of entries) {
      expect(entry.title).not.toBe('')
      expect(Date.parse(entry.updated)).not.toBeNaN()
    }
    // No seeded article has a change note: each was last updated when it was published.
    expect(entries.map((e) => e.published)).toEqual(
      newestFirst.map((a) => new Date(a.publishedAt).toISOString()),
    )
    for (const entry of entries) expect(entry.updated).toBe(entry.published)
    expect(feed.updated).toBe(entries[0]!.updated)
  })
})

describe('GET /robots.txt', () => {
  it('points crawlers at the sitemap and away from the admin area', async () => {
    const { res, html: text } = await getPage('/robots.txt')
    expect(res.status).toBe(200)
    expect(text).toContain('Disallow: /admin')
    expect(text).toContain('Sitemap: http://localhost:8787/sitemap.xml')
  })
})

describe('GET /.well-known/security.txt', () => {
  it('has the RFC 9116 fields, with Expires less than a year ahead', async () => {
    const { res, html: text } = await getPage('/.well-known/security.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/plain; charset=UTF-8')
    const field = (name: string) => text.match(new RegExp(`^${name}: (.+)$`, 'm'))?.[1]
    expect(field('Contact')).toMatch(/^(mailto:|https:)/)
    expect(field('Canonical')).toBe('http://localhost:8787/.well-known/security.txt')
    expect(field('Policy')).toBe('http://localhost:8787/vulnerability-disclosure')
    const expires = Date.parse(field('Expires') ?? '')
    expect(expires).toBeGreaterThan(Date.now())
    expect(expires).toBeLessThan(Date.now() + 365 * 86_400_000)
    const policy = await getPage('/vulnerability-disclosure')
    expect(policy.res.status).toBe(200)
  })
})
