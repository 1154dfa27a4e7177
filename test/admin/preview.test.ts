import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { createStaff, signedIn } from '../admin-helpers.ts'
import { getPage } from '../helpers.ts'

let editor: Awaited<ReturnType<typeof signedIn>>

beforeAll(async () => {
  editor = await signedIn(await createStaff({ email: 'preview@example.com', role: 'editor' }))
})

const idOf = async (table: string, column: string, value: string) =>
  (await env.DB.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`)
    .bind(value)
    .first<{ id: number }>())!.id

describe('a preview', () => {
  it.each([
    ['pages', 'pages', 'path', '/threats/fraud'],
    ['news', 'news_articles', 'slug', null],
    ['vacancies', 'vacancies', 'slug', null],
  ])(
    'of %s says it is not published, links back to the editor, and is never cached or indexed',
    async (base, table, column, value) => {
      const address =
        value ??
        (await env.DB.prepare(`SELECT ${column} AS a FROM ${table} ORDER BY id LIMIT 1`).first<{
          a: string
        }>())!.a
      const id = await idOf(table, column, address)
      const res = await editor.get(`/admin/${base}/${id}/preview`)
      expect(res.status).toBe(200)
      expect(res.headers.get('Cache-Control')).toBe('no-store')
      expect(res.headers.get('X-Robots-Tag')).toBe('noindex, nofollow')
      const html = await res.text()
      expect(html).toContain('<meta name="robots" content="noindex">')
      const banner = html.match(
        /<div class="govuk-notification-banner soca-notice" role="region" aria-labelledby="preview-title">[\s\S]*?<\/div>\s*<\/div>/,
      )?.[0]
      expect(banner).toContain('Preview: this version is not published')
      expect(banner).toContain(`href="/admin/${base}/${id}"`)
      expect(banner).toContain('Back to the editor')
    },
  )

  it('is not a part of the published page', async () => {
    const { res, html } = await getPage('/threats/fraud')
    expect(res.status).toBe(200)
    expect(html).not.toContain('preview-title')
    expect(html).not.toContain('name="robots"')
  })
})
