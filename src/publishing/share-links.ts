// Share links: letting press and partners without an account see a draft or scheduled item
// before it is published. Making and withdrawing one is a publisher's decision (it shows
// unpublished text outside the agency); each is one D1 batch with its audit entry, as is each
// view. Nothing here changes what visitors see, so the content version stays as it is.
import { auditQuery } from '../db/audit.ts'
import type { Database } from '../db/client.ts'
import { type EditableKind, contentItem } from '../db/content.ts'
import {
  type ShareLinkRow,
  insertShareLinkQuery,
  recordShareViewQuery,
  revokeShareLinkQuery,
  shareLinkById,
} from '../db/share-links.ts'
import { can } from '../auth/permissions.ts'
import { type Actor, NOT_FOUND, type Refusal, type Result } from './result.ts'

const DAY_MS = 24 * 60 * 60 * 1000

/** The longest a share link may last: seven days from when it is made. */
const SHARE_LINK_MAX_DAYS = 7

/** What a new share link needs: the item, who it is for, and how many days it lasts. */
export type NewShareLink = { kind: EditableKind; contentId: number; label: string; days: number }

const FORBIDDEN: Refusal = {
  ok: false,
  reason: 'forbidden',
  message: 'Your role does not allow this.',
}

/** The audit target of an item. */
const target = (kind: EditableKind, id: number) => `${kind}:${id}`

/** Makes a share link to an item, lasting 1 to 7 whole days from `now`. */
export const createShareLink = async (
  db: Database,
  actor: Actor,
  input: NewShareLink,
  now = new Date(),
): Promise<Result<{ id: number; expiresAt: Date }>> => {
  if (!can(actor.role, 'content:publish')) return FORBIDDEN
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > SHARE_LINK_MAX_DAYS) {
    return {
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'days', message: 'Select when the link expires' }],
    }
  }
  if (!(await contentItem(db, input.kind, input.contentId))) return NOT_FOUND
  const expiresAt = new Date(now.getTime() + input.days * DAY_MS)
  const [rows] = await db.batch([
    insertShareLinkQuery(db, {
      kind: input.kind,
      contentId: input.contentId,
      label: input.label,
      createdBy: actor.id,
      createdAt: now,
      expiresAt,
    }),
    auditQuery(db, {
      actorId: actor.id,
      action: `${input.kind}.share`,
      target: target(input.kind, input.contentId),
      detail: `for ${input.label}, until ${expiresAt.toISOString()}`,
    }),
  ])
  const id = rows[0]?.id
  if (id === undefined) throw new Error('share link: the insert returned no id')
  return { ok: true, id, expiresAt }
}

/** Withdraws a share link of an item; withdrawing one already withdrawn changes nothing. */
export const revokeShareLink = async (
  db: Database,
  actor: Actor,
  input: { kind: EditableKind; contentId: number; linkId: number },
  now = new Date(),
): Promise<Result> => {
  if (!can(actor.role, 'content:publish')) return FORBIDDEN
  const link = await shareLinkById(db, input.linkId)
  if (!link || link.kind !== input.kind || link.contentId !== input.contentId) return NOT_FOUND
  if (link.revokedAt) return { ok: true }
  await db.batch([
    revokeShareLinkQuery(db, link.id, actor.id, now),
    auditQuery(db, {
      actorId: actor.id,
      action: `${input.kind}.share-revoke`,
      target: target(input.kind, input.contentId),
      detail: `link ${link.id}`,
    }),
  ])
  return { ok: true }
}

/**
 * When a link stops working: its stored expiry, but never more than seven days after it was
 * made, whatever the row says.
 */
export const shareLinkExpiry = (link: Pick<ShareLinkRow, 'createdAt' | 'expiresAt'>) =>
  new Date(
    Math.min(link.expiresAt.getTime(), link.createdAt.getTime() + SHARE_LINK_MAX_DAYS * DAY_MS),
  )

/** Whether a link still opens at `now`: not withdrawn and not expired. */
export const shareLinkActive = (
  link: Pick<ShareLinkRow, 'createdAt' | 'expiresAt' | 'revokedAt'>,
  now = new Date(),
) => !link.revokedAt && now.getTime() < shareLinkExpiry(link).getTime()

/** Counts a view of a link by someone without an account, and audits it. */
export const recordShareView = async (db: Database, link: ShareLinkRow, now = new Date()) => {
  await db.batch([
    recordShareViewQuery(db, link.id, now),
    auditQuery(db, {
      actorId: null,
      action: 'share.view',
      target: target(link.kind, link.contentId),
      detail: `link ${link.id}`,
    }),
  ])
}
