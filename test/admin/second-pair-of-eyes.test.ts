// The second pair of eyes through HTTP: a publisher's change stays theirs however many times
// someone else re-saves it, on the edit page and when they try to publish it.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import { createDraft, publish, saveDraft } from '../../src/publishing/content.ts'
import { createStaff, signedIn } from '../admin-helpers.ts'

type Browser = Awaited<ReturnType<typeof signedIn>>
const db = createDb(env.DB)
let publisher: Browser
let ids: Record<'editor' | 'publisher' | 'colleague', number>

beforeAll(async () => {
  const p = await createStaff({ email: 'pat@example.com', role: 'publisher' })
  const e = await createStaff({ email: 'ed@example.com', role: 'editor' })
  const q = await createStaff({ email: 'quinn@example.com', role: 'publisher' })
  ids = { publisher: p.id, editor: e.id, colleague: q.id }
  publisher = await signedIn(p)
  await env.DB.prepare(
    "INSERT INTO settings (key, value) VALUES ('require_second_publisher', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'",
  ).run()
})

const news = (title: string) => ({
  slug: 'checked',
  title,
  summary: 'In short.',
  body: 'Body.',
  publicationDate: null,
})

describe('the second pair of eyes, through HTTP', () => {
  it('refuses a publisher their own change after an editor re-saves it, and says why', async () => {
    const created = await createDraft(db, { id: ids.editor, role: 'editor' }, 'news', news('A'))
    if (!created.ok) throw new Error(created.reason)
    const id = created.id
    await publish(db, { id: ids.colleague, role: 'publisher' }, 'news', id)
    await saveDraft(db, { id: ids.publisher, role: 'publisher' }, 'news', id, news('B'))
    await saveDraft(db, { id: ids.editor, role: 'editor' }, 'news', id, news('B'))

    const page = await (await publisher.get(`/admin/news/${id}`)).text()
    expect(page).toContain('A second pair of eyes is required')
    const res = await publisher.submit(`/admin/news/${id}/publish`, {}, `/admin/news/${id}`)
    expect(res.status).toBe(403)
    expect(
      await env.DB.prepare('SELECT title FROM news_articles WHERE id = ?').bind(id).first(),
    ).toEqual({ title: 'A' })
  })
})
