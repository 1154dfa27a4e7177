// Web addresses made for people from titles: "Websites selling stolen card data taken down"
// becomes websites-selling-stolen-card-data-taken-down.

/** The longest web address made from a title (the forms accept no longer). */
export const SLUG_MAX = 100

// Letters that Unicode does not decompose into a plain letter and an accent.
const SPELLED_OUT: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  '&': ' and ',
}

/**
 * The web address for a title: lower-case ASCII letters and digits joined by single hyphens,
 * at most `max` characters, cut at a word where it can be. Accents are dropped (café is cafe),
 * apostrophes join (Britain's is britains), any other punctuation separates words. An empty
 * string when the title has no letters or digits to make one from.
 */
export const slugFromTitle = (title: string, max = SLUG_MAX): string => {
  const words = title
    .toLowerCase()
    .replace(/[ßæœøłđðþı&]/g, (ch) => SPELLED_OUT[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > max) {
      // A single word longer than the limit is cut; otherwise stop at the last whole word.
      return slug || word.slice(0, max)
    }
    slug = next
  }
  return slug
}
