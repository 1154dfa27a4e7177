// The count of live news articles comes from a count the database keeps (counts, migration
// 0016) less the published articles still to come; it must always be what counting the live
// articles would give, whatever changes the rows.
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { newsCountQuery } from '../../src/db/news.ts'
import { insertArticle, row, sql } from '../helpers.ts'

const db = createDb(env.DB)
const DAY = 24 * 60 * 60 * 1000

/** The kept count, and the live count from it and by counting, at a given time. */
const countsAt = async (now: Date) => {
  const [counted] = await newsCountQuery(db, now)
  const live = await row<{ n: number }>(
    "SELECT count(*) AS n FROM news_articles WHERE status = 'published' AND published_at <= ?",
    now.getTime(),
  )
  const published = await row<{ n: number }>(
    "SELECT count(*) AS n FROM news_articles WHERE status = 'published'",
  )
  const kept = await row<{ value: number }>(
    "SELECT value FROM counts WHERE name = 'published_news'",
  )
  return { total: counted!.total, live: live!.n, kept: kept!.value, published: published!.n }
}

/** Asserts the query's total is the live count and the kept count the published one. */
const expectInStep = async (now = new Date()) => {
  const found = await countsAt(now)
  expect(found.total).toBe(found.live)
  expect(found.kept).toBe(found.published)
  return found
}

describe('the count of live news articles', () => {
  it('is the seed’s live articles to begin with', async () => {
    const { total } = await expectInStep()
    expect(total).toBeGreaterThan(0)
  })

  it('follows every change to the rows: insert, publish, unpublish, delete', async () => {
    const now = new Date()
    const before = await expectInStep(now)
    await insertArticle('count-past', 'Past', new Date(now.getTime() - DAY))
    await insertArticle('count-future', 'Future', new Date(now.getTime() + DAY))
    await insertArticle('count-draft', 'Draft', new Date(now.getTime() - DAY), 'draft')
    // Published with no publication time: not live, as db/news.ts reads it.
    await sql(
      "INSERT INTO news_articles (slug, title, status, published_at) VALUES ('count-null', 'No time', 'published', NULL)",
    )
    let found = await expectInStep(now)
    expect(found.total).toBe(before.total + 1)
    expect(found.kept).toBe(before.kept + 3)

    await sql("UPDATE news_articles SET status = 'published' WHERE slug = 'count-draft'")
    found = await expectInStep(now)
    expect(found.total).toBe(before.total + 2)

    // Changes that leave the status as it was move nothing.
    await sql("UPDATE news_articles SET title = 'Past, again' WHERE slug = 'count-past'")
    await sql("UPDATE news_articles SET status = 'published' WHERE slug = 'count-past'")
    expect((await expectInStep(now)).total).toBe(before.total + 2)

    await sql("UPDATE news_articles SET status = 'unpublished' WHERE slug = 'count-past'")
    await sql("DELETE FROM news_articles WHERE slug = 'count-draft'")
    await sql("DELETE FROM news_articles WHERE slug = 'count-null'")
    found = await expectInStep(now)
    expect(found.total).toBe(before.total)
    expect(found.kept).toBe(before.kept + 1)

    // The future article goes live when its time comes, with no change to any row.
    found = await expectInStep(new Date(now.getTime() + 2 * DAY))
    expect(found.total).toBe(before.total + 1)
    await sql("DELETE FROM news_articles WHERE slug LIKE 'count-%'")
    expect(await expectInStep(now)).toEqual(before)
  })

  it('was filled by migration 0016 from the rows already there', async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0016_'))!
    const fill = migration.queries.find((q) => q.includes('INSERT INTO `counts`'))!
    await sql("DELETE FROM counts WHERE name = 'published_news'")
    await sql(fill)
    await expectInStep()
  })
})
