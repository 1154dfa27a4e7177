import MarkdownIt from 'markdown-it'
import { type AttachmentFiles, attachmentRule } from './attachment-links.ts'

// Raw HTML is off, so text from the database can never inject markup: `<script>` comes out as
// text. Linkify is off to keep its URL tables out of the Worker bundle.
const md = new MarkdownIt({ html: false, linkify: false, typographer: true })

/** GOV.UK Frontend classes for the elements Markdown produces. */
const classes: Record<string, string> = {
  h2: 'govuk-heading-l',
  h3: 'govuk-heading-m',
  h4: 'govuk-heading-s',
  h5: 'govuk-heading-s',
  h6: 'govuk-heading-s',
  p: 'govuk-body',
  ul: 'govuk-list govuk-list--bullet',
  ol: 'govuk-list govuk-list--number',
  a: 'govuk-link',
  blockquote: 'govuk-inset-text',
  hr: 'govuk-section-break govuk-section-break--l govuk-section-break--visible',
  table: 'govuk-table',
  thead: 'govuk-table__head',
  tbody: 'govuk-table__body',
  tr: 'govuk-table__row',
  th: 'govuk-table__header',
  td: 'govuk-table__cell',
}

md.core.ruler.push('govuk_classes', (state) => {
  const walk = (tokens: typeof state.tokens) => {
    for (const token of tokens) {
      if (token.children) walk(token.children)
      // The page title is the only h1, so a body's `#` heading becomes an h2.
      if (token.tag === 'h1') token.tag = 'h2'
      if (token.nesting === -1) continue
      const className = classes[token.tag]
      if (className) token.attrJoin('class', className)
    }
  }
  walk(state.tokens)
})

// Library images and documents (lib/attachment-links.ts), from the entries a route looked up.
attachmentRule(md)

/**
 * Bodies this isolate rendered lately, by their Markdown: rendering is a pure function of the
 * text, so after a publish every unchanged page renders its body for free. Bounded in entries
 * and in the size of each; the oldest goes first.
 */
const rendered = new Map<string, string>()
const RENDERED_ENTRIES = 32
const RENDERED_MAX_LENGTH = 32_000

/**
 * Renders stored Markdown to GOV.UK-classed HTML. Raw HTML in the source is escaped. With
 * `attachments`, the library's images and documents the body refers to are shown as such.
 */
export const renderMarkdown = (source: string, attachments?: AttachmentFiles): string => {
  const plain = !attachments || Object.keys(attachments).length === 0
  if (!plain || source.length > RENDERED_MAX_LENGTH) return md.render(source, { attachments })
  let html = rendered.get(source)
  if (html === undefined) {
    html = md.render(source, {})
    rendered.set(source, html)
    if (rendered.size > RENDERED_ENTRIES) rendered.delete(rendered.keys().next().value!)
  }
  return html
}
