import { createMiddleware } from 'hono/factory'
import { secureHeaders } from 'hono/secure-headers'
import type { AppEnv } from '../env.ts'
import { turnstileSiteKey } from '../lib/turnstile.ts'

/** Turnstile's origin: its script and its challenge frame. */
const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com'

const headersWith = (extraOrigins: string[]) =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...extraOrigins],
      frameSrc: extraOrigins.length > 0 ? extraOrigins : ["'none'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", ...extraOrigins],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    // One year, as the HSTS preload list asks (RFC 6797).
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  })

/**
 * Security headers for every response. The CSP allows no inline script or style: cached pages
 * are shared between visitors, so they cannot carry per-visitor nonces. When Turnstile is on,
 * its origin is allowed too.
 */
export const securityHeaders = () => {
  const plain = headersWith([])
  const withTurnstile = headersWith([TURNSTILE_ORIGIN])
  return createMiddleware<AppEnv>(function securityHeaders(c, next) {
    return (turnstileSiteKey(c.env) ? withTurnstile : plain)(c, next)
  })
}
