import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import {
  SEARCH_PAGE_SIZE,
  type SearchCounts,
  type SearchFilter,
  searchCountsQuery,
  searchResultsQuery,
} from '../db/search.ts'
import type { AppEnv } from '../env.ts'
import { batchWithChrome } from '../http/page-chrome.ts'
import { ukToday } from '../lib/dates.ts'
import {
  MARK_CLOSE,
  MARK_OPEN,
  MAX_QUERY_LENGTH,
  SEARCH_TYPES,
  isSearchType,
  matchExpression,
  normaliseQuery,
} from '../lib/search-query.ts'
import { SearchPage, searchHref } from '../views/pages/search-page.tsx'

/** Site search (`?q=`, `type`, `page`): published pages, news and open vacancies. Mounted at /search. */
export const search = new Hono<AppEnv>()

/** Pages beyond this are not a real request; it also keeps the offset small. */
const PAGE_PATTERN = /^[1-9][0-9]{0,4}$/

/** The counts of a search that was not run (an empty or too long query). */
const NO_RESULTS: SearchCounts = { page: 0, news: 0, vacancy: 0 }

const TOO_LONG = `Search must be ${MAX_QUERY_LENGTH} characters or fewer`

search.get('/', async (c) => {
  const query = normaliseQuery(c.req.query('q') ?? '')
  const type = c.req.query('type') ?? 'all'
  if (type !== 'all' && !isSearchType(type)) throw new HTTPException(404)
  const filter: SearchFilter = type
  const rawPage = c.req.query('page')
  if (rawPage === '1') return c.redirect(searchHref(query, filter), 301)
  if (rawPage !== undefined && !PAGE_PATTERN.test(rawPage)) throw new HTTPException(404)
  const pageNumber = rawPage === undefined ? 1 : Number(rawPage)

  const error = query.length > MAX_QUERY_LENGTH ? TOO_LONG : undefined
  const match = error ? '' : matchExpression(query)
  const now = new Date()
  const today = ukToday(now)
  const db = c.var.db
  // The results, their counts and the page chrome: one batch, one round trip.
  const {
    chrome,
    results: [rows = [], [counts = NO_RESULTS] = []],
  } = await batchWithChrome(
    c,
    match
      ? [
          searchResultsQuery(
            db,
            { match, filter, page: pageNumber, today, now },
            { open: MARK_OPEN, close: MARK_CLOSE },
          ),
          searchCountsQuery(db, { match, today, now }),
        ]
      : [],
  )
  const total = filter === 'all' ? SEARCH_TYPES.reduce((n, t) => n + counts[t], 0) : counts[filter]
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE))
  if (pageNumber > pageCount) throw new HTTPException(404)
  return c.html(
    <SearchPage
      chrome={chrome}
      query={query}
      filter={filter}
      error={error}
      counts={counts}
      results={rows}
      pageNumber={pageNumber}
      pageCount={pageCount}
    />,
    error ? 400 : 200,
  )
})
