// Publishing and unpublishing at a time set in advance. Scheduling checks the same rules as
// publishing now; when the time comes, the Cron Trigger (applyDueChanges) checks them again
// and makes the change through the very functions a person uses, as the person who set it.
import { auditQuery } from '../db/audit.ts'
import type { Database } from '../db/client.ts'
import { type EditableKind, contentItem, latestRevisionOf } from '../db/content.ts'
import {
  cancelScheduledQuery,
  claimScheduled,
  dueChanges,
  failScheduled,
  insertScheduledQuery,
  replacePendingQuery,
  scheduledChangeOf,
} from '../db/schedule.ts'
import { staffById } from '../db/staff.ts'
import { can } from '../auth/permissions.ts'
import { logError } from '../lib/log.ts'
import { NOTHING_TO_SCHEDULE, type ScheduleTimes } from '../forms/schedule.ts'
import { publish, publishRefusal, unpublish } from './content.ts'
import { type Actor, NOT_FOUND, type Refusal, type Result } from './result.ts'

const FORBIDDEN: Refusal = {
  ok: false,
  reason: 'forbidden',
  message: 'Your role does not allow this.',
}

/** The failure when the item was saved again after its publish was scheduled. */
export const CHANGED_SINCE_SCHEDULED = 'Changed since it was scheduled: schedule it again'

/** The audit target of an item. */
const target = (kind: EditableKind, id: number) => `${kind}:${id}`

/**
 * Sets a time to publish the item, to unpublish it, or both. A publish goes live with the item's
 * newest revision now, and only if nobody saves it again before then; a new time for an action
 * replaces one already set. Only publishers schedule, and a publish must pass the rules of
 * publishing now (the second pair of eyes), as it must again when it is due.
 */
export const schedule = async (
  db: Database,
  actor: Actor,
  kind: EditableKind,
  id: number,
  times: ScheduleTimes,
  now = new Date(),
): Promise<Result> => {
  if (!can(actor.role, 'content:publish')) return FORBIDDEN
  const item = await contentItem(db, kind, id)
  if (!item) return NOT_FOUND
  const { publishAt, unpublishAt } = times
  const past = [publishAt, unpublishAt].some((at) => at && at.getTime() <= now.getTime())
  if ((!publishAt && !unpublishAt) || past) {
    const message = past ? 'The date and time must be in the future' : NOTHING_TO_SCHEDULE
    return { ok: false, reason: 'invalid', errors: [{ field: 'publishAt-day', message }] }
  }
  if (publishAt && unpublishAt && unpublishAt <= publishAt) {
    const message = 'Unpublish date and time must be after the publish date and time'
    return { ok: false, reason: 'invalid', errors: [{ field: 'unpublishAt-day', message }] }
  }
  let revisionId: number | null = null
  if (publishAt) {
    const refusal = await publishRefusal(db, actor, kind, item)
    if (refusal) {
      if (refusal.reason === 'refused') {
        await auditQuery(db, {
          actorId: actor.id,
          action: 'refused',
          target: target(kind, id),
          detail: 'second pair of eyes (schedule)',
        }).run()
      }
      return refusal
    }
    revisionId = (await latestRevisionOf(db, kind, id))?.id ?? null
  }
  const base = { kind, contentId: id, createdBy: actor.id }
  const detail = [
    publishAt && `publish at ${publishAt.toISOString()} (revision ${revisionId ?? 'none'})`,
    unpublishAt && `unpublish at ${unpublishAt.toISOString()}`,
  ]
  await db.batch([
    auditQuery(db, {
      actorId: actor.id,
      action: `${kind}.schedule`,
      target: target(kind, id),
      detail: detail.filter(Boolean).join('; '),
    }),
    ...(publishAt
      ? [
          replacePendingQuery(db, kind, id, 'publish', actor.id, now),
          insertScheduledQuery(db, { ...base, action: 'publish', at: publishAt, revisionId }),
        ]
      : []),
    ...(unpublishAt
      ? [
          replacePendingQuery(db, kind, id, 'unpublish', actor.id, now),
          insertScheduledQuery(db, {
            ...base,
            action: 'unpublish',
            at: unpublishAt,
            revisionId: null,
          }),
        ]
      : []),
  ])
  return { ok: true }
}

/** Cancels a pending scheduled change of the item. */
export const cancelScheduled = async (
  db: Database,
  actor: Actor,
  kind: EditableKind,
  id: number,
  scheduleId: number,
  now = new Date(),
): Promise<Result> => {
  if (!can(actor.role, 'content:publish')) return FORBIDDEN
  const change = await scheduledChangeOf(db, kind, id, scheduleId)
  if (!change) return NOT_FOUND
  if (change.status !== 'pending') {
    return { ok: false, reason: 'conflict', message: 'This change is no longer scheduled.' }
  }
  // The update still checks it is pending: a change the Cron Trigger took in between stays done.
  await db.batch([
    cancelScheduledQuery(db, scheduleId, actor.id, now),
    auditQuery(db, {
      actorId: actor.id,
      action: `${kind}.schedule.cancel`,
      target: target(kind, id),
      detail: `${change.action} at ${change.at.toISOString()}`,
    }),
  ])
  return { ok: true }
}

/** What one run of applyDueChanges did. */
export type AppliedSummary = { due: number; applied: number; failed: number; skipped: number }

/** The most changes one run applies: the next run, a minute later, takes the rest. */
const APPLY_LIMIT = 50

/** Why a member can no longer have changes applied in their name, if they cannot. */
const schedulerRefusal = async (db: Database, staffId: number) => {
  const member = await staffById(db, staffId)
  if (!member) return 'The person who scheduled it no longer has a staff account'
  if (!member.active) return `${member.name}, who scheduled it, no longer has an active account`
  if (!can(member.role, 'content:publish')) {
    return `${member.name}, who scheduled it, is no longer a publisher`
  }
  return { id: member.id, role: member.role } satisfies Actor
}

/**
 * Applies the scheduled changes due by `now`, oldest first. Each is claimed before anything else,
 * so overlapping runs never apply one twice. It is applied as the member who set it, if they may
 * still publish, through publish() or unpublish(): the revision, audit entry and content version
 * are exactly as if they had pressed the button. A publish whose item was saved again since is
 * not applied. A change that cannot be made is marked failed with the reason.
 */
export const applyDueChanges = async (db: Database, now: Date): Promise<AppliedSummary> => {
  const due = await dueChanges(db, now, APPLY_LIMIT)
  const summary: AppliedSummary = { due: due.length, applied: 0, failed: 0, skipped: 0 }
  for (const change of due) {
    if (!(await claimScheduled(db, change.id, now))) {
      summary.skipped += 1
      continue
    }
    const failure = await applyClaimed(db, change, now).catch((err: unknown) => {
      // Logged for whoever looks into it; staff see that it was not made, and set it again.
      logError('scheduled-change-failed', undefined, err, { scheduleId: change.id })
      return 'It could not be applied because of a fault: schedule it again'
    })
    if (failure) {
      await failScheduled(db, change.id, failure, now)
      summary.failed += 1
    } else {
      summary.applied += 1
    }
  }
  return summary
}

/** Applies one claimed change; the reason it failed, or undefined when it was made. */
const applyClaimed = async (
  db: Database,
  change: Awaited<ReturnType<typeof dueChanges>>[number],
  now: Date,
): Promise<string | undefined> => {
  const actor = await schedulerRefusal(db, change.createdBy)
  if (typeof actor === 'string') return actor
  const { kind, contentId } = change
  if (change.action === 'publish') {
    const latest = await latestRevisionOf(db, kind, contentId)
    if ((latest?.id ?? null) !== change.revisionId) return CHANGED_SINCE_SCHEDULED
  }
  const result =
    change.action === 'publish'
      ? await publish(db, actor, kind, contentId, now)
      : await unpublish(db, actor, kind, contentId, now)
  if (result.ok) return undefined
  if (result.reason === 'not-found') return 'It no longer exists'
  if (result.reason === 'invalid') return result.errors.map((e) => e.message).join('. ')
  return result.message
}
