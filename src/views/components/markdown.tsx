import { raw } from 'hono/html'
import { attachmentStylesheetHref } from '../../generated/assets.ts'
import { renderMarkdown } from '../../lib/markdown.ts'
import { useAttachments } from './attachment-context.tsx'

/**
 * Stored Markdown as HTML. The one place text reaches `raw()`: markdown-it runs with raw HTML
 * off, so the output holds only the markup Markdown itself makes (tested in test/lib). Library
 * images and documents are shown as such when the route looked them up (WithAttachments); a
 * body showing an image links the small stylesheet that fits it to the column (allowed in the
 * body: a stylesheet link is "body-ok").
 */
export const Markdown = ({ source }: { source: string }) => {
  const html = renderMarkdown(source, useAttachments())
  return html.includes('soca-attachment-image')
    ? raw(`<link rel="stylesheet" href="${attachmentStylesheetHref}">${html}`)
    : raw(html)
}
