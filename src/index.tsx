import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { csrf } from 'hono/csrf'
import { requestId } from 'hono/request-id'
import { createDb } from './db/client.ts'
import type { AppEnv } from './env.ts'
import { deleteExpiredSubmissions, retentionPeriods } from './jobs/retention.ts'
import { CONTENT_VERSION_HEADER, rememberVersion } from './http/content-version.ts'
import { notFound, onError, renderError } from './http/errors.tsx'
import { logError } from './lib/log.ts'
import { cacheHeaders } from './middleware/cache-headers.ts'
import { database } from './middleware/db.ts'
import { edgeCache, memoryHit } from './middleware/edge-cache.ts'
import { etag } from './middleware/etag.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { attachmentFiles } from './routes/attachments.ts'
import { careers } from './routes/careers.tsx'
import { contact } from './routes/contact.tsx'
import { feedback } from './routes/feedback.tsx'
import { feeds } from './routes/feeds.ts'
import { news } from './routes/news.tsx'
import { pages } from './routes/pages.tsx'
import { search } from './routes/search.tsx'

/** The public site. The staff area is its own Worker (src/admin.tsx), reached through ADMIN. */
const app = new Hono<AppEnv>()

// Registered first, so none of the public middleware runs for the staff area: the admin
// Worker applies its own headers, CSRF checks and sessions.
const toAdmin = async (c: Context<AppEnv>) => {
  let res: Response
  try {
    res = await c.env.ADMIN.fetch(c.req.raw)
  } catch (err) {
    // The staff Worker cannot be reached: a clear 503, logged without the request's body, and
    // by route, not path: a share link's path is its token, which is never logged.
    logError('admin-unreachable', undefined, err, { method: c.req.method, path: c.req.routePath })
    return renderError(c, 503)
  }
  const version = res.headers.get(CONTENT_VERSION_HEADER)
  if (!version) return res
  // Public content changed: this location's pages are fresh from the very next request.
  await rememberVersion(caches.default, new URL(c.req.url).origin, version)
  const forwarded = new Response(res.body, res)
  forwarded.headers.delete(CONTENT_VERSION_HEADER)
  return forwarded
}
app.all('/admin', toAdmin)
app.all('/admin/*', toAdmin)
// Share links of unpublished content (src/routes/share.tsx) are the admin Worker's too.
app.all('/share/*', toAdmin)

app.use(requestId())
app.use(securityHeaders())
app.use(database({ start: 'first-unconstrained' }))
// Files of the attachments library: immutable, cached by browsers and CDNs for a year, and kept
// out of the edge cache below, which holds whole pages in memory.
app.route('/attachments', attachmentFiles)
app.use(edgeCache())
app.use(cacheHeaders({ maxAge: 60, staleWhileRevalidate: 300 }))
app.use(etag())
// Origin / Sec-Fetch-Site check: a form posted from another site gets 403. Public pages are
// cached and shared, so they cannot carry per-visitor tokens.
app.use(csrf())

app.route('/', feeds)
app.route('/news', news)
app.route('/careers', careers)
app.route('/contact', contact)
app.route('/search', search)
app.route('/feedback', feedback)
app.route('/', pages)

app.notFound(notFound)
app.onError(onError)

export { app }

export default {
  // A page this isolate holds is answered before the app runs (middleware/edge-cache.ts).
  fetch: (request: Request, env: AppEnv['Bindings'], ctx: ExecutionContext) =>
    memoryHit(request, env) ?? app.fetch(request, env, ctx),
  /**
   * Cron Triggers: every minute, scheduled publishing and email alerts still due; daily,
   * deletes submissions, and their CVs, once their retention period is over.
   */
  async scheduled(controller, env, ctx) {
    // Every minute: the admin Worker applies scheduled publishing and sends the email alerts
    // still due (src/admin.tsx). The header carries the run's time; that Worker refuses the
    // route without it.
    if (controller.cron === '* * * * *') {
      return ctx.waitUntil(
        env.ADMIN.fetch('https://admin.internal/__scheduled/apply', {
          method: 'POST',
          headers: { 'X-Scheduled-Time': String(controller.scheduledTime) },
        }),
      )
    }
    ctx.waitUntil(
      deleteExpiredSubmissions(
        createDb(env.DB),
        env.CV_BUCKET,
        retentionPeriods(env),
        new Date(controller.scheduledTime),
      )
        .then((deleted) =>
          console.log(JSON.stringify({ level: 'info', event: 'retention', deleted })),
        )
        // Logged, for whoever looks into it; the next run carries on where this one stopped.
        .catch((err: unknown) => logError('retention-failed', undefined, err)),
    )
  },
} satisfies ExportedHandler<AppEnv['Bindings']>
