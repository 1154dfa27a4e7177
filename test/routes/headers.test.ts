import { describe, expect, it } from 'vitest'
import { request } from '../helpers.ts'

describe('security headers', () => {
  it.each(['/', '/news', '/sitemap.xml', '/no-such-page'])('are sent on %s', async (path) => {
    const res = await request(path)
    const csp = res.headers.get('Content-Security-Policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("base-uri 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("form-action 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000; includeSubDomains')
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin')
    expect(res.headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/)
  })
})

describe('caching headers', () => {
  it('gives public HTML a CDN-friendly Cache-Control and an ETag', async () => {
    const res = await request('/about')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60, stale-while-revalidate=300')
    // The body's length and a hash of it, in hex (src/middleware/etag.ts).
    const length = (await res.clone().arrayBuffer()).byteLength
    expect(res.headers.get('ETag')).toMatch(new RegExp(`^"${length.toString(16)}-[0-9a-f]+"$`))
    expect(res.headers.get('ETag')).not.toBe(
      (await request('/about/structure')).headers.get('ETag'),
    )
    expect(res.headers.get('Cache-Tag')).toBe('soca-pages')
  })

  it('answers 304 Not Modified when If-None-Match matches', async () => {
    const first = await request('/about')
    const etag = first.headers.get('ETag')!
    const second = await request('/about', { headers: { 'If-None-Match': etag } })
    expect(second.status).toBe(304)
    expect(await second.text()).toBe('')
    expect(second.headers.get('ETag')).toBe(etag)
    expect(second.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
  })

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await request('/about', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    expect(res.headers.get('ETag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/)
    expect(await res.text()).toBe('')
  })

  it('lets a browser cache a 404 page only briefly', async () => {
    const res = await request('/no-such-page')
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60')
  })
})
