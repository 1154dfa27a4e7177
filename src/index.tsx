import { Hono } from 'hono'
import type { Context } from 'hono'
import { csrf } from 'hono/csrf'
import { etag } from 'hono/etag'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { createDb } from './db/client.ts'
import { publishedPagesQuery } from './db/pages.ts'
import { settingsQuery } from './db/settings.ts'
import type { AppEnv } from './env.ts'
import { deleteExpiredSubmissions, retentionPeriods } from './jobs/retention.ts'
import { bareChrome, buildChrome } from './lib/chrome.ts'
import { logError } from './lib/log.ts'
import { cacheHeaders } from './middleware/cache-headers.ts'
import { database } from './middleware/db.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { admin } from './routes/admin/index.tsx'
import { careers } from './routes/careers.tsx'
import { contact } from './routes/contact.tsx'
import { feeds } from './routes/feeds.ts'
import { news } from './routes/news.tsx'
import { pages } from './routes/pages.tsx'
import { ErrorPage } from './views/pages/error-page.tsx'

const app = new Hono<AppEnv>()

app.use(requestId())
app.use(securityHeaders())
app.use(cacheHeaders({ maxAge: 60, staleWhileRevalidate: 300 }))
app.use(etag())
// Origin / Sec-Fetch-Site check: a form posted from another site gets 403. Public pages are
// cached and shared, so they cannot carry per-visitor tokens.
app.use(csrf())
app.use(database())

app.route('/admin', admin)
app.route('/', feeds)
app.route('/news', news)
app.route('/careers', careers)
app.route('/contact', contact)
app.route('/', pages)

/** Renders the error page with the site's navigation, or without it if the database fails too. */
const renderError = async (c: Context<AppEnv>, status: number, message?: string) => {
  let chrome = bareChrome(c.env.SITE_URL)
  try {
    const db = c.var.db
    const [tree, settingRows] = await db.batch([publishedPagesQuery(db), settingsQuery(db)])
    chrome = buildChrome(tree, settingRows, c.env.SITE_URL)
  } catch {
    // The page still renders; the original error is what gets logged.
  }
  const res = await c.html(
    <ErrorPage
      chrome={chrome}
      status={status}
      message={message}
      path={c.req.path}
      requestId={status >= 500 ? c.var.requestId : undefined}
    />,
    status as 400,
  )
  const cacheable = (status === 404 || status === 410) && !c.req.path.startsWith('/admin')
  res.headers.set('Cache-Control', cacheable ? 'public, max-age=60' : 'no-store')
  if (status === 429 || status === 503) res.headers.set('Retry-After', '60')
  return res
}

/** What to tell a visitor when a built-in middleware refuses a request. */
const MIDDLEWARE_MESSAGES: Record<number, string> = {
  403: 'You cannot send this form from another website. For your security, forms on this website only accept answers sent from this website: go back to the form and send it again.',
}

app.notFound((c) => renderError(c, 404))

app.onError((err, c) => {
  if (err instanceof HTTPException && err.status < 500) {
    // Middleware such as csrf and body-limit attach a bare text response; visitors get the page.
    const message = err.res ? MIDDLEWARE_MESSAGES[err.status] : err.message || undefined
    return renderError(c, err.status, message)
  }
  // Log what helps find the fault, never request bodies or query strings (personal data).
  logError('unhandled', c.var.requestId, err, { method: c.req.method, path: c.req.path })
  return renderError(c, err instanceof HTTPException ? err.status : 500)
})

export { app }

export default {
  fetch: app.fetch,
  /** Cron Trigger: deletes submissions, and their CVs, once their retention period is over. */
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(
      deleteExpiredSubmissions(
        createDb(env.DB),
        env.CV_BUCKET,
        retentionPeriods(env),
        new Date(controller.scheduledTime),
      ).then((deleted) => console.log(JSON.stringify({ level: 'info', event: 'retention', deleted }))),
    )
  },
} satisfies ExportedHandler<AppEnv['Bindings']>
