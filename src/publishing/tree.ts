// What staff do to the shape of the site: move a page among its siblings, and delete a draft
// page that was never published. Each writes one D1 batch with its audit entry.
import { auditQuery } from '../db/audit.ts'
import type { Database } from '../db/client.ts'
import {
  type DeletablePage,
  deleteDraftPageQueries,
  movableSiblings,
  movedRevisionQuery,
  newestPageData,
  pageForDelete,
  publishedIsNewestQuery,
  setNavOrderQuery,
  siblingsOfPageQuery,
} from '../db/page-tree.ts'
import { bumpContentVersionQuery } from '../db/settings.ts'
import { can } from '../auth/permissions.ts'
import { type Actor, NOT_FOUND, type Refusal, type Result } from './result.ts'

/** Which way a page moves among its siblings. */
export type Direction = 'up' | 'down'

const FORBIDDEN: Refusal = {
  ok: false,
  reason: 'forbidden',
  message: 'Your role does not allow this.',
}

const conflict = (message: string): Refusal => ({ ok: false, reason: 'conflict', message })

/**
 * Moves a page one place up or down among its siblings, live at once: the siblings are numbered
 * 1 to n in their new order. Each page whose number changes gets a revision ('Moved') holding
 * its newest data with the new number, so publishing a draft saved before the move keeps it.
 * A page that had no unpublished changes stays that way: the new revision is its published one.
 * At the top level only pages in the main menu move (see `movableSiblings`).
 */
export const movePage = async (
  db: Database,
  actor: Actor,
  id: number,
  direction: Direction,
  now = new Date(),
): Promise<Result> => {
  if (!can(actor.role, 'content:publish')) return FORBIDDEN
  const siblings = await siblingsOfPageQuery(db, id)
  const page = siblings.find((p) => p.id === id)
  if (!page) return NOT_FOUND
  const order = movableSiblings(siblings, page.parentId)
  const from = order.indexOf(page)
  if (from < 0) {
    return conflict(
      'This page is not in the main menu, so it has no place among the top-level pages to move to. Give it a menu position on its edit page to add it to the menu.',
    )
  }
  const to = direction === 'up' ? from - 1 : from + 1
  const other = order[to]
  if (!other) {
    return conflict(`This page is already ${direction === 'up' ? 'first' : 'last'} in its section.`)
  }
  order[to] = page
  order[from] = other
  const changes = order.flatMap((p, i) => (p.navOrder === i + 1 ? [] : [{ p, navOrder: i + 1 }]))
  const queries = changes.flatMap(({ p, navOrder }) => {
    // Nothing waiting to publish: the newest revision is the live one (or there is none yet).
    const upToDate = p.status !== 'draft' && p.latestRevisionId === p.publishedRevisionId
    return [
      setNavOrderQuery(db, p.id, navOrder, now),
      movedRevisionQuery(db, {
        contentId: p.id,
        data: { ...newestPageData(p), navOrder },
        authorId: actor.id,
        changeNote: upToDate ? null : p.latestChangeNote,
      }),
      // Otherwise the page would show "with changes" for a move that is already live.
      ...(upToDate ? [publishedIsNewestQuery(db, p.id)] : []),
    ]
  })
  await db.batch([
    bumpContentVersionQuery(db, now),
    ...queries,
    auditQuery(db, {
      actorId: actor.id,
      action: 'page.move',
      target: `page:${id}`,
      detail: `${direction}, to position ${to + 1} of ${order.length}`,
    }),
  ])
  return { ok: true, changedAt: now }
}

/**
 * Why a page cannot be deleted, if it cannot: only a draft that was never published, with no
 * pages under it, can be. A published or unpublished page has been public: unpublish it instead.
 */
export const deleteRefusal = (page: DeletablePage): string | undefined => {
  if (page.status !== 'draft' || page.publishedRevisionId !== null || page.publishedAt !== null) {
    return 'This page has been published, so it cannot be deleted. Unpublish it instead: its address then tells visitors it has been removed.'
  }
  if (page.children > 0) {
    return `This page has ${page.children === 1 ? '1 page' : `${page.children} pages`} under it, so it cannot be deleted. Move or delete ${page.children === 1 ? 'that page' : 'those pages'} first.`
  }
  return undefined
}

/**
 * Deletes a draft page that was never published, with its revisions, scheduled changes and
 * share links. Visitors never saw it, so the content version stays as it is.
 */
export const deleteDraftPage = async (
  db: Database,
  actor: Actor,
  id: number,
): Promise<Result<{ title: string }>> => {
  if (!can(actor.role, 'content:edit')) return FORBIDDEN
  const page = await pageForDelete(db, id)
  if (!page) return NOT_FOUND
  const refusal = deleteRefusal(page)
  if (refusal) return conflict(refusal)
  const [deleted] = await db.batch([
    ...deleteDraftPageQueries(db, id),
    auditQuery(db, {
      actorId: actor.id,
      action: 'page.delete',
      target: `page:${id}`,
      detail: `${page.title} (${page.path})`,
    }),
  ])
  // Published, or given a child page, since it was read: the batch deleted nothing.
  if (deleted.length === 0) return conflict('This page changed while you were deleting it.')
  return { ok: true, title: page.title }
}
