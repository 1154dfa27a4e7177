import { Hono } from 'hono/tiny'
import { setSettingQuery, settingValue } from '../../db/admin-settings.ts'
import { auditQuery } from '../../db/audit.ts'
import { insertRevisionQuery } from '../../db/content.ts'
import { SETTING, bumpContentVersionQuery } from '../../db/settings.ts'
import type { StaffEnv } from '../../env.ts'
import { isReadable } from '../../forms/fields.ts'
import { can } from '../../auth/permissions.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { SettingsPage } from '../../views/admin/settings-page.tsx'
import { adminContext, announceContentVersion } from './context.ts'

/** The site notice. Saving publishes it at once, so it needs a publisher. */
export const settingsRoutes = new Hono<StaffEnv>()
settingsRoutes.use('*', requirePermission('content:edit'))

settingsRoutes.get('/', async (c) =>
  c.html(
    <SettingsPage
      admin={adminContext(c)}
      notice={await settingValue(c.var.db, SETTING.siteNotice)}
      canPublish={can(c.var.staff!.role, 'content:publish')}
      done={c.req.query('done') === 'saved' ? 'Site notice saved. It is on every page now.' : undefined}
    />,
  ),
)

settingsRoutes.post('/', requirePermission('content:publish'), async (c) => {
  const notice = String((await c.req.parseBody()).siteNotice ?? '').trim()
  if (notice.length > 500 || !isReadable(notice)) {
    const message = notice.length > 500 ? 'Site notice must be 500 characters or less' : 'Site notice must not include control characters'
    return c.html(<SettingsPage admin={adminContext(c)} notice={notice} canPublish errors={[{ field: 'siteNotice', message }]} />, 400)
  }
  const db = c.var.db
  const member = c.var.staff!
  const now = new Date()
  await db.batch([
    bumpContentVersionQuery(db, now),
    setSettingQuery(db, SETTING.siteNotice, notice, now),
    // Settings keep revisions too, under content id 0.
    insertRevisionQuery(db, { kind: 'setting', contentId: 0, data: { siteNotice: notice }, authorId: member.id, note: 'Site notice' }),
    auditQuery(db, { actorId: member.id, action: 'settings.site-notice', detail: notice }),
  ])
  announceContentVersion(c, now)
  return c.redirect('/admin/settings?done=saved', 303)
})
