import type { FieldError } from '../../forms/fields.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { pageTitle } from './components/page-title.ts'
import { AdminLayout } from './layout.tsx'

/** Email and password: the first step of built-in sign-in. */
export const SignInPage = ({
  email = '',
  errors = [],
}: {
  email?: string
  errors?: FieldError[]
}) => (
  <AdminLayout title={pageTitle('Sign in', errors)}>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half">
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <PageHeading title="Sign in" />
        <form method="post" action="/admin/sign-in" novalidate>
          <Input
            name="email"
            label="Email address"
            type="email"
            value={email}
            autocomplete="username"
            spellcheck={false}
            error={errorFor(errors, 'email')}
          />
          <div
            class={`govuk-form-group${errorFor(errors, 'password') ? ' govuk-form-group--error' : ''}`}
          >
            <label class="govuk-label" for="password">
              Password
            </label>
            {errorFor(errors, 'password') && (
              <p id="password-error" class="govuk-error-message">
                <span class="govuk-visually-hidden">Error:</span> {errorFor(errors, 'password')}
              </p>
            )}
            <input
              class={`govuk-input${errorFor(errors, 'password') ? ' govuk-input--error' : ''}`}
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              spellcheck={false}
              aria-describedby={errorFor(errors, 'password') ? 'password-error' : undefined}
            />
          </div>
          <button type="submit" class="govuk-button">
            Continue
          </button>
        </form>
      </div>
    </div>
  </AdminLayout>
)
