/**
 * Stands in for uc.micro, whose Unicode category tables markdown-it uses only to ask whether a
 * character is punctuation or a symbol (emphasis rules). The engine's own Unicode property
 * escapes answer the same question without 5 KB of character ranges; wrangler.toml's [alias]
 * swaps this in to keep the public Worker within its budget. Its test compares every code point.
 */
export const Any =
  /[\0-\uD7FF\uE000-\uFFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/
export const Cc = /\p{Cc}/u
export const Cf = /\p{Cf}/u
export const P = /\p{P}/u
export const S = /\p{S}/u
export const Z = /\p{Z}/u
