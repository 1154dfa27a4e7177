// The attachments library's files (src/publishing/attachments.ts), served from R2 at
// /attachments/<sha256>/<name>. The address holds the hash of the bytes, so what it serves can
// never change: browsers and CDNs keep it for a year without asking again. Mounted before the
// edge cache, which keeps pages (a whole response in memory), not files of up to 20 MB.
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { attachmentFilesQuery, attachmentObjectQuery } from '../db/attachments.ts'
import type { Database } from '../db/client.ts'
import type { AppEnv } from '../env.ts'
import { type AttachmentFiles, attachmentHashes } from '../lib/attachment-links.ts'

/** The attachment files, mounted at /attachments. */
export const attachmentFiles = new Hono<AppEnv>()

attachmentFiles.get('/:sha256{[0-9a-f]{64}}/:name', async (c) => {
  const sha256 = c.req.param('sha256')
  const [file] = await attachmentObjectQuery(c.var.db, sha256)
  if (!file) throw new HTTPException(404)
  // The name is only for people (and the saved file's name): the one it was given wins.
  if (c.req.param('name') !== file.fileName)
    return c.redirect(`/attachments/${sha256}/${file.fileName}`, 301)
  const etag = `"${sha256}"`
  const inline =
    file.format === 'pdf' ||
    file.format === 'png' ||
    file.format === 'jpeg' ||
    file.format === 'webp'
  const headers = new Headers({
    'Content-Type': file.contentType,
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    // RFC 6266; the stored name is already plain ASCII, so both forms say the same.
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename="${file.fileName}"; filename*=UTF-8''${file.fileName}`,
    // Nothing in a file may run as a page of the site. Chrome's PDF viewer will not open in a
    // sandbox and draws itself with inline styles, so a PDF gets just those.
    'Content-Security-Policy':
      file.format === 'pdf'
        ? "default-src 'none'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'none'"
        : "default-src 'none'; sandbox",
  })
  if (c.req.header('If-None-Match')?.includes(etag))
    return new Response(null, { status: 304, headers })
  const bucket = c.env.ATTACHMENTS
  if (c.req.method === 'HEAD') {
    const object = await bucket.head(file.objectKey)
    if (!object) throw new HTTPException(404)
    headers.set('Content-Length', String(object.size))
    return new Response(null, { headers })
  }
  const object = await bucket.get(file.objectKey)
  if (!object) throw new HTTPException(404)
  headers.set('Content-Length', String(object.size))
  return new Response(object.body, { headers })
})

/**
 * The library's entries for the attachment addresses in a body, for rendering it: no query at
 * all when it has none, else one (by the sha256 unique index).
 */
export const attachmentFilesFor = async (
  db: Database,
  body: string,
): Promise<AttachmentFiles | undefined> => {
  const hashes = attachmentHashes(body)
  if (hashes.length === 0) return undefined
  const rows = await attachmentFilesQuery(db, hashes)
  return Object.fromEntries(rows.map((row) => [row.sha256, row]))
}
