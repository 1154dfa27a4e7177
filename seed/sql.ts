import { SEARCH_INDEX_REBUILD } from '../src/db/search-index.ts'
import type { SeedContent } from './types.ts'

/** Quotes a value as an SQLite literal. */
const literal = (value: string | number | null): string => {
  if (value === null) return 'NULL'
  if (typeof value === 'number') return String(value)
  return `'${value.replaceAll("'", "''")}'`
}

const depth = (path: string) => (path === '/' ? 0 : path.split('/').length - 1)

/** Postal address of the agency, one line per line, for the footer. */
export const POSTAL_ADDRESS = 'Serious Organised Crime Agency\nPO Box 8000\nLondon\nSE11 5EN'

/** The JSON of a content row's editable columns, as a revision of it holds them. */
const REVISION_DATA = {
  page: `json_object('path', path, 'parentId', parent_id, 'title', title, 'summary', summary, 'body', body, 'navOrder', nav_order)`,
  news: `json_object('slug', slug, 'title', title, 'summary', summary, 'body', body, 'publicationDate', publication_date)`,
  vacancy: `json_object('slug', slug, 'title', title, 'summary', summary, 'grade', grade, 'location', location, 'salary', salary, 'closingDate', closing_date, 'body', body)`,
} as const

const CONTENT_TABLE_NAMES = { page: 'pages', news: 'news_articles', vacancy: 'vacancies' } as const

/**
 * SQL that gives every content row without a revision its first: the original, as seeded or
 * imported, so History can always go back to it. A published row then names it as live.
 * Rows staff created already have theirs. Migration 0005 holds the same statements.
 */
export const originalRevisionStatements = (): string[] =>
  (['page', 'news', 'vacancy'] as const).flatMap((kind) => {
    const table = CONTENT_TABLE_NAMES[kind]
    return [
      `INSERT INTO revisions (kind, content_id, data, author_id, note, created_at) SELECT '${kind}', id, ${REVISION_DATA[kind]}, NULL, 'Original', coalesce(published_at, created_at) FROM ${table} WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.kind = '${kind}' AND r.content_id = ${table}.id) ORDER BY id;`,
      `UPDATE ${table} SET published_revision_id = (SELECT min(r.id) FROM revisions r WHERE r.kind = '${kind}' AND r.content_id = ${table}.id AND r.note = 'Original') WHERE status = 'published' AND published_revision_id IS NULL;`,
    ]
  })

/**
 * SQL statements that load the seed content. Every insert is `ON CONFLICT DO NOTHING` on the
 * row's natural key (path, slug or setting key), so running them again neither duplicates
 * content nor overwrites what staff have since edited.
 */
export const seedStatements = (content: SeedContent, now: Date = new Date()): string[] => {
  const ms = now.getTime()
  // Parents first, so each child's parent_id subquery finds its parent.
  const pages = [...content.pages].sort((a, b) => depth(a.path) - depth(b.path))
  return [
    ...pages.map(
      (p) =>
        `INSERT INTO pages (path, parent_id, title, summary, body, nav_order, status, published_at, created_at, updated_at) VALUES (${literal(p.path)}, ${
          p.parentPath === null
            ? 'NULL'
            : `(SELECT id FROM pages WHERE path = ${literal(p.parentPath)})`
        }, ${literal(p.title)}, ${literal(p.summary)}, ${literal(p.body)}, ${literal(p.navOrder)}, 'published', ${ms}, ${ms}, ${ms}) ON CONFLICT (path) DO NOTHING;`,
    ),
    ...content.news.map((a) => {
      const published = Date.parse(a.publishedAt)
      return `INSERT INTO news_articles (slug, title, summary, body, status, published_at, created_at, updated_at) VALUES (${literal(a.slug)}, ${literal(a.title)}, ${literal(a.summary)}, ${literal(a.body)}, 'published', ${published}, ${published}, ${published}) ON CONFLICT (slug) DO NOTHING;`
    }),
    ...content.vacancies.map(
      (v) =>
        `INSERT INTO vacancies (slug, title, summary, grade, location, salary, closing_date, body, status, published_at, created_at, updated_at) VALUES (${literal(v.slug)}, ${literal(v.title)}, ${literal(v.summary)}, ${literal(v.grade)}, ${literal(v.location)}, ${literal(v.salary)}, ${literal(v.closingDate)}, ${literal(v.body)}, 'published', ${ms}, ${ms}, ${ms}) ON CONFLICT (slug) DO NOTHING;`,
    ),
    `INSERT INTO settings (key, value, updated_at) VALUES ('site_notice', ${literal(content.siteNotice)}, ${ms}) ON CONFLICT (key) DO NOTHING;`,
    `INSERT INTO settings (key, value, updated_at) VALUES ('postal_address', ${literal(POSTAL_ADDRESS)}, ${ms}) ON CONFLICT (key) DO NOTHING;`,
    ...originalRevisionStatements(),
    // The search index follows the live rows (derived data: rebuilding it loses nothing).
    ...SEARCH_INDEX_REBUILD.map((statement) => `${statement};`),
  ]
}
