// What staff can do to pages, news and vacancies. Each change is a function of (db, actor,
// input) that checks the rules, then writes one D1 batch holding the change, its revision,
// its audit entry and, when visitors will see it, the content-version bump.
import { sql } from 'drizzle-orm'
import { SECOND_PUBLISHER, settingValue } from '../db/admin-settings.ts'
import { auditQuery } from '../db/audit.ts'
import type { Database } from '../db/client.ts'
import {
  type ContentData,
  type ContentItem,
  type EditableKind,
  type PublishExtras,
  type RevisionRow,
  addressTaken,
  authoredSincePublished,
  contentItem,
  createDraftQueries,
  insertRevisionQuery,
  latestRevisionOf,
  pageExists,
  pagePathOf,
  publishQueries,
  revisionOf,
  unpublishQueries,
  updateDraftRowQuery,
} from '../db/content.ts'
import { CONTENT_TABLES } from '../db/content-tables.ts'
import { isPageOrUnder } from '../db/pages.ts'
import { can } from '../auth/permissions.ts'
import { pagePath } from '../forms/content.ts'
import { ukToday } from '../lib/dates.ts'
import { slugFromTitle } from '../lib/slug.ts'
import { ukInstant } from '../lib/uk-time.ts'
import { CONTENT_KINDS } from './kinds.ts'
import {
  type Actor,
  NOT_FOUND,
  type Refusal,
  type Result,
  isForeignKeyViolation,
  isParentLoop,
  isUniqueViolation,
} from './result.ts'

/** An item as the editor opens it: the row, its newest revision, and the data to edit. */
export type EditableItem<K extends EditableKind> = {
  item: ContentItem<K>
  latest: RevisionRow | undefined
  /** The newest revision's data, or the live data when it has none. */
  draft: ContentData[K]
}

/** Loads an item for editing, or undefined when there is none with that id. */
export const editableItem = async <K extends EditableKind>(
  db: Database,
  kind: K,
  id: number,
): Promise<EditableItem<K> | undefined> => {
  // Two queries at once rather than one batch: in a batch, Drizzle maps D1's rows by column
  // name, and the item's select names its address column twice (as `address` and in `live`).
  const [item, latest] = await Promise.all([
    contentItem(db, kind, id),
    latestRevisionOf(db, kind, id),
  ])
  if (!item) return undefined
  // A revision's data is the kind's editable columns: it was checked by the kind's schema.
  return { item, latest, draft: latest ? (latest.data as ContentData[K]) : item.live }
}

const SECOND_PAIR_OF_EYES =
  'A second pair of eyes is required: another publisher must publish your changes.'

/**
 * Why `actor` may not publish the item as it now stands, if they may not: their role, or the
 * second pair of eyes rule. When that is on, nobody publishes a version holding their own
 * changes since the last published one, however many saves by others came after them.
 * `addsOwnRevision` is for changes (restore, close) that publish a revision the actor writes.
 */
export const publishRefusal = async (
  db: Database,
  actor: Actor,
  kind: EditableKind,
  item: { id: number; publishedRevisionId: number | null },
  addsOwnRevision = false,
): Promise<Refusal | undefined> => {
  if (!can(actor.role, 'content:publish')) {
    return { ok: false, reason: 'forbidden', message: 'Your role does not allow this.' }
  }
  if ((await settingValue(db, SECOND_PUBLISHER)) !== 'true') return undefined
  // Not just the newest revision's author: anyone re-saving it unchanged would launder it.
  const own =
    addsOwnRevision ||
    (await authoredSincePublished(db, kind, item.id, actor.id, item.publishedRevisionId))
  return own ? { ok: false, reason: 'refused', message: SECOND_PAIR_OF_EYES } : undefined
}

/** The audit target of an item. */
const target = (kind: EditableKind, id: number) => `${kind}:${id}`

/** The message when another item took this item's address since it was read. */
const addressConflict = (kind: EditableKind): Refusal => {
  const singular = CONTENT_KINDS[kind].labels.singular.toLowerCase()
  return {
    ok: false,
    reason: 'conflict',
    message: `Another ${singular} now uses this address. Change it, save and publish again.`,
  }
}

/** The address in a kind's data. */
const addressOf = (kind: EditableKind, data: ContentData[EditableKind]) =>
  String(Object.entries(data).find(([name]) => name === CONTENT_TABLES[kind].address)?.[1] ?? '')

/** The form error when another item of the kind uses this address. */
const addressTakenError = (kind: EditableKind, data: ContentData[EditableKind]): Refusal => {
  const singular = CONTENT_KINDS[kind].labels.singular.toLowerCase()
  return {
    ok: false,
    reason: 'invalid',
    errors: [
      {
        field: CONTENT_TABLES[kind].address,
        message: `Another ${singular} already uses ${addressOf(kind, data)}`,
      },
    ],
  }
}

/**
 * Runs a batch, turning a broken UNIQUE constraint (someone else took the address since it
 * was checked) into the refusal given, and a parent that went, or that another publish has
 * since moved under the page, into the Parent field's error. Any other failure is not the
 * editor's: it is thrown, logged and answered with the 500 page.
 */
const commit = async <T extends Result>(
  run: () => Promise<unknown>,
  done: T,
  conflict: Refusal,
): Promise<T | Refusal> => {
  try {
    await run()
    return done
  } catch (err) {
    if (isUniqueViolation(err)) return conflict
    if (isForeignKeyViolation(err)) return PARENT_GONE
    if (isParentLoop(err)) return PARENT_LOOP
    throw err
  }
}

/** A page's parent went between saving and publishing: the editor chooses another. */
const PARENT_GONE: Refusal = {
  ok: false,
  reason: 'conflict',
  message: 'The parent page no longer exists. Choose another parent page, save and publish again.',
}

/**
 * The form error when data names a parent page that does not exist (only pages have one): a
 * parent must be chosen from the list, which holds every page.
 */
const missingParent = async (db: Database, data: object): Promise<Refusal | undefined> => {
  const parentId = 'parentId' in data ? data.parentId : null
  if (typeof parentId !== 'number' || (await pageExists(db, parentId))) return undefined
  return {
    ok: false,
    reason: 'invalid',
    errors: [{ field: 'parentId', message: 'Choose a parent page from the list' }],
  }
}

/** The form error when a page's parent would be the page itself or a page under it. */
const PARENT_LOOP: Refusal = {
  ok: false,
  reason: 'invalid',
  errors: [
    { field: 'parentId', message: 'Choose a parent page that is not this page or a page under it' },
  ],
}

/**
 * The form error when data would make page `id` its own parent or put it under a page below
 * it: a loop in parent_id, which takes the page and every page under it out of the navigation,
 * breadcrumbs and page tree. Checked when a page's data is saved (save, Publish, restore), so
 * the editor hears at once even where no parent_id is written: a published page's draft is
 * only a revision until it is published. The database refuses a loop on every write of
 * parent_id (migration 0012): for a page moved between this read and the batch, and when a
 * saved draft is published later, which relies on that alone.
 */
const parentLoop = async (
  db: Database,
  kind: EditableKind,
  id: number,
  data: object,
): Promise<Refusal | undefined> => {
  const parentId = 'parentId' in data ? data.parentId : null
  if (kind !== 'page' || typeof parentId !== 'number') return undefined
  return (await isPageOrUnder(db, id, parentId)) ? PARENT_LOOP : undefined
}

/** A form error on the item's address field. */
const addressError = (kind: EditableKind, message: string): Refusal => ({
  ok: false,
  reason: 'invalid',
  errors: [{ field: CONTENT_TABLES[kind].address, message }],
})

/**
 * The data with its address made from the title when it was left empty: a slug for news and
 * vacancies (websites-selling-stolen-card-data-taken-down), and the parent page's path and that
 * slug for a page. A form error when the title has no letters or digits to make one from, or a
 * page's made path is not one a page can have.
 */
const withAddress = async <K extends EditableKind>(
  db: Database,
  kind: K,
  data: ContentData[K],
): Promise<Result<{ data: ContentData[K] }>> => {
  const field = CONTENT_TABLES[kind].address
  if (addressOf(kind, data) !== '') return { ok: true, data }
  const kindData: ContentData[EditableKind] = data
  const slug = slugFromTitle(kindData.title)
  const label = kind === 'page' ? 'path' : 'web address'
  if (!slug) return addressError(kind, `Enter a ${label}: the title has no letters or numbers`)
  if (kind !== 'page') return { ok: true, data: { ...data, [field]: slug } }
  const parentId = 'parentId' in data ? data.parentId : null
  const parent = typeof parentId === 'number' ? await pagePathOf(db, parentId) : undefined
  const path = `${parent && parent !== '/' ? parent : ''}/${slug}`
  const checked = pagePath.safeParse(path)
  if (!checked.success) {
    const why = checked.error.issues[0]?.message ?? ''
    return addressError(kind, `Enter a path: ${path} cannot be used. ${why}`)
  }
  return { ok: true, data: { ...data, [field]: path } }
}

/** Creates a draft item and its first revision; it is not on the site until published. */
export const createDraft = async <K extends EditableKind>(
  db: Database,
  actor: Actor,
  kind: K,
  typed: ContentData[K],
): Promise<Result<{ id: number }>> => {
  const addressed = await withAddress(db, kind, typed)
  if (!addressed.ok) return addressed
  const { data } = addressed
  if (await addressTaken(db, kind, addressOf(kind, data), null)) {
    return addressTakenError(kind, data)
  }
  const noParent = await missingParent(db, data)
  if (noParent) return noParent
  const [insertRow, insertRevision] = createDraftQueries(db, kind, data, actor.id)
  try {
    const [rows] = await db.batch([
      insertRow,
      insertRevision,
      // After the revision's insert, last_insert_rowid() is the revision: it names the item.
      auditQuery(db, {
        actorId: actor.id,
        action: `${kind}.create`,
        target: sql`${`${kind}:`} || (select content_id from revisions
          where id = last_insert_rowid())`,
      }),
    ])
    const id = rows[0]?.id
    if (id === undefined) throw new Error(`${kind}: the insert returned no id`)
    return { ok: true, id }
  } catch (err) {
    if (isUniqueViolation(err)) return addressTakenError(kind, data)
    throw err
  }
}

/**
 * The data to store for an edit of an existing item: its address made from the title when left
 * empty, checked to be free, with a parent page that exists and is not the item or under it.
 * A form error otherwise.
 */
const checkedEdit = async <K extends EditableKind>(
  db: Database,
  kind: K,
  id: number,
  typed: ContentData[K],
): Promise<Result<{ data: ContentData[K] }>> => {
  const addressed = await withAddress(db, kind, typed)
  if (!addressed.ok) return addressed
  const { data } = addressed
  if (await addressTaken(db, kind, addressOf(kind, data), id)) return addressTakenError(kind, data)
  // Read just before the batch that writes the parent: D1 has no interactive transactions.
  return (await missingParent(db, data)) ?? (await parentLoop(db, kind, id, data)) ?? addressed
}

/**
 * The public change note a revision may carry: only for kinds that show them, and only once
 * the item has been published (a first publish needs none).
 */
const noteFor = (kind: EditableKind, item: { status: string }, changeNote: string | null) =>
  CONTENT_KINDS[kind].changeNotes && item.status !== 'draft' && changeNote ? changeNote : null

/**
 * The instant a news article shows as published: UK midnight at the start of its publication
 * date, when one is set (an article imported from before); otherwise null (first publish time).
 */
const publicationInstant = (data: object): Date | null => {
  const date = 'publicationDate' in data ? data.publicationDate : null
  if (typeof date !== 'string') return null
  const [year, month, day] = date.split('-').map(Number)
  if (year === undefined || month === undefined || day === undefined) return null
  const at = ukInstant({ year, month, day, hour: 0, minute: 0 })
  return at.ok ? at.at : null
}

/**
 * Saves the editor's data as the item's newest revision; a published item stays as it is.
 * `changeNote` is the public note to show once this version is published (a major change).
 */
export const saveDraft = async <K extends EditableKind>(
  db: Database,
  actor: Actor,
  kind: K,
  id: number,
  typed: ContentData[K],
  now = new Date(),
  changeNote: string | null = null,
): Promise<Result> => {
  const item = await contentItem(db, kind, id)
  if (!item) return NOT_FOUND
  const checked = await checkedEdit(db, kind, id, typed)
  if (!checked.ok) return checked
  const { data } = checked
  return commit(
    () =>
      db.batch([
        insertRevisionQuery(db, {
          kind,
          contentId: id,
          data,
          authorId: actor.id,
          note: 'Saved',
          changeNote: noteFor(kind, item, changeNote),
        }),
        updateDraftRowQuery(db, kind, id, data, now),
        auditQuery(db, { actorId: actor.id, action: `${kind}.save`, target: target(kind, id) }),
      ]),
    { ok: true },
    addressTakenError(kind, data),
  )
}

/**
 * The editor's Publish button: saves the data as the newest revision and makes it live, in one
 * batch. When the second pair of eyes rule stops the publisher (the version holds their own
 * change), the data is still saved, as a draft for another publisher: nothing typed is lost,
 * and `published` is false with the reason in `held`.
 */
export const saveAndPublish = async <K extends EditableKind>(
  db: Database,
  actor: Actor,
  kind: K,
  id: number,
  typed: ContentData[K],
  now = new Date(),
  changeNote: string | null = null,
): Promise<Result<{ published: boolean; held?: string }>> => {
  const loaded = await editableItem(db, kind, id)
  if (!loaded) return NOT_FOUND
  const refusal = await publishRefusal(db, actor, kind, loaded.item, true)
  if (refusal && refusal.reason !== 'refused') return refusal
  const checked = await checkedEdit(db, kind, id, typed)
  if (!checked.ok) return checked
  const { data } = checked
  const note = noteFor(kind, loaded.item, changeNote)
  const live = !refusal
  return commit(
    () =>
      db.batch([
        auditQuery(db, { actorId: actor.id, action: `${kind}.save`, target: target(kind, id) }),
        ...reviseQueries(db, actor, kind, loaded, data, {
          note: live ? 'Saved and published' : 'Saved',
          changeNote: note,
          live,
          now,
        }),
        ...(refusal
          ? [
              auditQuery(db, {
                actorId: actor.id,
                action: 'refused',
                target: target(kind, id),
                detail: 'second pair of eyes',
              }),
            ]
          : []),
      ]),
    refusal
      ? { ok: true, published: false, held: refusal.message }
      : { ok: true, published: true, changedAt: now },
    addressTakenError(kind, data),
  )
}

/** Audits a refused publish, as every refusal of a staff action is. */
const auditRefusal = (db: Database, actor: Actor, kind: EditableKind, id: number) =>
  auditQuery(db, {
    actorId: actor.id,
    action: 'refused',
    target: target(kind, id),
    detail: 'second pair of eyes',
  }).run()

/** Makes the item's newest revision (or, with none, its row as it is) live. */
export const publish = async <K extends EditableKind>(
  db: Database,
  actor: Actor,
  kind: K,
  id: number,
  now = new Date(),
): Promise<Result> => {
  const loaded = await editableItem(db, kind, id)
  if (!loaded) return NOT_FOUND
  const refusal = await publishRefusal(db, actor, kind, loaded.item)
  if (refusal) {
    if (refusal.reason === 'refused') await auditRefusal(db, actor, kind, id)
    return refusal
  }
  const { latest, item } = loaded
  const revision = latest ? { id: latest.id } : null
  // A version already live once (republished after an unpublish) has had its note added.
  const changeNote =
    latest && latest.id !== item.publishedRevisionId ? noteFor(kind, item, latest.changeNote) : null
  const extras = { changeNote, publishedAt: publicationInstant(loaded.draft) }
  // The draft's parent was checked when it was saved, but the tree may have changed since:
  // the database refuses a parent under the page (migration 0012), and commit() gives the
  // Parent field's error, with nothing written.
  return commit(
    () =>
      db.batch([
        ...publishQueries(db, kind, item, loaded.draft, revision, now, extras),
        auditQuery(db, {
          actorId: actor.id,
          action: `${kind}.publish`,
          target: target(kind, id),
          detail: revision ? `revision ${revision.id}` : '',
        }),
      ]),
    { ok: true, changedAt: now },
    addressConflict(kind),
  )
}

/** Takes the item off the site: its address answers 410 Gone. */
export const unpublish = async (
  db: Database,
  actor: Actor,
  kind: EditableKind,
  id: number,
  now = new Date(),
): Promise<Result> => {
  if (!can(actor.role, 'content:publish')) {
    return { ok: false, reason: 'forbidden', message: 'Your role does not allow this.' }
  }
  if (!(await contentItem(db, kind, id))) return NOT_FOUND
  await db.batch([
    ...unpublishQueries(db, kind, id, now),
    auditQuery(db, { actorId: actor.id, action: `${kind}.unpublish`, target: target(kind, id) }),
  ])
  return { ok: true, changedAt: now }
}

/**
 * Queries that add `data` as the newest revision by `actor` and, when `live`, publish it in
 * the same batch, so the item is never left restored but unpublished by a failure between.
 * The revision keeps `changeNote`, which its publish adds to the item's public notes.
 */
const reviseQueries = <K extends EditableKind>(
  db: Database,
  actor: Actor,
  kind: K,
  loaded: EditableItem<K>,
  data: ContentData[K],
  revision: { note: string; changeNote?: string | null; live: boolean; now: Date },
) => {
  const { note, live, now } = revision
  const changeNote = revision.changeNote ?? null
  const id = loaded.item.id
  const revise = [
    insertRevisionQuery(db, { kind, contentId: id, data, authorId: actor.id, note, changeNote }),
    updateDraftRowQuery(db, kind, id, data, now),
  ] as const
  if (!live) return revise
  const extras: PublishExtras = { changeNote, publishedAt: publicationInstant(data) }
  return [
    ...revise,
    ...publishQueries(db, kind, loaded.item, data, 'newest', now, extras),
    auditQuery(db, {
      actorId: actor.id,
      action: `${kind}.publish`,
      target: target(kind, id),
      detail: note,
    }),
  ] as const
}

/**
 * Makes an old revision the newest again. A publisher's restore goes live at once, unless the
 * second pair of eyes rule stops it; then it waits, as a draft, for another publisher.
 */
export const restore = async <K extends EditableKind>(
  db: Database,
  actor: Actor,
  kind: K,
  id: number,
  revisionId: number,
  now = new Date(),
): Promise<Result<{ published: boolean }>> => {
  const [loaded, old] = await Promise.all([
    editableItem(db, kind, id),
    revisionOf(db, kind, id, revisionId),
  ])
  if (!loaded || !old) return NOT_FOUND
  const live = !(await publishRefusal(db, actor, kind, loaded.item, true))
  // The revision was stored from this kind's schema.
  const data = old.data as ContentData[K]
  // The old revision's parent may be under the page now. A separate read just before the
  // batch, which writes the parent to a draft's row or makes it live: D1 has no interactive
  // transactions.
  const loop = await parentLoop(db, kind, id, data)
  if (loop) return loop
  const note = `Restored revision ${old.id}`
  // A version that was never live (newer than the live one) brings its change note with it;
  // an older one was live, or replaced, and its note, if any, was already shown.
  const neverLive = old.id > (loaded.item.publishedRevisionId ?? 0)
  const changeNote = neverLive ? noteFor(kind, loaded.item, old.changeNote) : null
  return commit(
    () =>
      db.batch([
        ...reviseQueries(db, actor, kind, loaded, data, { note, changeNote, live, now }),
        auditQuery(db, {
          actorId: actor.id,
          action: `${kind}.restore`,
          target: target(kind, id),
          detail: `revision ${old.id}`,
        }),
      ]),
    live ? { ok: true, published: true, changedAt: now } : { ok: true, published: false },
    addressConflict(kind),
  )
}

/**
 * Closes a vacancy today: its closing date becomes yesterday, as a new revision that is
 * published at once, so it leaves the lists and takes no more applications.
 */
export const closeVacancy = async (
  db: Database,
  actor: Actor,
  id: number,
  now = new Date(),
): Promise<Result> => {
  const loaded = await editableItem(db, 'vacancy', id)
  if (!loaded) return NOT_FOUND
  const refusal = await publishRefusal(db, actor, 'vacancy', loaded.item, true)
  if (refusal) {
    if (refusal.reason === 'refused') await auditRefusal(db, actor, 'vacancy', id)
    return refusal
  }
  if (loaded.draft.closingDate < ukToday(now)) {
    return { ok: false, reason: 'conflict', message: 'This vacancy has already closed.' }
  }
  const data = { ...loaded.draft, closingDate: ukToday(new Date(now.getTime() - 86_400_000)) }
  return commit(
    () =>
      db.batch([
        ...reviseQueries(db, actor, 'vacancy', loaded, data, { note: 'Closed', live: true, now }),
        auditQuery(db, {
          actorId: actor.id,
          action: 'vacancy.close',
          target: target('vacancy', id),
        }),
      ]),
    { ok: true, changedAt: now },
    addressConflict('vacancy'),
  )
}
