import type { AttachmentListRow } from '../../db/attachments.ts'
import { attachmentSnippet, formatFileSize } from '../../lib/attachment-links.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Pagination } from '../components/pagination.tsx'
import { Banner } from './components/banner.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

/** Props of the attachments library's list. */
export type AttachmentListPageProps = {
  admin: AdminContext
  rows: AttachmentListRow[]
  page: number
  pageCount: number
  total: number
  done?: string
}

/** The attachments library, newest first: each file's type, size, snippet and how often used. */
export const AttachmentListPage = (props: AttachmentListPageProps) => (
  <AdminLayout
    title="Attachments"
    admin={props.admin}
    breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}
  >
    {props.done && <Banner text={props.done} />}
    <PageHeading
      title="Attachments"
      summary="Documents and images for pages and news articles. Paste an attachment’s Markdown into a body to use it."
    />
    <a class="govuk-button" href="/admin/attachments/new">
      Upload an attachment
    </a>
    {props.total === 0 ? (
      <p class="govuk-body">There are no attachments yet.</p>
    ) : (
      <div
        class="soca-table-scroll"
        role="region"
        aria-labelledby="attachments-caption"
        tabindex={0}
      >
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m" id="attachments-caption">
            {props.total} {props.total === 1 ? 'attachment' : 'attachments'}, newest first
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Title
              </th>
              <th scope="col" class="govuk-table__header">
                Type
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Size
              </th>
              <th scope="col" class="govuk-table__header">
                Markdown
              </th>
              <th scope="col" class="govuk-table__header">
                Uploaded
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {props.rows.map((row) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={`/admin/attachments/${row.id}`}>
                    {row.title}
                  </a>
                </td>
                <td class="govuk-table__cell">{row.format.toUpperCase()}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">
                  {formatFileSize(row.size)}
                </td>
                <td class="govuk-table__cell">
                  <code>{attachmentSnippet(row)}</code>
                </td>
                <td class="govuk-table__cell">{formatDateTime(row.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    <Pagination path="/admin/attachments" current={props.page} count={props.pageCount} />
  </AdminLayout>
)
