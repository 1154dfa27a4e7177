import type { ContentSummary, RevisionRow } from '../../db/content.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { ActionButton } from './components/action-button.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'
import type { KindLabels } from './types.ts'

/** Every revision of an item: compare two, or restore one. */
export const HistoryPage = ({
  admin,
  labels,
  item,
  revisions,
  canPublish,
}: {
  admin: AdminContext
  labels: KindLabels
  item: ContentSummary
  revisions: RevisionRow[]
  canPublish: boolean
}) => (
  <AdminLayout
    title={`History of ${item.title}`}
    admin={admin}
    breadcrumbs={[
      { href: '/admin', text: 'Staff area' },
      { href: labels.base, text: labels.plural },
      { href: `${labels.base}/${item.id}`, text: item.title },
    ]}
  >
    <PageHeading title={`History of ${item.title}`} />
    {revisions.length === 0 ? (
      <p class="govuk-body">This has not been changed in the staff area yet.</p>
    ) : (
      <>
        <form method="get" action={`${labels.base}/${item.id}/compare`}>
          <div class="soca-admin-actions">
            <RevisionSelect
              name="from"
              label="Compare"
              revisions={revisions}
              selected={revisions[1]?.id ?? revisions[0]!.id}
            />
            <RevisionSelect
              name="to"
              label="with"
              revisions={revisions}
              selected={revisions[0]!.id}
            />
            <button type="submit" class="govuk-button govuk-button--secondary">
              Compare
            </button>
          </div>
        </form>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            Revisions, newest first
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Revision
              </th>
              <th scope="col" class="govuk-table__header">
                Saved
              </th>
              <th scope="col" class="govuk-table__header">
                By
              </th>
              <th scope="col" class="govuk-table__header">
                Note
              </th>
              <th scope="col" class="govuk-table__header">
                <span class="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {revisions.map((r) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  {r.id}
                  {r.id === item.publishedRevisionId && ' (live)'}
                </td>
                <td class="govuk-table__cell">{formatDateTime(r.createdAt)}</td>
                <td class="govuk-table__cell">{r.authorName ?? 'Unknown'}</td>
                <td class="govuk-table__cell">{r.note}</td>
                <td class="govuk-table__cell">
                  <ActionButton
                    action={`${labels.base}/${item.id}/restore/${r.id}`}
                    label={canPublish ? `Restore and publish ${r.id}` : `Restore ${r.id} as draft`}
                    csrfToken={admin.csrfToken}
                    secondary
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    )}
  </AdminLayout>
)

const RevisionSelect = ({
  name,
  label,
  revisions,
  selected,
}: {
  name: string
  label: string
  revisions: RevisionRow[]
  selected: number
}) => (
  <div class="govuk-form-group">
    <label class="govuk-label" for={name}>
      {label}
    </label>
    <select class="govuk-select" id={name} name={name}>
      {revisions.map((r) => (
        <option value={String(r.id)} selected={r.id === selected}>
          Revision {r.id}, {formatDateTime(r.createdAt)}
        </option>
      ))}
    </select>
  </div>
)
