import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../src/lib/markdown.ts'

describe('renderMarkdown', () => {
  it('renders a <script> element in the source as text, never as markup', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('refuses javascript: links', () => {
    const html = renderMarkdown('[click](javascript:alert(1))')
    expect(html).not.toContain('href="javascript:')
  })

  it('adds GOV.UK classes to headings, paragraphs, lists and links', () => {
    const html = renderMarkdown(
      '## Title\n\nText with [a link](/about).\n\n- one\n- two\n\n1. first\n',
    )
    expect(html).toContain('<h2 class="govuk-heading-l">Title</h2>')
    expect(html).toContain('<p class="govuk-body">')
    expect(html).toContain('<a href="/about" class="govuk-link">a link</a>')
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">')
    expect(html).toContain('<ol class="govuk-list govuk-list--number">')
  })

  it('turns a level-1 heading into a level-2 heading, so the page keeps one h1', () => {
    const html = renderMarkdown('# Not the title')
    expect(html).toBe('<h2 class="govuk-heading-l">Not the title</h2>\n')
  })
})
