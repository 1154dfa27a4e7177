import { PageHeading } from '../components/page-heading.tsx'
import { AdminLayout } from './layout.tsx'

/** The recovery codes, shown once, after the second factor is set up. */
export const RecoveryCodesPage = ({ codes }: { codes: string[] }) => (
  <AdminLayout title="Save your recovery codes">
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <PageHeading title="Save your recovery codes" />
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">Warning</span>
            This is the only time these codes are shown. Keep them somewhere safe and separate from
            your phone.
          </strong>
        </div>
        <p class="govuk-body">
          If you lose your phone, each code lets you sign in once instead of a code from the app.
        </p>
        <ul class="govuk-list soca-codes">
          {codes.map((code) => (
            <li>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <a class="govuk-button" href="/admin">
          Continue to the staff area
        </a>
      </div>
    </div>
  </AdminLayout>
)
