// Attachments in Markdown: `![](/attachments/<sha256>/<name>)` shows a library image with its
// alt text and size, and `[Title](/attachments/<sha256>/<name>)` links a document followed by
// its type and size, as GOV.UK's attachment link does: "Annual report (PDF, 1.2 MB)".
import type { MarkdownIt, StateCore, Token } from 'markdown-it'

/** What the renderer needs of an attachment. */
export type AttachmentFile = {
  format: string
  size: number
  width: number | null
  height: number | null
  alt: string
  decorative: boolean
}

/** The attachments a body refers to, by hash. */
export type AttachmentFiles = Record<string, AttachmentFile>

/** Most attachments one body can show: the lookup binds one parameter per hash. */
const MAX_PER_BODY = 50

const HASH_IN_ADDRESS = /\/attachments\/([0-9a-f]{64})\//g

/** The hashes of the attachment addresses in a body, each once. */
export const attachmentHashes = (body: string) =>
  [...new Set(Array.from(body.matchAll(HASH_IN_ADDRESS), (m) => m[1]!))].slice(0, MAX_PER_BODY)

/** A size as GOV.UK writes it: "12 bytes", "340 KB", "1.2 MB". */
export const formatFileSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** An attachment's type and size: "PDF, 1.2 MB". */
export const attachmentMetadata = (file: { format: string; size: number }) =>
  `${file.format.toUpperCase()}, ${formatFileSize(file.size)}`

const fileAt = (href: string | number | null, files: AttachmentFiles | undefined) => {
  const match = /^\/attachments\/([0-9a-f]{64})\/[^/?#]+$/.exec(String(href ?? ''))
  return match && files && Object.hasOwn(files, match[1]!) ? files[match[1]!] : undefined
}

/**
 * Adds the attachment rule to a renderer. `env.attachments` (passed to render) holds the
 * library's entries for the body's addresses; an address it does not hold renders as written.
 */
export const attachmentRule = (md: MarkdownIt) => {
  md.core.ruler.push('attachments', (state: StateCore) => {
    const files = (state.env as { attachments?: AttachmentFiles } | undefined)?.attachments
    if (!files) return
    for (const block of state.tokens) {
      const tokens = block.children
      if (!tokens) continue
      for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i]!
        if (token.type === 'image') {
          const file = fileAt(token.attrGet('src'), files)
          if (!file?.width || !file.height) continue
          const alt = new state.Token('text', '', 0)
          alt.content = file.decorative ? '' : file.alt
          token.children = [alt]
          token.attrSet('width', String(file.width))
          token.attrSet('height', String(file.height))
          token.attrSet('loading', 'lazy')
          token.attrSet('class', 'soca-attachment-image')
        } else if (token.type === 'link_open') {
          const file = fileAt(token.attrGet('href'), files)
          if (!file || file.width) continue
          const close = tokens.findIndex((t: Token, j: number) => j > i && t.type === 'link_close')
          if (close === -1) continue
          const meta = new state.Token('text', '', 0)
          meta.content = ` (${attachmentMetadata(file)})`
          tokens.splice(close + 1, 0, meta)
        }
      }
    }
  })
}

/** The public address of an attachment's file. */
export const attachmentPath = (file: { sha256: string; fileName: string }) =>
  `/attachments/${file.sha256}/${file.fileName}`

/**
 * The Markdown staff paste to use an attachment: an image, or a link to a document (on a line
 * of its own, it reads as GOV.UK's attachment: the title, then its type and size).
 */
export const attachmentSnippet = (file: {
  sha256: string
  fileName: string
  title: string
  format: string
}) => {
  const text = file.title.replace(/[\\[\]]/g, '\\$&').replace(/\s+/g, ' ')
  const image = file.format === 'png' || file.format === 'jpeg' || file.format === 'webp'
  return `${image ? '!' : ''}[${text}](${attachmentPath(file)})`
}
