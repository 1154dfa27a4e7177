import type { FieldError } from '../../forms/fields.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { CodeForm } from './components/code-form.tsx'
import { pageTitle } from './components/page-title.ts'
import { AdminLayout } from './layout.tsx'

/** Props of the second-factor set-up page. */
export type EnrolPageProps = {
  csrfToken: string
  /** The key as text, for apps that cannot scan. */
  secret: string
  /** The otpauth:// URI as an SVG QR code, in a data: URL. */
  qrDataUrl: string
  errors?: FieldError[]
}

/** First sign-in: set up the authenticator app with the QR code or the key, then confirm a code. */
export const EnrolPage = ({ csrfToken, secret, qrDataUrl, errors = [] }: EnrolPageProps) => (
  <AdminLayout title={pageTitle('Set up your authenticator app', errors)}>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <PageHeading title="Set up your authenticator app" />
        <p class="govuk-body">
          Every sign-in needs a code from an authenticator app on your phone. Scan this QR code with
          the app.
        </p>
        <img
          class="soca-qr"
          src={qrDataUrl}
          alt="QR code for your authenticator app. If you cannot scan it, enter the key shown below instead."
          width="200"
          height="200"
        />
        <p class="govuk-body">If you cannot scan the code, enter this key in the app:</p>
        <p class="govuk-body soca-codes">
          <code>{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </p>
        <CodeForm
          action="/admin/enrol"
          csrfToken={csrfToken}
          label="Enter the 6-digit code the app shows"
          button="Continue"
          error={errorFor(errors, 'code')}
        />
      </div>
    </div>
  </AdminLayout>
)
