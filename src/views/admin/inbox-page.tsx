import type { InboxListItem } from '../../db/inbox.ts'
import { STAFF_STATUSES } from '../../forms/submission.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Pagination } from '../components/pagination.tsx'
import { Banner } from './components/banner.tsx'
import { FeedbackPageLink } from './components/feedback-page-link.tsx'
import { SUBMISSION_KIND_TEXT } from './components/submission-kind-text.ts'
import { SubmissionStatusTag } from './components/submission-status-tag.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

/** The inbox's filters as the form sent them: each '' for all. */
export type InboxChoices = { q: string; kind: string; status: string; assigned: string }

const FilterSelect = ({
  name,
  label,
  value,
  options,
}: {
  name: string
  label: string
  value: string
  options: [string, string][]
}) => (
  <div class="govuk-form-group">
    <label class="govuk-label" for={name}>
      {label}
    </label>
    <select class="govuk-select" id={name} name={name}>
      {options.map(([v, t]) => (
        <option value={v} selected={value === v}>
          {t}
        </option>
      ))}
    </select>
  </div>
)

/** Who or what a submission is from: the name it gives, or for page feedback, the page. */
const From = ({ item }: { item: InboxListItem }) =>
  item.kind === 'feedback' ? (
    <>
      {' about '}
      <FeedbackPageLink path={item.path ?? ''} />
    </>
  ) : item.senderName ? (
    <>{` from ${item.senderName}`}</>
  ) : null

/** One submission in the list: its reference as a link, then what, who, when and who has it. */
const Item = ({ item }: { item: InboxListItem }) => (
  <li class="soca-inbox__item">
    <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
      <a class="govuk-link" href={`/admin/submissions/${item.id}`}>
        {item.reference}
      </a>
    </h3>
    <p class="govuk-body govuk-!-margin-bottom-1">
      <SubmissionStatusTag status={item.status} /> {SUBMISSION_KIND_TEXT[item.kind]}
      {item.vacancyTitle && `: ${item.vacancyTitle}`}
      <From item={item} />
    </p>
    <p class="govuk-body-s govuk-!-margin-bottom-0">
      Received {formatDateTime(item.createdAt)}. Assigned to {item.assigneeName ?? 'nobody'}.
    </p>
  </li>
)

/** Props of the inbox. */
export type InboxPageProps = {
  admin: AdminContext
  choices: InboxChoices
  items: InboxListItem[]
  page: number
  pageCount: number
  total: number
  /** The filters as a query string ('' or '?...'), for the pages and the export. */
  query: string
  notice?: string
}

/** The submissions inbox: search, filters, and a list that fits a phone, newest first. */
export const InboxPage = (props: InboxPageProps) => {
  const { choices } = props
  const filtered = props.query !== ''
  return (
    <AdminLayout
      title={props.page > 1 ? `Submissions (page ${props.page})` : 'Submissions'}
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
      <form method="get" action="/admin/submissions" role="search" aria-label="Search submissions">
        <div class="govuk-form-group">
          <label class="govuk-label govuk-label--s" for="q">
            Search by reference, name or email address
          </label>
          <div class="govuk-hint" id="q-hint">
            For example, SOCA-7K3F-Q9PX, Alex Smith or alex@example.com
          </div>
          <input
            class="govuk-input"
            id="q"
            name="q"
            type="search"
            value={choices.q}
            aria-describedby="q-hint"
            spellcheck={false}
            autocomplete="off"
          />
        </div>
        <div class="soca-inbox-filters">
          <FilterSelect
            name="kind"
            label="Kind"
            value={choices.kind}
            options={[
              ['', 'All'],
              ['enquiry', 'Enquiries'],
              ['application', 'Applications'],
              ['feedback', 'Page feedback'],
            ]}
          />
          <FilterSelect
            name="status"
            label="Status"
            value={choices.status}
            options={[
              ['', 'All'],
              ...STAFF_STATUSES.map((s): [string, string] => [s.value, s.text]),
              ['spam', 'Spam'],
            ]}
          />
          <FilterSelect
            name="assigned"
            label="Assigned to"
            value={choices.assigned}
            options={[
              ['', 'Anyone or nobody'],
              ['me', 'Me'],
              ['nobody', 'Nobody'],
            ]}
          />
        </div>
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button">
            Search
          </button>
          {filtered && (
            <a class="govuk-link" href="/admin/submissions">
              Clear search and filters
            </a>
          )}
        </div>
      </form>
      <h2 class="govuk-heading-m">
        {props.total.toLocaleString('en-GB')} {props.total === 1 ? 'submission' : 'submissions'}
      </h2>
      {props.items.length === 0 ? (
        <>
          <p class="govuk-body">
            {filtered ? 'No submissions match your search and filters.' : 'No submissions yet.'}
          </p>
          {filtered && (
            <>
              <p class="govuk-body">You could:</p>
              <ul class="govuk-list govuk-list--bullet">
                <li>check the reference or email address is complete and spelt correctly</li>
                <li>search for part of the name instead</li>
                <li>choose All in each filter</li>
              </ul>
            </>
          )}
        </>
      ) : (
        <>
          <ul class="govuk-list soca-inbox">
            {props.items.map((item) => (
              <Item item={item} />
            ))}
          </ul>
          <p class="govuk-body">
            <a class="govuk-link" href={`/admin/submissions/export.csv${props.query}`}>
              Export {props.total === 1 ? 'this submission' : `these ${props.total}`} as CSV
            </a>
          </p>
        </>
      )}
      <Pagination
        path={`/admin/submissions${props.query}`}
        current={props.page}
        count={props.pageCount}
      />
    </AdminLayout>
  )
}
