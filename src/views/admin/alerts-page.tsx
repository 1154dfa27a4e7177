import type { Child } from 'hono/jsx'
import type { AlertRow } from '../../db/alerts.ts'
import { formatUkDateTime } from '../../lib/uk-time.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Banner } from './components/banner.tsx'
import { SUBMISSION_KIND_TEXT } from './components/submission-kind-text.ts'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

/** Props of the email alerts page. */
export type AlertsPageProps = {
  admin: AdminContext
  /** Alerts not sent: failed, then waiting for their next try. */
  unsent: AlertRow[]
  /** The most recently sent alerts, newest first. */
  sent: AlertRow[]
  /** Attempts before an alert is marked failed. */
  maxAttempts: number
  done?: string
}

/** One row of an alert's summary list. */
const Row = ({ label, children }: { label: string; children: Child }) => (
  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">{label}</dt>
    <dd class="govuk-summary-list__value">{children}</dd>
  </div>
)

/**
 * An email address that may wrap after its @ and dots on a narrow screen, rather than make the
 * page scroll sideways.
 */
const Address = ({ email }: { email: string }) => (
  <>
    {email.split(/(?<=[@.])/).map((part, i) => (
      <>
        {i > 0 && <wbr />}
        {part}
      </>
    ))}
  </>
)

/** The submission an alert is about, linked to it in the inbox. */
const SubmissionLink = ({ alert }: { alert: AlertRow }) => (
  <a class="govuk-link" href={`/admin/submissions/${alert.submissionId}`}>
    {alert.reference}
  </a>
)

/** An alert not sent: why, when it is tried next, and a button to try it now. */
const UnsentCard = ({
  alert,
  csrfToken,
  maxAttempts,
}: {
  alert: AlertRow
  csrfToken: string
  maxAttempts: number
}) => {
  const failed = alert.status === 'failed'
  return (
    <div class="govuk-summary-card" id={`alert-${alert.id}`}>
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">
          {SUBMISSION_KIND_TEXT[alert.kind]} {alert.reference}
        </h3>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          <Row label="Status">
            {failed ? (
              <strong class="govuk-tag govuk-tag--red">Failed</strong>
            ) : (
              <strong class="govuk-tag govuk-tag--blue">Waiting</strong>
            )}
          </Row>
          <Row label="Submission">
            <SubmissionLink alert={alert} />
          </Row>
          <Row label="To">
            <Address email={alert.recipient} />
          </Row>
          <Row label="Attempts">
            {failed
              ? `${alert.attempts}, no more will be made`
              : `${alert.attempts} of ${maxAttempts}`}
          </Row>
          {!failed && (
            <Row label="Next try">{`${formatUkDateTime(alert.nextAttemptAt)} or soon after`}</Row>
          )}
          <Row label="Last error">{alert.lastError || 'None'}</Row>
        </dl>
        <form method="post" action={`/admin/alerts/${alert.id}/retry`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="govuk-button govuk-button--secondary">
            Try again now<span class="govuk-visually-hidden"> ({alert.reference})</span>
          </button>
        </form>
      </div>
    </div>
  )
}

/** Email alerts of new submissions: those not sent, with their errors, and those sent lately. */
export const AlertsPage = (props: AlertsPageProps) => (
  <AdminLayout
    title="Email alerts"
    admin={props.admin}
    breadcrumbs={[
      { href: '/admin', text: 'Staff area' },
      { href: '/admin/settings', text: 'Site settings' },
    ]}
  >
    {props.done && <Banner text={props.done} />}
    <PageHeading
      title="Email alerts"
      summary="Each new submission whose kind has an address set in the site settings is emailed about."
    />
    <p class="govuk-body">
      An alert that cannot be sent is tried again, less often each time, up to {props.maxAttempts}{' '}
      times over about 4 hours. Then it is marked failed. Submissions are always kept, whether or
      not their alert is sent.
    </p>
    <p class="govuk-body">
      <a class="govuk-link" href="/admin/settings">
        Change who gets email alerts
      </a>
    </p>
    <h2 class="govuk-heading-m">Not sent</h2>
    {props.unsent.length === 0 ? (
      <p class="govuk-body">Every alert has been sent.</p>
    ) : (
      props.unsent.map((alert) => (
        <UnsentCard
          alert={alert}
          csrfToken={props.admin.csrfToken}
          maxAttempts={props.maxAttempts}
        />
      ))
    )}
    <h2 class="govuk-heading-m">Recently sent</h2>
    {props.sent.length === 0 ? (
      <p class="govuk-body">No alerts have been sent yet.</p>
    ) : (
      <ul class="govuk-list govuk-list--bullet">
        {props.sent.map((alert) => (
          <li>
            <SubmissionLink alert={alert} /> ({SUBMISSION_KIND_TEXT[alert.kind].toLowerCase()}) to{' '}
            <Address email={alert.recipient} />,{alert.sentAt ? formatUkDateTime(alert.sentAt) : ''}
          </li>
        ))}
      </ul>
    )}
  </AdminLayout>
)
