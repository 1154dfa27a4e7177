import type { ContentSummary } from '../../db/content.ts'
import type { FieldSpec } from '../../forms/content.ts'
import type { FieldError } from '../../forms/fields.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Textarea } from '../components/textarea.tsx'
import { ActionButton } from './components/action-button.tsx'
import { Banner } from './components/banner.tsx'
import { StatusTag } from './components/status-tag.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'
import type { KindLabels } from './types.ts'

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
  const title = item
    ? `Edit ${labels.singular.toLowerCase()}`
    : `Create ${labels.singular.toLowerCase()}`
  const action = item ? `${labels.base}/${item.id}` : `${labels.base}/new`
  const hasChanges =
    item && item.latestRevisionId !== null && item.latestRevisionId !== item.publishedRevisionId
  const canPublishNow =
    item && props.canPublish && !props.publishBlocked && (hasChanges || item.status !== 'published')
  return (
    <AdminLayout
      title={errors.length > 0 ? `Error: ${title}` : title}
      admin={admin}
      breadcrumbs={[
        { href: '/admin', text: 'Staff area' },
        { href: labels.base, text: labels.plural },
      ]}
    >
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
            {canPublishNow && (
              <ActionButton
                action={`${labels.base}/${item.id}/publish`}
                label="Publish"
                csrfToken={admin.csrfToken}
              />
            )}
            {props.canPublish && item.status === 'published' && (
              <ActionButton
                action={`${labels.base}/${item.id}/unpublish`}
                label="Unpublish"
                csrfToken={admin.csrfToken}
                warning
              />
            )}
            {props.canPublish &&
              item.status === 'published' &&
              props.actions?.map((a) => (
                <ActionButton
                  action={`${labels.base}/${item.id}/${a.path}`}
                  label={a.label}
                  csrfToken={admin.csrfToken}
                  secondary
                />
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
            <Input
              name={field.name}
              label={field.label}
              hint={field.hint}
              value={values[field.name]}
              error={errorFor(errors, field.name)}
              widthClass={field.width}
            />
          ) : (
            <Textarea
              name={field.name}
              label={field.label}
              hint={field.hint}
              value={values[field.name]}
              error={errorFor(errors, field.name)}
              rows={field.control === 'markdown' ? 20 : 3}
            />
          ),
        )}
        <button type="submit" class="govuk-button govuk-button--secondary">
          Save draft
        </button>
      </form>
    </AdminLayout>
  )
}
