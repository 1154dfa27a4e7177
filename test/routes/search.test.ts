import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import {
  RANKED_NEWS,
  SEARCH_PAGE_SIZE,
  type SearchCriteria,
  type SearchFilter,
  searchCountsQuery,
  searchResultsQuery,
} from '../../src/db/search.ts'
import { SEARCH_INDEX_REBUILD } from '../../src/db/search-index.ts'
import { cacheKeyPath } from '../../src/http/cache-rules.ts'
import { ukToday } from '../../src/lib/dates.ts'
import { MARK_CLOSE, MARK_OPEN, matchExpression } from '../../src/lib/search-query.ts'
import { countingD1 } from '../d1-counter.ts'
import {
  ORIGIN,
  contentChanged,
  getPage,
  insertArticle,
  insertPage,
  insertVacancy,
  isoDay,
  request,
  rows,
  sql,
} from '../helpers.ts'
import worker from '../worker.ts'

/** Fills the search index from the live rows again, as publishing would have, row by row. */
const reindex = async () => {
  await env.DB.batch(SEARCH_INDEX_REBUILD.map((s) => env.DB.prepare(s)))
  await contentChanged()
}

const main = (html: string) => parseHTML(html).document.querySelector('main')!

/** The result links of a search page, in order. */
const resultPaths = (html: string) =>
  [...main(html).querySelectorAll('ol.govuk-list > li h2 a')].map((a) => a.getAttribute('href'))

const countText = (html: string) => main(html).querySelector('#search-count')?.textContent

const filterLinks = (html: string) =>
  [...main(html).querySelectorAll('nav[aria-label="Filter results by type"] a')].map((a) => ({
    text: a.textContent,
    href: a.getAttribute('href'),
    current: a.getAttribute('aria-current'),
  }))

beforeAll(async () => {
  // Ranking: the same rare word in the title, the summary or the body of three pages of
  // similar length.
  await insertPage({
    path: '/rank-body',
    title: 'Annual report',
    summary: 'What the agency did this year.',
    body: 'The quillwort operation ended in arrests.',
  })
  await insertPage({
    path: '/rank-title',
    title: 'Quillwort operation',
    summary: 'What the agency did this year.',
    body: 'The operation ended in arrests.',
  })
  await insertPage({
    path: '/rank-summary',
    title: 'Operation report',
    summary: 'The quillwort operation this year.',
    body: 'The operation ended in arrests.',
  })
  // Stemming.
  await insertPage({
    path: '/stemming',
    title: 'Victims of exploitation',
    summary: 'Support for victims.',
    body: 'Adults and children are trafficking victims across Europe.',
  })
  // Escaping: stored markup shows as text.
  await insertPage({
    path: '/stored-markup',
    title: 'Markup <b>title</b>',
    summary: 'A page about xylophagous beetles.',
    body: 'Before <script>alert("xylophagous")</script> after, and <img src=x onerror=alert(1)>.',
  })
  // Filters, counts and pages: 12 pages, 2 live news articles (and one due tomorrow), one
  // open vacancy and one closed.
  for (let i = 1; i <= 12; i++) {
    await insertPage({
      path: `/marmoset-${i}`,
      title: `Marmoset page ${i}`,
      body: 'About the marmoset.',
    })
  }
  await insertArticle('marmoset-news-1', 'Marmoset news one', new Date(Date.UTC(2013, 4, 1)))
  await insertArticle('marmoset-news-2', 'Marmoset news two', new Date(Date.UTC(2013, 4, 2)))
  await insertArticle('marmoset-due', 'Marmoset future', new Date(Date.now() + 86_400_000))
  await insertVacancy('marmoset-open', 'Marmoset keeper', isoDay(30))
  await insertVacancy('marmoset-closed', 'Marmoset handler', isoDay(-2))
  await insertPage({ path: '/marmoset-draft', title: 'Marmoset draft', status: 'draft' })
  await reindex()
})

describe('GET /search', () => {
  it('shows the form and no results before any search', async () => {
    const { res, html } = await getPage('/search')
    expect(res.status).toBe(200)
    const page = main(html)
    expect(page.querySelector('h1')?.textContent).toBe('Search')
    expect(page.querySelector('label[for="search-q"]')?.textContent).toBe('Search this site')
    expect(page.querySelector('input#search-q')?.getAttribute('name')).toBe('q')
    expect(countText(html)).toBeUndefined()
    expect(html).toContain('<meta name="robots" content="noindex">')
  })

  it('ranks a match in the title above one in the summary, and that above one in the body', async () => {
    const { res, html } = await getPage('/search?q=quillwort')
    expect(res.status).toBe(200)
    expect(resultPaths(html)).toEqual(['/rank-title', '/rank-summary', '/rank-body'])
    expect(countText(html)).toBe('3 results for ‘quillwort’')
  })

  it('finds other forms of a word ("trafficked" finds "trafficking")', async () => {
    for (const q of ['trafficked', 'trafficked victims', 'TRAFFICKED']) {
      const { html } = await getPage(`/search?q=${encodeURIComponent(q)}`)
      expect(resultPaths(html), q).toContain('/stemming')
    }
    const { html } = await getPage('/search?q=trafficked')
    const marks = [...main(html).querySelectorAll('mark')].map((m) => m.textContent)
    expect(marks).toContain('trafficking')
  })

  it('finds a word from its first letters, in the last word of a search', async () => {
    const { html } = await getPage('/search?q=quillw')
    expect(resultPaths(html)).toEqual(['/rank-title', '/rank-summary', '/rank-body'])
  })

  it('highlights matches in snippets and shows stored markup as text', async () => {
    const { res, html } = await getPage('/search?q=xylophagous')
    expect(res.status).toBe(200)
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<b>title</b>')
    const result = main(html).querySelector('ol.govuk-list > li')!
    expect(result.querySelector('h2 a')?.textContent).toBe('Markup <b>title</b>')
    const snippet = result.querySelector('p.govuk-body')!
    expect(snippet.querySelectorAll('script, img, b')).toHaveLength(0)
    expect(snippet.textContent).toContain('<script>alert("xylophagous")</script>')
    expect(snippet.innerHTML).toContain('&lt;script&gt;alert("<mark>xylophagous</mark>")')
  })

  it('counts results by type, filters by type, and marks the current filter', async () => {
    const { html } = await getPage('/search?q=marmoset')
    expect(countText(html)).toBe('15 results for ‘marmoset’')
    expect(filterLinks(html)).toEqual([
      { text: 'All (15)', href: '/search?q=marmoset', current: 'page' },
      { text: 'Pages (12)', href: '/search?q=marmoset&type=page', current: null },
      { text: 'News (2)', href: '/search?q=marmoset&type=news', current: null },
      { text: 'Vacancies (1)', href: '/search?q=marmoset&type=vacancy', current: null },
    ])
    const news = await getPage('/search?q=marmoset&type=news')
    expect(resultPaths(news.html).sort()).toEqual([
      '/news/marmoset-news-1',
      '/news/marmoset-news-2',
    ])
    expect(countText(news.html)).toBe('2 results for ‘marmoset’')
    expect(filterLinks(news.html).find((l) => l.current)?.text).toBe('News (2)')
    expect(main(news.html).querySelector('time')?.textContent).toMatch(/May 2013/)
    const vacancies = await getPage('/search?q=marmoset&type=vacancy')
    expect(resultPaths(vacancies.html)).toEqual(['/careers/vacancies/marmoset-open'])
    // The filter stays when searching again from the results.
    expect(
      main(news.html).querySelector('input[type="hidden"][name="type"]')?.getAttribute('value'),
    ).toBe('news')
  })

  it('never finds drafts, closed vacancies or news not yet due', async () => {
    const all = [1, 2].map((n) => getPage(`/search?q=marmoset${n === 1 ? '' : '&page=2'}`))
    const paths = (await Promise.all(all)).flatMap(({ html }) => resultPaths(html))
    expect(paths).toHaveLength(15)
    expect(paths).not.toContain('/marmoset-draft')
    expect(paths).not.toContain('/careers/vacancies/marmoset-closed')
    expect(paths).not.toContain('/news/marmoset-due')
  })

  it('shows 10 results a page, with pagination, and 404 beyond the last page', async () => {
    const first = await getPage('/search?q=marmoset')
    expect(resultPaths(first.html)).toHaveLength(10)
    expect(first.html).toContain('href="/search?q=marmoset&amp;page=2" rel="next"')
    expect(first.html).toMatch(/<link rel="stylesheet" href="\/assets\/pagination\.[0-9a-f]+\.css"/)
    const second = await getPage('/search?q=marmoset&page=2')
    expect(second.res.status).toBe(200)
    expect(resultPaths(second.html)).toHaveLength(5)
    expect(new Set([...resultPaths(first.html), ...resultPaths(second.html)]).size).toBe(15)
    expect(second.html).toContain(
      '<title>Search results for ‘marmoset’ (page 2 of 2) – SOCA</title>',
    )
    expect((await request('/search?q=marmoset&page=3')).status).toBe(404)
    expect((await request('/search?q=marmoset&page=0')).status).toBe(404)
    expect((await request('/search?q=marmoset&page=x')).status).toBe(404)
    const one = await request('/search?q=marmoset&page=1', { redirect: 'manual' })
    expect(one.status).toBe(301)
    expect(one.headers.get('Location')).toBe('/search?q=marmoset')
    const single = await getPage('/search?q=quillwort')
    expect(single.html).not.toContain('govuk-pagination')
  })

  it('answers an unknown type with 404', async () => {
    expect((await request('/search?q=marmoset&type=people')).status).toBe(404)
  })

  it('shows a helpful page when nothing matches', async () => {
    const { res, html } = await getPage('/search?q=zzyzxqq')
    expect(res.status).toBe(200)
    const page = main(html)
    expect(countText(html)).toBe('0 results for ‘zzyzxqq’')
    expect(page.textContent).toContain('There are no matching results.')
    expect(
      [...page.querySelectorAll('ul.govuk-list--bullet li')].map((l) => l.textContent),
    ).toEqual([
      'double-checking your spelling',
      'using fewer words',
      'searching for something less specific',
    ])
    expect(page.querySelector('a[href="/sitemap"]')).not.toBeNull()
    expect(page.querySelector('a[href="/contact"]')).not.toBeNull()
  })

  it('suggests removing the filter when only other types match', async () => {
    const { html } = await getPage('/search?q=quillwort&type=news')
    expect(main(html).textContent).toContain('looking in all types of content, not just one')
  })

  it('refuses a search over 200 characters with a GOV.UK error', async () => {
    const { res, html } = await getPage(`/search?q=${'a'.repeat(201)}`)
    expect(res.status).toBe(400)
    const page = parseHTML(html).document
    expect(page.title).toBe('Error: Search – SOCA')
    expect(page.querySelector('.govuk-error-summary a[href="#search-q"]')?.textContent).toBe(
      'Search must be 200 characters or fewer',
    )
    expect(page.querySelector('#search-q-error')?.textContent).toContain(
      'Search must be 200 characters or fewer',
    )
    expect(page.querySelector('#search-q')?.getAttribute('aria-describedby')).toBe('search-q-error')
    expect((await request(`/search?q=${'a'.repeat(200)}`)).status).toBe(200)
    // Spaces around it are not counted.
    expect((await request(`/search?q=${encodeURIComponent(` ${'a'.repeat(200)} `)}`)).status).toBe(
      200,
    )
  })

  it.each([
    '"',
    '""',
    '*',
    'fraud*',
    'NEAR(fraud drugs)',
    'NEAR(',
    '-fraud',
    'AND OR',
    'NOT',
    'title:fraud',
    '^fraud',
    '{title body}: fraud',
    "'; DROP TABLE pages; --",
    '%',
    '\\',
    '🚓 police',
    'Москва',
    'زيارة',
    'café',
    'e\u0301',
    '\uE000fraud\uE001',
    '\u0000',
    'a'.repeat(200),
    'a '.repeat(100),
  ])('answers %j without an error', async (q) => {
    const res = await request(`/search?q=${encodeURIComponent(q)}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(main(html).querySelector('h1')?.textContent).toBe('Search')
  })

  it('never answers a random search, type or page with a 5xx', async () => {
    const word = fc.constantFrom('fraud', 'NEAR(', '"', '*', '-', 'AND', 'OR', ':', '^', '(', ')')
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 220 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.array(word, { maxLength: 12 }).map((w) => w.join(' ')),
    )
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.option(fc.constantFrom('all', 'page', 'news', 'vacancy', 'x'), { nil: undefined }),
        fc.option(fc.constantFrom('1', '2', '0', '-1', '99999', 'a'), { nil: undefined }),
        async (q, type, page) => {
          const params = new URLSearchParams({ q })
          if (type !== undefined) params.set('type', type)
          if (page !== undefined) params.set('page', page)
          const res = await request(`/search?${params}`, { redirect: 'manual' })
          expect(res.status).toBeLessThan(500)
          await res.body?.cancel()
        },
      ),
      { numRuns: 150 },
    )
    // 150 requests: more than the default 5 seconds on a busy machine.
  }, 30_000)

  it('keeps the pages table after a search that reads as SQL', async () => {
    await request(`/search?q=${encodeURIComponent("'; DROP TABLE pages; --")}`)
    expect((await request('/about')).status).toBe(200)
  })
})

describe('the search page and the edge cache', () => {
  /** A request through the Worker with a given D1, waiting for cache writes to finish. */
  const fetchWith = async (path: string, db: D1Database) => {
    const ctx = createExecutionContext()
    const res = await worker.fetch(new Request(new URL(path, ORIGIN)), { ...env, DB: db }, ctx)
    await waitOnExecutionContext(ctx)
    return res
  }

  it('keys a search by its normalised words, type and page, and nothing else', () => {
    const key = (path: string) => cacheKeyPath(new URL(path, ORIGIN))
    expect(key('/search?q=%20Human%20%20Trafficking%20&type=news&page=2&utm_source=x')).toBe(
      '/search?q=human+trafficking&type=news&page=2',
    )
    expect(key('/search?q=Fraud')).toBe(key('/search?q=fraud+'))
    expect(key(`/search?q=${'a'.repeat(5000)}`)).toBe(`/search?q=${'a'.repeat(201)}`)
  })

  it('answers the same search, however spelled, from the cache without D1', async () => {
    await contentChanged()
    const { db, counter } = countingD1()
    const first = await fetchWith('/search?q=Quillwort', db)
    expect(first.status).toBe(200)
    expect(first.headers.get('X-Cache')).toBe('MISS')
    expect(first.headers.get('Cache-Control')).toBe(
      'public, max-age=60, stale-while-revalidate=300',
    )
    const before = counter.roundTrips
    for (const path of ['/search?q=quillwort', '/search?q=++QUILLWORT&utm_campaign=x']) {
      const again = await fetchWith(path, db)
      expect(again.headers.get('X-Cache'), path).toBe('HIT')
    }
    expect(counter.roundTrips).toBe(before)
  })

  it('makes at most 2 D1 round trips for a search, and one batch for the page itself', async () => {
    for (const path of ['/search?q=marmoset&type=news', '/search?q=marmoset&page=2', '/search']) {
      await contentChanged()
      // This location's copy of the version expires, so the version is read too.
      await caches.default.delete(`${ORIGIN}/__cache/content-version`)
      const { db, counter } = countingD1()
      const res = await fetchWith(path, db)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('X-Cache'), path).toBe('MISS')
      expect(counter.roundTrips, path).toBeLessThanOrEqual(2)
    }
  })

  it('shows the new results at once after content changes', async () => {
    const { db } = countingD1()
    const before = await fetchWith('/search?q=wombatine', db)
    expect(resultPaths(await before.text())).toEqual([])
    await insertPage({ path: '/wombatine', title: 'Wombatine' })
    await sql(
      "INSERT INTO search_index (rowid, title, summary, body, kind, content_id, path) SELECT id, title, summary, body, 'page', id, path FROM pages WHERE path = '/wombatine'",
    )
    const after = await fetchWith('/search?q=wombatine', db)
    expect(after.headers.get('X-Cache')).toBe('MISS')
    expect(resultPaths(await after.text())).toEqual(['/wombatine'])
  })
})

describe('the search queries, which must cost the same on a site 100 times bigger', () => {
  const db = createDb(env.DB)
  const markers = { open: MARK_OPEN, close: MARK_CLOSE }
  const criteria = (word: string) => {
    const now = new Date()
    return { match: matchExpression(word), today: ukToday(now), now }
  }
  type Statement = { toSQL: () => { sql: string; params: unknown[] } }
  /** A query's bytecode (EXPLAIN): what SQLite runs, opcode by opcode. */
  const program = async (query: Statement) => {
    const { sql: text, params } = query.toSQL()
    return rows<{ opcode: string; p1: number; p2: number }>(`EXPLAIN ${text}`, ...params)
  }
  /** The search index's columns (title … closing_date); the 8th is FTS5's hidden table column. */
  const STORED_COLUMNS = 7
  const readsStored = (op: { opcode: string; p2: number }) =>
    op.opcode === 'VColumn' && op.p2 < STORED_COLUMNS

  it('count results by kind from rowids alone, never reading an entry (its whole body)', async () => {
    const code = await program(searchCountsQuery(db, criteria('marmoset')))
    expect(code.some((op) => op.opcode === 'VFilter')).toBe(true)
    expect(code.filter((op) => op.opcode === 'VColumn')).toEqual([])
    // In one pass over the matches: nothing sorts them by kind first (a GROUP BY would).
    expect(code.filter((op) => op.opcode === 'SorterOpen' || op.opcode === 'SorterSort')).toEqual(
      [],
    )
  })

  it('filter and rank every match from rowids, reading entries only for the page shown', async () => {
    for (const filter of ['all', 'page', 'news', 'vacancy'] as const) {
      const search = { ...criteria('marmoset'), filter, page: 1 }
      const code = await program(searchResultsQuery(db, search, markers))
      // Page 1: SQLite keeps the best 10 rows so far in a sorter: a match is scored, compared
      // with the worst kept (IdxLE), and only one that is kept has its shown columns read.
      const check = code.findIndex((op) => op.opcode === 'IdxLE')
      expect(check, filter).toBeGreaterThan(code.findIndex((op) => op.opcode === 'VFilter'))
      expect(code.slice(0, check).filter(readsStored), filter).toEqual([])
      expect(code.slice(check).filter(readsStored).length, filter).toBeGreaterThan(0)
    }
  })

  it('rank a later page from rowids alone, then read only the 10 entries shown', async () => {
    for (const filter of ['all', 'page', 'news', 'vacancy'] as const) {
      // Page 3's sorter keeps 30 rows: none of them has its entry read while ranking.
      const search = { ...criteria('marmoset'), filter, page: 3 }
      const code = await program(searchResultsQuery(db, search, markers))
      const reads = code.filter(readsStored)
      const shown = reads[0]?.p1
      expect(
        reads.filter((op) => op.p1 !== shown),
        filter,
      ).toEqual([])
      // The ranking pass is the one whose rows the sorter keeps the best of (IdxLE). A pass of
      // its own finds the lowest rowid of the articles ranked, reading no entries either.
      const check = code.findIndex((op) => op.opcode === 'IdxLE')
      expect(check, filter).toBeGreaterThan(-1)
      const ranking = code.slice(check).find((op) => op.opcode === 'VNext')?.p1
      expect(ranking, filter).toBeDefined()
      expect(ranking, filter).not.toBe(shown)
      // The ranking pass ends (VNext) before any entry is read, and each match of the second
      // pass is looked for among the page's rows (SeekGE) before its entry is read.
      const rankingEnd = code.findIndex((op) => op.opcode === 'VNext' && op.p1 === ranking)
      const firstRead = code.findIndex(readsStored)
      expect(rankingEnd, filter).toBeGreaterThan(-1)
      expect(rankingEnd, filter).toBeLessThan(firstRead)
      expect(
        code.slice(rankingEnd, firstRead).some((op) => op.opcode === 'SeekGE'),
        filter,
      ).toBe(true)
    }
  })

  // The index's stored columns still say each entry's kind and closing date: what the search
  // finds from rowids must be what those say.
  const visible = `search_index MATCH ?1
    AND (kind <> 'vacancy' OR closing_date >= ?2)
    AND (kind <> 'news' OR content_id NOT IN
      (SELECT id FROM news_articles WHERE status = 'published' AND published_at > ?3))`

  /**
   * The paths a search promises, in order, worked out from each entry's stored kind and bm25
   * score: pages, vacancies and the RANKED_NEWS newest articles in the index that match, best
   * score first (equal ones by rowid); then the older articles, newest first.
   */
  const promised = async (params: unknown[], filter: string) => {
    const found = await rows<{ path: string; id: number; kind: string; score: number }>(
      `SELECT path, rowid AS id, kind, bm25(search_index, 10.0, 4.0, 1.0) AS score
       FROM search_index WHERE ${visible} AND (?4 = 'all' OR kind = ?4)`,
      ...params,
      filter,
    )
    const [newest] = await rows<{ id: number }>(
      `SELECT rowid AS id FROM search_index WHERE search_index MATCH ?1 AND kind = 'news'
       ORDER BY rowid DESC LIMIT 1 OFFSET ?2`,
      params[0],
      RANKED_NEWS - 1,
    )
    const ranked = (r: { id: number; kind: string }) =>
      r.kind !== 'news' || r.id >= (newest?.id ?? 0)
    return found
      .sort((a, b) => {
        if (ranked(a) !== ranked(b)) return ranked(a) ? -1 : 1
        return ranked(a) ? a.score - b.score || a.id - b.id : b.id - a.id
      })
      .map((r) => r.path)
  }

  /** Every page of a search's results, in order. */
  const allResults = async (search: SearchCriteria, filter: SearchFilter, total: number) => {
    const found: string[] = []
    for (let page = 1; page <= Math.ceil(total / SEARCH_PAGE_SIZE); page++) {
      const results = await searchResultsQuery(db, { ...search, filter, page }, markers)
      found.push(...results.map((r) => r.path))
    }
    return found
  }

  it('counts and finds what the entries’ own kind and closing date say', async () => {
    await insertArticle('marmoset-later', 'Marmoset later', new Date(Date.now() + 3_600_000))
    // Live, with a rowid above an article still to come: it is looked up in their list.
    await insertArticle('marmoset-since', 'Marmoset since', new Date(Date.UTC(2014, 0, 1)))
    await insertVacancy('marmoset-today', 'Marmoset warden', isoDay(0))
    await reindex()
    for (const word of ['marmoset', 'crime', 'the', 'fraud', 'zzyzxqq']) {
      const search = criteria(word)
      const params = [search.match, search.today, search.now.getTime()]
      const naive = await rows<{ kind: string; total: number }>(
        `SELECT kind, count(*) AS total FROM search_index WHERE ${visible} GROUP BY kind ORDER BY kind`,
        ...params,
      )
      const [counts] = await searchCountsQuery(db, search)
      expect(counts, word).toEqual({
        page: 0,
        news: 0,
        vacancy: 0,
        ...Object.fromEntries(naive.map((n) => [n.kind, n.total])),
      })
      for (const filter of ['all', 'page', 'news', 'vacancy'] as const) {
        const expected = await promised(params, filter)
        expect(await allResults(search, filter, expected.length), `${word} ${filter}`).toEqual(
          expected,
        )
      }
    }
    const [marmosets] = await searchCountsQuery(db, criteria('marmoset'))
    // The two live articles set up above and marmoset-since; not the two still to come.
    expect(marmosets).toEqual({
      page: 12,
      news: 3,
      vacancy: 2,
    })
  })

  it(`ranks pages with the ${RANKED_NEWS} newest matching articles, then older ones newest first`, async () => {
    // The oldest article is the best match of all (the word is its whole title), and 11 more
    // are older than the newest RANKED_NEWS; one not yet due counts towards them.
    await insertArticle('pangolin', 'Pangolin', new Date(Date.UTC(2004, 0, 1)))
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
       INSERT INTO news_articles (slug, title, summary, body, status, published_at)
       SELECT 'pangolin-' || i, 'Report number ' || i || ' on a pangolin seized at a port',
         'A seizure at a port.', 'Officers found a pangolin in a lorry.', 'published',
         ?2 + i * 86400000 FROM n`,
    )
      .bind(RANKED_NEWS + 10, Date.UTC(2005, 0, 1))
      .run()
    await insertArticle('pangolin-due', 'Pangolin due', new Date(Date.now() + 86_400_000))
    await insertPage({ path: '/pangolin-trade', title: 'The pangolin trade', body: 'Pangolins.' })
    await reindex()
    const search = criteria('pangolin')
    const params = [search.match, search.today, search.now.getTime()]
    // What comes after the ranked results, newest first.
    const older = [
      ...Array.from({ length: 11 }, (_, i) => `/news/pangolin-${11 - i}`),
      '/news/pangolin',
    ]
    // By bm25 alone, the oldest article would come first.
    const [best] = await rows<{ path: string }>(
      `SELECT path FROM search_index WHERE ${visible}
       ORDER BY bm25(search_index, 10.0, 4.0, 1.0) LIMIT 1`,
      ...params,
    )
    expect(best?.path).toBe('/news/pangolin')
    for (const filter of ['all', 'news'] as const) {
      const expected = await promised(params, filter)
      const found = await allResults(search, filter, expected.length)
      expect(found, filter).toEqual(expected)
      expect(found, filter).toHaveLength(RANKED_NEWS + 11 + (filter === 'all' ? 1 : 0))
      expect(found.slice(-older.length), filter).toEqual(older)
    }
  })
})
