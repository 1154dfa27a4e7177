import { env } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { getPage } from '../helpers.ts'

afterEach(() => vi.restoreAllMocks())

describe('an unexpected error', () => {
  it('gets a 500 page with a reference, and is logged with the request id but no stack for the visitor', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    // Break the database for this test file only: storage is isolated per file.
    await env.DB.prepare('DROP TABLE news_articles').run()
    const { res, html } = await getPage('/news?page=2&email=someone@example.com')
    expect(res.status).toBe(500)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(html).toContain('Sorry, there is a problem with the service')
    const requestId = res.headers.get('X-Request-Id')!
    expect(html).toContain(`Reference: ${requestId}`)
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/)
    expect(html).not.toContain('no such table')
    expect(logged).toHaveBeenCalledOnce()
    const entry = JSON.parse(String(logged.mock.calls[0]![0]))
    expect(entry.requestId).toBe(requestId)
    expect(entry.path).toBe('/news')
    expect(JSON.stringify(entry)).not.toContain('someone@example.com')
  })
})
