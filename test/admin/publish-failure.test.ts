import { env } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createStaff, signedIn } from '../admin-helpers.ts'

type Browser = Awaited<ReturnType<typeof signedIn>>
let publisher: Browser

beforeAll(async () => {
  publisher = await signedIn(await createStaff({ email: 'pat@example.com', role: 'publisher' }))
})

afterEach(() => vi.restoreAllMocks())

const pageId = async (path: string) =>
  (await env.DB.prepare('SELECT id FROM pages WHERE path = ?').bind(path).first<{ id: number }>())!
    .id

describe('POST /admin/pages/:id/publish', () => {
  it('answers 409 with what to do when another page took the address since it was saved', async () => {
    const id = await pageId('/threats/fraud')
    // The newest revision claims a path that another page has, as a colleague's later publish would.
    await env.DB.prepare(
      `INSERT INTO revisions (kind, content_id, data, note)
       SELECT 'page', id, json_object('path', '/about', 'parentId', parent_id, 'title', title,
         'summary', summary, 'body', body, 'navOrder', nav_order), 'Saved' FROM pages WHERE id = ?`,
    )
      .bind(id)
      .run()
    const res = await publisher.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)
    expect(res.status).toBe(409)
    expect(await res.text()).toContain(
      'Another page now uses this address. Change it, save and publish again.',
    )
    const row = await env.DB.prepare('SELECT path FROM pages WHERE id = ?').bind(id).first()
    expect(row).toEqual({ path: '/threats/fraud' })
  })

  it('answers 500 and logs the error with the request id when D1 fails for any other reason', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    // Publishing a page writes redirects; without the table the batch fails with no conflict.
    await env.DB.prepare('DROP TABLE redirects').run()
    const id = await pageId('/about')
    const res = await publisher.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)
    expect(res.status).toBe(500)
    const line = JSON.parse(String(logged.mock.calls.at(-1)?.[0]))
    expect(line).toMatchObject({
      level: 'error',
      event: 'unhandled',
      requestId: res.headers.get('X-Request-Id'),
    })
    expect(line.message).toContain('no such table: redirects')
    expect(await env.DB.prepare('SELECT status FROM pages WHERE id = ?').bind(id).first()).toEqual({
      status: 'published',
    })
  })
})
