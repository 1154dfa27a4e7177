import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { feedbackCountsPage } from '../../db/feedback.ts'
import type { StaffEnv } from '../../env.ts'
import { pageParam } from '../../http/params.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { FeedbackCountsPage } from '../../views/admin/feedback-page.tsx'
import { adminContext } from './context.ts'

/** "Is this page useful?" counts per page, for whoever reads submissions. Mounted at /admin/feedback. */
export const feedbackCounts = new Hono<StaffEnv>()
feedbackCounts.use('*', requirePermission('submissions:read'))

const PAGE_SIZE = 25

// Counts hold no personal data (a path and two numbers), so reading them is not audited.
feedbackCounts.get('/', async (c) => {
  const page = pageParam(c, PAGE_SIZE)
  const [rows, [counted]] = await feedbackCountsPage(c.var.db, page, PAGE_SIZE)
  const total = counted?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  // Out of range is not found, not clamped: a page address names those rows or nothing.
  if (page > pageCount) throw new HTTPException(404)
  return c.html(
    <FeedbackCountsPage
      admin={adminContext(c)}
      rows={rows}
      page={page}
      pageCount={pageCount}
      total={total}
    />,
  )
})
