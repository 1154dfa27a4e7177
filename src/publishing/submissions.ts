// What staff do with a submission in the inbox: move it on (new, in progress, handled) and say
// who is dealing with it. Each change is one D1 batch with its audit entry; visitors see none of
// it, so the content version stays as it is.
import { auditQuery } from '../db/audit.ts'
import type { Database } from '../db/client.ts'
import { assignSubmissionQuery, inboxItem, setSubmissionStatusQuery } from '../db/inbox.ts'
import { staffById } from '../db/staff.ts'
import type { STAFF_STATUSES } from '../forms/submission.ts'
import { can } from '../auth/permissions.ts'
import { type Actor, NOT_FOUND, type Refusal, type Result } from './result.ts'

/** A status staff can give a submission. */
export type StaffStatus = (typeof STAFF_STATUSES)[number]['value']

const FORBIDDEN: Refusal = {
  ok: false,
  reason: 'forbidden',
  message: 'Your role does not allow this.',
}

/** The audit target of a submission. */
const target = (id: number) => `submission:${id}`

/** Gives a submission a new status; giving it the status it has changes nothing. */
export const setSubmissionStatus = async (
  db: Database,
  actor: Actor,
  input: { id: number; status: StaffStatus },
): Promise<Result> => {
  if (!can(actor.role, 'submissions:read')) return FORBIDDEN
  const item = await inboxItem(db, input.id)
  if (!item) return NOT_FOUND
  if (item.status === input.status) return { ok: true }
  await db.batch([
    setSubmissionStatusQuery(db, input.id, input.status),
    auditQuery(db, {
      actorId: actor.id,
      action: `submission.mark-${input.status.replace('_', '-')}`,
      target: target(input.id),
      detail: `${item.reference}, was ${item.status}`,
    }),
  ])
  return { ok: true }
}

/**
 * Assigns a submission to an active member of staff, or to nobody (null); assigning it to whoever
 * has it changes nothing.
 */
export const assignSubmission = async (
  db: Database,
  actor: Actor,
  input: { id: number; assignee: number | null },
): Promise<Result> => {
  if (!can(actor.role, 'submissions:read')) return FORBIDDEN
  const [item, member] = await Promise.all([
    inboxItem(db, input.id),
    input.assignee === null ? undefined : staffById(db, input.assignee),
  ])
  if (!item) return NOT_FOUND
  if (input.assignee !== null && !member?.active) {
    return {
      ok: false,
      reason: 'invalid',
      errors: [{ field: 'assignee', message: 'Select someone who can sign in, or nobody' }],
    }
  }
  if (item.assignedTo === input.assignee) return { ok: true }
  await db.batch([
    assignSubmissionQuery(db, input.id, input.assignee),
    auditQuery(db, {
      actorId: actor.id,
      action: 'submission.assign',
      target: target(input.id),
      detail: `${item.reference} to ${member ? member.name : 'nobody'}`,
    }),
  ])
  return { ok: true }
}
