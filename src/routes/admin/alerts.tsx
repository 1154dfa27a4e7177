import { Hono } from 'hono/tiny'
import { alertById, alertsForStaff } from '../../db/alerts.ts'
import type { StaffEnv } from '../../env.ts'
import { doneNotice, numericParam } from '../../http/params.ts'
import { MAX_ATTEMPTS, alertMailer, retryAlert, runAlertDelivery } from '../../jobs/alerts.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { AlertsPage } from '../../views/admin/alerts-page.tsx'
import { actorOf, adminContext, changed, refusalException } from './context.ts'

/**
 * The email alerts of new submissions, mounted at /admin/alerts: which were not sent and why,
 * and which were, for anyone who reads the inbox; they name no personal data.
 */
export const alertRoutes = new Hono<StaffEnv>()
alertRoutes.use('*', requirePermission('submissions:read'))

/** The notices a redirect back to the page names (`?done=`). */
const DONE = {
  sent: 'Alert sent.',
  'not-sent': 'Tried again, and the alert could not be sent. The error is below.',
}

alertRoutes.get('/', async (c) => {
  const { unsent, sent } = await alertsForStaff(c.var.db)
  return c.html(
    <AlertsPage
      admin={adminContext(c)}
      unsent={unsent}
      sent={sent}
      maxAttempts={MAX_ATTEMPTS}
      done={doneNotice(c, DONE)}
    />,
  )
})

// Makes the alert due now and sends it (with any other due alert) before answering, so the
// page the member comes back to shows how it went.
alertRoutes.post('/:id{[0-9]+}/retry', async (c) => {
  const id = numericParam(c, 'id')
  const now = new Date()
  const result = await retryAlert(c.var.db, actorOf(c), id, now)
  if (!result.ok) throw refusalException(result)
  await runAlertDelivery(c.var.db, alertMailer(c.env), now)
  const done = (await alertById(c.var.db, id))?.status === 'sent' ? 'sent' : 'not-sent'
  return changed(c, result, `/admin/alerts?done=${done}`)
})
