import { exports } from 'cloudflare:workers'

/** The origin tests send requests to; it matches SITE_URL in wrangler.toml. */
export const ORIGIN = 'http://localhost:8787'

/** Sends a request through the Worker's fetch handler, as a visitor's request would arrive. */
export const request = (path: string, init?: RequestInit) =>
  exports.default.fetch(new Request(new URL(path, ORIGIN), init))
