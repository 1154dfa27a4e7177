// A visitor's search text made safe and useful: normalised (the form the cache key and the page
// use), bounded in length, and turned into an FTS5 MATCH expression that holds only quoted
// words, so no FTS5 syntax a visitor types (", *, NEAR(, -, AND, column filters) has any effect.
// Snippets come back from SQLite with private-use marker characters around each match; the
// view splits on them, so the markup is made by JSX and the text stays escaped.

/** The longest search a visitor may make, in characters. */
export const MAX_QUERY_LENGTH = 200

/** Opens a highlighted match in a snippet (a private-use character: never in real text). */
export const MARK_OPEN = '\uE000'

/** Closes a highlighted match in a snippet. */
export const MARK_CLOSE = '\uE001'

/** The kinds of result, as the `type` filter names them, in the filter list's order. */
export const SEARCH_TYPES = ['page', 'news', 'vacancy'] as const

/** One kind of result. */
export type SearchType = (typeof SEARCH_TYPES)[number]

/** Whether a `type` parameter names a kind of result. */
export const isSearchType = (value: string): value is SearchType =>
  (SEARCH_TYPES as readonly string[]).includes(value)

/**
 * The search as the page shows it and the cache keys it: trimmed, every run of white space
 * one space, lower case (matching ignores case, so `Fraud` and `fraud` are one search). Marker
 * characters are dropped too, so a visitor cannot fake a highlight.
 */
export const normaliseQuery = (raw: string) =>
  raw
    .replace(/[\uE000\uE001]/g, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()

// Letters, digits and combining marks: what FTS5's unicode61 tokenizer keeps of a word.
const WORD = /[\p{L}\p{N}\p{M}]+/gu

/** The words of a search, in order, each once. */
export const searchTerms = (query: string) => [...new Set(normaliseQuery(query).match(WORD))]

/** A last word this long or longer also finds words it begins (`fraud` finds `fraudsters`). */
const PREFIX_FROM = 3

/**
 * The FTS5 MATCH expression for a search: every word quoted (so none is an operator) and all
 * required; the last also as a prefix, as visitors often stop typing mid-word. Empty when the
 * search has no words. It is bound as a parameter, never put into SQL text.
 */
export const matchExpression = (query: string) => {
  const terms = searchTerms(query)
  return terms
    .map((term, i) =>
      i === terms.length - 1 && term.length >= PREFIX_FROM ? `"${term}"*` : `"${term}"`,
    )
    .join(' AND ')
}

/** A piece of a snippet: plain text, or a match to highlight. */
export type SnippetPart = { text: string; mark: boolean }

/**
 * Splits a snippet into text and highlighted matches at the markers. Markdown's link targets,
 * brackets, emphasis and heading or quote markers are dropped, as a snippet is plain text. An unclosed match
 * ends with the text; a stray closing marker is ignored.
 */
export const snippetParts = (snippet: string): SnippetPart[] => {
  const plain = snippet
    .replace(/\]\([^)\s]*\)/g, '')
    .replace(/[[\]*`]+/g, '')
    .replace(/(^|\s)[#>]+(?=\s)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
  const parts: SnippetPart[] = []
  let mark = false
  let text = ''
  const flush = () => {
    if (text) parts.push({ text, mark })
    text = ''
  }
  for (const char of plain) {
    if (char === MARK_OPEN || char === MARK_CLOSE) {
      if (mark === (char === MARK_OPEN)) continue
      flush()
      mark = !mark
    } else {
      text += char
    }
  }
  flush()
  return parts
}
