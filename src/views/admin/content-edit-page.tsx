import type { ContentSummary, ParentChoices } from '../../db/content.ts'
import { type FieldSpec, dateParts } from '../../forms/content.ts'
import type { FieldError } from '../../forms/fields.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { ErrorMessage, FormGroup, Hint, describedBy } from '../components/form-group.tsx'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Textarea } from '../components/textarea.tsx'
import { ActionButton } from './components/action-button.tsx'
import { Banner } from './components/banner.tsx'
import { ParentField } from './components/parent-field.tsx'
import { StatusTag } from './components/status-tag.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'
import type { KindLabels } from './types.ts'
import { pageTitle } from './components/page-title.ts'

/** Props of the edit page. */
export type EditPageProps = {
  admin: AdminContext
  labels: KindLabels
  fields: FieldSpec[]
  /** Null when creating. */
  item: (ContentSummary & { publicPath: string }) | null
  values: Record<string, string>
  errors?: FieldError[]
  /** The pages a page's parent field offers (pages only). */
  parents?: ParentChoices
  canPublish: boolean
  notice?: string
  /** The notice is something to act on (not published), not a success. */
  noticeImportant?: boolean
  /** The notice is about a change now live: it links to the page on the site. */
  noticeLinksLive?: boolean
  /** Whether the form asks for the type of change and a public change note. */
  changeNote?: boolean
  /** Whether the item may be deleted (a page never published). */
  deletable?: boolean
  /** Why publishing is not offered, e.g. the second pair of eyes rule. */
  publishBlocked?: string
  /** Extra publisher actions on a published item, e.g. closing a vacancy. */
  actions?: { path: string; label: string }[]
}

/** Create or edit an item: where it stands, the form with its buttons, then other actions. */
export const EditPage = (props: EditPageProps) => {
  const { admin, labels, item, values, errors = [] } = props
  const noun = labels.singular.toLowerCase()
  const title = item ? `Edit ${noun}` : `Create ${noun}`
  const action = item ? `${labels.base}/${item.id}` : `${labels.base}/new`
  const hasChanges =
    item !== null &&
    item.latestRevisionId !== null &&
    item.latestRevisionId !== item.publishedRevisionId
  return (
    <AdminLayout
      title={pageTitle(title, errors)}
      admin={admin}
      breadcrumbs={[
        { href: '/admin', text: 'Staff area' },
        { href: labels.base, text: labels.plural },
      ]}
    >
      {props.notice && (
        <Banner
          text={props.notice}
          important={props.noticeImportant}
          link={
            props.noticeLinksLive && item
              ? { href: item.publicPath, text: 'View the page on the site' }
              : undefined
          }
        />
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <PageHeading title={title} />
      {item && <Standing item={item} />}
      {item && props.publishBlocked && <p class="govuk-inset-text">{props.publishBlocked}</p>}
      {item && props.canPublish && hasChanges && !props.publishBlocked && (
        <div class="govuk-inset-text">
          <p class="govuk-body">
            {item.status === 'published'
              ? 'It has saved changes that are not on the site yet.'
              : 'Its saved version is not on the site yet.'}{' '}
            You can publish them as they are, without editing.
          </p>
          <ActionButton
            action={`${labels.base}/${item.id}/publish`}
            label="Publish saved changes"
            csrfToken={admin.csrfToken}
            secondary
          />
        </div>
      )}
      <form method="post" action={action} novalidate>
        <CsrfField token={admin.csrfToken} />
        {props.fields.map((field) => (
          <Field field={field} props={props} />
        ))}
        {props.changeNote && <ChangeType values={values} errors={errors} />}
        <div class="govuk-button-group">
          {props.canPublish && (
            <button type="submit" name="action" value="publish" class="govuk-button">
              Publish
            </button>
          )}
          <button
            type="submit"
            name="action"
            value="save"
            class={`govuk-button${props.canPublish ? ' govuk-button--secondary' : ''}`}
          >
            Save draft
          </button>
        </div>
      </form>
      {item && <MoreActions {...props} item={item} />}
    </AdminLayout>
  )
}

/** Where the item stands: its status, when it was last published, and its address. */
const Standing = ({ item }: { item: ContentSummary & { publicPath: string } }) => (
  <dl class="govuk-summary-list">
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">Status</dt>
      <dd class="govuk-summary-list__value">
        <StatusTag item={item} />
      </dd>
    </div>
    {item.status !== 'draft' && (
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">
          {item.status === 'published' ? 'Last published' : 'Unpublished'}
        </dt>
        <dd class="govuk-summary-list__value">{formatDateTime(item.updatedAt)}</dd>
      </div>
    )}
    {item.status === 'published' && (
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">On the site</dt>
        <dd class="govuk-summary-list__value">
          <a class="govuk-link" href={item.publicPath}>
            {item.publicPath}
          </a>
        </dd>
      </div>
    )}
  </dl>
)

/** One field of the form, as its spec says. */
const Field = ({ field, props }: { field: FieldSpec; props: EditPageProps }) => {
  const { values, errors = [], item } = props
  const error = errorFor(errors, field.name)
  if (field.control === 'parent') {
    if (!props.parents) return null
    return (
      <ParentField
        label={field.label}
        choices={props.parents}
        values={values}
        errors={errors}
        selfId={item?.id ?? null}
      />
    )
  }
  if (field.control === 'date') return <DateField field={field} values={values} error={error} />
  if (field.control === 'input') {
    return (
      <Input
        name={field.name}
        label={field.label}
        hint={field.hint}
        value={values[field.name]}
        error={error}
        widthClass={field.width}
      />
    )
  }
  return (
    <Textarea
      name={field.name}
      label={field.label}
      hint={field.hint}
      value={values[field.name]}
      error={error}
      rows={field.control === 'markdown' ? 20 : 3}
    />
  )
}

/**
 * A GOV.UK date input: day, month and year boxes, filled from what was typed or else from the
 * stored ISO date. The day box has the field's own id, so the error summary links to it.
 */
const DateField = (props: { field: FieldSpec; values: Record<string, string>; error?: string }) => {
  const { field, values, error } = props
  const id = field.name
  const [dayName, monthName, yearName] = dateParts(id)
  const typed = dayName in values || monthName in values || yearName in values
  const [year = '', month = '', day = ''] = (values[id] ?? '').split('-')
  const stored = (part: string) => (part === '' ? '' : String(Number(part)))
  const boxes = [
    { name: dayName, id, label: 'Day', width: 2, value: typed ? values[dayName] : stored(day) },
    {
      name: monthName,
      id: monthName,
      label: 'Month',
      width: 2,
      value: typed ? values[monthName] : stored(month),
    },
    {
      name: yearName,
      id: yearName,
      label: 'Year',
      width: 4,
      value: typed ? values[yearName] : year,
    },
  ]
  return (
    <FormGroup error={error}>
      <fieldset
        class="govuk-fieldset"
        role="group"
        aria-describedby={describedBy(id, field.hint, error)}
      >
        <legend class="govuk-fieldset__legend">{field.label}</legend>
        <Hint id={id} text={field.hint} />
        <ErrorMessage id={id} text={error} />
        <div class="govuk-date-input">
          {boxes.map((box) => (
            <div class="govuk-date-input__item">
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for={box.id}>
                  {box.label}
                </label>
                <input
                  class={`govuk-input govuk-date-input__input govuk-input--width-${box.width}${error ? ' govuk-input--error' : ''}`}
                  id={box.id}
                  name={box.name}
                  type="text"
                  inputmode="numeric"
                  value={box.value ?? ''}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </FormGroup>
  )
}

/**
 * The type of change, for an item already published: minor (no public note) or major, with the
 * change note visitors are shown. GOV.UK's conditional reveal; with no JavaScript (the staff
 * area has none) the note box is simply always shown.
 */
const ChangeType = ({
  values,
  errors,
}: {
  values: Record<string, string>
  errors: FieldError[]
}) => {
  const typeError = errorFor(errors, 'changeType')
  const noteError = errorFor(errors, 'changeNote')
  const hint = 'A major change adds a note at the foot of the page, with the date it was published.'
  const major = values.changeType === 'major'
  return (
    <FormGroup error={typeError}>
      <fieldset
        class="govuk-fieldset"
        aria-describedby={describedBy('changeType', hint, typeError)}
      >
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Type of change</legend>
        <Hint id="changeType" text={hint} />
        <ErrorMessage id="changeType" text={typeError} />
        <div class="govuk-radios" data-module="govuk-radios">
          <div class="govuk-radios__item">
            <input
              class="govuk-radios__input"
              id="changeType"
              name="changeType"
              type="radio"
              value="minor"
              checked={!major}
            />
            <label class="govuk-label govuk-radios__label" for="changeType">
              Minor change, such as a typo (no public note)
            </label>
          </div>
          <div class="govuk-radios__item">
            <input
              class="govuk-radios__input"
              id="changeType-2"
              name="changeType"
              type="radio"
              value="major"
              checked={major}
              data-aria-controls="conditional-changeType-2"
            />
            <label class="govuk-label govuk-radios__label" for="changeType-2">
              Major change: visitors are told
            </label>
          </div>
          <div class="govuk-radios__conditional" id="conditional-changeType-2">
            <Textarea
              name="changeNote"
              label="Change note"
              hint="For a major change only. Say what changed, for example: corrected the office address."
              value={values.changeNote}
              error={noteError}
              rows={3}
            />
          </div>
        </div>
      </fieldset>
    </FormGroup>
  )
}

/** What else can be done with an item: preview, history, scheduling, sharing, unpublishing. */
const MoreActions = (props: EditPageProps & { item: ContentSummary & { publicPath: string } }) => {
  const { admin, labels, item, canPublish } = props
  const base = `${labels.base}/${item.id}`
  const live = item.status === 'published'
  return (
    <>
      <h2 class="govuk-heading-m">Other actions</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`${base}/preview`}>
            Preview
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`${base}/history`}>
            History
          </a>
        </li>
        {canPublish && (
          <li>
            <a class="govuk-link" href={`${base}/schedule`}>
              Schedule
            </a>
          </li>
        )}
        <li>
          <a class="govuk-link" href={`${base}/share`}>
            Share a preview link
          </a>
        </li>
        {props.deletable && (
          <li>
            <a class="govuk-link" href={`${base}/delete`}>
              Delete
            </a>
          </li>
        )}
        {canPublish && live && (
          <li>
            <a class="govuk-link" href={`${base}/unpublish`}>
              Unpublish
            </a>
          </li>
        )}
      </ul>
      {canPublish && live && props.actions && props.actions.length > 0 && (
        <div class="soca-admin-actions">
          {props.actions.map((a) => (
            <ActionButton
              action={`${base}/${a.path}`}
              label={a.label}
              csrfToken={admin.csrfToken}
              secondary
            />
          ))}
        </div>
      )}
    </>
  )
}
