import { describe, expect, it } from 'vitest'
import { exitScriptHref, scriptHref } from '../../src/generated/assets.ts'
import { countOf, getPage } from '../helpers.ts'

const QUICK_EXIT_PAGES = [
  '/threats/people-smuggling-and-human-trafficking',
  '/ukhtc',
  '/protecting-yourself',
  '/threats/fraud',
  '/threats/computer-crime',
  '/protecting-yourself/cover-your-tracks',
]

describe('the header navigation', () => {
  it('has the GOV.UK menu button, hidden until the script shows it, controlling the list', async () => {
    const { html } = await getPage('/')
    expect(html).toContain(
      '<div class="govuk-service-navigation" data-module="govuk-service-navigation">',
    )
    const button = html.match(/<button[^>]*govuk-service-navigation__toggle[^>]*>([^<]*)<\/button>/)
    expect(button?.[0]).toContain('aria-controls="navigation"')
    expect(button?.[0]).toMatch(/ hidden[ =>]/)
    expect(button?.[1]?.trim()).toBe('Menu')
    expect(html).toContain('<ul class="govuk-service-navigation__list" id="navigation">')
    // Every link is in the markup: without the script, the list is simply open.
    expect(countOf(html, /class="govuk-service-navigation__link"/)).toBe(8)
  })

  it('loads one external module script and no inline script', async () => {
    const { html } = await getPage('/about')
    expect(scriptHref).toMatch(/^\/assets\/site\.[0-9a-f]{12}\.js$/)
    expect(html).toContain(`<script type="module" src="${scriptHref}"></script>`)
    expect(countOf(html, /<script/)).toBe(1)
    expect(countOf(html, /<script(?![^>]*\ssrc=)[^>]*>/)).toBe(0)
  })

  it('keeps the site notice clear of the menu', async () => {
    const { html } = await getPage('/')
    expect(html).toContain('class="govuk-notification-banner soca-notice"')
  })
})

describe('Exit this page', () => {
  it.each(QUICK_EXIT_PAGES)('is on %s, as a link that works without JavaScript', async (path) => {
    const { res, html } = await getPage(path)
    expect(res.status).toBe(200)
    const block = html.match(/<div class="govuk-exit-this-page"[\s\S]*?<\/div>/)?.[0] ?? ''
    expect(block).toContain('data-module="govuk-exit-this-page"')
    expect(block).toMatch(/<a href="https:\/\/www\.bbc\.co\.uk\/weather" role="button"/)
    expect(block).toContain('rel="nofollow noreferrer"')
    expect(block).toContain('<span class="govuk-visually-hidden">Emergency</span> Exit this page')
    expect(block).toContain('href="/protecting-yourself/cover-your-tracks"')
    // Its page loads the script with Exit this page's shortcut instead of the usual one.
    expect(exitScriptHref).toMatch(/^\/assets\/exit\.[0-9a-f]{12}\.js$/)
    expect(html).toContain(`<script type="module" src="${exitScriptHref}"></script>`)
    expect(countOf(html, /<script/)).toBe(1)
    // It comes before the page's content, so it is the first thing a keyboard reaches there.
    expect(html.indexOf('govuk-exit-this-page')).toBeLessThan(html.indexOf('<main'))
  })

  it.each(['/', '/about', '/threats/gun-crime', '/careers'])('is not on %s', async (path) => {
    const { html } = await getPage(path)
    expect(html).not.toContain('govuk-exit-this-page')
  })

  it('is explained on a page about covering your tracks', async () => {
    const { html } = await getPage('/protecting-yourself/cover-your-tracks')
    expect(html).toContain('press the Shift key 3 times')
    expect(html).toContain('private or incognito window')
  })
})
