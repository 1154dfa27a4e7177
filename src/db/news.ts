import { type SQL, and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { PUBLISHED_NEWS, counts, newsArticles } from './schema.ts'

/** Articles on one page of the news list. */
export const NEWS_PAGE_SIZE = 10

const isLive = (now: Date) =>
  and(eq(newsArticles.status, 'published'), lte(newsArticles.publishedAt, now))

const listColumns = {
  slug: newsArticles.slug,
  title: newsArticles.title,
  summary: newsArticles.summary,
  publishedAt: newsArticles.publishedAt,
  updatedAt: newsArticles.updatedAt,
}

/** Query for one page (1-based) of published articles, newest first. */
export const newsPageQuery = (db: Database, page: number, now: Date) =>
  db
    .select(listColumns)
    .from(newsArticles)
    .where(isLive(now))
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(NEWS_PAGE_SIZE)
    .offset((page - 1) * NEWS_PAGE_SIZE)

/**
 * Query for how many articles are live: the published articles, which the database counts as
 * they change (counts, schema.ts), less those whose publication time has not come. Those are
 * few, and found by index; counting the live ones read every one of their index entries.
 */
export const newsCountQuery = (db: Database, now: Date) => {
  const published = (when: SQL) =>
    sql`(SELECT count(*) FROM ${newsArticles}
      WHERE ${and(eq(newsArticles.status, 'published'), when)})`
  // Two range reads of the (status, published_at) index: one with OR would read all of it.
  const total = sql<number>`${counts.value}
    - ${published(isNull(newsArticles.publishedAt))}
    - ${published(gt(newsArticles.publishedAt, now))}`
  return db
    .select({ total: total.mapWith(Number) })
    .from(counts)
    .where(eq(counts.name, PUBLISHED_NEWS))
}

/**
 * Query for the newest `limit` published articles with their bodies and change notes: feed and
 * home page.
 */
export const latestNewsQuery = (db: Database, limit: number, now: Date) =>
  db
    .select({ ...listColumns, body: newsArticles.body, changeNotes: newsArticles.changeNotes })
    .from(newsArticles)
    .where(isLive(now))
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(limit)

/**
 * Query for part `part` (1-based) of the published articles' addresses, newest first, at most
 * `size`: sitemap.xml's parts and the HTML sitemap, read in order from the (status,
 * published_at) index.
 */
export const newsLinksQuery = (db: Database, part: number, size: number, now: Date) =>
  db
    .select({
      slug: newsArticles.slug,
      title: newsArticles.title,
      updatedAt: newsArticles.updatedAt,
    })
    .from(newsArticles)
    .where(isLive(now))
    .orderBy(desc(newsArticles.publishedAt), desc(newsArticles.id))
    .limit(size)
    .offset((part - 1) * size)

/**
 * Query for an article by slug, with its body and change notes, that is live or was taken down
 * (zero or one row): `live` says which, so a removed article can answer 410 rather than 404.
 */
export const articleBySlugQuery = (db: Database, slug: string, now: Date) =>
  db
    .select({
      ...listColumns,
      body: newsArticles.body,
      changeNotes: newsArticles.changeNotes,
      live: sql<number>`${isLive(now)}`,
    })
    .from(newsArticles)
    .where(
      and(eq(newsArticles.slug, slug), or(isLive(now), eq(newsArticles.status, 'unpublished'))),
    )
    .limit(1)

/** A news article as the list and article views receive it. */
export type NewsListItem = Awaited<ReturnType<typeof newsPageQuery>>[number]
