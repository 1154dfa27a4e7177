/** Shapes of the content seed: plain data that `scripts/seed.ts` and the tests load into D1. */

/** A page in the site tree. */
export interface SeedPage {
  /** Absolute path without trailing slash, e.g. '/about/powers'; the home page is '/'. */
  path: string
  /** Path of the parent page, or null for the home page and top-level sections. */
  parentPath: string | null
  title: string
  /** One or two sentences: the lead paragraph and the meta description. */
  summary: string
  /** Markdown, starting at level-2 headings (the page title is the only h1). Raw HTML is not rendered. */
  body: string
  /** Position in the parent's navigation (top-level: the header menu); null keeps it out. */
  navOrder: number | null
}

/** A news article. */
export interface SeedNewsArticle {
  slug: string
  title: string
  summary: string
  body: string
  /** ISO 8601 date-time, e.g. '2013-05-20T09:00:00Z'. */
  publishedAt: string
}

/** A job vacancy. */
export interface SeedVacancy {
  slug: string
  title: string
  summary: string
  grade: string
  location: string
  salary: string
  /** ISO date, YYYY-MM-DD: the last day applications are accepted. */
  closingDate: string
  body: string
}

/** All the seed content. */
export interface SeedContent {
  siteNotice: string
  pages: SeedPage[]
  news: SeedNewsArticle[]
  vacancies: SeedVacancy[]
}
