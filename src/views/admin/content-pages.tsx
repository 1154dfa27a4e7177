import type { ContentSummary, RevisionRow } from '../../db/content.ts'
import type { FieldSpec } from '../../forms/content.ts'
import type { FieldError } from '../../forms/fields.ts'
import { formatDateTime } from '../../lib/dates.ts'
import type { DiffPart } from '../../lib/diff.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Textarea } from '../components/textarea.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

/** How a kind of content is named and where it lives in the staff area. */
export type KindLabels = { singular: string; plural: string; base: string }

/** The state of an item as a GOV.UK tag. */
export const StatusTag = ({ item }: { item: Pick<ContentSummary, 'status' | 'publishedRevisionId' | 'latestRevisionId'> }) => {
  const changes = item.latestRevisionId !== null && item.latestRevisionId !== item.publishedRevisionId
  if (item.status === 'published' && changes) return <strong class="govuk-tag govuk-tag--yellow">Published, with changes</strong>
  if (item.status === 'published') return <strong class="govuk-tag govuk-tag--green">Published</strong>
  if (item.status === 'unpublished') return <strong class="govuk-tag govuk-tag--grey">Unpublished</strong>
  return <strong class="govuk-tag govuk-tag--blue">Draft</strong>
}

/** Every item of a kind, with its state and a link to edit it. */
export const ContentListPage = ({ admin, labels, items, notice }: { admin: AdminContext; labels: KindLabels; items: ContentSummary[]; notice?: string }) => (
  <AdminLayout title={labels.plural} admin={admin} breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}>
    {notice && <Banner text={notice} />}
    <PageHeading title={labels.plural} />
    <a class="govuk-button" href={`${labels.base}/new`}>
      Create {labels.singular.toLowerCase()}
    </a>
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">{labels.plural}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">Title</th>
          <th scope="col" class="govuk-table__header">Address</th>
          <th scope="col" class="govuk-table__header">State</th>
          <th scope="col" class="govuk-table__header">Last changed</th>
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

/** A GOV.UK success notification banner. */
export const Banner = ({ text }: { text: string }) => (
  <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-title">
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="success-title">
        Success
      </h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">{text}</p>
    </div>
  </div>
)

/** A form whose only control is a button: a POST action such as publish. */
export const ActionButton = ({ action, label, csrfToken, secondary, warning }: { action: string; label: string; csrfToken: string; secondary?: boolean; warning?: boolean }) => (
  <form method="post" action={action}>
    <CsrfField token={csrfToken} />
    <button type="submit" class={`govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}`}>
      {label}
    </button>
  </form>
)

/** Props of the edit page. */
export type EditPageProps = {
  admin: AdminContext
  labels: KindLabels
  fields: FieldSpec[]
  /** Null when creating. */
  item: (ContentSummary & { publicPath: string }) | null
  values: Record<string, string>
  errors?: FieldError[]
  parents?: { id: number; path: string; title: string }[]
  canPublish: boolean
  notice?: string
  /** Why publishing is not offered, e.g. the second pair of eyes rule. */
  publishBlocked?: string
  /** Extra publisher actions on a published item, e.g. closing a vacancy. */
  actions?: { path: string; label: string }[]
}

/** Create or edit an item: the form, then what can be done with it. */
export const EditPage = (props: EditPageProps) => {
  const { admin, labels, item, values, errors = [] } = props
  const title = item ? `Edit ${labels.singular.toLowerCase()}` : `Create ${labels.singular.toLowerCase()}`
  const action = item ? `${labels.base}/${item.id}` : `${labels.base}/new`
  const hasChanges = item && item.latestRevisionId !== null && item.latestRevisionId !== item.publishedRevisionId
  const canPublishNow = item && props.canPublish && !props.publishBlocked && (hasChanges || item.status !== 'published')
  return (
    <AdminLayout title={errors.length > 0 ? `Error: ${title}` : title} admin={admin} breadcrumbs={[{ href: '/admin', text: 'Staff area' }, { href: labels.base, text: labels.plural }]}>
      {props.notice && <Banner text={props.notice} />}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <PageHeading title={title} />
      {item && (
        <>
          <p class="govuk-body">
            <StatusTag item={item} />
          </p>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={`${labels.base}/${item.id}/preview`}>
                Preview
              </a>
            </li>
            <li>
              <a class="govuk-link" href={`${labels.base}/${item.id}/history`}>
                History
              </a>
            </li>
            {item.status === 'published' && (
              <li>
                <a class="govuk-link" href={item.publicPath}>
                  View on the site
                </a>
              </li>
            )}
          </ul>
          <div class="soca-admin-actions">
            {canPublishNow && <ActionButton action={`${labels.base}/${item.id}/publish`} label="Publish" csrfToken={admin.csrfToken} />}
            {props.canPublish && item.status === 'published' && (
              <ActionButton action={`${labels.base}/${item.id}/unpublish`} label="Unpublish" csrfToken={admin.csrfToken} warning />
            )}
            {props.canPublish &&
              item.status === 'published' &&
              props.actions?.map((a) => (
                <ActionButton action={`${labels.base}/${item.id}/${a.path}`} label={a.label} csrfToken={admin.csrfToken} secondary />
              ))}
          </div>
          {props.publishBlocked && <p class="govuk-inset-text">{props.publishBlocked}</p>}
        </>
      )}
      <form method="post" action={action} novalidate>
        <CsrfField token={admin.csrfToken} />
        {props.fields.map((field) =>
          field.control === 'parent' ? (
            <div class="govuk-form-group">
              <label class="govuk-label" for="parentId">
                {field.label}
              </label>
              <select class="govuk-select" id="parentId" name="parentId">
                <option value="" selected={!values.parentId}>
                  None (a top-level page)
                </option>
                {(props.parents ?? [])
                  .filter((p) => p.id !== item?.id)
                  .map((p) => (
                    <option value={String(p.id)} selected={values.parentId === String(p.id)}>
                      {p.path} – {p.title}
                    </option>
                  ))}
              </select>
            </div>
          ) : field.control === 'input' ? (
            <Input name={field.name} label={field.label} hint={field.hint} value={values[field.name]} error={errorFor(errors, field.name)} widthClass={field.width} />
          ) : (
            <Textarea name={field.name} label={field.label} hint={field.hint} value={values[field.name]} error={errorFor(errors, field.name)} rows={field.control === 'markdown' ? 20 : 3} />
          ),
        )}
        <button type="submit" class="govuk-button govuk-button--secondary">
          Save draft
        </button>
      </form>
    </AdminLayout>
  )
}

/** Every revision of an item: compare two, or restore one. */
export const HistoryPage = ({ admin, labels, item, revisions, canPublish }: { admin: AdminContext; labels: KindLabels; item: ContentSummary; revisions: RevisionRow[]; canPublish: boolean }) => (
  <AdminLayout title={`History of ${item.title}`} admin={admin} breadcrumbs={[{ href: '/admin', text: 'Staff area' }, { href: labels.base, text: labels.plural }, { href: `${labels.base}/${item.id}`, text: item.title }]}>
    <PageHeading title={`History of ${item.title}`} />
    {revisions.length === 0 ? (
      <p class="govuk-body">This has not been changed in the staff area yet.</p>
    ) : (
      <>
        <form method="get" action={`${labels.base}/${item.id}/compare`}>
          <div class="soca-admin-actions">
            <RevisionSelect name="from" label="Compare" revisions={revisions} selected={revisions[1]?.id ?? revisions[0]!.id} />
            <RevisionSelect name="to" label="with" revisions={revisions} selected={revisions[0]!.id} />
            <button type="submit" class="govuk-button govuk-button--secondary">
              Compare
            </button>
          </div>
        </form>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Revisions, newest first</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">Revision</th>
              <th scope="col" class="govuk-table__header">Saved</th>
              <th scope="col" class="govuk-table__header">By</th>
              <th scope="col" class="govuk-table__header">Note</th>
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
                  <ActionButton action={`${labels.base}/${item.id}/restore/${r.id}`} label={canPublish ? `Restore and publish ${r.id}` : `Restore ${r.id} as draft`} csrfToken={admin.csrfToken} secondary />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    )}
  </AdminLayout>
)

const RevisionSelect = ({ name, label, revisions, selected }: { name: string; label: string; revisions: RevisionRow[]; selected: number }) => (
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

/** Two revisions side by side: each field's lines, removed and added. */
export const ComparePage = ({ admin, labels, item, from, to, diffs }: { admin: AdminContext; labels: KindLabels; item: ContentSummary; from: number; to: number; diffs: { label: string; parts: DiffPart[] }[] }) => (
  <AdminLayout title={`Compare revisions ${from} and ${to}`} admin={admin} breadcrumbs={[{ href: '/admin', text: 'Staff area' }, { href: labels.base, text: labels.plural }, { href: `${labels.base}/${item.id}/history`, text: `History of ${item.title}` }]}>
    <PageHeading title={`Compare revisions ${from} and ${to}`} />
    <p class="govuk-body">
      Text only in revision {from} is <del>struck through</del>; text only in revision {to} is <ins>underlined</ins>.
    </p>
    {diffs.map((d) => (
      <>
        <h2 class="govuk-heading-s">
          {d.label}
          {d.parts.every((p) => p.kind === 'same') && ' (no change)'}
        </h2>
        <div class="soca-diff">
          {d.parts.map((p) =>
            p.kind === 'added' ? (
              <ins>
                <span class="govuk-visually-hidden">Added: </span>
                {p.text}
                {'\n'}
              </ins>
            ) : p.kind === 'removed' ? (
              <del>
                <span class="govuk-visually-hidden">Removed: </span>
                {p.text}
                {'\n'}
              </del>
            ) : (
              <span>
                {p.text}
                {'\n'}
              </span>
            ),
          )}
        </div>
      </>
    ))}
  </AdminLayout>
)
