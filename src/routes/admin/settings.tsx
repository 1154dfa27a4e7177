import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { settingValue } from '../../db/admin-settings.ts'
import { alertAddresses } from '../../db/alerts.ts'
import type { SubmissionKind } from '../../db/schema.ts'
import { SETTING } from '../../db/settings.ts'
import type { StaffEnv } from '../../env.ts'
import { ALERT_FIELDS, alertAddressesForm, siteNoticeForm } from '../../forms/settings.ts'
import { can } from '../../auth/permissions.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { doneNotice } from '../../http/params.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { setAlertAddresses, setSiteNotice } from '../../publishing/settings.ts'
import { SettingsPage, type SettingsPageProps } from '../../views/admin/settings-page.tsx'
import { actorOf, adminContext, changed, refusalException } from './context.ts'

/**
 * The site notice (saving publishes it at once, so it needs a publisher) and who is emailed
 * about new submissions (admins).
 */
export const settingsRoutes = new Hono<StaffEnv>()
settingsRoutes.use('*', requirePermission('content:edit'))

/** The success notices the settings page shows after a redirect (`?done=`). */
const DONE = {
  saved: 'Site notice saved. It is on every page now.',
  alerts: 'Email alerts saved. They apply to submissions from now on.',
}

/** The settings page as stored, or with a form as the member typed it and its errors. */
const renderSettings = async (
  c: Context<StaffEnv>,
  typed: Partial<Pick<SettingsPageProps, 'notice' | 'alerts' | 'errors'>> = {},
) => {
  const role = c.var.staff.role
  const [notice, alerts] = await Promise.all([
    typed.notice ?? settingValue(c.var.db, SETTING.siteNotice),
    typed.alerts ?? alertAddresses(c.var.db),
  ])
  return c.html(
    <SettingsPage
      admin={adminContext(c)}
      notice={notice}
      alerts={alerts}
      canPublish={can(role, 'content:publish')}
      canSetAlerts={can(role, 'staff:manage')}
      errors={typed.errors}
      done={doneNotice(c, DONE)}
    />,
    typed.errors ? 400 : 200,
  )
}

settingsRoutes.get('/', (c) => renderSettings(c))

settingsRoutes.post('/', requirePermission('content:publish'), async (c) => {
  const form = await readAdminForm(c, siteNoticeForm)
  if (!form.ok) {
    return renderSettings(c, { notice: (form.values.siteNotice ?? '').trim(), errors: form.errors })
  }
  const result = await setSiteNotice(c.var.db, actorOf(c), form.data.siteNotice)
  if (!result.ok) throw refusalException(result)
  return changed(c, result, '/admin/settings?done=saved')
})

// Who is emailed about each kind of new submission: admins only, like the other settings of how
// the staff area works (the second pair of eyes).
settingsRoutes.post('/alerts', requirePermission('staff:manage'), async (c) => {
  const form = await readAdminForm(c, alertAddressesForm)
  if (!form.ok) {
    const typed = (kind: SubmissionKind) => (form.values[ALERT_FIELDS[kind]] ?? '').trim()
    const alerts = {
      enquiry: typed('enquiry'),
      application: typed('application'),
      feedback: typed('feedback'),
    }
    return renderSettings(c, { alerts, errors: form.errors })
  }
  const result = await setAlertAddresses(c.var.db, actorOf(c), {
    enquiry: form.data.alertEnquiry,
    application: form.data.alertApplication,
    feedback: form.data.alertFeedback,
  })
  if (!result.ok) throw refusalException(result)
  return changed(c, result, '/admin/settings?done=alerts')
})
