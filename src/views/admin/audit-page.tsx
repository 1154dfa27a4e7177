import type { AuditFilter } from '../../db/audit.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Pagination } from '../components/pagination.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

/** An audit entry as the page lists it. */
export type AuditRow = {
  id: number
  at: Date
  action: string
  target: string
  detail: string
  actorName: string | null
  actorEmail: string | null
}

/** Props of the audit log page. */
export type AuditPageProps = {
  admin: AdminContext
  rows: AuditRow[]
  filter: AuditFilter & { fromText?: string; toText?: string; actor?: string }
  actors: { id: number; name: string }[]
  page: number
  pageCount: number
  query: string
}

/** Who did what and when, newest first, filterable by action, person and date. */
export const AuditPage = (props: AuditPageProps) => (
  <AdminLayout
    title="Audit log"
    admin={props.admin}
    breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}
  >
    <PageHeading
      title="Audit log"
      summary="Every sign-in, change and refused action. Entries are only ever added."
    />
    <form method="get" action="/admin/audit">
      <div class="soca-admin-actions">
        <Input
          name="action"
          label="Action starts with"
          value={props.filter.action}
          widthClass="govuk-input--width-10"
        />
        <div class="govuk-form-group">
          <label class="govuk-label" for="actor">
            Who
          </label>
          <select class="govuk-select" id="actor" name="actor">
            <option value="">Anyone</option>
            {props.actors.map((a) => (
              <option value={String(a.id)} selected={props.filter.actorId === a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <Input
          name="from"
          label="From (YYYY-MM-DD)"
          value={props.filter.fromText}
          widthClass="govuk-input--width-10"
        />
        <Input
          name="to"
          label="To (YYYY-MM-DD)"
          value={props.filter.toText}
          widthClass="govuk-input--width-10"
        />
        <button type="submit" class="govuk-button govuk-button--secondary">
          Filter
        </button>
      </div>
    </form>
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">Audit entries</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            When
          </th>
          <th scope="col" class="govuk-table__header">
            Who
          </th>
          <th scope="col" class="govuk-table__header">
            Action
          </th>
          <th scope="col" class="govuk-table__header">
            Target
          </th>
          <th scope="col" class="govuk-table__header">
            Detail
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {props.rows.map((r) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell">{formatDateTime(r.at)}</td>
            <td class="govuk-table__cell">{r.actorName ?? 'Not signed in'}</td>
            <td class="govuk-table__cell">{r.action}</td>
            <td class="govuk-table__cell">{r.target}</td>
            <td class="govuk-table__cell">{r.detail}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <Pagination path={`/admin/audit${props.query}`} current={props.page} count={props.pageCount} />
  </AdminLayout>
)
