import type { StaffRole } from '../../db/schema.ts'
import type { FieldError } from '../../forms/fields.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { Radios } from '../components/choices.tsx'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { ActionButton } from './components/action-button.tsx'
import { Banner } from './components/banner.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

/** A staff account as the list shows it. */
export type StaffRow = {
  id: number
  name: string
  email: string
  role: StaffRole
  active: boolean
  hasPassword: boolean
  hasTotp: boolean
  lastSignInAt: Date | null
  /** When a lock after failed sign-ins ends; null when the account is not locked now. */
  lockedUntil: Date | null
  /** Still has the password someone else gave them. */
  mustChangePassword: boolean
}

/** The roles as radios, each with what it allows. */
export const ROLE_ITEMS = [
  { value: 'editor', text: 'Editor', hint: 'Creates and edits drafts' },
  { value: 'publisher', text: 'Publisher', hint: 'An editor who can also publish and unpublish' },
  { value: 'admin', text: 'Admin', hint: 'A publisher who can also manage staff accounts' },
] as const

/** A password to give someone, shown once, in a confirmation panel. */
const GivenPassword = (props: { title: string; email: string; password: string }) => (
  <div class="govuk-panel govuk-panel--confirmation">
    <h2 class="govuk-panel__title">{props.title}</h2>
    <div class="govuk-panel__body">
      Give {props.email} this one-time password in person or by phone:
      <br />
      <strong>{props.password}</strong>
      <br />
      They create their own password when they sign in with it.
    </div>
  </div>
)

/** Staff accounts, the form to add one, and the second-pair-of-eyes setting. */
export const StaffPage = (props: {
  admin: AdminContext
  staff: StaffRow[]
  values?: Record<string, string>
  errors?: FieldError[]
  notice?: string
  /** A new account's one-time password, shown once. */
  created?: { email: string; password: string }
  /** A reset account's new one-time password, shown once. */
  reset?: { email: string; password: string }
  secondPublisher: boolean
}) => {
  const { admin, values = {}, errors = [] } = props
  return (
    <AdminLayout
      title={errors.length > 0 ? 'Error: Staff' : 'Staff'}
      admin={admin}
      breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}
    >
      {props.notice && <Banner text={props.notice} />}
      {props.created && <GivenPassword title="Account created" {...props.created} />}
      {props.reset && <GivenPassword title="Password reset" {...props.reset} />}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <PageHeading title="Staff" />
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Staff accounts</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Name
            </th>
            <th scope="col" class="govuk-table__header">
              Role
            </th>
            <th scope="col" class="govuk-table__header">
              State
            </th>
            <th scope="col" class="govuk-table__header">
              Last sign-in
            </th>
            <th scope="col" class="govuk-table__header">
              <span class="govuk-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {props.staff.map((s) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                {s.name}
                <br />
                {s.email}
              </td>
              <td class="govuk-table__cell">
                <form method="post" action={`/admin/staff/${s.id}/role`}>
                  <CsrfField token={admin.csrfToken} />
                  <label class="govuk-visually-hidden" for={`staff-${s.id}-role`}>
                    Role of {s.name}
                  </label>
                  <select class="govuk-select" id={`staff-${s.id}-role`} name="role">
                    {ROLE_ITEMS.map((r) => (
                      <option value={r.value} selected={s.role === r.value}>
                        {r.text}
                      </option>
                    ))}
                  </select>{' '}
                  <button type="submit" class="govuk-button govuk-button--secondary">
                    Change<span class="govuk-visually-hidden"> role of {s.name}</span>
                  </button>
                </form>
              </td>
              <td class="govuk-table__cell">
                {s.active ? 'Active' : 'Disabled'}
                {s.hasPassword && !s.hasTotp && ', second factor not set up'}
                {s.hasPassword && s.mustChangePassword && ', given password not yet replaced'}
                {s.lockedUntil && (
                  <>
                    <br />
                    <strong>Locked until {formatDateTime(s.lockedUntil)}</strong>
                  </>
                )}
              </td>
              <td class="govuk-table__cell">
                {s.lastSignInAt ? formatDateTime(s.lastSignInAt) : 'Never'}
              </td>
              <td class="govuk-table__cell">
                {s.id !== admin.staff.id && (
                  <div class="soca-admin-actions">
                    {s.lockedUntil && (
                      <ActionButton
                        action={`/admin/staff/${s.id}/unlock`}
                        label={`Unlock ${s.name}`}
                        csrfToken={admin.csrfToken}
                      />
                    )}
                    <ActionButton
                      action={`/admin/staff/${s.id}/${s.active ? 'disable' : 'enable'}`}
                      label={s.active ? `Disable ${s.name}` : `Enable ${s.name}`}
                      csrfToken={admin.csrfToken}
                      warning={s.active}
                      secondary={!s.active}
                    />
                    <ActionButton
                      action={`/admin/staff/${s.id}/end-sessions`}
                      label={`End ${s.name}’s sessions`}
                      csrfToken={admin.csrfToken}
                      secondary
                    />
                    <ActionButton
                      action={`/admin/staff/${s.id}/reset-password`}
                      label={`Reset ${s.name}’s password`}
                      csrfToken={admin.csrfToken}
                      secondary
                    />
                    <ActionButton
                      action={`/admin/staff/${s.id}/reset-second-factor`}
                      label={`Reset ${s.name}’s second factor`}
                      csrfToken={admin.csrfToken}
                      secondary
                    />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 class="govuk-heading-l">Add a member of staff</h2>
      <form method="post" action="/admin/staff" novalidate>
        <CsrfField token={admin.csrfToken} />
        <Input name="name" label="Full name" value={values.name} error={errorFor(errors, 'name')} />
        <Input
          name="email"
          label="Email address"
          type="email"
          value={values.email}
          error={errorFor(errors, 'email')}
          spellcheck={false}
        />
        <Radios
          name="role"
          legend="Role"
          items={ROLE_ITEMS}
          values={values.role ? [values.role] : []}
          error={errorFor(errors, 'role')}
        />
        <button type="submit" class="govuk-button">
          Add account
        </button>
      </form>

      <h2 class="govuk-heading-l">Second pair of eyes</h2>
      <p class="govuk-body">
        {props.secondPublisher
          ? 'On: a publisher cannot publish changes they saved themselves; another publisher must.'
          : 'Off: a publisher can publish their own changes.'}
      </p>
      <ActionButton
        action="/admin/staff/second-pair-of-eyes"
        label={props.secondPublisher ? 'Turn off' : 'Turn on'}
        csrfToken={admin.csrfToken}
        secondary
      />
    </AdminLayout>
  )
}
