import type { FieldError } from '../../forms/fields.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { LabelledField, describedBy } from '../components/form-group.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Banner } from './components/banner.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

/** A password input with its label, hint and error, as GOV.UK's text input. */
const PasswordField = (props: {
  name: string
  label: string
  hint?: string
  autocomplete: string
  error?: string
}) => (
  <LabelledField id={props.name} label={props.label} hint={props.hint} error={props.error}>
    <input
      class={`govuk-input govuk-input--width-20${props.error ? ' govuk-input--error' : ''}`}
      id={props.name}
      name={props.name}
      type="password"
      autocomplete={props.autocomplete}
      spellcheck={false}
      aria-describedby={describedBy(props.name, props.hint, props.error)}
    />
  </LabelledField>
)

/** What makes a good new password, under its field. */
const NEW_PASSWORD_HINT =
  'At least 12 characters. Three random words make a strong password that is easy to remember.'

/**
 * A new password and the same again, with the strength hint: the account's password change
 * and the first sign-in ask for it the same way.
 */
export const NewPasswordFields = ({ errors }: { errors: FieldError[] }) => (
  <>
    <PasswordField
      name="newPassword"
      label="New password"
      hint={NEW_PASSWORD_HINT}
      autocomplete="new-password"
      error={errorFor(errors, 'newPassword')}
    />
    <PasswordField
      name="confirmPassword"
      label="New password again"
      autocomplete="new-password"
      error={errorFor(errors, 'confirmPassword')}
    />
  </>
)

/** Change your own password: the current one, then the new one twice. */
export const PasswordPage = ({
  admin,
  errors = [],
  done,
}: {
  admin: AdminContext
  errors?: FieldError[]
  done?: string
}) => (
  <AdminLayout
    title={errors.length > 0 ? 'Error: Change your password' : 'Change your password'}
    admin={admin}
    breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}
  >
    {done && <Banner text={done} />}
    {errors.length > 0 && <ErrorSummary errors={errors} />}
    <PageHeading title="Change your password" />
    <form method="post" action="/admin/account/password" novalidate>
      <CsrfField token={admin.csrfToken} />
      <PasswordField
        name="currentPassword"
        label="Current password"
        autocomplete="current-password"
        error={errorFor(errors, 'currentPassword')}
      />
      <NewPasswordFields errors={errors} />
      <button type="submit" class="govuk-button">
        Change password
      </button>
    </form>
  </AdminLayout>
)
