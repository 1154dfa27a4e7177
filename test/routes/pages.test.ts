import { describe, expect, it } from 'vitest'
import { content } from '../../seed/content.ts'
import { contentChanged, countOf, getPage, insertPage, request, row, sql } from '../helpers.ts'

const sectionPaths = [
  '/',
  '/about',
  '/about/how-we-are-run',
  '/about/how-we-work',
  '/about/structure',
  '/about/objectives-and-values',
  '/about/powers',
  '/ukhtc',
  '/financial-intelligence',
  '/threats',
  '/threats/class-a-drugs',
  '/threats/people-smuggling-and-human-trafficking',
  '/threats/gun-crime',
  '/threats/fraud',
  '/threats/computer-crime',
  '/threats/money-laundering',
  '/protecting-yourself',
  '/contact',
  '/accessibility',
  '/privacy',
  '/vulnerability-disclosure',
]

describe('content pages', () => {
  it.each(sectionPaths)('GET %s renders its page from D1 with the site chrome', async (path) => {
    const seed = content.pages.find((p) => p.path === path)!
    const { res, html } = await getPage(path)
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=UTF-8')
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en-GB"/)
    expect(countOf(html, /<h1[ >]/)).toBe(1)
    expect(html).toContain(`<title>${seed.title} – SOCA</title>`)
    expect(html).toContain(`<link rel="canonical" href="http://localhost:8787${path}">`)
    expect(html).toContain('<meta property="og:title"')
    expect(html).toContain('<meta name="description" content="')
    expect(html).toContain('<a href="#main-content" class="govuk-skip-link">')
    expect(html).toContain('<main class="govuk-main-wrapper" id="main-content">')
    expect(html).toContain('PO Box 8000')
    expect(html).toContain('© Crown copyright')
    expect(html).toContain('7 October 2013')
    for (const link of ['/accessibility', '/privacy', '/sitemap', '/contact']) {
      expect(html).toContain(`<a class="govuk-footer__link" href="${link}">`)
    }
    if (path !== '/')
      expect(html).toContain('<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">')
  })

  it('shows a changed postal address in the footer on the next page, and an empty one not at all', async () => {
    const addressOf = (html: string) =>
      html.match(/<address class="soca-footer__address">(.*?)<\/address>/)?.[1]
    const seeded = (await row<{ value: string }>(
      "SELECT value FROM settings WHERE key = 'postal_address'",
    ))!.value
    const setAddress = async (value: string) => {
      await sql("UPDATE settings SET value = ? WHERE key = 'postal_address'", value)
      await contentChanged()
    }
    expect(addressOf((await getPage('/about')).html)).toContain('PO Box 8000')
    for (const [value, shown] of [
      ['1 New Street\nLondon', '1 New Street<br/>London'],
      ['2 Other Road', '2 Other Road'],
      ['', undefined],
    ] as const) {
      await setAddress(value)
      for (const path of ['/about', '/threats/fraud']) {
        const { html } = await getPage(path)
        expect(addressOf(html), path).toBe(shown)
        expect(html).toContain('<a class="govuk-footer__link" href="/accessibility">')
      }
    }
    await setAddress(seeded)
    expect(addressOf((await getPage('/about')).html)).toContain('PO Box 8000')
  })

  it('marks the current section in the navigation with aria-current', async () => {
    const { html } = await getPage('/threats/fraud')
    expect(html).toMatch(/href="\/threats" aria-current="true"/)
    expect(countOf(html, /aria-current=/)).toBe(1)
    const section = await getPage('/threats')
    expect(section.html).toMatch(/href="\/threats" aria-current="page"/)
  })

  it('lists every threat on /threats, in navigation order', async () => {
    const { html } = await getPage('/threats')
    const threats = content.pages.filter((p) => p.parentPath === '/threats')
    const positions = threats
      .sort((a, b) => (a.navOrder ?? 0) - (b.navOrder ?? 0))
      .map((p) => html.indexOf(`href="${p.path}"`, html.indexOf('In this section')))
    expect(positions.every((pos) => pos > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('shows breadcrumbs from Home through each ancestor', async () => {
    const { html } = await getPage('/about/powers')
    const crumbs = html.slice(html.indexOf('govuk-breadcrumbs__list'), html.indexOf('</ol>'))
    expect(crumbs).toContain('href="/">Home</a>')
    expect(crumbs).toContain('href="/about">About us</a>')
  })

  it('shows the postal address on /contact', async () => {
    const { html } = await getPage('/contact')
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'))
    expect(main).toContain('PO Box 8000')
    expect(main).toContain('SE11 5EN')
  })

  it('hides the site notice when it is empty', async () => {
    await sql(`UPDATE settings SET value = '' WHERE key = 'site_notice'`)
    const { html } = await getPage('/about')
    expect(html).not.toContain('govuk-notification-banner')
    await sql(`UPDATE settings SET value = ? WHERE key = 'site_notice'`, content.siteNotice)
  })
})

describe('the generic page route', () => {
  it('serves a page staff added to the database, with no code change', async () => {
    await insertPage({
      path: '/threats/cigarette-smuggling',
      parentPath: '/threats',
      title: 'Cigarette smuggling',
      body: '## How it works\n\nCriminals move <b>tobacco</b> across borders.',
      navOrder: 7,
    })
    const { res, html } = await getPage('/threats/cigarette-smuggling')
    expect(res.status).toBe(200)
    expect(html).toContain('<h1 class="govuk-heading-xl">Cigarette smuggling</h1>')
    expect(html).toContain('<h2 class="govuk-heading-l">How it works</h2>')
    expect(html).toContain('&lt;b&gt;tobacco&lt;/b&gt;')
    const parent = await getPage('/threats')
    expect(parent.html).toContain('href="/threats/cigarette-smuggling"')
  })

  it('shows a page change note at its foot, and nothing for a page without one', async () => {
    await insertPage({ path: '/noted-page', title: 'Noted page', body: 'Text.' })
    expect((await getPage('/noted-page')).html).not.toContain('Last updated')
    const at = Date.parse('2014-03-05T12:00:00Z')
    await sql(
      'UPDATE pages SET change_notes = ? WHERE path = ?',
      JSON.stringify([{ at, note: 'corrected the office address' }]),
      '/noted-page',
    )
    const { html } = await getPage('/noted-page')
    expect(html).toContain(
      `<p class="soca-meta">Last updated <time datetime="${new Date(at).toISOString()}">5 March 2014</time>: corrected the office address</p>`,
    )
    expect(html).toContain('<details class="govuk-details">')
  })

  it('renders <script> in a stored body as text', async () => {
    await insertPage({ path: '/xss-test', title: 'XSS', body: '<script>alert(1)</script>' })
    const { html } = await getPage('/xss-test')
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('escapes markup in a stored title', async () => {
    await insertPage({ path: '/title-test', title: '<i>Title</i>' })
    const { html } = await getPage('/title-test')
    expect(html).toContain('&lt;i&gt;Title&lt;/i&gt;')
    expect(html).not.toContain('<i>Title</i>')
  })

  it('answers 404 for a draft page', async () => {
    await insertPage({ path: '/draft-page', title: 'Draft', status: 'draft' })
    const { res, html } = await getPage('/draft-page')
    expect(res.status).toBe(404)
    expect(html).not.toContain('Draft')
  })

  it('answers 410 Gone for an unpublished page', async () => {
    await insertPage({ path: '/old-page', title: 'Old', status: 'unpublished' })
    const { res, html } = await getPage('/old-page')
    expect(res.status).toBe(410)
    expect(html).toContain('This page has been removed')
  })

  it('redirects a moved page from its old path with 301', async () => {
    await sql(
      `INSERT INTO redirects (from_path, to_path) VALUES ('/about/powers-old', '/about/powers')`,
    )
    const res = await request('/about/powers-old', { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/about/powers')
  })

  it('redirects a path with a trailing slash to the path without one', async () => {
    const res = await request('/about/?x=1', { redirect: 'manual' })
    expect(res.status).toBe(301)
    expect(res.headers.get('Location')).toBe('/about?x=1')
  })
})

describe('the 404 page', () => {
  it('answers an unknown path with status 404 and a helpful page', async () => {
    const { res, html } = await getPage('/no-such-page')
    expect(res.status).toBe(404)
    expect(html).toContain('<title>Page not found – SOCA</title>')
    expect(html).toContain('<meta name="robots" content="noindex">')
    expect(html).toContain('If you typed the web address, check it is correct.')
    expect(html).toContain('href="/sitemap"')
    expect(html).toContain('govuk-service-navigation')
    expect(countOf(html, /<h1[ >]/)).toBe(1)
  })

  it('answers a POST to a page with a 404 page, not a 500', async () => {
    const res = await request('/about', {
      method: 'POST',
      body: 'x=1',
      headers: {
        Origin: 'http://localhost:8787',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    })
    expect(res.status).toBe(404)
  })
})

describe('GET /sitemap', () => {
  it('lists every published page, article and open vacancy as a tree', async () => {
    const { res, html } = await getPage('/sitemap')
    expect(res.status).toBe(200)
    for (const page of content.pages) expect(html).toContain(`href="${page.path}"`)
    for (const article of content.news) expect(html).toContain(`href="/news/${article.slug}"`)
    // Threats are nested inside the Threats list item.
    const threats = html.indexOf('href="/threats"')
    expect(html.indexOf('<ul', threats)).toBeLessThan(html.indexOf('href="/threats/fraud"'))
  })
})
