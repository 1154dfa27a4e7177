import type { InboxFilter, InboxItem } from '../../db/inbox.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Pagination } from '../components/pagination.tsx'
import { Banner } from './components/banner.tsx'
import { FeedbackPageLink } from './components/feedback-page-link.tsx'
import { SUBMISSION_KIND_TEXT } from './components/submission-kind-text.ts'
import { SubmissionStatusTag } from './components/submission-status-tag.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

/** Who or what a submission is from: the name it gives, or for page feedback, the page. */
const FromCell = ({ item }: { item: InboxItem }) =>
  item.kind === 'feedback' ? (
    <FeedbackPageLink path={item.fields.path} />
  ) : (
    (item.fields.fullName ?? '')
  )

const FilterSelect = ({
  name,
  label,
  value,
  options,
}: {
  name: string
  label: string
  value?: string
  options: [string, string][]
}) => (
  <div class="govuk-form-group">
    <label class="govuk-label" for={name}>
      {label}
    </label>
    <select class="govuk-select" id={name} name={name}>
      <option value="">All</option>
      {options.map(([v, t]) => (
        <option value={v} selected={value === v}>
          {t}
        </option>
      ))}
    </select>
  </div>
)

/** Props of the inbox. */
export type InboxPageProps = {
  admin: AdminContext
  filter: InboxFilter
  items: InboxItem[]
  page: number
  pageCount: number
  total: number
  query: string
  notice?: string
}

/** The submissions inbox, filtered by kind and status, newest first. */
export const InboxPage = (props: InboxPageProps) => (
  <AdminLayout
    title="Submissions"
    admin={props.admin}
    breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}
  >
    {props.notice && <Banner text={props.notice} />}
    <PageHeading title="Submissions" />
    <p class="govuk-body">
      <a class="govuk-link" href="/admin/feedback">
        Page feedback: how many found each page useful
      </a>
    </p>
    <form method="get" action="/admin/submissions">
      <div class="soca-admin-actions">
        <FilterSelect
          name="kind"
          label="Kind"
          value={props.filter.kind}
          options={[
            ['enquiry', 'Enquiries'],
            ['application', 'Applications'],
            ['feedback', 'Page feedback'],
          ]}
        />
        <FilterSelect
          name="status"
          label="Status"
          value={props.filter.status}
          options={[
            ['new', 'New'],
            ['handled', 'Handled'],
            ['spam', 'Spam'],
          ]}
        />
        <button type="submit" class="govuk-button govuk-button--secondary">
          Filter
        </button>
        <a class="govuk-link" href={`/admin/submissions/export.csv${props.query}`}>
          Export these {props.total} as CSV
        </a>
      </div>
    </form>
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">
        {props.total} submissions
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Reference
          </th>
          <th scope="col" class="govuk-table__header">
            Kind
          </th>
          <th scope="col" class="govuk-table__header">
            From
          </th>
          <th scope="col" class="govuk-table__header">
            Received
          </th>
          <th scope="col" class="govuk-table__header">
            Status
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {props.items.map((item) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">
              <a class="govuk-link" href={`/admin/submissions/${item.id}`}>
                {item.reference}
              </a>
            </td>
            <td class="govuk-table__cell">
              {SUBMISSION_KIND_TEXT[item.kind]}
              {item.vacancyTitle && `: ${item.vacancyTitle}`}
            </td>
            <td class="govuk-table__cell">
              <FromCell item={item} />
            </td>
            <td class="govuk-table__cell">{formatDateTime(item.createdAt)}</td>
            <td class="govuk-table__cell">
              <SubmissionStatusTag status={item.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <Pagination
      path={`/admin/submissions${props.query}`}
      current={props.page}
      count={props.pageCount}
    />
  </AdminLayout>
)
