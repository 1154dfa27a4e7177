import type { SubmissionKind } from '../../db/schema.ts'
import type { FieldError } from '../../forms/fields.ts'
import { ALERT_FIELDS } from '../../forms/settings.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Textarea } from '../components/textarea.tsx'
import { Banner } from './components/banner.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

/** Props of the site settings page. */
export type SettingsPageProps = {
  admin: AdminContext
  notice: string
  /** The address alerted to each kind of new submission ('' for none). */
  alerts: Record<SubmissionKind, string>
  canPublish: boolean
  /** Whether the member may change the email alerts (admins). */
  canSetAlerts: boolean
  errors?: FieldError[]
  done?: string
}

/**
 * The site-wide notice, shown at the top of every public page when not empty, and who is
 * emailed about new submissions.
 */
export const SettingsPage = (props: SettingsPageProps) => (
  <AdminLayout
    title={props.errors?.length ? 'Error: Site settings' : 'Site settings'}
    admin={props.admin}
    breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}
  >
    {props.done && <Banner text={props.done} />}
    {props.errors && props.errors.length > 0 && <ErrorSummary errors={props.errors} />}
    <PageHeading title="Site settings" />
    {props.canPublish ? (
      <form method="post" action="/admin/settings" novalidate>
        <CsrfField token={props.admin.csrfToken} />
        <Textarea
          name="siteNotice"
          label="Site notice"
          hint="Shown at the top of every public page as soon as you save. Leave empty for none."
          value={props.notice}
          rows={3}
          error={errorFor(props.errors ?? [], 'siteNotice')}
        />
        <button type="submit" class="govuk-button">
          Save and publish
        </button>
      </form>
    ) : (
      <>
        <h2 class="govuk-heading-m">Site notice</h2>
        <p class="govuk-body">{props.notice || 'None'}</p>
        <p class="govuk-inset-text">Only publishers can change the site notice.</p>
      </>
    )}
    <AlertSettings {...props} />
  </AdminLayout>
)

/** Each kind of submission as the email alerts section names it. */
const ALERT_KINDS: { kind: SubmissionKind; label: string }[] = [
  { kind: 'enquiry', label: 'Contact enquiries' },
  { kind: 'application', label: 'Job applications' },
  { kind: 'feedback', label: 'Page feedback' },
]

/** Who is emailed about new submissions: a form for admins, a list for everyone else. */
const AlertSettings = (props: SettingsPageProps) => (
  <>
    <h2 class="govuk-heading-m">Email alerts</h2>
    <p class="govuk-body">
      When a submission comes in, an email goes to the address set for its kind. It says what kind
      it is, gives its reference and links to it here, with no personal details.
    </p>
    <p class="govuk-body">
      <a class="govuk-link" href="/admin/alerts">
        See which alerts were sent
      </a>
    </p>
    {props.canSetAlerts ? (
      <form method="post" action="/admin/settings/alerts" novalidate>
        <CsrfField token={props.admin.csrfToken} />
        {ALERT_KINDS.map(({ kind, label }) => (
          <Input
            name={ALERT_FIELDS[kind]}
            label={label}
            hint="Leave empty for no alerts."
            type="email"
            autocomplete="off"
            spellcheck={false}
            value={props.alerts[kind]}
            error={errorFor(props.errors ?? [], ALERT_FIELDS[kind])}
          />
        ))}
        <button type="submit" class="govuk-button">
          Save email alerts
        </button>
      </form>
    ) : (
      <>
        <dl class="govuk-summary-list">
          {ALERT_KINDS.map(({ kind, label }) => (
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">{label}</dt>
              <dd class="govuk-summary-list__value">{props.alerts[kind] || 'No alerts'}</dd>
            </div>
          ))}
        </dl>
        <p class="govuk-inset-text">Only admins can change email alerts.</p>
      </>
    )}
  </>
)
