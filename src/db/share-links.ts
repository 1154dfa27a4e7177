// Share links: a scheduled or draft item shown to someone without an account, until the link
// expires (at most 7 days) or is withdrawn. The token that opens one is signed, not stored
// (auth/share-token.ts); these rows say who it was for, whether it still works, and its views.
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import type { EditableKind } from './content-tables.ts'
import { shareLinks, staff } from './schema.ts'

/** A stored share link. */
export type ShareLinkRow = typeof shareLinks.$inferSelect

/** A share link as the staff list shows it, with the name of who made it. */
export type ShareLinkListed = ShareLinkRow & { createdByName: string | null }

/** The share links of an item, newest first. */
export const shareLinksOf = (
  db: Database,
  kind: EditableKind,
  contentId: number,
): Promise<ShareLinkListed[]> =>
  db
    .select({
      id: shareLinks.id,
      kind: shareLinks.kind,
      contentId: shareLinks.contentId,
      label: shareLinks.label,
      createdBy: shareLinks.createdBy,
      createdByName: staff.name,
      createdAt: shareLinks.createdAt,
      expiresAt: shareLinks.expiresAt,
      revokedAt: shareLinks.revokedAt,
      revokedBy: shareLinks.revokedBy,
      views: shareLinks.views,
      lastViewedAt: shareLinks.lastViewedAt,
    })
    .from(shareLinks)
    .leftJoin(staff, eq(staff.id, shareLinks.createdBy))
    .where(and(eq(shareLinks.kind, kind), eq(shareLinks.contentId, contentId)))
    .orderBy(desc(shareLinks.id))

/** One share link, or undefined. */
export const shareLinkById = (db: Database, id: number) =>
  db.select().from(shareLinks).where(eq(shareLinks.id, id)).get()

/** Query that stores a new share link and returns its id. */
export const insertShareLinkQuery = (
  db: Database,
  link: {
    kind: EditableKind
    contentId: number
    label: string
    createdBy: number
    createdAt: Date
    expiresAt: Date
  },
) => db.insert(shareLinks).values(link).returning({ id: shareLinks.id })

/** Query that withdraws a link, unless it already was (the first withdrawal is kept). */
export const revokeShareLinkQuery = (db: Database, id: number, by: number, now: Date) =>
  db
    .update(shareLinks)
    .set({ revokedAt: now, revokedBy: by })
    .where(and(eq(shareLinks.id, id), isNull(shareLinks.revokedAt)))

/** Query that counts one view of a link. */
export const recordShareViewQuery = (db: Database, id: number, now: Date) =>
  db
    .update(shareLinks)
    .set({ views: sql`${shareLinks.views} + 1`, lastViewedAt: now })
    .where(eq(shareLinks.id, id))
