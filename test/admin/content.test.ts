import { env } from 'cloudflare:test'
import { XMLParser } from 'fast-xml-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  auditEntries,
  createStaff,
  csrfFrom,
  editorAndPublisher,
  signedIn,
  type StaffBrowser,
} from '../admin-helpers.ts'
import { getPage, request, summaryErrors } from '../helpers.ts'

let editor: StaffBrowser
let publisher: StaffBrowser
let publisherId: number
let editorId: number

beforeAll(async () => {
  ;({ editorId, publisherId, editor, publisher } = await editorAndPublisher())
})

const pageId = async (path: string) =>
  (await env.DB.prepare('SELECT id FROM pages WHERE path = ?').bind(path).first<{ id: number }>())!
    .id

/** Saves the page's form with these changes, as the member, with a fresh CSRF token. */
const save = async (browser: StaffBrowser, id: number, changes: Record<string, string>) => {
  const form = await (await browser.get(`/admin/pages/${id}`)).text()
  const value = (name: string) =>
    form.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`))?.[1] ?? ''
  const body = form.match(/<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/)?.[1] ?? ''
  const summary = form.match(/<textarea[^>]*name="summary"[^>]*>([\s\S]*?)<\/textarea>/)?.[1] ?? ''
  const parent = form.match(/<option value="(\d+)" selected=""/)?.[1] ?? ''
  const unescape = (t: string) =>
    t
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&')
  return browser.post(`/admin/pages/${id}`, {
    csrf: csrfFrom(form),
    title: unescape(value('title')),
    path: value('path'),
    navOrder: value('navOrder'),
    parentId: parent,
    summary: unescape(summary),
    body: unescape(body),
    ...changes,
  })
}

describe('drafts', () => {
  it('saving makes a draft: the public page does not change until it is published', async () => {
    const id = await pageId('/threats/fraud')
    const res = await save(editor, id, { title: 'Fraud (revised)' })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/admin/pages/${id}?done=saved`)
    expect((await getPage('/threats/fraud')).html).not.toContain('Fraud (revised)')
    const edit = await (await editor.get(`/admin/pages/${id}`)).text()
    expect(edit).toContain('value="Fraud (revised)"')
    expect(edit).toContain('Published, with changes')
    // Only what an editor can do is offered.
    expect(edit).not.toContain('>Publish</button>')
  })

  it('previews the draft exactly as the public page will look', async () => {
    const id = await pageId('/threats/fraud')
    const preview = await editor.get(`/admin/pages/${id}/preview`)
    expect(preview.status).toBe(200)
    expect(preview.headers.get('Cache-Control')).toBe('no-store')
    const html = await preview.text()
    expect(html).toContain('<h1 class="govuk-heading-xl">Fraud (revised)</h1>')
    const live = (await getPage('/threats/fraud')).html
    // Same template: the same header, navigation and footer around the page, and the banner
    // saying it is a preview.
    const chrome = (page: string) => page.slice(page.indexOf('<body'), page.indexOf('<main'))
    const banner =
      /<div class="govuk-notification-banner soca-notice" role="region" aria-labelledby="preview-title">.*?Back to the editor<\/a><\/p><\/div><\/div>/
    expect(chrome(html)).toMatch(banner)
    expect(chrome(html).replace(banner, '').replaceAll('Fraud (revised)', 'Fraud')).toBe(
      chrome(live),
    )
  })

  it('refuses to let an editor publish, and audits the refusal', async () => {
    const id = await pageId('/threats/fraud')
    const csrf = csrfFrom(await (await editor.get(`/admin/pages/${id}`)).text())
    const res = await editor.post(`/admin/pages/${id}/publish`, { csrf })
    expect(res.status).toBe(403)
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: editorId,
      action: 'refused',
      detail: 'needs content:publish',
    })
    expect((await getPage('/threats/fraud')).html).not.toContain('Fraud (revised)')
  })

  it('keeps everything typed when the form has a problem', async () => {
    const id = await pageId('/threats/fraud')
    const res = await save(editor, id, {
      title: '',
      body: 'My careful <b>words</b>',
      path: 'no slash',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(summaryErrors(html).map((e) => e.field)).toEqual(['path', 'title'])
    expect(html).toContain('My careful &lt;b&gt;words&lt;/b&gt;</textarea>')
  })
})

describe('publishing', () => {
  it('is instant: the next public request shows the page, the lists, the sitemap and the feed', async () => {
    const id = await pageId('/threats/fraud')
    const res = await publisher.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)
    expect(res.status).toBe(303)
    expect((await getPage('/threats/fraud')).html).toContain(
      '<h1 class="govuk-heading-xl">Fraud (revised)</h1>',
    )
    expect((await getPage('/threats')).html).toContain('Fraud (revised)')
    expect((await getPage('/sitemap')).html).toContain('Fraud (revised)')
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: publisherId,
      action: 'page.publish',
    })

    // A new article is in the list and the feed as soon as it is published.
    const form = await (await publisher.get('/admin/news/new')).text()
    const created = await publisher.post('/admin/news/new', {
      csrf: csrfFrom(form),
      title: 'Fresh arrest',
      slug: 'fresh-arrest',
      summary: 'Just in.',
      body: 'Details.',
    })
    expect(created.status).toBe(303)
    const newsId = created.headers.get('Location')!.match(/\/admin\/news\/(\d+)/)![1]
    expect((await request('/news/fresh-arrest')).status).toBe(404)
    await publisher.submit(`/admin/news/${newsId}/publish`, {}, `/admin/news/${newsId}`)
    expect((await getPage('/news/fresh-arrest')).html).toContain('Fresh arrest')
    expect((await getPage('/news')).html).toContain('href="/news/fresh-arrest"')
    const feed = new XMLParser({ isArray: (n) => n === 'entry' }).parse(
      (await getPage('/news.atom')).html,
    )
    expect(feed.feed.entry[0].title).toBe('Fresh arrest')
    expect((await getPage('/sitemap.xml')).html).toContain('/news/fresh-arrest</loc>')
  })

  it('unpublishing hides the page at once: its path answers 410 and it leaves every list', async () => {
    const id = await pageId('/threats/gun-crime')
    await publisher.submit(`/admin/pages/${id}/unpublish`, {}, `/admin/pages/${id}`)
    expect((await request('/threats/gun-crime')).status).toBe(410)
    const list = (await getPage('/threats')).html.split('In this section')[1]!
    expect(list).not.toContain('href="/threats/gun-crime"')
    expect((await getPage('/sitemap.xml')).html).not.toContain('/threats/gun-crime<')
    await publisher.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)
    expect((await request('/threats/gun-crime')).status).toBe(200)
  })

  it('changing a path leaves a 301 from the old one', async () => {
    const id = await pageId('/threats/computer-crime')
    expect((await save(publisher, id, { path: '/threats/cyber-crime' })).status).toBe(303)
    await publisher.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)
    const old = await request('/threats/computer-crime', { redirect: 'manual' })
    expect(old.status).toBe(301)
    expect(old.headers.get('Location')).toBe('/threats/cyber-crime')
    expect((await request('/threats/cyber-crime')).status).toBe(200)
  })

  it('refuses a path another page uses', async () => {
    const id = await pageId('/threats/money-laundering')
    const res = await save(publisher, id, { path: '/threats/fraud' })
    expect(res.status).toBe(400)
    expect(summaryErrors(await res.text())).toEqual([
      { field: 'path', message: 'Another page already uses /threats/fraud' },
    ])
  })
})

describe('revisions', () => {
  it('records who saved each one and when, compares any two, and restores one', async () => {
    const id = await pageId('/about/structure')
    await save(editor, id, { body: 'First line\nSecond line' })
    await save(publisher, id, { body: 'First line\nChanged line' })
    const history = await (await editor.get(`/admin/pages/${id}/history`)).text()
    expect(history).toContain('Ed Editor')
    expect(history).toContain('Pat Publisher')
    const revisionIds = [...history.matchAll(/restore\/(\d+)"/g)].map((m) => Number(m[1]))
    // The two saves, then the seeded original (revision 1).
    expect(revisionIds).toHaveLength(3)
    const [newest, oldest] = revisionIds as [number, number, number]

    const compare = await editor.get(`/admin/pages/${id}/compare?from=${oldest}&to=${newest}`)
    const diff = await compare.text()
    expect(diff).toContain('<del><span class="govuk-visually-hidden">Removed: </span>Second line')
    expect(diff).toContain('<ins><span class="govuk-visually-hidden">Added: </span>Changed line')
    expect(diff).toContain('Title (no change)')

    // A publisher's restore goes live at once.
    const restored = await publisher.submit(
      `/admin/pages/${id}/restore/${oldest}`,
      {},
      `/admin/pages/${id}/history`,
    )
    expect(restored.headers.get('Location')).toBe(`/admin/pages/${id}?done=published`)
    expect((await getPage('/about/structure')).html).toContain('Second line')
    const rows = await env.DB.prepare(
      "SELECT author_id, note FROM revisions WHERE kind = 'page' AND content_id = ? ORDER BY id",
    )
      .bind(id)
      .all()
    expect(rows.results.at(-1)).toEqual({
      author_id: publisherId,
      note: `Restored revision ${oldest}`,
    })
  })
})

describe('the second pair of eyes setting', () => {
  it('stops a publisher publishing their own change, but not a colleague', async () => {
    await env.DB.prepare(
      "INSERT INTO settings (key, value) VALUES ('require_second_publisher', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'",
    ).run()
    const other = await signedIn(
      await createStaff({ email: 'quinn@example.com', role: 'publisher' }),
    )
    const id = await pageId('/about/how-we-work')
    await save(publisher, id, { title: 'How we work (checked)' })
    const own = await publisher.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)
    expect(own.status).toBe(403)
    expect((await getPage('/about/how-we-work')).html).not.toContain('How we work (checked)')
    expect(
      (await other.submit(`/admin/pages/${id}/publish`, {}, `/admin/pages/${id}`)).status,
    ).toBe(303)
    expect((await getPage('/about/how-we-work')).html).toContain('How we work (checked)')
    await env.DB.prepare(
      "UPDATE settings SET value = 'false' WHERE key = 'require_second_publisher'",
    ).run()
  })
})

describe('creating pages, closing vacancies and the site notice', () => {
  it('creates a page as a draft that is not public until published', async () => {
    const form = await (await editor.get('/admin/pages/new')).text()
    const res = await editor.post('/admin/pages/new', {
      csrf: csrfFrom(form),
      title: 'Organised immigration crime',
      path: '/threats/immigration-crime',
      parentId: String(await pageId('/threats')),
      navOrder: '7',
      summary: 'A new threat page.',
      body: '## What it is',
    })
    expect(res.status).toBe(303)
    expect((await request('/threats/immigration-crime')).status).toBe(404)
    const newId = res.headers.get('Location')!.match(/\/admin\/pages\/(\d+)/)![1]
    await publisher.submit(`/admin/pages/${newId}/publish`, {}, `/admin/pages/${newId}`)
    const page = await getPage('/threats/immigration-crime')
    expect(page.res.status).toBe(200)
    expect(page.html).toContain('href="/threats">Threats</a>')
  })

  it('closes a vacancy so it is no longer listed and takes no applications', async () => {
    const id = (await env.DB.prepare(
      "SELECT id FROM vacancies WHERE slug = 'cyber-crime-investigator'",
    ).first<{ id: number }>())!.id
    const res = await publisher.submit(`/admin/vacancies/${id}/close`, {}, `/admin/vacancies/${id}`)
    expect(res.status).toBe(303)
    expect((await getPage('/careers')).html).not.toContain('cyber-crime-investigator')
    expect((await request('/careers/vacancies/cyber-crime-investigator/apply')).status).toBe(410)
  })

  it('publishes the site notice at once', async () => {
    const res = await publisher.submit(
      '/admin/settings',
      { siteNotice: 'Our phone lines are closed today.' },
      '/admin/settings',
    )
    expect(res.status).toBe(303)
    expect((await getPage('/')).html).toContain('Our phone lines are closed today.')
    expect(
      (await editor.submit('/admin/settings', { siteNotice: 'x' }, '/admin/settings')).status,
    ).toBe(403)
  })
})

describe('unpublishing news and vacancies', () => {
  it('makes their addresses answer 410 Gone', async () => {
    const news = (await env.DB.prepare(
      "SELECT id FROM news_articles WHERE slug = 'warning-about-lottery-and-prize-draw-scams'",
    ).first<{ id: number }>())!.id
    await publisher.submit(`/admin/news/${news}/unpublish`, {}, `/admin/news/${news}`)
    expect((await request('/news/warning-about-lottery-and-prize-draw-scams')).status).toBe(410)
    const vacancy = (await env.DB.prepare(
      "SELECT id FROM vacancies WHERE slug = 'financial-intelligence-officer'",
    ).first<{ id: number }>())!.id
    const edit = await (await publisher.get(`/admin/vacancies/${vacancy}`)).text()
    expect(edit).toContain('Close vacancy now')
    await publisher.submit(
      `/admin/vacancies/${vacancy}/unpublish`,
      {},
      `/admin/vacancies/${vacancy}`,
    )
    expect((await request('/careers/vacancies/financial-intelligence-officer')).status).toBe(410)
    expect((await request('/careers/vacancies/financial-intelligence-officer/apply')).status).toBe(
      410,
    )
  })
})
