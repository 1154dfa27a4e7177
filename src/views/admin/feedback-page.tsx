import type { FeedbackCount } from '../../db/feedback.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Pagination } from '../components/pagination.tsx'
import { FeedbackPageLink } from './components/feedback-page-link.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

/** Props of the page feedback counts. */
export type FeedbackCountsPageProps = {
  admin: AdminContext
  rows: FeedbackCount[]
  page: number
  pageCount: number
  /** How many pages have any answers. */
  total: number
}

/** How many visitors answered Yes and No to "Is this page useful?", most No first. */
export const FeedbackCountsPage = (props: FeedbackCountsPageProps) => (
  <AdminLayout
    title="Page feedback"
    admin={props.admin}
    breadcrumbs={[
      { href: '/admin', text: 'Staff area' },
      { href: '/admin/submissions', text: 'Submissions' },
    ]}
  >
    <PageHeading
      title="Page feedback"
      summary="How many visitors answered Yes or No to “Is this page useful?”, the pages with the most No answers first."
    />
    <p class="govuk-body">
      What visitors wrote about a problem is in the{' '}
      <a class="govuk-link" href="/admin/submissions?kind=feedback">
        submissions, as page feedback
      </a>
      .
    </p>
    {props.total === 0 ? (
      <p class="govuk-body">No one has answered yet.</p>
    ) : (
      <div class="soca-table-scroll" role="region" aria-labelledby="feedback-counts" tabindex={0}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m" id="feedback-counts">
            {props.total} {props.total === 1 ? 'page' : 'pages'} with answers
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Page
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                No
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Yes
              </th>
              <th scope="col" class="govuk-table__header">
                Last answer
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {props.rows.map((row) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <FeedbackPageLink path={row.path} />
                </td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{row.no}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{row.yes}</td>
                <td class="govuk-table__cell">{formatDateTime(row.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <Pagination path="/admin/feedback" current={props.page} count={props.pageCount} />
  </AdminLayout>
)
