import { raw } from 'hono/html'
import { renderMarkdown } from '../../lib/markdown.ts'

/**
 * Stored Markdown as HTML. The one place text reaches `raw()`: markdown-it runs with raw HTML
 * off, so the output holds only the markup Markdown itself makes (tested in test/lib).
 */
export const Markdown = ({ source }: { source: string }) => raw(renderMarkdown(source))
