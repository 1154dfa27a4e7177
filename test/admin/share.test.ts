// The staff side of share links: /admin/{pages|news|vacancies}/:id/share.
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import adminWorker from '../../src/admin.tsx'
import { auditEntries, csrfFrom, editorAndPublisher, type StaffBrowser } from '../admin-helpers.ts'
import { ORIGIN, countOf, request, summaryErrors } from '../helpers.ts'

let editor: StaffBrowser
let publisher: StaffBrowser
let publisherId: number
let articleId: number

beforeAll(async () => {
  ;({ publisherId, editor, publisher } = await editorAndPublisher())
  articleId = (await env.DB.prepare('SELECT id FROM news_articles ORDER BY id LIMIT 1').first<{
    id: number
  }>())!.id
})

const sharePath = (id = articleId, base = '/admin/news') => `${base}/${id}/share`

const links = () =>
  env.DB.prepare('SELECT * FROM share_links ORDER BY id').all<{
    id: number
    label: string
    created_by: number
    created_at: number
    expires_at: number
    revoked_at: number | null
    revoked_by: number | null
  }>()

/** Makes a link as the publisher through the form; returns the new row. */
const makeLink = async (label: string, days = '1') => {
  const res = await publisher.submit(sharePath(), { label, days }, sharePath())
  expect(res.status).toBe(303)
  return (await links()).results.at(-1)!
}

/** The share URLs shown on a page. */
const shareUrls = (html: string) =>
  [...html.matchAll(/value="(http:\/\/localhost:8787\/share\/[^"]+)"/g)].map((m) => m[1]!)

describe('GET /admin/news/:id/share', () => {
  it('shows a publisher the form, with no links yet', async () => {
    const res = await publisher.get(sharePath())
    expect(res.status).toBe(200)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<h1 class="govuk-heading-xl">Share a preview of')
    expect(html).toContain('No share links have been made for this yet.')
    expect(html).toContain(`action="${sharePath()}"`)
    expect(html).toContain('Who is it for?')
    expect(countOf(html, /type="radio" value="(1|3|7)"/)).toBe(3)
    expect(html).not.toMatch(/value="(14|30)"/)
  })

  it('answers 404 for an item that does not exist, and sends visitors to sign in', async () => {
    expect((await publisher.get(sharePath(999_999))).status).toBe(404)
    expect((await publisher.get('/admin/pages/999999/share')).status).toBe(404)
    const anonymous = await request(sharePath(), { redirect: 'manual' })
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('Location')).toBe('/admin/sign-in')
  })
})

describe('POST /admin/news/:id/share', () => {
  it('makes a link for the days chosen, lists it with its address, and audits it', async () => {
    const before = Date.now()
    const res = await publisher.submit(sharePath(), { label: 'BBC News', days: '3' }, sharePath())
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`${sharePath()}?done=created`)
    const link = (await links()).results.at(-1)!
    expect(link).toMatchObject({ label: 'BBC News', created_by: publisherId, revoked_at: null })
    expect(link.expires_at - link.created_at).toBe(3 * 24 * 60 * 60 * 1000)
    expect(link.created_at).toBeGreaterThanOrEqual(before)
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: publisherId,
      action: 'news.share',
      target: `news:${articleId}`,
    })

    const html = await (await publisher.get(`${sharePath()}?done=created`)).text()
    expect(html).toContain('Share link made.')
    expect(html).toContain('BBC News')
    expect(html).toContain('Pat Publisher')
    expect(html).toContain('Active')
    expect(html).toContain('Not viewed yet')
    const [url] = shareUrls(html)
    expect(url).toMatch(new RegExp(`/share/${link.id}\\.${link.expires_at}\\.[\\w-]{43}$`))
    expect(html).toContain(`action="${sharePath()}/${link.id}/revoke"`)

    // The address works for someone with no account, and its view shows on the page.
    const opened = await request(new URL(url!).pathname)
    expect(opened.status).toBe(200)
    const after = await (await publisher.get(sharePath())).text()
    expect(after).toMatch(/Views<\/dt><dd class="govuk-summary-list__value">1</)
    expect(after).not.toContain('Not viewed yet')
  })

  it('returns 400 with an error summary and the answers kept when the form is wrong', async () => {
    const count = (await links()).results.length
    const cases: [Record<string, string>, { field: string; message: string }[]][] = [
      [
        { label: '', days: '' },
        [
          { field: 'label', message: 'Enter who the link is for' },
          { field: 'days', message: 'Select when the link expires' },
        ],
      ],
      [
        { label: 'A'.repeat(201), days: '1' },
        [{ field: 'label', message: 'Who it is for must be 200 characters or less' }],
      ],
      [
        { label: 'Reuters', days: '30' },
        [{ field: 'days', message: 'Select when the link expires' }],
      ],
      [{ label: 'Reuters' }, [{ field: 'days', message: 'Select when the link expires' }]],
    ]
    for (const [fields, errors] of cases) {
      const res = await publisher.submit(sharePath(), fields, sharePath())
      expect(res.status).toBe(400)
      const html = await res.text()
      expect(summaryErrors(html)).toEqual(errors)
      expect(html).toContain('<title>Error: Share a preview of')
      if (fields.label) expect(html).toContain(`value="${fields.label}"`)
    }
    expect((await links()).results.length).toBe(count)
  })

  it('is refused for an editor, who sees the links but no form or revoke button', async () => {
    await makeLink('Editor can see this')
    const count = (await links()).results.length
    const page = await editor.get(sharePath())
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Editor can see this')
    expect(html).toContain('Only publishers can make or revoke share links.')
    expect(html).not.toContain('Who is it for?')
    expect(html).not.toContain('/revoke"')
    const res = await editor.post(sharePath(), { label: 'x', days: '1', csrf: csrfFrom(html) })
    expect(res.status).toBe(403)
    expect((await links()).results.length).toBe(count)
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'refused',
      detail: 'needs content:publish',
    })
  })

  it('is refused without the CSRF token', async () => {
    const count = (await links()).results.length
    const res = await publisher.post(sharePath(), { label: 'x', days: '1' })
    expect(res.status).toBe(403)
    expect((await links()).results.length).toBe(count)
  })

  it('works for pages and vacancies too', async () => {
    for (const [base, table, kind] of [
      ['/admin/pages', 'pages', 'page'],
      ['/admin/vacancies', 'vacancies', 'vacancy'],
    ] as const) {
      const id = (await env.DB.prepare(`SELECT id FROM ${table} ORDER BY id LIMIT 1`).first<{
        id: number
      }>())!.id
      const path = sharePath(id, base)
      const res = await publisher.submit(path, { label: 'Partner', days: '7' }, path)
      expect(res.status, base).toBe(303)
      expect((await links()).results.at(-1), base).toMatchObject({ kind, content_id: id })
      expect(shareUrls(await (await publisher.get(path)).text())).toHaveLength(1)
    }
  })
})

describe('POST /admin/news/:id/share/:link/revoke', () => {
  it('revokes the link: it is listed as revoked, without its address, and no longer opens', async () => {
    const link = await makeLink('To revoke')
    const page = await (await publisher.get(sharePath())).text()
    const url = shareUrls(page).find((u) => u.includes(`/share/${link.id}.`))!
    expect((await request(new URL(url).pathname)).status).toBe(200)

    const res = await publisher.post(`${sharePath()}/${link.id}/revoke`, {
      csrf: csrfFrom(page),
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`${sharePath()}?done=revoked`)
    const row = (await links()).results.find((l) => l.id === link.id)!
    expect(row.revoked_by).toBe(publisherId)
    expect(row.revoked_at).not.toBeNull()
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: publisherId,
      action: 'news.share-revoke',
      target: `news:${articleId}`,
      detail: `link ${link.id}`,
    })
    const after = await (await publisher.get(`${sharePath()}?done=revoked`)).text()
    expect(after).toContain('Share link revoked.')
    expect(after).toContain('Revoked')
    expect(shareUrls(after)).not.toContain(url)
    expect((await request(new URL(url).pathname)).status).toBe(410)
  })

  it('lists an expired link as expired, without its address', async () => {
    const link = await makeLink('Soon gone')
    await env.DB.prepare('UPDATE share_links SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1000, link.id)
      .run()
    const html = await (await publisher.get(sharePath())).text()
    expect(html).toContain('Expired')
    expect(shareUrls(html).some((u) => u.includes(`/share/${link.id}.`))).toBe(false)
  })

  it('is refused for an editor, and answers 404 for a link of another item', async () => {
    const link = await makeLink('Stays')
    const csrf = csrfFrom(await (await editor.get(sharePath())).text())
    expect((await editor.post(`${sharePath()}/${link.id}/revoke`, { csrf })).status).toBe(403)
    const other = await env.DB.prepare('SELECT id FROM news_articles WHERE id != ? LIMIT 1')
      .bind(articleId)
      .first<{ id: number }>()
    const mine = csrfFrom(await (await publisher.get(sharePath())).text())
    const res = await publisher.post(`${sharePath(other!.id)}/${link.id}/revoke`, {
      csrf: mine,
    })
    expect(res.status).toBe(404)
    expect((await links()).results.find((l) => l.id === link.id)!.revoked_at).toBeNull()
  })
})

describe('without STAFF_COOKIE_KEY', () => {
  it('lists links but says sharing is switched off, and refuses to make one', async () => {
    const send = async (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers)
      headers.set('Cookie', publisher.cookie!)
      if (init.method === 'POST') {
        headers.set('Origin', ORIGIN)
        headers.set('Sec-Fetch-Site', 'same-origin')
      }
      const ctx = createExecutionContext()
      const res = await adminWorker.fetch(
        new Request(new URL(path, ORIGIN), { ...init, headers }),
        { ...env, STAFF_COOKIE_KEY: undefined },
        ctx,
      )
      await waitOnExecutionContext(ctx)
      return res
    }
    const page = await send(sharePath())
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Share links are switched off')
    expect(html).not.toContain('Who is it for?')
    expect(shareUrls(html)).toEqual([])
    const count = (await links()).results.length
    const res = await send(sharePath(), {
      method: 'POST',
      body: new URLSearchParams({ label: 'x', days: '1', csrf: csrfFrom(html) }),
    })
    expect(res.status).toBe(503)
    expect((await links()).results.length).toBe(count)
  })
})
