import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import worker from '../worker.ts'

afterEach(() => vi.restoreAllMocks())

describe('an unexpected error', () => {
  it('gets a 500 page with a reference, and is logged with the request id but no stack for the visitor', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    // A fault in the code rather than in D1: a binding that throws a TypeError.
    const broken = {
      withSession: () => {
        throw new TypeError('simulated fault')
      },
    } as unknown as D1Database
    const ctx = createExecutionContext()
    const res = await worker.fetch(
      new Request('http://localhost:8787/news?page=2&email=someone@example.com'),
      { ...env, DB: broken },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    const html = await res.text()
    expect(res.status).toBe(500)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    expect(html).toContain('Sorry, there is a problem with the service')
    const requestId = res.headers.get('X-Request-Id')!
    expect(html).toContain(`Reference: ${requestId}`)
    expect(html).not.toMatch(/at .*\.(ts|js):\d+/)
    expect(html).not.toContain('simulated fault')
    expect(logged).toHaveBeenCalledOnce()
    const entry = JSON.parse(String(logged.mock.calls[0]![0]))
    expect(entry.requestId).toBe(requestId)
    expect(entry.path).toBe('/news')
    expect(JSON.stringify(entry)).not.toContain('someone@example.com')
  })
})
