import { Hono } from 'hono/tiny'
import { unpublishedChangesCount } from '../../db/drafts.ts'
import { newSubmissionCount } from '../../db/inbox.ts'
import { scheduleOverview } from '../../db/schedule.ts'
import type { AppEnv, StaffEnv } from '../../env.ts'
import { adminHeaders, loadSession, requireCsrfToken, requireStage } from '../../middleware/auth.ts'
import { DashboardPage } from '../../views/admin/dashboard-page.tsx'
import { account } from './account.tsx'
import { attachmentRoutes, attachmentUpload } from './attachments.tsx'
import { alertRoutes } from './alerts.tsx'
import { auditLogRoutes } from './audit.tsx'
import { adminContext } from './context.ts'
import { feedbackCounts } from './feedback.tsx'
import { inbox } from './inbox.tsx'
import { newsAdmin, pagesAdmin, vacanciesAdmin } from './kinds.tsx'
import { pageTreeRoutes } from './page-tree.tsx'
import { scheduleRoutes } from './schedule.tsx'
import { settingsRoutes } from './settings.tsx'
import { shareRoutes } from './share.tsx'
import { signIn } from './sign-in.tsx'
import { staffRoutes } from './staff.tsx'

/** The staff area, mounted at /admin: sign-in, then everything else behind it. */
export const admin = new Hono<AppEnv>()

admin.use('*', adminHeaders())
admin.use('*', loadSession())
admin.route('/', signIn)
// Before the CSRF middleware below, which reads the whole body: the upload streams its file,
// and checks the token itself (routes/admin/attachments.tsx).
admin.route('/attachments', attachmentUpload)

// Everything below needs a signed-in session, and every POST its CSRF token.
const signedIn = new Hono<StaffEnv>()
signedIn.use('*', requireStage('active'))
signedIn.use('*', requireCsrfToken())

signedIn.get('/', async (c) => {
  const db = c.var.db
  const [newSubmissions, scheduled, drafts] = await Promise.all([
    newSubmissionCount(db),
    scheduleOverview(db, new Date()),
    unpublishedChangesCount(db),
  ])
  return c.html(
    <DashboardPage
      admin={adminContext(c)}
      newSubmissions={newSubmissions}
      drafts={drafts}
      scheduled={scheduled}
    />,
  )
})
signedIn.route('/pages', pageTreeRoutes)
signedIn.route('/pages', shareRoutes('page'))
signedIn.route('/news', shareRoutes('news'))
signedIn.route('/vacancies', shareRoutes('vacancy'))
signedIn.route('/pages', scheduleRoutes('page'))
signedIn.route('/news', scheduleRoutes('news'))
signedIn.route('/vacancies', scheduleRoutes('vacancy'))
signedIn.route('/pages', pagesAdmin)
signedIn.route('/news', newsAdmin)
signedIn.route('/vacancies', vacanciesAdmin)
signedIn.route('/account', account)
signedIn.route('/settings', settingsRoutes)
signedIn.route('/alerts', alertRoutes)
signedIn.route('/submissions', inbox)
signedIn.route('/feedback', feedbackCounts)
signedIn.route('/audit', auditLogRoutes)
signedIn.route('/staff', staffRoutes)
signedIn.route('/attachments', attachmentRoutes)

admin.route('/', signedIn)
