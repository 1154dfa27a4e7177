// What the edge cache may do with each public path. By default a page is stored and keyed by
// its path alone, so made-up query strings (?utm=…, ?page=901) all share one copy. A route
// that reads a parameter lists it here; a route whose answers are one visitor's own is never
// looked up or stored, its errors included.

/** One rule: the paths it covers, and either the parameters in the key or `personal`. */
type CacheRule = { path: RegExp; params?: readonly string[]; personal?: true }

const RULES: readonly CacheRule[] = [
  // The news list paginates (src/routes/news.tsx).
  { path: /^\/news$/, params: ['page'] },
  // Confirmation pages show a visitor's own reference (src/routes/sent.tsx).
  { path: /^\/(contact\/sent|careers\/application-sent)$/, personal: true },
  // Share links show unpublished content to whoever holds one (the admin Worker answers them).
  { path: /^\/share\//, personal: true },
]

const ruleFor = (path: string) => RULES.find((rule) => rule.path.test(path))

/** Whether a path's answers belong to one visitor, so no cache may keep them. */
export const isPersonalPath = (path: string) => ruleFor(path)?.personal === true

/** The path and the parameters its route reads: the part of a URL that picks the page. */
export const cacheKeyPath = (url: URL) => {
  const params = new URLSearchParams()
  for (const name of ruleFor(url.pathname)?.params ?? []) {
    const value = url.searchParams.get(name)
    if (value !== null) params.set(name, value)
  }
  return `${url.pathname}${params.size > 0 ? `?${params}` : ''}`
}
