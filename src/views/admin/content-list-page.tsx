import type { ContentSummary } from '../../db/content.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Banner } from './components/banner.tsx'
import { StatusTag } from './components/status-tag.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'
import type { KindLabels } from './types.ts'

/** Every item of a kind, with its state and a link to edit it. */
export const ContentListPage = ({
  admin,
  labels,
  items,
  notice,
}: {
  admin: AdminContext
  labels: KindLabels
  items: ContentSummary[]
  notice?: string
}) => (
  <AdminLayout
    title={labels.plural}
    admin={admin}
    breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}
  >
    {notice && <Banner text={notice} />}
    <PageHeading title={labels.plural} />
    <a class="govuk-button" href={`${labels.base}/new`}>
      Create {labels.singular.toLowerCase()}
    </a>
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">{labels.plural}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Title
          </th>
          <th scope="col" class="govuk-table__header">
            Address
          </th>
          <th scope="col" class="govuk-table__header">
            State
          </th>
          <th scope="col" class="govuk-table__header">
            Last changed
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {items.map((item) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">
              <a class="govuk-link" href={`${labels.base}/${item.id}`}>
                {item.title}
              </a>
            </td>
            <td class="govuk-table__cell">{item.address}</td>
            <td class="govuk-table__cell">
              <StatusTag item={item} />
            </td>
            <td class="govuk-table__cell">{formatDateTime(item.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </AdminLayout>
)
