import type { ContentSummary } from '../../db/content.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'
import type { KindLabels } from './types.ts'

/** Asks a publisher to confirm taking an item off the site; a red button does it. */
export const UnpublishPage = ({
  admin,
  labels,
  item,
}: {
  admin: AdminContext
  labels: KindLabels
  item: ContentSummary & { publicPath: string }
}) => {
  const title = `Are you sure you want to unpublish ‘${item.title}’?`
  const editor = `${labels.base}/${item.id}`
  return (
    <AdminLayout
      title={title}
      admin={admin}
      breadcrumbs={[
        { href: '/admin', text: 'Staff area' },
        { href: labels.base, text: labels.plural },
        { href: editor, text: item.title },
      ]}
    >
      <PageHeading title={title} />
      <p class="govuk-body">
        It will be taken off the site at once, and out of every list, search and feed. Its address,{' '}
        <a class="govuk-link" href={item.publicPath}>
          {item.publicPath}
        </a>
        , will tell visitors it has been removed.
      </p>
      <p class="govuk-body">You can publish it again later from its editor.</p>
      <form method="post" action={`${editor}/unpublish`}>
        <CsrfField token={admin.csrfToken} />
        <div class="govuk-button-group">
          <button type="submit" class="govuk-button govuk-button--warning">
            Unpublish
          </button>
          <a class="govuk-link" href={editor}>
            Cancel
          </a>
        </div>
      </form>
    </AdminLayout>
  )
}
