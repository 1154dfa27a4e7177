import { describe, expect, it } from 'vitest'
import type { TreePage } from '../../../../src/db/pages.ts'
import type { Chrome } from '../../../../src/views/layout.tsx'
import { ContentPage } from '../../../../src/views/pages/content-page.tsx'
import { ErrorPage } from '../../../../src/views/pages/error-page.tsx'
import { type DomDocument, all, one, renderDocument, text } from '../../dom.ts'

const chrome: Chrome = {
  nav: [
    { href: '/threats', text: 'Threats' },
    { href: '/about', text: 'About us' },
  ],
  notice: '',
  address: ['PO Box 8000', 'London', 'SE11 5EN'],
  siteUrl: 'https://www.soca.gov.uk',
}

/** What every public page must have: one h1, a skip link to the one main landmark. */
const expectPageLandmarks = (document: DomDocument) => {
  expect(document.documentElement.getAttribute('lang')).toBe('en-GB')
  expect(all(document, 'h1')).toHaveLength(1)
  const mains = all(document, 'main')
  expect(mains).toHaveLength(1)
  const skip = one(document, 'a.govuk-skip-link')
  const target = skip.getAttribute('href')!
  expect(target).toBe('#main-content')
  expect(document.getElementById(target.slice(1))).toBe(mains[0])
  // The skip link comes first in the body, so it is the first thing a keyboard reaches.
  expect(document.body.children[0]).toBe(skip)
  // The h1 is inside main, where the skip link lands.
  expect(one(document, 'h1').closest('main')).toBe(mains[0])
}

describe('ErrorPage', () => {
  it('has one h1, a skip link to main, and a single main landmark', async () => {
    const document = await renderDocument(
      <ErrorPage chrome={chrome} status={404} path="/nowhere" />,
    )
    expectPageLandmarks(document)
  })

  it('titles a 404 "Page not found", in the h1 and in the document title', async () => {
    const document = await renderDocument(
      <ErrorPage chrome={chrome} status={404} path="/nowhere" />,
    )
    expect(text(one(document, 'h1'))).toBe('Page not found')
    expect(document.title).toBe('Page not found – SOCA')
  })

  it('keeps itself out of search engines', async () => {
    const document = await renderDocument(
      <ErrorPage chrome={chrome} status={404} path="/nowhere" />,
    )
    expect(one(document, 'meta[name="robots"]').getAttribute('content')).toBe('noindex')
  })

  it('offers routes back into the site', async () => {
    const document = await renderDocument(
      <ErrorPage chrome={chrome} status={404} path="/nowhere" />,
    )
    const links = all(one(document, 'main'), 'a').map((a) => a.getAttribute('href'))
    expect(links).toEqual(['/', '/sitemap', '/contact'])
  })

  it('shows the request reference on a server error, so it can be quoted', async () => {
    const document = await renderDocument(
      <ErrorPage chrome={chrome} status={500} path="/news" requestId="abc123" />,
    )
    expect(text(one(document, 'h1'))).toBe('Sorry, there is a problem with the service')
    expect(text(one(document, 'main .soca-meta'))).toBe('Reference: abc123')
  })

  it('treats an unknown server error as a 500 and an unknown client error as a 400', async () => {
    const server = await renderDocument(<ErrorPage chrome={chrome} status={502} path="/" />)
    expect(text(one(server, 'h1'))).toBe('Sorry, there is a problem with the service')
    const client = await renderDocument(<ErrorPage chrome={chrome} status={418} path="/" />)
    expect(text(one(client, 'h1'))).toBe('There is a problem with your request')
  })

  it('has no breadcrumbs', async () => {
    const document = await renderDocument(<ErrorPage chrome={chrome} status={404} path="/x" />)
    expect(all(document, '.govuk-breadcrumbs')).toHaveLength(0)
  })
})

describe('ContentPage', () => {
  const child = (id: number, path: string, title: string): TreePage => ({
    id,
    path,
    parentId: 2,
    title,
    summary: `About ${title.toLowerCase()}`,
    navOrder: null,
    updatedAt: new Date('2024-01-01T00:00:00Z'),
  })

  const page = {
    path: '/threats',
    title: 'Threats',
    summary: 'The harm organised crime does.',
    body: '# A heading written as level 1\n\nSome text.',
  }

  const renderPage = (children: TreePage[] = []) =>
    renderDocument(
      <ContentPage
        chrome={chrome}
        page={page}
        breadcrumbs={[{ href: '/', text: 'Home' }]}
        children={children}
      />,
    )

  it('has one h1, even when the body has a # heading, a skip link and one main', async () => {
    expectPageLandmarks(await renderPage())
  })

  it('puts the breadcrumbs before main and the navigation in the header area', async () => {
    const document = await renderPage()
    const breadcrumbs = one(document, 'nav[aria-label="Breadcrumb"]')
    expect(breadcrumbs.closest('main')).toBeNull()
    expect(all(document, 'nav[aria-label="Menu"] a').map(text)).toEqual(['Threats', 'About us'])
  })

  it('marks the current section in the navigation', async () => {
    const document = await renderPage()
    expect(one(document, 'nav[aria-label="Menu"] [aria-current]').getAttribute('href')).toBe(
      '/threats',
    )
  })

  it('gives the canonical address on the site origin', async () => {
    const document = await renderPage()
    expect(one(document, 'link[rel="canonical"]').getAttribute('href')).toBe(
      'https://www.soca.gov.uk/threats',
    )
  })

  it('escapes the title and summary in the head, so each stays one value', async () => {
    const title = 'Fraud </title><script>alert(1)</script>'
    const summary = 'Say "no" & <b>hang up</b>\' onload=\'alert(1)'
    const document = await renderDocument(
      <ContentPage
        chrome={chrome}
        page={{ ...page, title, summary }}
        breadcrumbs={[]}
        children={[]}
      />,
    )
    expect(document.title).toBe(`${title} – SOCA`)
    expect(all(document, 'script').map((s) => s.getAttribute('src'))).not.toContain(null)
    for (const name of ['description', 'og:description']) {
      const meta = one(document, `meta[name="${name}"], meta[property="${name}"]`)
      expect(meta.getAttribute('content')).toBe(summary)
      expect(meta.hasAttribute('onload')).toBe(false)
    }
    expect(one(document, 'meta[property="og:title"]').getAttribute('content')).toBe(title)
  })

  it('lists child pages under "In this section", with links and summaries', async () => {
    const document = await renderPage([
      child(5, '/threats/fraud', 'Fraud'),
      child(6, '/threats/drugs', 'Drugs'),
    ])
    const section = all(document, 'main h2').find((h) => text(h) === 'In this section')
    expect(section).toBeDefined()
    const items = all(document, 'main ul.govuk-list > li')
    expect(items.map((li) => [one(li, 'a').getAttribute('href'), text(one(li, 'p'))])).toEqual([
      ['/threats/fraud', 'About fraud'],
      ['/threats/drugs', 'About drugs'],
    ])
  })

  it('has no "In this section" without children', async () => {
    const document = await renderPage()
    expect(all(document, 'main h2').map(text)).toEqual(['A heading written as level 1'])
  })
})
