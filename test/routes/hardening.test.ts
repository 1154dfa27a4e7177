// Defects a security review reproduced on a local site (issue 9), each checked here as it was
// reproduced: cache poisoning, open redirects, cache bypass and cache busting, internal headers.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { sessionCookieValue } from '../../src/auth/sessions.ts'
import { createStaff, signedIn } from '../admin-helpers.ts'
import { ORIGIN, postForm } from '../helpers.ts'
import worker from '../worker.ts'

/** A request through the Worker, waiting for what it stores in the cache to be stored. */
const fetchPage = async (path: string, init: RequestInit = {}) => {
  const ctx = createExecutionContext()
  const res = await worker.fetch(new Request(`${ORIGIN}${path}`, init), env, ctx)
  await waitOnExecutionContext(ctx)
  return res
}

describe('confirmation pages', () => {
  it('are never stored, so a request without a reference cannot poison them for senders', async () => {
    const sent = await postForm('/contact', {
      topic: 'general',
      fullName: 'Alex Example',
      email: 'alex@example.com',
      message: 'Please reply.',
    })
    const location = sent.headers.get('Location')!
    const missing = await fetchPage('/contact/sent')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('Cache-Control')).toBe('no-store')
    const own = await fetchPage(location)
    expect(own.status).toBe(200)
    expect(own.headers.get('X-Cache')).not.toBe('HIT')
    expect(await caches.default.match(`${ORIGIN}/__cache/latest/contact/sent`)).toBeUndefined()
  })

  it('keep the application confirmation unpoisoned too', async () => {
    const missing = await fetchPage('/careers/application-sent')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('Cache-Control')).toBe('no-store')
    const again = await fetchPage('/careers/application-sent')
    expect(again.headers.get('X-Cache')).not.toBe('HIT')
  })
})

describe('the trailing-slash redirect', () => {
  it.each([
    ['//evil.example/', '/evil.example'],
    ['/%5Cevil.example/', '/evil.example'],
    ['/%5C%5Cevil.example/', '/evil.example'],
    ['/about/', '/about'],
  ])('sends %s to %s, on this site', async (path, location) => {
    const res = await fetchPage(path, { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe(location)
    expect(new URL(res.headers.get('Location')!, ORIGIN).origin).toBe(ORIGIN)
  })

  it.each(['/%09/evil.example/', '/about%0D%0ASet-Cookie:x=1/', '/a%0A/', '/%00/'])(
    'answers 404, not a redirect or a 500, for a control character in %s',
    async (path) => {
      const res = await fetchPage(path, { redirect: 'manual' })
      expect(res.status).toBe(404)
      expect(res.headers.get('Location')).toBeNull()
    },
  )

  it('gives the 404 page a canonical URL on this site for a path that reads as another host', async () => {
    const html = await (await fetchPage('//evil.example')).text()
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/evil.example"`)
    expect(html).toContain(`<meta property="og:url" content="${ORIGIN}/evil.example"`)
    expect(html).not.toContain('//evil.example"')
  })
})

describe('the staff area', () => {
  it('answers 404, not 500, for a control character in a path ending in a slash', async () => {
    for (const path of ['/admin/%0D%0A/', '/admin/pages%0A/', '/admin/%09/']) {
      expect((await fetchPage(path, { redirect: 'manual' })).status).toBeLessThan(500)
    }
  })
})

describe('the public cache', () => {
  it('is not bypassed by a made-up session cookie', async () => {
    await fetchPage('/privacy')
    for (const cookie of [
      '__Host-soca-session=x',
      `__Host-soca-session=${'a'.repeat(43)}.${'b'.repeat(43)}`,
      `__Host-soca-session=${sessionCookieValue('made-up-token', 'another key')}`,
    ]) {
      const res = await fetchPage('/privacy', { headers: { Cookie: cookie } })
      expect(res.headers.get('X-Cache')).toBe('HIT')
    }
  })

  it('is bypassed by the cookie a sign-in issued', async () => {
    const staff = await signedIn(await createStaff({ email: 'b@example.com', role: 'editor' }))
    const res = await fetchPage('/privacy', { headers: { Cookie: staff.cookie! } })
    expect(res.headers.get('X-Cache')).toBe('BYPASS')
  })

  it('keys a page by its own parameters only: ?page= splits the key only where a route pages', async () => {
    await fetchPage('/about')
    for (const page of ['901', '902', '903']) {
      expect((await fetchPage(`/about?page=${page}`)).headers.get('X-Cache')).toBe('HIT')
    }
    await fetchPage('/news?page=2')
    expect((await fetchPage('/news?page=2')).headers.get('X-Cache')).toBe('HIT')
    expect((await fetchPage('/news?page=3')).headers.get('X-Cache')).not.toBe('HIT')
  })

  it('keeps its internal headers to itself', async () => {
    await fetchPage('/ukhtc')
    const hit = await fetchPage('/ukhtc')
    expect(hit.headers.get('X-Cache')).toBe('HIT')
    expect(hit.headers.get('X-Stored-At')).toBeNull()
    expect(hit.headers.get('X-Browser-Cache-Control')).toBeNull()
  })
})

describe('the trailing-slash redirect, for a path with letters beyond ASCII', () => {
  it('percent-encodes them in the Location header', async () => {
    const res = await fetchPage('/%C3%A9t%C3%A9/', { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/%C3%A9t%C3%A9')
  })
})
