import type { FieldError } from '../../forms/fields.ts'
import { ErrorSummary } from '../components/error-summary.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { pageTitle } from './components/page-title.ts'
import { CsrfField, AdminLayout } from './layout.tsx'
import { NewPasswordFields } from './password-page.tsx'

/**
 * First sign-in with a password someone else chose: the member creates their own before they
 * can go anywhere else in the staff area. They may sign out instead.
 */
export const NewPasswordPage = ({
  csrfToken,
  errors = [],
}: {
  csrfToken: string
  errors?: FieldError[]
}) => (
  <AdminLayout title={pageTitle('Create a new password', errors)}>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <PageHeading title="Create a new password" />
        <p class="govuk-body">
          The password you were given was for your first sign-in only. Create your own to continue:
          no one else should know it.
        </p>
        <form method="post" action="/admin/new-password" novalidate>
          <CsrfField token={csrfToken} />
          <NewPasswordFields errors={errors} />
          <button type="submit" class="govuk-button">
            Continue
          </button>
        </form>
        <form method="post" action="/admin/sign-out">
          <CsrfField token={csrfToken} />
          <button type="submit" class="govuk-button govuk-button--secondary">
            Sign out
          </button>
        </form>
      </div>
    </div>
  </AdminLayout>
)
