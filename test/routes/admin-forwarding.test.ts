import { createExecutionContext, env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import publicWorker from '../../src/index.tsx'

describe('the public Worker', () => {
  it.each(['/admin', '/admin/sign-in', '/admin/pages/3?x=1'])(
    'forwards %s untouched to the admin Worker',
    async (path) => {
      const seen: Request[] = []
      const admin = {
        fetch: async (req: Request) => (
          seen.push(req),
          new Response('from admin', { status: 418 })
        ),
      }
      const res = await publicWorker.fetch(
        new Request(`http://localhost:8787${path}`, {
          method: 'POST',
          body: 'a=1',
          headers: { Cookie: 'k=v' },
        }),
        { ...env, ADMIN: admin as unknown as Fetcher },
        createExecutionContext(),
      )
      expect(res.status).toBe(418)
      expect(await res.text()).toBe('from admin')
      expect(seen).toHaveLength(1)
      expect(seen[0]!.url).toBe(`http://localhost:8787${path}`)
      expect(seen[0]!.headers.get('Cookie')).toBe('k=v')
      expect(await seen[0]!.text()).toBe('a=1')
      // None of the public middleware touched it.
      expect(res.headers.get('Content-Security-Policy')).toBeNull()
    },
  )

  it('does not forward a path that only starts with the same letters', async () => {
    const res = await publicWorker.fetch(
      new Request('http://localhost:8787/administration'),
      env,
      createExecutionContext(),
    )
    expect(res.status).toBe(404)
  })
})
