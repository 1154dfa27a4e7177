import type { SearchFilter, SearchResult } from '../../db/search.ts'
import { MARK_OPEN, SEARCH_TYPES, type SearchType, snippetParts } from '../../lib/search-query.ts'
import { ErrorSummary } from '../components/error-summary.tsx'
import { ErrorMessage, FormGroup, describedBy } from '../components/form-group.tsx'
import { Pagination } from '../components/pagination.tsx'
import { DateTime } from '../components/published-dates.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of the search page: the form, and the results when there was a search. */
export type SearchPageProps = {
  chrome: Chrome
  /** The search as normalised (lib/search-query.ts), '' before any search. */
  query: string
  filter: SearchFilter
  /** Why the search was not made (too long), shown as a GOV.UK error. */
  error?: string
  /** Results of each kind; every kind is present, 0 when it has none. */
  counts: Record<SearchType, number>
  results: SearchResult[]
  pageNumber: number
  pageCount: number
}

const FIELD = 'search-q'

const FILTER_LABELS: Record<SearchFilter, string> = {
  all: 'All',
  page: 'Pages',
  news: 'News',
  vacancy: 'Vacancies',
}

const KIND_LABELS: Record<SearchType, string> = {
  page: 'Page',
  news: 'News article',
  vacancy: 'Vacancy',
}

/** The address of a search, a filter of it, or one of its pages. */
export const searchHref = (query: string, filter: SearchFilter, page = 1) => {
  const params = new URLSearchParams({ q: query })
  if (filter !== 'all') params.set('type', filter)
  if (page > 1) params.set('page', String(page))
  return `/search?${params}`
}

/** A snippet's text with its matches in <mark>: JSX escapes the text, so no markup gets in. */
const Highlighted = ({ text }: { text: string }) => (
  <>{snippetParts(text).map((part) => (part.mark ? <mark>{part.text}</mark> : part.text))}</>
)

const Result = ({ result }: { result: SearchResult }) => (
  <li>
    <h2 class="govuk-heading-s soca-heading-tight">
      <a class="govuk-link" href={result.path}>
        {result.title}
      </a>
    </h2>
    <p class="soca-meta">
      {KIND_LABELS[result.kind]}
      {result.kind === 'news' && result.publishedAt !== null && (
        <>
          {', published '}
          <DateTime date={new Date(result.publishedAt)} />
        </>
      )}
    </p>
    <p class="govuk-body">
      {/* Where the body matched, the words around it; otherwise the summary. */}
      <Highlighted text={result.snippet.includes(MARK_OPEN) ? result.snippet : result.summary} />
    </p>
  </li>
)

const NoResults = ({ filtered }: { filtered: boolean }) => (
  <>
    <p class="govuk-body">
      <strong>There are no matching results.</strong>
    </p>
    <p class="govuk-body">Improve your search results by:</p>
    <ul class="govuk-list govuk-list--bullet">
      {filtered && <li>looking in all types of content, not just one</li>}
      <li>double-checking your spelling</li>
      <li>using fewer words</li>
      <li>searching for something less specific</li>
    </ul>
    <p class="govuk-body">
      You can also look through every page in the{' '}
      <a class="govuk-link" href="/sitemap">
        sitemap
      </a>{' '}
      or{' '}
      <a class="govuk-link" href="/contact">
        contact us
      </a>
      .
    </p>
  </>
)

/** GOV.UK's search results pattern: the form, a count, filters by type, results, pages. */
export const SearchPage = (props: SearchPageProps) => {
  const { query, filter, error, counts, pageNumber, pageCount } = props
  const searched = query !== '' && !error
  const all = SEARCH_TYPES.reduce((n, t) => n + counts[t], 0)
  const total = filter === 'all' ? all : counts[filter]
  const filterText = (f: SearchFilter) => `${FILTER_LABELS[f]} (${f === 'all' ? all : counts[f]})`
  const title = error
    ? 'Error: Search'
    : searched
      ? `Search results for ‘${query}’${pageCount > 1 ? ` (page ${pageNumber} of ${pageCount})` : ''}`
      : 'Search'
  return (
    <Layout
      forms
      noindex
      chrome={props.chrome}
      title={title}
      description="Search the pages, news and vacancies of this website."
      path={searched ? searchHref(query, filter, pageNumber) : '/search'}
      components={pageCount > 1 ? ['pagination'] : []}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {error && <ErrorSummary errors={[{ field: FIELD, message: error }]} />}
          <h1 class="govuk-heading-l">Search</h1>
          <form action="/search" method="get" novalidate>
            <FormGroup error={error}>
              <label class="govuk-label govuk-label--s" for={FIELD}>
                Search this site
              </label>
              <ErrorMessage id={FIELD} text={error} />
              <input
                class={`govuk-input${error ? ' govuk-input--error' : ''}`}
                id={FIELD}
                name="q"
                type="search"
                value={query}
                spellcheck={false}
                aria-describedby={describedBy(FIELD, undefined, error)}
              />
            </FormGroup>
            {filter !== 'all' && <input type="hidden" name="type" value={filter} />}
            <button class="govuk-button" type="submit">
              Search
            </button>
          </form>
          {searched && (
            <>
              <p class="govuk-body" id="search-count">
                {`${total === 1 ? '1 result' : `${total.toLocaleString('en-GB')} results`} for ‘${query}’`}
              </p>
              {all > 0 && (
                <nav aria-label="Filter results by type">
                  <ul class="govuk-list">
                    {(['all', ...SEARCH_TYPES] as const).map((f) => (
                      <li>
                        <a
                          class="govuk-link"
                          href={searchHref(query, f)}
                          aria-current={f === filter ? 'page' : undefined}
                        >
                          {f === filter ? <strong>{filterText(f)}</strong> : filterText(f)}
                        </a>
                      </li>
                    ))}
                  </ul>
                </nav>
              )}
              {props.results.length === 0 ? (
                <NoResults filtered={filter !== 'all' && all > 0} />
              ) : (
                <ol class="govuk-list">
                  {props.results.map((result) => (
                    <Result result={result} />
                  ))}
                </ol>
              )}
              <Pagination path={searchHref(query, filter)} current={pageNumber} count={pageCount} />
            </>
          )}
        </div>
      </div>
    </Layout>
  )
}
