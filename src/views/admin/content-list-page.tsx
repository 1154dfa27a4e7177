import type { ContentSummary } from '../../db/content.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Pagination } from '../components/pagination.tsx'
import { Banner } from './components/banner.tsx'
import { breakable } from './components/breakable.ts'
import { StatusTag } from './components/status-tag.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'
import type { KindLabels } from './types.ts'

/** Props of a kind's staff list. */
export type ContentListPageProps = {
  admin: AdminContext
  labels: KindLabels
  /** The items of this page of the list. */
  items: ContentSummary[]
  /** Which page of the list this is, from 1, of `pageCount`. */
  page: number
  pageCount: number
  /** Items a full page shows. */
  pageSize: number
  /** How many items there are in all. */
  total: number
  /** The list's order in words, e.g. 'newest first'. */
  order: string
  notice?: string
}

const number = (n: number) => n.toLocaleString('en-GB')

/** One page of a kind's items, with their state and a link to edit each, and the pages. */
export const ContentListPage = (props: ContentListPageProps) => {
  const { labels, items, page, pageCount, total } = props
  const first = (page - 1) * props.pageSize + 1
  return (
    <AdminLayout
      title={page > 1 ? `${labels.plural} (page ${page} of ${pageCount})` : labels.plural}
      admin={props.admin}
      breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}
    >
      {props.notice && <Banner text={props.notice} />}
      <PageHeading title={labels.plural} />
      <a class="govuk-button" href={`${labels.base}/new`}>
        Create {labels.singular.toLowerCase()}
      </a>
      <p class="govuk-body">
        {total === 0
          ? 'There are none yet.'
          : `Showing ${number(first)} to ${number(first + items.length - 1)} of ${number(total)}, ${props.order}.`}
      </p>
      {items.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">
            {pageCount > 1 ? `${labels.plural}, page ${page} of ${pageCount}` : labels.plural}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Title and address
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
                  <br />
                  <span class="govuk-body-s">{breakable(item.address)}</span>
                </td>
                <td class="govuk-table__cell">
                  <StatusTag item={item} />
                </td>
                <td class="govuk-table__cell">{formatDateTime(item.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination path={labels.base} current={page} count={pageCount} />
    </AdminLayout>
  )
}
