// A share link opened by someone without an account (/share/<token>): the newest saved version
// of a draft or scheduled item, as the staff preview shows it. Served by the admin Worker (the
// public Worker forwards /share/*), outside /admin: no staff session is needed or looked for.
import { createMiddleware } from 'hono/factory'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { shareLinkById } from '../db/share-links.ts'
import type { AppEnv } from '../env.ts'
import { verifyShareToken } from '../auth/share-token.ts'
import { isDatabaseFailure, renderError } from '../http/errors.tsx'
import { formatDateTime } from '../lib/dates.ts'
import { logError } from '../lib/log.ts'
import { editableItem } from '../publishing/content.ts'
import { recordShareView, shareLinkActive, shareLinkExpiry } from '../publishing/share-links.ts'
import { renderPreview } from './admin/preview.tsx'

/** What a visitor is told when a link that did work no longer does. */
const SHARE_GONE_MESSAGE =
  'This preview link has expired or been withdrawn. Ask the person who sent it to you for a new one.'

/**
 * Headers on every /share answer, its errors included: never stored by any cache, never
 * indexed, no cookie, and no Referer sent from it, so the token in its address goes nowhere. Registered
 * before the security headers, which set a Referrer-Policy of their own, so this one wins.
 */
export const shareHeaders = () =>
  createMiddleware<AppEnv>(async function shareHeaders(c, next) {
    await next()
    c.res.headers.set('Cache-Control', 'no-store')
    c.res.headers.set('X-Robots-Tag', 'noindex, nofollow')
    c.res.headers.set('Referrer-Policy', 'no-referrer')
    // The admin Worker's D1 bookmark is for staff: someone opening a link gets no cookie at all.
    c.res.headers.delete('Set-Cookie')
  })

/** The public share links, mounted at /share. */
export const share = new Hono<AppEnv>()

share.get('/:token', async (c) => {
  const secret = c.env.STAFF_COOKIE_KEY
  const claims = secret ? await verifyShareToken(secret, c.req.param('token')) : undefined
  if (!claims) throw new HTTPException(404)
  const now = new Date()
  // Signed, so only the site made it: once its own expiry has passed, no query is needed.
  if (now.getTime() >= claims.expiresMs)
    throw new HTTPException(410, { message: SHARE_GONE_MESSAGE })
  const db = c.var.db
  const link = await shareLinkById(db, claims.id)
  if (!link) throw new HTTPException(404)
  // The row decides too: revoked, expired, or more than 7 days old whatever it says.
  if (!shareLinkActive(link, now)) throw new HTTPException(410, { message: SHARE_GONE_MESSAGE })
  const loaded = await editableItem(db, link.kind, link.contentId)
  if (!loaded) throw new HTTPException(410, { message: SHARE_GONE_MESSAGE })
  // A HEAD shows nothing (link checkers, a browser's prefetch): only a GET counts as a view.
  if (c.req.method === 'GET') await recordShareView(db, link, now)
  const expiry = new Date(Math.min(claims.expiresMs, shareLinkExpiry(link).getTime()))
  return renderPreview(c, link.kind, link.contentId, loaded.draft, {
    detail: `Shared with you by the Serious Organised Crime Agency. Do not publish or share it before it is published. This link expires on ${formatDateTime(expiry)} (UK time).`,
  })
})

// Nothing is sent to a share link: only GET (and HEAD) are answered.
share.all('/:token', () => {
  throw new HTTPException(405)
})

// Its own error handler, because the app's logs the path, and here the path is the token.
share.onError((err, c) => {
  if (err instanceof HTTPException && err.status < 500) {
    if (err.status === 405) c.header('Allow', 'GET, HEAD')
    return renderError(c, err.status, err.message || undefined)
  }
  logError('unhandled', c.var.requestId, err, { method: c.req.method, path: '/share/…' })
  const read = c.req.method === 'GET' || c.req.method === 'HEAD'
  return renderError(c, read && isDatabaseFailure(err) ? 503 : 500)
})
