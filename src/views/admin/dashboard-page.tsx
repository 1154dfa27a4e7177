import type { Permission } from '../../auth/permissions.ts'
import { can } from '../../auth/permissions.ts'
import type { ScheduledChangeWithTitle } from '../../db/schedule.ts'
import { formatUkDateTime } from '../../lib/uk-time.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'
import { describeChange } from './components/scheduled-change.ts'

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
    href: '/admin/alerts',
    title: 'Email alerts',
    text: 'Which alerts of new submissions were sent, and which were not.',
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
  scheduled,
}: {
  admin: AdminContext
  newSubmissions: number
  drafts: number
  /** Pending scheduled changes, soonest first, then those that failed in the last 7 days. */
  scheduled: ScheduledChangeWithTitle[]
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
    {can(admin.staff.role, 'content:edit') && <Scheduled changes={scheduled} />}
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

/** Where each kind's items are edited. */
const EDITOR_BASE = { page: '/admin/pages', news: '/admin/news', vacancy: '/admin/vacancies' }

/** The item a scheduled change is for, linked to its editor. */
const ItemLink = ({ change }: { change: ScheduledChangeWithTitle }) => (
  <a class="govuk-link" href={`${EDITOR_BASE[change.kind]}/${change.contentId}`}>
    {change.title || `Untitled ${change.kind}`}
  </a>
)

/** A table of scheduled changes, with one column that differs: who set it, or why it failed. */
const ChangesTable = ({
  caption,
  changes,
  last,
}: {
  caption: string
  changes: ScheduledChangeWithTitle[]
  last: { heading: string; cell: (change: ScheduledChangeWithTitle) => string }
}) => (
  <table class="govuk-table">
    <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
    <thead class="govuk-table__head">
      <tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">
          Change
        </th>
        <th scope="col" class="govuk-table__header">
          Item
        </th>
        <th scope="col" class="govuk-table__header">
          When
        </th>
        <th scope="col" class="govuk-table__header">
          {last.heading}
        </th>
      </tr>
    </thead>
    <tbody class="govuk-table__body">
      {changes.map((change) => (
        <tr class="govuk-table__row">
          <td class="govuk-table__cell">{describeChange(change)}</td>
          <td class="govuk-table__cell">
            <ItemLink change={change} />
          </td>
          <td class="govuk-table__cell">{formatUkDateTime(change.at)}</td>
          <td class="govuk-table__cell">{last.cell(change)}</td>
        </tr>
      ))}
    </tbody>
  </table>
)

/** Scheduled publishing and unpublishing across the site, and what failed this week. */
const Scheduled = ({ changes }: { changes: ScheduledChangeWithTitle[] }) => {
  const pending = changes.filter((c) => c.status === 'pending')
  const failed = changes.filter((c) => c.status === 'failed')
  return (
    <>
      <h2 class="govuk-heading-m">Scheduled</h2>
      {pending.length === 0 && <p class="govuk-body">Nothing is scheduled.</p>}
      {pending.length > 0 && (
        <ChangesTable
          caption="Coming up, soonest first"
          changes={pending}
          last={{ heading: 'Set by', cell: (c) => c.createdByName }}
        />
      )}
      {failed.length > 0 && (
        <ChangesTable
          caption="Failed in the last 7 days"
          changes={failed}
          last={{ heading: 'Reason', cell: (c) => c.detail }}
        />
      )}
    </>
  )
}
