import { count, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { attachments, newsArticles, pages } from './schema.ts'

/** What a page needs to show an attachment: an image's text and size, a document's type and size. */
const fileColumns = {
  sha256: attachments.sha256,
  format: attachments.format,
  size: attachments.size,
  width: attachments.width,
  height: attachments.height,
  alt: attachments.alt,
  decorative: attachments.decorative,
}

/** Query for the attachments with these hashes (the sha256 unique index; at most a few dozen). */
export const attachmentFilesQuery = (db: Database, hashes: string[]) =>
  db.select(fileColumns).from(attachments).where(inArray(attachments.sha256, hashes))

/** An attachment as a page shows it. */
export type AttachmentFileRow = Awaited<ReturnType<typeof attachmentFilesQuery>>[number]

/** The stored object of the attachment with this hash, for serving it (zero or one row). */
export const attachmentObjectQuery = (db: Database, sha256: string) =>
  db
    .select({
      objectKey: attachments.objectKey,
      fileName: attachments.fileName,
      format: attachments.format,
      contentType: attachments.contentType,
    })
    .from(attachments)
    .where(eq(attachments.sha256, sha256))
    .limit(1)

/**
 * One page of the library, newest first. Where each is used is on its own page: counting it
 * here would search every page and article body once per row listed.
 */
export const attachmentPage = (db: Database, page: number, size: number) =>
  db.batch([
    db
      .select({
        id: attachments.id,
        title: attachments.title,
        sha256: attachments.sha256,
        fileName: attachments.fileName,
        format: attachments.format,
        size: attachments.size,
        createdAt: attachments.createdAt,
      })
      .from(attachments)
      .orderBy(desc(attachments.createdAt), desc(attachments.id))
      .limit(size)
      .offset((page - 1) * size),
    db.select({ total: count() }).from(attachments),
  ])

/** A row of the library's list. */
export type AttachmentListRow = Awaited<ReturnType<typeof attachmentPage>>[0][number]

/** One attachment, all of it, or undefined. */
export const attachmentById = async (db: Database, id: number) =>
  (await db.select().from(attachments).where(eq(attachments.id, id)).limit(1))[0]

/** An attachment as stored. */
export type Attachment = NonNullable<Awaited<ReturnType<typeof attachmentById>>>

/** The attachment with this hash, if the library has it. */
export const attachmentBySha256 = async (db: Database, sha256: string) =>
  (
    await db
      .select({ id: attachments.id, title: attachments.title })
      .from(attachments)
      .where(eq(attachments.sha256, sha256))
      .limit(1)
  )[0]

/** Where an attachment is mentioned: each page and news article whose body holds its hash. */
export const attachmentUses = (db: Database, sha256: string) =>
  db.batch([
    db
      .select({ id: pages.id, title: pages.title, path: pages.path, status: pages.status })
      .from(pages)
      .where(sql`instr(${pages.body}, ${sha256}) > 0`)
      .orderBy(pages.path),
    db
      .select({
        id: newsArticles.id,
        title: newsArticles.title,
        slug: newsArticles.slug,
        status: newsArticles.status,
      })
      .from(newsArticles)
      .where(sql`instr(${newsArticles.body}, ${sha256}) > 0`)
      .orderBy(newsArticles.slug),
  ])

/** A new attachment's row. */
export type NewAttachment = typeof attachments.$inferInsert

/** Query that adds an attachment; batch it with its audit entry. */
export const insertAttachmentQuery = (db: Database, values: NewAttachment) =>
  db.insert(attachments).values(values).returning({ id: attachments.id })

/** Query that removes an attachment's row; batch it with its audit entry. */
export const deleteAttachmentQuery = (db: Database, id: number) =>
  db.delete(attachments).where(eq(attachments.id, id)).returning({ id: attachments.id })
