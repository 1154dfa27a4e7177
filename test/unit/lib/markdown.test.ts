import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/lib/markdown.ts'
import { all, one, parseFragment, text } from '../dom.ts'

/** The Markdown rendered and parsed, as the page would hold it. */
const dom = (source: string) => parseFragment(renderMarkdown(source))

describe('renderMarkdown', () => {
  describe('with raw HTML off', () => {
    it('shows a script element in the source as text, and makes no element of it', () => {
      const body = dom('Hello <script>alert(1)</script>')
      expect(all(body, 'script')).toHaveLength(0)
      expect(text(one(body, 'p'))).toBe('Hello <script>alert(1)</script>')
    })

    it('makes no element with an event handler from an HTML tag', () => {
      const body = dom('<img src=x onerror=alert(1)>\n\n<div onclick="x()">block</div>')
      expect(all(body, 'img, div, [onerror], [onclick]')).toHaveLength(0)
      expect(text(body)).toContain('<img src=x onerror=alert(1)>')
    })

    it('shows an HTML comment as text', () => {
      const body = dom('<!-- hidden -->')
      expect(text(body)).toBe('<!-- hidden -->')
    })
  })

  describe('links', () => {
    it('makes a GOV.UK link to a path on the site', () => {
      const link = one(dom('Read [about us](/about).'), 'a')
      expect(link.getAttribute('href')).toBe('/about')
      expect(link.getAttribute('class')).toBe('govuk-link')
      expect(text(link)).toBe('about us')
    })

    it('keeps a link title', () => {
      const link = one(dom('[GOV.UK](https://www.gov.uk "The best place")'), 'a')
      expect(link.getAttribute('href')).toBe('https://www.gov.uk')
      expect(link.getAttribute('title')).toBe('The best place')
    })

    it.each([
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,x',
    ])('refuses a %s link and leaves its source as text', (href) => {
      const body = dom(`[click](${href})`)
      expect(all(body, 'a')).toHaveLength(0)
      expect(text(body)).toBe(`[click](${href})`)
    })

    it('links mailto: addresses', () => {
      expect(one(dom('[email us](mailto:a@example.com)'), 'a').getAttribute('href')).toBe(
        'mailto:a@example.com',
      )
    })

    it('leaves a bare web address as text, since linkify is off', () => {
      const body = dom('See https://www.gov.uk for more.')
      expect(all(body, 'a')).toHaveLength(0)
      expect(text(body)).toBe('See https://www.gov.uk for more.')
    })
  })

  describe('GOV.UK classes', () => {
    it('turns a level-1 heading into an h2, so the page title stays the only h1', () => {
      const body = dom('# Not the title')
      expect(all(body, 'h1')).toHaveLength(0)
      expect(one(body, 'h2').getAttribute('class')).toBe('govuk-heading-l')
    })

    it('gives each heading level its GOV.UK size', () => {
      const body = dom('## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six')
      const classes = all(body, 'h2, h3, h4, h5, h6').map((h) => [
        h.tagName.toLowerCase(),
        h.getAttribute('class'),
      ])
      expect(classes).toEqual([
        ['h2', 'govuk-heading-l'],
        ['h3', 'govuk-heading-m'],
        ['h4', 'govuk-heading-s'],
        ['h5', 'govuk-heading-s'],
        ['h6', 'govuk-heading-s'],
      ])
    })

    it('classes paragraphs, bulleted and numbered lists', () => {
      const body = dom('Text\n\n- one\n- two\n\n1. first\n2. second')
      expect(one(body, 'p').getAttribute('class')).toBe('govuk-body')
      expect(one(body, 'ul').getAttribute('class')).toBe('govuk-list govuk-list--bullet')
      expect(one(body, 'ol').getAttribute('class')).toBe('govuk-list govuk-list--number')
      expect(all(body, 'li').map(text)).toEqual(['one', 'two', 'first', 'second'])
    })

    it('makes a quote inset text and a rule a visible section break', () => {
      const body = dom('> Quoted\n\n---')
      expect(one(body, 'blockquote').getAttribute('class')).toBe('govuk-inset-text')
      expect(one(body, 'hr').getAttribute('class')).toBe(
        'govuk-section-break govuk-section-break--l govuk-section-break--visible',
      )
    })

    it('gives every part of a table its GOV.UK class', () => {
      const body = dom('| Name | Grade |\n|---|---|\n| Jane | 7 |')
      expect(one(body, 'table').getAttribute('class')).toBe('govuk-table')
      expect(one(body, 'thead').getAttribute('class')).toBe('govuk-table__head')
      expect(one(body, 'tbody').getAttribute('class')).toBe('govuk-table__body')
      expect(all(body, 'tr').every((tr) => tr.classList.contains('govuk-table__row'))).toBe(true)
      expect(one(body, 'th').getAttribute('class')).toBe('govuk-table__header')
      expect(one(body, 'td').getAttribute('class')).toBe('govuk-table__cell')
    })
  })

  it('sets quotes, dashes and symbols as typographer’s marks', () => {
    expect(text(dom('"Quoted" -- (c) 2013'))).toBe('“Quoted” – © 2013')
  })

  it('renders an empty body as nothing', () => {
    expect(renderMarkdown('')).toBe('')
  })
  describe('rendered bodies kept in memory', () => {
    const hash = 'a'.repeat(64)
    const source = `See ![A chart](/attachments/${hash}/chart.png) and [the report](/about).`
    const files = {
      [hash]: {
        format: 'png',
        size: 1200,
        width: 640,
        height: 480,
        alt: 'A chart',
        decorative: false,
      },
    }

    it('gives the same HTML for the same text, a second time from memory', () => {
      const first = renderMarkdown(source)
      expect(renderMarkdown(source)).toBe(first)
      expect(renderMarkdown(`${source} More.`)).not.toBe(first)
    })

    it('never answers a body with attachments from the plain copy, nor the other way round', () => {
      const plain = renderMarkdown(source)
      const withFiles = renderMarkdown(source, files)
      expect(withFiles).not.toBe(plain)
      expect(one(parseFragment(withFiles), 'img').getAttribute('width')).toBe('640')
      expect(renderMarkdown(source)).toBe(plain)
      expect(renderMarkdown(source, {})).toBe(plain)
    })
  })
})
