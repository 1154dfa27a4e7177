// Site-wide settings staff change. Saving one publishes it at once.
import { setSettingQuery } from '../db/admin-settings.ts'
import { ALERT_SETTING } from '../db/alerts.ts'
import { auditQuery } from '../db/audit.ts'
import type { Database } from '../db/client.ts'
import { insertRevisionQuery } from '../db/content.ts'
import type { SubmissionKind } from '../db/schema.ts'
import { SETTING, bumpContentVersionQuery } from '../db/settings.ts'
import { can } from '../auth/permissions.ts'
import type { Actor, Result } from './result.ts'

/**
 * Changes the notice at the top of every page, live at once. Settings keep revisions too,
 * under content id 0, so its history is in the same place as everything else's.
 */
export const setSiteNotice = async (
  db: Database,
  actor: Actor,
  notice: string,
  now = new Date(),
): Promise<Result> => {
  if (!can(actor.role, 'content:publish')) {
    return { ok: false, reason: 'forbidden', message: 'Your role does not allow this.' }
  }
  await db.batch([
    bumpContentVersionQuery(db, now),
    setSettingQuery(db, SETTING.siteNotice, notice, now),
    insertRevisionQuery(db, {
      kind: 'setting',
      contentId: 0,
      data: { siteNotice: notice },
      authorId: actor.id,
      note: 'Site notice',
    }),
    auditQuery(db, { actorId: actor.id, action: 'settings.site-notice', detail: notice }),
  ])
  return { ok: true, changedAt: now }
}

/**
 * Sets the address told of each kind of new submission ('' for no one), for admins. Visitors
 * never see it, so no content version moves on; it keeps no revision either, as the audit
 * entries (each with the addresses set) are its history. Alerts already waiting keep theirs.
 */
export const setAlertAddresses = async (
  db: Database,
  actor: Actor,
  addresses: Record<SubmissionKind, string>,
  now = new Date(),
): Promise<Result> => {
  if (!can(actor.role, 'staff:manage')) {
    return { ok: false, reason: 'forbidden', message: 'Only admins can change email alerts.' }
  }
  const { enquiry, application, feedback } = addresses
  await db.batch([
    setSettingQuery(db, ALERT_SETTING.enquiry, enquiry, now),
    setSettingQuery(db, ALERT_SETTING.application, application, now),
    setSettingQuery(db, ALERT_SETTING.feedback, feedback, now),
    auditQuery(db, {
      actorId: actor.id,
      action: 'settings.alert-emails',
      detail: `enquiry: ${enquiry || 'none'}; application: ${application || 'none'}; feedback: ${feedback || 'none'}`,
    }),
  ])
  return { ok: true }
}
