// What the edge cache may do with each public path. By default a page is stored and keyed by
// its path alone, so made-up query strings (?utm=…, ?page=901) all share one copy. A route
// that reads a parameter lists it here; a route whose answers are one visitor's own is never
// looked up or stored, its errors included.
import { MAX_QUERY_LENGTH, normaliseQuery } from '../lib/search-query.ts'

/**
 * One rule: the paths it covers, and either the parameters in the key or `personal`. `normalise`
 * gives a parameter's value as the key holds it, when the route reads many spellings as one.
 */
type CacheRule = {
  path: RegExp
  params?: readonly string[]
  personal?: true
  normalise?: Record<string, (value: string) => string>
}

const RULES: readonly CacheRule[] = [
  // The news list paginates (src/routes/news.tsx).
  { path: /^\/news$/, params: ['page'] },
  // Search (src/routes/search.tsx) reads the normalised search; longer than the limit is an
  // error page, never stored, so the key need not hold more of it.
  {
    path: /^\/search$/,
    params: ['q', 'type', 'page'],
    normalise: { q: (q) => normaliseQuery(q).slice(0, MAX_QUERY_LENGTH + 1) },
  },
  // Confirmation pages show a visitor's own reference (src/routes/sent.tsx).
  { path: /^\/(contact\/sent|careers\/application-sent)$/, personal: true },
  // The feedback form and its thank-you page name the page in their query string; a vote or a
  // report is the visitor's own (src/routes/feedback.tsx).
  { path: /^\/feedback(\/sent)?$/, personal: true },
  // Share links show unpublished content to whoever holds one (the admin Worker answers them).
  { path: /^\/share\//, personal: true },
]

const ruleFor = (path: string) => RULES.find((rule) => rule.path.test(path))

/** Whether a path's answers belong to one visitor, so no cache may keep them. */
export const isPersonalPath = (path: string) => ruleFor(path)?.personal === true

/** The path and the parameters its route reads: the part of a URL that picks the page. */
export const cacheKeyPath = (url: URL) => {
  const params = new URLSearchParams()
  const rule = ruleFor(url.pathname)
  for (const name of rule?.params ?? []) {
    const value = url.searchParams.get(name)
    const normalise = rule?.normalise?.[name]
    if (value !== null) params.set(name, normalise ? normalise(value) : value)
  }
  return `${url.pathname}${params.size > 0 ? `?${params}` : ''}`
}
