import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { submissionByReferenceQuery } from '../db/submissions.ts'
import type { AppEnv } from '../env.ts'
import { batchWithChrome } from '../http/page-chrome.ts'
import { REFERENCE_PATTERN } from '../lib/reference.ts'
import { SentPage, type SentPageProps } from '../views/pages/sent-page.tsx'

/**
 * A confirmation page handler: `?reference=` must name a stored submission of this kind, or
 * the answer is 404. The page is never cached, as it is the visitor's own. (Page feedback has its
 * own thank-you page, src/routes/feedback.tsx: no reply is sent, so it shows no reference.)
 */
export const sentPage = (kind: SentPageProps['kind']) =>
  async function sent(c: Context<AppEnv>) {
    const reference = c.req.query('reference') ?? ''
    if (!REFERENCE_PATTERN.test(reference)) throw new HTTPException(404)
    const db = c.var.db
    const {
      chrome,
      results: [[stored]],
    } = await batchWithChrome(c, [submissionByReferenceQuery(db, reference)])
    if (stored?.kind !== kind) throw new HTTPException(404)
    const res = await c.html(
      <SentPage chrome={chrome} kind={kind} reference={reference} path={c.req.path} />,
    )
    res.headers.set('Cache-Control', 'no-store')
    return res
  }
