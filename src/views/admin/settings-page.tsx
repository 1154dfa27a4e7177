import type { FieldError } from '../../forms/fields.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Textarea } from '../components/textarea.tsx'
import { Banner } from './components/banner.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

/** The site-wide notice: shown at the top of every public page when not empty. */
export const SettingsPage = (props: {
  admin: AdminContext
  notice: string
  canPublish: boolean
  errors?: FieldError[]
  done?: string
}) => (
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
  </AdminLayout>
)
