import { PageHeading } from '../components/page-heading.tsx'
import { AdminLayout } from './layout.tsx'

/** Shown instead of the password form when staff sign in through Cloudflare Access. */
export const AccessOnlyPage = () => (
  <AdminLayout title="Sign in">
    <PageHeading title="Sign in" />
    <p class="govuk-body">
      Staff sign in through Cloudflare Access. Go to{' '}
      <a class="govuk-link" href="/admin">
        the staff area
      </a>{' '}
      and sign in when Access asks you to.
    </p>
  </AdminLayout>
)
