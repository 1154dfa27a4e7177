import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import source from '../../seed/source/soca-website.txt?raw'
import { content } from '../../seed/content.ts'
import { contentChanged, countOf, getPage, sql } from '../helpers.ts'

const PATH = '/about/objectives-and-values'

/** The page's text as a reader sees it: tags gone, entities decoded, spaces collapsed. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ')

/** The five strategic imperatives in the source: each title and every sentence of its text. */
const imperatives = () => {
  const start = source.indexOf('Objectives and Values:')
  const end = source.indexOf('Find out more now:')
  const section = source.slice(start, end)
  const bullets = section.split('\n  • ').slice(1)
  return bullets.flatMap((bullet) => {
    const text = bullet.replace(/\s+/g, ' ').trim()
    const colon = text.indexOf(': ')
    const parts = colon > 0 && colon < 80 ? [text.slice(0, colon), text.slice(colon + 2)] : [text]
    return parts.flatMap((part) => part.split(/(?<=[.!?])\s+/))
  })
}

/** Migration 0006, as wrangler applies it. */
const migration = () => {
  const found = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0006_'))
  if (!found) throw new Error('migration 0006 is missing')
  return found.queries
}

const run = () => env.DB.batch(migration().map((q) => env.DB.prepare(q)))

/** The page body migration 0006 corrects: the text the seed used to have at `path`. */
const oldBody = (path = PATH) => {
  const insert = migration().find(
    (q) => q.includes('INSERT INTO revisions') && q.includes(`path = '${path}'`),
  )
  const body = insert?.match(/AND body = '((?:[^']|'')*)' AND NOT EXISTS/)?.[1]
  if (body === undefined) throw new Error(`no old body for ${path} in migration 0006`)
  return body.replaceAll("''", "'")
}

const newBody = content.pages.find((p) => p.path === PATH)!.body

const pageRow = () =>
  env.DB.prepare('SELECT id, body, published_revision_id AS live FROM pages WHERE path = ?')
    .bind(PATH)
    .first<{ id: number; body: string; live: number }>()

describe('the five strategic imperatives', () => {
  it('are all in the source: five titles, seventeen sentences in all', () => {
    expect(imperatives()).toContain('Build on our capacity to make a difference')
    expect(imperatives()).toHaveLength(5 + 17)
  })

  it('are on the page in the agency’s own words, every sentence of them', async () => {
    const { res, html } = await getPage(PATH)
    expect(res.status).toBe(200)
    const text = visibleText(html)
    const missing = imperatives().filter((sentence) => !text.includes(sentence))
    expect(missing).toEqual([])
    expect(text).not.toContain('Provide high-quality support to operational partners')
  })
})

describe('/threats', () => {
  it('lists each of its six threats once', async () => {
    const { html } = await getPage('/threats')
    const threats = content.pages.filter((p) => p.parentPath === '/threats')
    expect(threats).toHaveLength(6)
    for (const threat of threats) {
      expect({
        threat: threat.path,
        links: countOf(html, new RegExp(`href="${threat.path}"`)),
      }).toEqual({
        threat: threat.path,
        links: 1,
      })
    }
  })

  it('is corrected by migration 0006 when it still holds the old seeded list', async () => {
    const id = (await env.DB.prepare("SELECT id FROM pages WHERE path = '/threats'").first<{
      id: number
    }>())!.id
    await sql('UPDATE pages SET body = ? WHERE id = ?', oldBody('/threats'), id)
    expect(countOf((await getPage('/threats')).html, /href="\/threats\/fraud"/)).toBe(2)
    await run()
    await contentChanged()
    expect(countOf((await getPage('/threats')).html, /href="\/threats\/fraud"/)).toBe(1)
  })
})

describe('migration 0006', () => {
  it('corrects a database still holding the old seeded text, as a new live revision', async () => {
    const { id } = (await pageRow())!
    await sql('UPDATE pages SET body = ? WHERE id = ?', oldBody(), id)
    await run()
    const row = (await pageRow())!
    expect(row.body).toBe(newBody)
    const revision = await env.DB.prepare(
      "SELECT id, author_id, note, json_extract(data, '$.body') AS body FROM revisions WHERE kind = 'page' AND content_id = ? ORDER BY id DESC LIMIT 1",
    )
      .bind(id)
      .first()
    expect(revision).toEqual({
      id: row.live,
      author_id: null,
      note: "The agency's own words",
      body: newBody,
    })
    const text = visibleText((await getPage(PATH)).html)
    expect(text).toContain('Build on our capacity to make a difference')
  })

  it('leaves a page staff changed, and one with a newer draft, as it is', async () => {
    const { id } = (await pageRow())!
    await sql('UPDATE pages SET body = ? WHERE id = ?', 'Changed by staff.', id)
    await run()
    expect((await pageRow())!.body).toBe('Changed by staff.')

    await sql('UPDATE pages SET body = ? WHERE id = ?', oldBody(), id)
    await env.DB.prepare(
      "INSERT INTO revisions (kind, content_id, data, author_id, note) VALUES ('page', ?, '{}', NULL, 'A draft')",
    )
      .bind(id)
      .run()
    const revisions = () =>
      env.DB.prepare("SELECT count(*) AS n FROM revisions WHERE kind = 'page' AND content_id = ?")
        .bind(id)
        .first<{ n: number }>()
    const before = await revisions()
    await run()
    expect((await pageRow())!.body).toBe(oldBody())
    expect(await revisions()).toEqual(before)
  })
})
