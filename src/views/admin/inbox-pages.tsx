import type { InboxFilter, InboxItem } from '../../db/inbox.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Pagination } from '../components/pagination.tsx'
import { ActionButton, Banner } from './content-pages.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

const KIND_TEXT = { enquiry: 'Enquiry', application: 'Application' } as const
const STATUS_TAG = {
  new: <strong class="govuk-tag govuk-tag--blue">New</strong>,
  handled: <strong class="govuk-tag govuk-tag--green">Handled</strong>,
  spam: <strong class="govuk-tag govuk-tag--grey">Spam</strong>,
} as const

/** The name a submission gives, from its answers. */
const nameOf = (item: InboxItem) => item.fields.fullName ?? ''

const FilterSelect = ({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) => (
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
  <AdminLayout title="Submissions" admin={props.admin} breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}>
    {props.notice && <Banner text={props.notice} />}
    <PageHeading title="Submissions" />
    <form method="get" action="/admin/submissions">
      <div class="soca-admin-actions">
        <FilterSelect name="kind" label="Kind" value={props.filter.kind} options={[['enquiry', 'Enquiries'], ['application', 'Applications']]} />
        <FilterSelect name="status" label="Status" value={props.filter.status} options={[['new', 'New'], ['handled', 'Handled'], ['spam', 'Spam']]} />
        <button type="submit" class="govuk-button govuk-button--secondary">
          Filter
        </button>
        <a class="govuk-link" href={`/admin/submissions/export.csv${props.query}`}>
          Export these {props.total} as CSV
        </a>
      </div>
    </form>
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{props.total} submissions</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Reference</th>
          <th scope="col" class="govuk-table__header">Kind</th>
          <th scope="col" class="govuk-table__header">From</th>
          <th scope="col" class="govuk-table__header">Received</th>
          <th scope="col" class="govuk-table__header">Status</th>
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
              {KIND_TEXT[item.kind]}
              {item.vacancyTitle && `: ${item.vacancyTitle}`}
            </td>
            <td class="govuk-table__cell">{nameOf(item)}</td>
            <td class="govuk-table__cell">{formatDateTime(item.createdAt)}</td>
            <td class="govuk-table__cell">{STATUS_TAG[item.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <Pagination path={`/admin/submissions${props.query}`} current={props.page} count={props.pageCount} />
  </AdminLayout>
)

const LABELS: Record<string, string> = {
  topic: 'About',
  fullName: 'Full name',
  email: 'Email address',
  phone: 'Telephone number',
  message: 'Message',
  vacancy: 'Vacancy',
  rightToWork: 'Right to work in the UK',
  statement: 'How they meet the requirements',
  declaration: 'Declaration',
}

/** One submission: every answer, the CV, and what staff can do with it. */
export const SubmissionPage = ({ admin, item, canDelete, notice }: { admin: AdminContext; item: InboxItem; canDelete: boolean; notice?: string }) => (
  <AdminLayout title={`Submission ${item.reference}`} admin={admin} breadcrumbs={[{ href: '/admin', text: 'Staff area' }, { href: '/admin/submissions', text: 'Submissions' }]}>
    {notice && <Banner text={notice} />}
    <PageHeading title={`${KIND_TEXT[item.kind]} ${item.reference}`} />
    <p class="govuk-body">
      {STATUS_TAG[item.status]} Received {formatDateTime(item.createdAt)}
    </p>
    <dl class="govuk-summary-list">
      {Object.entries(item.fields).map(([key, value]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{LABELS[key] ?? key}</dt>
          <dd class="govuk-summary-list__value soca-diff">{value}</dd>
        </div>
      ))}
      {item.cvKey && (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">CV</dt>
          <dd class="govuk-summary-list__value">
            <a class="govuk-link" href={`/admin/submissions/${item.id}/cv`}>
              Download {item.cvFileName} ({Math.ceil((item.cvSize ?? 0) / 1024)} KB)
            </a>
          </dd>
        </div>
      )}
    </dl>
    <div class="soca-admin-actions">
      {item.status !== 'handled' && <ActionButton action={`/admin/submissions/${item.id}/handled`} label="Mark as handled" csrfToken={admin.csrfToken} />}
      {item.status === 'handled' && <ActionButton action={`/admin/submissions/${item.id}/new`} label="Mark as new" csrfToken={admin.csrfToken} secondary />}
      {canDelete && <ActionButton action={`/admin/submissions/${item.id}/delete`} label="Delete" csrfToken={admin.csrfToken} warning />}
    </div>
  </AdminLayout>
)
