import { asc, count, desc, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { pageFeedback } from './schema.ts'

/** Adds one Yes or one No to a page's "Is this page useful?" counts, starting them if need be. */
export const countVoteQuery = (db: Database, path: string, useful: 'yes' | 'no') =>
  db
    .insert(pageFeedback)
    .values({ path, yes: useful === 'yes' ? 1 : 0, no: useful === 'no' ? 1 : 0 })
    .onConflictDoUpdate({
      target: pageFeedback.path,
      // One statement, so two visitors answering at once both count.
      set: {
        yes: sql`${pageFeedback.yes} + excluded.yes`,
        no: sql`${pageFeedback.no} + excluded.no`,
        updatedAt: sql`excluded.updated_at`,
      },
    })

/** One page of the counts, the pages most often found not useful first, and how many pages. */
export const feedbackCountsPage = (db: Database, page: number, size: number) =>
  db.batch([
    db
      .select({
        path: pageFeedback.path,
        yes: pageFeedback.yes,
        no: pageFeedback.no,
        updatedAt: pageFeedback.updatedAt,
      })
      .from(pageFeedback)
      .orderBy(desc(pageFeedback.no), asc(pageFeedback.yes), asc(pageFeedback.path))
      .limit(size)
      .offset((page - 1) * size),
    db.select({ total: count() }).from(pageFeedback),
  ])

/** A page's counts, as the staff page lists them. */
export type FeedbackCount = Awaited<ReturnType<typeof feedbackCountsPage>>[0][number]
