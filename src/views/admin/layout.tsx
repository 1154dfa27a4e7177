import type { Child } from 'hono/jsx'
import { html, raw } from 'hono/html'
import type { StaffMember } from '../../db/staff.ts'
import { adminStylesheetHref } from '../../generated/assets.ts'
import { type Permission, can } from '../../auth/permissions.ts'
import type { Link } from '../../lib/site-tree.ts'
import { SiteHeader } from '../components/site-header.tsx'
import { Breadcrumbs } from '../components/breadcrumbs.tsx'
import { ServiceNavigation } from '../components/service-navigation.tsx'

/** Who is signed in and where, for the navigation and every form's CSRF token. */
export type AdminContext = { staff: StaffMember; csrfToken: string; path: string }

/** Props of the staff area's page template. */
export type AdminLayoutProps = {
  title: string
  /** Signed in: navigation and sign-out. Absent on the sign-in pages. */
  admin?: AdminContext
  breadcrumbs?: Link[]
  children: Child
}

const sections: { href: string; text: string; needs: Permission }[] = [
  { href: '/admin/pages', text: 'Pages', needs: 'content:edit' },
  { href: '/admin/news', text: 'News', needs: 'content:edit' },
  { href: '/admin/vacancies', text: 'Vacancies', needs: 'content:edit' },
  { href: '/admin/attachments', text: 'Attachments', needs: 'content:edit' },
  { href: '/admin/settings', text: 'Site settings', needs: 'content:edit' },
  { href: '/admin/submissions', text: 'Submissions', needs: 'submissions:read' },
  { href: '/admin/audit', text: 'Audit log', needs: 'audit:read' },
  { href: '/admin/staff', text: 'Staff', needs: 'staff:manage' },
]

/** A hidden field with the session's CSRF token; every admin form includes it. */
export const CsrfField = ({ token }: { token: string }) => (
  <input type="hidden" name="csrf" value={token} />
)

/** The staff area's page template: never indexed, its own header and navigation. */
export const AdminLayout = ({ title, admin, breadcrumbs, children }: AdminLayoutProps) => (
  <>
    {raw('<!DOCTYPE html>')}
    <html lang="en-GB" class="govuk-template">
      {/* Markup, not JSX, as in the public layout (views/layout.tsx says why). */}
      <head>
        {html`<meta charset="utf-8">`}
        {html`<title>${title} – SOCA staff</title>`}
        {html`<meta name="viewport" content="width=device-width, initial-scale=1">`}
        {html`<meta name="robots" content="noindex, nofollow">`}
        {html`<link rel="stylesheet" href="${adminStylesheetHref}">`}
        {html`<link rel="icon" href="/favicon.svg" type="image/svg+xml">`}
      </head>
      <body class="govuk-template__body">
        <SiteHeader home="/admin" name="SOCA staff area" />
        {admin && (
          <ServiceNavigation
            label="Staff menu"
            links={sections
              .filter((s) => can(admin.staff.role, s.needs))
              .map(({ href, text }) => ({ href, text }))}
            path={admin.path}
            end={
              <form class="soca-sign-out" method="post" action="/admin/sign-out">
                <CsrfField token={admin.csrfToken} />
                <button type="submit" class="govuk-service-navigation__link">
                  Sign out ({admin.staff.name})
                </button>
              </form>
            }
          />
        )}
        <div class="govuk-width-container">
          {breadcrumbs && <Breadcrumbs links={breadcrumbs} />}
          <main class="govuk-main-wrapper" id="main-content">
            {children}
          </main>
        </div>
      </body>
    </html>
  </>
)
