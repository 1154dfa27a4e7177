import type { Permission } from '../../auth/permissions.ts'
import { can } from '../../auth/permissions.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

const CARDS: { href: string; title: string; text: string; needs: Permission }[] = [
  {
    href: '/admin/pages',
    title: 'Pages',
    text: 'Every page of the site, as a tree.',
    needs: 'content:edit',
  },
  {
    href: '/admin/news',
    title: 'News',
    text: 'News articles and the feed.',
    needs: 'content:edit',
  },
  {
    href: '/admin/vacancies',
    title: 'Vacancies',
    text: 'Jobs on the careers page.',
    needs: 'content:edit',
  },
  {
    href: '/admin/settings',
    title: 'Site settings',
    text: 'The site-wide notice.',
    needs: 'content:edit',
  },
  {
    href: '/admin/submissions',
    title: 'Submissions',
    text: 'Contact enquiries and job applications.',
    needs: 'submissions:read',
  },
  {
    href: '/admin/audit',
    title: 'Audit log',
    text: 'Who did what, and when.',
    needs: 'audit:read',
  },
  {
    href: '/admin/staff',
    title: 'Staff',
    text: 'Accounts, roles and sessions.',
    needs: 'staff:manage',
  },
  {
    href: '/admin/account/password',
    title: 'Change your password',
    text: 'For signing in with a password.',
    needs: 'content:edit',
  },
]

/** The staff area's home: what there is to do, for this role. */
export const DashboardPage = ({
  admin,
  newSubmissions,
  drafts,
}: {
  admin: AdminContext
  newSubmissions: number
  drafts: number
}) => (
  <AdminLayout title="Staff area" admin={admin}>
    <PageHeading
      title="Staff area"
      summary={`Signed in as ${admin.staff.name} (${admin.staff.role}).`}
    />
    <ul class="govuk-list govuk-list--bullet">
      <li>
        {newSubmissions} new {newSubmissions === 1 ? 'submission' : 'submissions'}
      </li>
      <li>
        {drafts} {drafts === 1 ? 'item has' : 'items have'} unpublished changes
      </li>
    </ul>
    <ul class="govuk-list">
      {CARDS.filter((card) => can(admin.staff.role, card.needs)).map((card) => (
        <li>
          <h2 class="govuk-heading-s soca-heading-tight">
            <a class="govuk-link" href={card.href}>
              {card.title}
            </a>
          </h2>
          <p class="govuk-body">{card.text}</p>
        </li>
      ))}
    </ul>
  </AdminLayout>
)
