import { Hono } from 'hono'
import type { Context } from 'hono'
import { etag } from 'hono/etag'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { publishedPagesQuery } from './db/pages.ts'
import { settingsQuery } from './db/settings.ts'
import type { AppEnv } from './env.ts'
import { bareChrome, buildChrome } from './lib/chrome.ts'
import { cacheHeaders } from './middleware/cache-headers.ts'
import { database } from './middleware/db.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { careers } from './routes/careers.tsx'
import { feeds } from './routes/feeds.ts'
import { news } from './routes/news.tsx'
import { pages } from './routes/pages.tsx'
import { ErrorPage } from './views/pages/error-page.tsx'

const app = new Hono<AppEnv>()

app.use(requestId())
app.use(securityHeaders())
app.use(cacheHeaders({ maxAge: 60, staleWhileRevalidate: 300 }))
app.use(etag())
app.use(database())

app.route('/', feeds)
app.route('/news', news)
app.route('/careers', careers)
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
  res.headers.set('Cache-Control', status >= 500 ? 'no-store' : 'public, max-age=60')
  return res
}

app.notFound((c) => renderError(c, 404))

app.onError((err, c) => {
  if (err instanceof HTTPException && err.status < 500) {
    if (err.res) return err.res
    return renderError(c, err.status, err.message || undefined)
  }
  // Log what helps find the fault, never request bodies or query strings (personal data).
  console.error(
    JSON.stringify({
      level: 'error',
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      error: err.name,
      message: err.message,
      stack: err.stack,
    }),
  )
  return renderError(c, err instanceof HTTPException ? err.status : 500)
})

export default app
