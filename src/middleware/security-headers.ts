import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../env.ts'
import { turnstileSiteKey } from '../lib/turnstile.ts'

/** Turnstile's origin: its script and its challenge frame. */
const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com'

/**
 * The Content Security Policy. It allows no inline script or style: cached pages are shared
 * between visitors, so they cannot carry per-visitor nonces. Turnstile's origin is allowed only
 * when Turnstile is on.
 */
const contentSecurityPolicy = (extra: string) =>
  [
    "default-src 'self'",
    `script-src 'self'${extra}`,
    `frame-src ${extra ? extra.trim() : "'none'"}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${extra}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ')

/** Headers every response carries; the values hono/secure-headers would set, and ours. */
const headers = (csp: string): [string, string][] => [
  ['Content-Security-Policy', csp],
  // One year, as the HSTS preload list asks (RFC 6797).
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['X-Frame-Options', 'DENY'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
]

const plain = headers(contentSecurityPolicy(''))
const withTurnstile = headers(contentSecurityPolicy(` ${TURNSTILE_ORIGIN}`))

/**
 * Sets the security headers on `target`. A response that set its own Content-Security-Policy
 * keeps it.
 */
export const applySecurityHeaders = (target: Headers, env: AppEnv['Bindings']) => {
  const ownPolicy = target.has('Content-Security-Policy')
  for (const [name, value] of turnstileSiteKey(env) ? withTurnstile : plain) {
    if (ownPolicy && name === 'Content-Security-Policy') continue
    target.set(name, value)
  }
}

/**
 * Security headers for every response. A fixed list rather than hono/secure-headers: the same
 * headers, without its option parsing in the public Worker's size budget. A route that set its
 * own Content-Security-Policy keeps it: only a stricter one has a reason to exist (the CV
 * download's sandbox, which stops a PDF that is also HTML from running as a page of the site).
 */
export const securityHeaders = () =>
  createMiddleware<AppEnv>(async function securityHeaders(c, next) {
    await next()
    applySecurityHeaders(c.res.headers, c.env)
  })
