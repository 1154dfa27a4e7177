import { PageHeading } from '../components/page-heading.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

/** Props of the page that confirms deleting a draft page. */
export type DeletePagePageProps = {
  admin: AdminContext
  page: { id: number; title: string }
  /** Why it cannot be deleted, if it cannot: then there is no delete button. */
  refusal?: string
}

/** Asks whether to delete a draft page, or says why it cannot be deleted. */
export const DeletePagePage = ({ admin, page, refusal }: DeletePagePageProps) => {
  const title = refusal
    ? `You cannot delete \u2018${page.title}\u2019`
    : `Are you sure you want to delete \u2018${page.title}\u2019?`
  return (
    <AdminLayout
      title={title}
      admin={admin}
      breadcrumbs={[
        { href: '/admin', text: 'Staff area' },
        { href: '/admin/pages', text: 'Pages' },
        { href: `/admin/pages/${page.id}`, text: page.title },
      ]}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PageHeading title={title} />
          {refusal ? (
            <>
              <p class="govuk-body">{refusal}</p>
              <p class="govuk-body">
                <a class="govuk-link" href="/admin/pages">
                  Back to pages
                </a>
              </p>
            </>
          ) : (
            <>
              <p class="govuk-body">
                This draft has never been published. Deleting it removes the page and every saved
                version of it.
              </p>
              <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong class="govuk-warning-text__text">
                  <span class="govuk-visually-hidden">Warning</span>
                  You cannot undo this.
                </strong>
              </div>
              <form method="post" action={`/admin/pages/${page.id}/delete`}>
                <CsrfField token={admin.csrfToken} />
                <div class="govuk-button-group">
                  <button type="submit" class="govuk-button govuk-button--warning">
                    Delete page
                  </button>
                  <a class="govuk-link" href="/admin/pages">
                    Cancel
                  </a>
                </div>
              </form>
            </>
          )}
        </div>
      </div>
    </AdminLayout>
  )
}
