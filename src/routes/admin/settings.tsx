import { Hono } from 'hono/tiny'
import { settingValue } from '../../db/admin-settings.ts'
import { SETTING } from '../../db/settings.ts'
import type { StaffEnv } from '../../env.ts'
import { siteNoticeForm } from '../../forms/settings.ts'
import { can } from '../../auth/permissions.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { setSiteNotice } from '../../publishing/settings.ts'
import { SettingsPage } from '../../views/admin/settings-page.tsx'
import { actorOf, adminContext, changed, refusalException } from './context.ts'

/** The site notice. Saving publishes it at once, so it needs a publisher. */
export const settingsRoutes = new Hono<StaffEnv>()
settingsRoutes.use('*', requirePermission('content:edit'))

settingsRoutes.get('/', async (c) =>
  c.html(
    <SettingsPage
      admin={adminContext(c)}
      notice={await settingValue(c.var.db, SETTING.siteNotice)}
      canPublish={can(c.var.staff.role, 'content:publish')}
      done={
        c.req.query('done') === 'saved' ? 'Site notice saved. It is on every page now.' : undefined
      }
    />,
  ),
)

settingsRoutes.post('/', requirePermission('content:publish'), async (c) => {
  const form = await readAdminForm(c, siteNoticeForm)
  if (!form.ok) {
    const notice = (form.values.siteNotice ?? '').trim()
    const page = (
      <SettingsPage admin={adminContext(c)} notice={notice} canPublish errors={form.errors} />
    )
    return c.html(page, 400)
  }
  const result = await setSiteNotice(c.var.db, actorOf(c), form.data.siteNotice)
  if (!result.ok) throw refusalException(result)
  return changed(c, result, '/admin/settings?done=saved')
})
