import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, describe, expect, it, vi } from 'vitest'
import publicWorker from '../../src/index.tsx'
import { ORIGIN, captureLogs } from '../helpers.ts'

afterEach(() => vi.restoreAllMocks())

/** A request to the public Worker whose ADMIN service binding fails the way `fail` does. */
const withAdmin = async (path: string, fail: () => Promise<Response>, init: RequestInit = {}) => {
  const admin = { fetch: fail } as unknown as Fetcher
  const ctx = createExecutionContext()
  const res = await publicWorker.fetch(
    new Request(new URL(path, ORIGIN), init),
    { ...env, ADMIN: admin },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

const failures: [string, () => Promise<Response>][] = [
  [
    'throws',
    () => {
      throw new Error('Network connection lost.')
    },
  ],
  ['rejects', () => Promise.reject(new Error('Worker threw exception'))],
]

describe('when the admin Worker cannot be reached through the ADMIN binding', () => {
  it.each(failures)(
    'answers /admin/... with a clear 503 page, not a 500, when the binding %s',
    async (_, fail) => {
      const logs = captureLogs()
      for (const [path, init] of [
        ['/admin', {}],
        ['/admin/submissions?kind=application', {}],
        ['/admin/sign-in', { method: 'POST', body: 'email=a%40example.com' }],
      ] as const) {
        const res = await withAdmin(path, fail, init)
        expect(res.status, path).toBe(503)
        expect(res.headers.get('Retry-After'), path).toBe('60')
        expect(res.headers.get('Cache-Control'), path).toBe('no-store')
        expect(res.headers.get('Content-Type'), path).toMatch(/^text\/html/)
        const html = await res.text()
        expect(html, path).toContain('Sorry, the service is unavailable')
        expect(html, path).not.toMatch(/Network connection lost|Worker threw exception|\bat \w/)
      }
      // Each failure is logged for whoever looks into it, without the request's body.
      expect(logs).toHaveLength(3)
      for (const line of logs) expect(line).toEqual(expect.objectContaining({ level: 'error' }))
      expect(JSON.stringify(logs)).not.toContain('a%40example.com')
    },
  )
})
