import type { InboxItem } from '../../db/inbox.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { ActionButton } from './components/action-button.tsx'
import { Banner } from './components/banner.tsx'
import { FeedbackPageLink } from './components/feedback-page-link.tsx'
import { SUBMISSION_KIND_TEXT } from './components/submission-kind-text.ts'
import { SubmissionStatusTag } from './components/submission-status-tag.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

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
  path: 'Page',
  whatDoing: 'What they were doing',
  whatWrong: 'What went wrong',
}

/** One submission: every answer, the CV, and what staff can do with it. */
export const SubmissionPage = ({
  admin,
  item,
  canDelete,
  notice,
}: {
  admin: AdminContext
  item: InboxItem
  canDelete: boolean
  notice?: string
}) => (
  <AdminLayout
    title={`Submission ${item.reference}`}
    admin={admin}
    breadcrumbs={[
      { href: '/admin', text: 'Staff area' },
      { href: '/admin/submissions', text: 'Submissions' },
    ]}
  >
    {notice && <Banner text={notice} />}
    <PageHeading title={`${SUBMISSION_KIND_TEXT[item.kind]} ${item.reference}`} />
    <p class="govuk-body">
      <SubmissionStatusTag status={item.status} /> Received {formatDateTime(item.createdAt)}
    </p>
    <dl class="govuk-summary-list">
      {Object.entries(item.fields).map(([key, value]) => (
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{LABELS[key] ?? key}</dt>
          <dd class="govuk-summary-list__value soca-diff">
            {item.kind === 'feedback' && key === 'path' ? <FeedbackPageLink path={value} /> : value}
          </dd>
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
      {item.status !== 'handled' && (
        <ActionButton
          action={`/admin/submissions/${item.id}/handled`}
          label="Mark as handled"
          csrfToken={admin.csrfToken}
        />
      )}
      {item.status === 'handled' && (
        <ActionButton
          action={`/admin/submissions/${item.id}/new`}
          label="Mark as new"
          csrfToken={admin.csrfToken}
          secondary
        />
      )}
      {canDelete && (
        <ActionButton
          action={`/admin/submissions/${item.id}/delete`}
          label="Delete"
          csrfToken={admin.csrfToken}
          warning
        />
      )}
    </div>
  </AdminLayout>
)
