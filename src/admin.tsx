import { Hono } from 'hono/tiny'
import { bodyLimit } from 'hono/body-limit'
import { except } from 'hono/combine'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { createDb } from './db/client.ts'
import type { AppEnv } from './env.ts'
import { ADMIN_FORM_MAX_BYTES } from './http/admin-form.ts'
import { notFound, onError } from './http/errors.tsx'
import { setBookmarkCookie } from './http/d1-session.ts'
import { alertMailer, runAlertDelivery } from './jobs/alerts.ts'
import { database } from './middleware/db.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { applyDueChanges } from './publishing/schedule.ts'
import { ATTACHMENT_UPLOAD_PATH } from './routes/admin/attachments.tsx'
import { admin } from './routes/admin/index.tsx'
import { share, shareHeaders } from './routes/share.tsx'

/**
 * The staff area, a Worker of its own: the public Worker forwards /admin to it through a
 * service binding. Keeping sign-in, editing and the inbox out of the public Worker keeps that
 * one small (fast cold starts) and leaves the code visitors reach with no staff features at all.
 */
const app = new Hono<AppEnv>()

app.use(requestId())
// Before the security headers, so its stricter Referrer-Policy is the one sent.
app.use('/share/*', shareHeaders())
app.use(securityHeaders())
// Scheduled publishing, run every minute by the Cron Trigger: the public Worker's scheduled
// handler posts here over the service binding. It forwards only /admin and /share from the
// internet, so no one else can reach this; it also needs the header that handler sets, with
// the run's time (never later than now, so no change can be brought forward). Before the CSRF
// check and the request's D1 session: no browser, cookie or form is involved.
app.post('/__scheduled/apply', async (c) => {
  const time = Number(c.req.header('X-Scheduled-Time'))
  if (!Number.isSafeInteger(time) || time <= 0) return notFound(c)
  const db = createDb(c.env.DB)
  const now = new Date(Math.min(time, Date.now()))
  // Email alerts still due (a failed send, or a hand-off that never came) go out with it; that
  // never throws, so scheduled publishing runs whatever happens to email.
  const [summary] = await Promise.all([
    applyDueChanges(db, now),
    runAlertDelivery(db, alertMailer(c.env), now),
  ])
  console.log(JSON.stringify({ level: 'info', event: 'scheduled-changes', ...summary }))
  return c.json(summary)
})
// The public Worker's hand-off right after storing a submission whose alert is waiting
// (http/form-submission.ts): sends the due alerts. Internal like the route above.
app.post('/__alerts/deliver', async (c) => {
  if (c.req.header('X-Alert-Delivery') !== '1') return notFound(c)
  const summary = await runAlertDelivery(createDb(c.env.DB), alertMailer(c.env))
  return c.json(summary ?? null, summary ? 200 : 503)
})
app.use(csrf())
// Staff forms are a few fields of text: anything larger is refused before it is read, as the
// public forms are (sign-in is reachable without signing in).
// An attachment upload is the exception: it streams its file to R2, and counts and limits its
// bytes itself (routes/admin/attachments.tsx).
app.use(
  except(
    (c) => c.req.method === 'POST' && c.req.path === ATTACHMENT_UPLOAD_PATH,
    bodyLimit({
      maxSize: ADMIN_FORM_MAX_BYTES,
      onError: () => {
        throw new HTTPException(413)
      },
    }),
  ),
)
app.use(database({ start: 'first-primary', returnBookmark: setBookmarkCookie }))
app.route('/admin', admin)
// Share links, for people without an account: outside /admin, so no staff session is involved.
app.route('/share', share)
app.notFound(notFound)
app.onError(onError)

export default app
