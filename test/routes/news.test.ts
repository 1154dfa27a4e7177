import { beforeAll, describe, expect, it } from 'vitest'
import { content } from '../../seed/content.ts'
import { countOf, getPage, insertArticle, request } from '../helpers.ts'

const seeded = content.news.length
const added = 25
const total = seeded + added
const lastPage = Math.ceil(total / 10)

beforeAll(async () => {
  // Newer than every seeded article: 2020-01-01 plus i days.
  for (let i = 1; i <= added; i++) {
    await insertArticle(`story-${i}`, `Story ${i}`, new Date(Date.UTC(2020, 0, 1 + i)))
  }
  await insertArticle('future-story', 'Scheduled story', new Date(Date.now() + 86_400_000))
  await insertArticle('draft-story', 'Draft story', new Date(Date.UTC(2021, 0, 1)), 'draft')
})

const listedSlugs = (html: string) =>
  [
    ...html.matchAll(
      /<h2 class="govuk-heading-m[^"]*"><a class="govuk-link" href="\/news\/([^"]+)"/g,
    ),
  ].map((m) => m[1])

describe('GET /news', () => {
  it('lists the ten newest articles first', async () => {
    const { res, html } = await getPage('/news')
    expect(res.status).toBe(200)
    expect(listedSlugs(html)).toEqual(Array.from({ length: 10 }, (_, i) => `story-${added - i}`))
    expect(html).toContain('<nav class="govuk-pagination" aria-label="Pagination">')
    expect(html).toContain('href="/news?page=2" rel="next"')
  })

  it('never lists drafts or articles due in the future', async () => {
    const pages = await Promise.all(
      Array.from({ length: lastPage }, (_, i) =>
        getPage(i === 0 ? '/news' : `/news?page=${i + 1}`),
      ),
    )
    const slugs = pages.flatMap((p) => listedSlugs(p.html))
    expect(slugs).toHaveLength(total)
    expect(slugs).not.toContain('future-story')
    expect(slugs).not.toContain('draft-story')
  })

  it('says when each article was published', async () => {
    const { html } = await getPage('/news')
    const published = new Date(Date.UTC(2020, 0, 1 + added))
    expect(html).toContain(
      `<p class="soca-meta">Published <time datetime="${published.toISOString()}">${published.getUTCDate()} January 2020</time></p>`,
    )
    expect(countOf(html, /<p class="soca-meta">Published <time /)).toBe(10)
  })

  it('serves the last page with the remaining articles and no next link', async () => {
    const { res, html } = await getPage(`/news?page=${lastPage}`)
    expect(res.status).toBe(200)
    expect(listedSlugs(html)).toHaveLength(total - (lastPage - 1) * 10)
    expect(html).toContain(`<title>News (page ${lastPage} of ${lastPage}) – SOCA</title>`)
    expect(html).not.toContain('rel="next"')
    expect(html).toContain('aria-current="page"')
  })

  it('redirects ?page=1 to /news', async () => {
    const res = await request('/news?page=1', { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/news')
  })

  it.each(['0', '-1', 'abc', '2.5', '1e3', '', '01', '99999999999999999999', String(lastPage + 1)])(
    'answers ?page=%s with a 404 page, never a 500',
    async (value) => {
      const { res, html } = await getPage(`/news?page=${encodeURIComponent(value)}`)
      expect(res.status).toBe(404)
      expect(html).toContain('Page not found')
    },
  )
})

describe('GET /news/:slug', () => {
  it('renders the article with its date and body', async () => {
    const article = content.news[0]!
    const { res, html } = await getPage(`/news/${article.slug}`)
    expect(res.status).toBe(200)
    expect(html).toContain(`<title>${article.title} – SOCA</title>`)
    expect(html).toContain(`<time datetime="${new Date(article.publishedAt).toISOString()}">`)
    expect(html).toMatch(
      /<p class="soca-meta">Published <time [^>]+>\d{1,2} [A-Z][a-z]+ \d{4}<\/time><\/p>/,
    )
    // No change notes in the seed: no "Last updated" and no change history.
    expect(html).not.toContain('Last updated')
    expect(html).not.toContain('See all updates')
    expect(html).toContain('<meta property="og:type" content="article">')
    expect(html).toContain('href="/news">News</a>')
    expect(countOf(html, /<h1[ >]/)).toBe(1)
  })

  it('answers 404 for an unknown, draft or future article', async () => {
    for (const slug of ['nope', 'draft-story', 'future-story']) {
      expect((await request(`/news/${slug}`)).status).toBe(404)
    }
  })
})

describe('GET / latest news', () => {
  it('shows the three newest articles on the home page', async () => {
    const { html } = await getPage('/')
    expect(html).toContain('href="/news/story-25"')
    expect(html).toContain('href="/news/story-23"')
    expect(html).not.toContain('href="/news/story-22"')
  })
})
