import type { FieldError } from '../../forms/fields.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { CodeForm } from './components/code-form.tsx'
import { pageTitle } from './components/page-title.ts'
import { AdminLayout } from './layout.tsx'

/** The second step: a code from the authenticator app, or a recovery code. */
export const TwoFactorPage = ({
  csrfToken,
  errors = [],
}: {
  csrfToken: string
  errors?: FieldError[]
}) => (
  <AdminLayout title={pageTitle('Enter your security code', errors)}>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half">
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <PageHeading title="Enter your security code" />
        <CodeForm
          action="/admin/two-factor"
          csrfToken={csrfToken}
          label="Security code"
          hint="The 6-digit code from your authenticator app, or one of your recovery codes"
          button="Sign in"
          error={errorFor(errors, 'code')}
        />
      </div>
    </div>
  </AdminLayout>
)
