import type { Context, ErrorHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../env.ts'
import { ErrorPage } from '../views/pages/error-page.tsx'
import { isPersonalPath } from './cache-rules.ts'
import { bareChrome, batchWithChrome } from './page-chrome.ts'
import { logError } from '../lib/log.ts'

/** What to tell a visitor when a built-in middleware refuses a request. */
const MIDDLEWARE_MESSAGES: Record<number, string> = {
  403: 'You cannot send this form from another website. For your security, forms on this website only accept answers sent from this website: go back to the form and send it again.',
}

/** Renders the error page with the site's navigation, or without it if the database fails too. */
export const renderError = async (c: Context<AppEnv>, status: number, message?: string) => {
  let chrome = bareChrome(c.env.SITE_URL)
  try {
    // No queries of its own: the batch is only the two the chrome needs, still one round trip.
    chrome = (await batchWithChrome(c, [])).chrome
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
  const cacheable =
    (status === 404 || status === 410) &&
    !c.req.path.startsWith('/admin') &&
    !isPersonalPath(c.req.path)
  res.headers.set('Cache-Control', cacheable ? 'public, max-age=60' : 'no-store')
  if (status === 429 || status === 503) res.headers.set('Retry-After', '60')
  return res
}

/** The 404 page for any path no route answers. */
export const notFound = (c: Context<AppEnv>) => renderError(c, 404)

/** Whether an error came from D1 (unreachable, overloaded, failing) rather than from the code. */
export const isDatabaseFailure = (err: Error) =>
  err.name === 'DrizzleQueryError' ||
  /D1_|D1 /.test(`${err.message} ${err.cause instanceof Error ? err.cause.message : ''}`)

/**
 * Expected failures (HTTPException below 500) get their page; anything else is logged with the
 * request id, never request bodies or query strings (personal data), and gets the 500 page. A
 * page that could not be read because D1 failed is a 503 with Retry-After: trying again later
 * is the answer. (A change that failed is still a 500: what went wrong needs looking into.)
 */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof HTTPException && err.status < 500) {
    // Middleware such as csrf and body-limit attach a bare text response; visitors get the page.
    const message = err.res ? MIDDLEWARE_MESSAGES[err.status] : err.message || undefined
    return renderError(c, err.status, message)
  }
  logError('unhandled', c.var.requestId, err, { method: c.req.method, path: c.req.path })
  const read = c.req.method === 'GET' || c.req.method === 'HEAD'
  if (read && isDatabaseFailure(err)) return renderError(c, 503)
  return renderError(c, err instanceof HTTPException ? err.status : 500)
}
