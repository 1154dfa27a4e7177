// The attachments library: storing an upload in R2 as it streams in, adding it to the library,
// and removing it when nothing published uses it. A file is written to R2 before its row, and
// any failure after the first write removes what was written, so nothing is left half-stored.
import {
  attachmentBySha256,
  attachmentById,
  attachmentUses,
  deleteAttachmentQuery,
  insertAttachmentQuery,
} from '../db/attachments.ts'
import { auditQuery } from '../db/audit.ts'
import type { Database } from '../db/client.ts'
import { can } from '../auth/permissions.ts'
import { logError } from '../lib/log.ts'
import { type Sniffed, createSniffer } from '../lib/sniff.ts'
import { type Actor, NOT_FOUND, type Result, isUniqueViolation } from './result.ts'

/** The largest file the library takes: 20 MB (MiB, as operating systems show file sizes). */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024

/**
 * R2 multipart part size: parts but the last must be the same size and at least 5 MiB. Only
 * one part is ever held in memory; a file that fits in one is stored with a single put.
 */
export const ATTACHMENT_PART_BYTES = 5 * 1024 * 1024

/** Why a file was not stored, before anything was left in R2. */
export type UploadProblem = 'empty' | 'too-large' | 'type'

/** A file stored in R2: its key, size, hash and what its bytes say it is. */
export type StoredFile = { key: string; size: number; sha256: string; sniffed: Sniffed }

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * Streams a file's chunks into R2 under `key`, sniffing its type and hashing it on the way:
 * a single put when it fits in one part, else a multipart upload. Refuses an empty file, one
 * over `maxBytes`, or one that is not an accepted type, with nothing left in R2; a failure of
 * R2 or of the stream aborts the upload (or nothing was written yet) and is thrown.
 */
export const storeAttachmentStream = async (
  bucket: R2Bucket,
  key: string,
  chunks: AsyncIterable<Uint8Array>,
  { maxBytes = ATTACHMENT_MAX_BYTES, partBytes = ATTACHMENT_PART_BYTES } = {},
): Promise<{ ok: true; file: StoredFile } | { ok: false; problem: UploadProblem }> => {
  const sniffer = createSniffer()
  const digest = new crypto.DigestStream('SHA-256')
  const hashing = digest.getWriter()
  const part = new Uint8Array(partBytes)
  let filled = 0
  let size = 0
  let upload: R2MultipartUpload | undefined
  const parts: R2UploadedPart[] = []
  let stored = false
  const flush = async () => {
    upload ??= await bucket.createMultipartUpload(key)
    parts.push(await upload.uploadPart(parts.length + 1, part.subarray(0, filled)))
    filled = 0
  }
  try {
    for await (const chunk of chunks) {
      size += chunk.length
      if (size > maxBytes) return { ok: false, problem: 'too-large' }
      sniffer.push(chunk)
      if (sniffer.refused()) return { ok: false, problem: 'type' }
      await hashing.write(chunk)
      for (let offset = 0; offset < chunk.length;) {
        const take = Math.min(partBytes - filled, chunk.length - offset)
        part.set(chunk.subarray(offset, offset + take), filled)
        filled += take
        offset += take
        if (filled === partBytes) await flush()
      }
    }
    if (size === 0) return { ok: false, problem: 'empty' }
    const sniffed = sniffer.result()
    if (!sniffed) return { ok: false, problem: 'type' }
    const httpMetadata = { contentType: sniffed.contentType }
    if (upload) {
      if (filled > 0) await flush()
      await upload.complete(parts)
    } else {
      await bucket.put(key, part.subarray(0, filled), { httpMetadata })
    }
    stored = true
    await hashing.close()
    return { ok: true, file: { key, size, sha256: hex(await digest.digest), sniffed } }
  } finally {
    // Refused or failed after a part was sent: R2 forgets the parts (a put stores all or none).
    if (!stored && upload) await upload.abort().catch(() => undefined)
  }
}

/** What a member typed about an upload, checked once its type is known. */
export type AttachmentDetails = { title: string; alt: string; decorative: boolean }

/** A file name made safe for a header and an address, ending in its real format's extension. */
export const safeFileName = (name: string, format: Sniffed['format']) => {
  const extension = format === 'jpeg' ? 'jpg' : format
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
  return `${base || 'attachment'}.${extension}`
}

/**
 * Adds a stored file to the library: one batch with its audit entry. A file already in the
 * library (the same bytes) is refused, naming the entry it would repeat; the caller then
 * deletes the object it stored.
 */
export const addAttachment = async (
  db: Database,
  actor: Actor,
  input: { file: StoredFile; fileName: string; details: AttachmentDetails },
): Promise<Result<{ id: number }>> => {
  if (!can(actor.role, 'content:edit'))
    return { ok: false, reason: 'forbidden', message: 'You cannot upload attachments.' }
  const { file, details } = input
  const duplicate = (existing: { id: number; title: string }) => ({
    ok: false as const,
    reason: 'invalid' as const,
    errors: [
      {
        field: 'file',
        message: `The selected file is already in the library as “${existing.title}” (attachment ${existing.id})`,
      },
    ],
  })
  const existing = await attachmentBySha256(db, file.sha256)
  if (existing) return duplicate(existing)
  const image = file.sniffed.width !== null
  try {
    const [[row]] = await db.batch([
      insertAttachmentQuery(db, {
        sha256: file.sha256,
        objectKey: file.key,
        title: details.title,
        fileName: safeFileName(input.fileName, file.sniffed.format),
        format: file.sniffed.format,
        contentType: file.sniffed.contentType,
        size: file.size,
        width: file.sniffed.width,
        height: file.sniffed.height,
        alt: image && !details.decorative ? details.alt : '',
        decorative: image && details.decorative,
        uploadedBy: actor.id,
      }),
      auditQuery(db, {
        actorId: actor.id,
        action: 'attachment.upload',
        target: `attachment ${file.sha256}`,
        detail: `${details.title} (${file.sniffed.format}, ${file.size} bytes)`,
      }),
    ])
    return { ok: true, id: row!.id }
  } catch (err) {
    // Someone uploaded the same bytes at the same moment.
    if (isUniqueViolation(err)) {
      const winner = await attachmentBySha256(db, file.sha256)
      if (winner) return duplicate(winner)
    }
    throw err
  }
}

/** Where an attachment is used, split into what blocks deleting it (live) and what does not. */
export const attachmentUsage = async (db: Database, sha256: string) => {
  const [pageRows, newsRows] = await attachmentUses(db, sha256)
  const uses = [
    ...pageRows.map((p) => ({
      title: p.title,
      href: p.path,
      editHref: `/admin/pages/${p.id}`,
      kind: 'Page',
      live: p.status === 'published',
    })),
    ...newsRows.map((n) => ({
      title: n.title,
      href: `/news/${n.slug}`,
      editHref: `/admin/news/${n.id}`,
      kind: 'News article',
      live: n.status === 'published',
    })),
  ]
  return { live: uses.filter((u) => u.live), other: uses.filter((u) => !u.live) }
}

/** One place an attachment is used. */
export type AttachmentUse = Awaited<ReturnType<typeof attachmentUsage>>['live'][number]

/**
 * Removes an attachment: refused while a published page or article uses it (listing them).
 * The row goes first, in one batch with its audit entry, then the R2 object: if R2 then fails,
 * an object no row names is left (harmless, and never served: serving starts from the row),
 * never a row whose file is gone, which would break the pages showing it.
 */
export const deleteAttachment = async (
  db: Database,
  bucket: R2Bucket,
  actor: Actor,
  id: number,
): Promise<Result<{ title: string }> | { ok: false; reason: 'in-use'; uses: AttachmentUse[] }> => {
  if (!can(actor.role, 'content:publish'))
    return { ok: false, reason: 'forbidden', message: 'Only publishers can delete attachments.' }
  const attachment = await attachmentById(db, id)
  if (!attachment) return NOT_FOUND
  const usage = await attachmentUsage(db, attachment.sha256)
  if (usage.live.length > 0) return { ok: false, reason: 'in-use', uses: usage.live }
  const [deleted] = await db.batch([
    deleteAttachmentQuery(db, id),
    auditQuery(db, {
      actorId: actor.id,
      action: 'attachment.delete',
      target: `attachment ${attachment.sha256}`,
      detail: attachment.title,
    }),
  ])
  if (deleted.length === 0) return NOT_FOUND
  // The attachment is gone either way: a file R2 failed to delete is only logged (no row names
  // it, so it is never served).
  await bucket
    .delete(attachment.objectKey)
    .catch((err: unknown) =>
      logError('attachment-object-left', undefined, err, { key: attachment.objectKey }),
    )
  return { ok: true, title: attachment.title }
}
