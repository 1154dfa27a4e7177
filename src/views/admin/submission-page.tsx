import type { Child } from 'hono/jsx'
import type { Assignee, InboxItem, SubmissionAlert } from '../../db/inbox.ts'
import type { FieldError } from '../../forms/fields.ts'
import { type Answer, answersOf } from '../../forms/questions.ts'
import { STAFF_STATUSES } from '../../forms/submission.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { Radios } from '../components/choices.tsx'
import { ErrorMessage } from '../components/form-group.tsx'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { ActionButton } from './components/action-button.tsx'
import { Banner } from './components/banner.tsx'
import { FeedbackPageLink } from './components/feedback-page-link.tsx'
import { alertText } from './components/submission-alert.ts'
import { SUBMISSION_KIND_TEXT } from './components/submission-kind-text.ts'
import { SubmissionStatusTag } from './components/submission-status-tag.tsx'
import { CsrfField, type AdminContext, AdminLayout } from './layout.tsx'
import { pageTitle } from './components/page-title.ts'

/** One row of a GOV.UK summary list. */
const Row = ({ label, children }: { label: string; children: Child }) => (
  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">{label}</dt>
    <dd class="govuk-summary-list__value">{children}</dd>
  </div>
)

/** Text as typed, its line breaks kept (escaped like all text: no markup from the visitor). */
const Lines = ({ text }: { text: string }) => {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  return <>{lines.map((line, i) => (i === 0 ? line : [<br />, line]))}</>
}

/** An answer's value: the page link for feedback, the text with its lines, or "Not given". */
const AnswerValue = ({ kind, answer }: { kind: InboxItem['kind']; answer: Answer }) => {
  if (answer.text === '') return <>Not given</>
  if (kind === 'feedback' && answer.key === 'path') return <FeedbackPageLink path={answer.text} />
  return answer.multiline ? <Lines text={answer.text} /> : <>{answer.text}</>
}

/** Props of a submission's page. */
export type SubmissionPageProps = {
  admin: AdminContext
  item: InboxItem
  alert: SubmissionAlert
  /** The active staff it can be assigned to. */
  people: Assignee[]
  canDelete: boolean
  notice?: string
  /** Problems with the status or assignment form, and what was sent, shown back. */
  errors?: FieldError[]
  values?: Record<string, string>
}

/** One submission: what it is, where it is, every answer as the form asked it, and actions. */
export const SubmissionPage = (props: SubmissionPageProps) => {
  const { admin, item, errors = [], values = {} } = props
  const title = `${SUBMISSION_KIND_TEXT[item.kind]} ${item.reference}`
  const action = `/admin/submissions/${item.id}`
  const assignee = values.assignee ?? (item.assignedTo === null ? '' : String(item.assignedTo))
  const assigneeError = errorFor(errors, 'assignee')
  // A member no longer active is still shown as who has it, until someone else is chosen.
  const people =
    item.assignedTo !== null && !props.people.some((p) => p.id === item.assignedTo)
      ? [...props.people, { id: item.assignedTo, name: item.assigneeName ?? 'A former member' }]
      : props.people
  return (
    <AdminLayout
      title={pageTitle(title, errors)}
      admin={admin}
      breadcrumbs={[
        { href: '/admin', text: 'Staff area' },
        { href: '/admin/submissions', text: 'Submissions' },
      ]}
    >
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {props.notice && <Banner text={props.notice} />}
      <PageHeading title={title} />
      <dl class="govuk-summary-list">
        <Row label="Reference">{item.reference}</Row>
        <Row label="Kind">
          {SUBMISSION_KIND_TEXT[item.kind]}
          {item.vacancyTitle && `: ${item.vacancyTitle}`}
        </Row>
        <Row label="Received">{formatDateTime(item.createdAt)}</Row>
        <Row label="Status">
          <SubmissionStatusTag status={item.status} />
        </Row>
        <Row label="Assigned to">{item.assigneeName ?? 'Nobody'}</Row>
        <Row label="Email alert">{alertText(props.alert)}</Row>
      </dl>
      <h2 class="govuk-heading-m">Answers</h2>
      <dl class="govuk-summary-list">
        {answersOf(item.kind, item.fields).map((answer) => (
          <Row label={answer.label}>
            <AnswerValue kind={item.kind} answer={answer} />
          </Row>
        ))}
        {item.cvKey && (
          <Row label="CV">
            <a class="govuk-link" href={`${action}/cv`}>
              Download {item.cvFileName} ({Math.ceil((item.cvSize ?? 0) / 1024)} KB)
            </a>
          </Row>
        )}
      </dl>
      <form method="post" action={`${action}/status`} novalidate>
        <CsrfField token={admin.csrfToken} />
        <Radios
          name="status"
          legend="Status"
          items={STAFF_STATUSES}
          values={[values.status ?? item.status]}
          error={errorFor(errors, 'status')}
        />
        <button type="submit" class="govuk-button govuk-button--secondary">
          Change status
        </button>
      </form>
      <form method="post" action={`${action}/assign`} novalidate>
        <CsrfField token={admin.csrfToken} />
        <div class={`govuk-form-group${assigneeError ? ' govuk-form-group--error' : ''}`}>
          <h2 class="govuk-label-wrapper">
            <label class="govuk-label govuk-label--m" for="assignee">
              Assigned to
            </label>
          </h2>
          <ErrorMessage id="assignee" text={assigneeError} />
          <select
            class={`govuk-select${assigneeError ? ' govuk-select--error' : ''}`}
            id="assignee"
            name="assignee"
            aria-describedby={assigneeError ? 'assignee-error' : undefined}
          >
            <option value="" selected={assignee === ''}>
              Nobody
            </option>
            {people.map((p) => (
              <option value={String(p.id)} selected={assignee === String(p.id)}>
                {p.id === admin.staff.id ? `${p.name} (you)` : p.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">
          Assign
        </button>
      </form>
      {props.canDelete && (
        <ActionButton
          action={`${action}/delete`}
          label="Delete submission"
          csrfToken={admin.csrfToken}
          warning
        />
      )}
    </AdminLayout>
  )
}
