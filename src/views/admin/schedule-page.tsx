import type { ContentSummary } from '../../db/content.ts'
import type { ScheduledChange } from '../../db/schedule.ts'
import type { ScheduleStatus } from '../../db/schema.ts'
import type { FieldError } from '../../forms/fields.ts'
import { type ScheduleTime, TIME_PARTS } from '../../forms/schedule.ts'
import { formatUkDateTime } from '../../lib/uk-time.ts'
import { ErrorSummary } from '../components/error-summary.tsx'
import { ErrorMessage, Hint } from '../components/form-group.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { ActionButton } from './components/action-button.tsx'
import { Banner } from './components/banner.tsx'
import { describeChange } from './components/scheduled-change.ts'
import { StatusTag } from './components/status-tag.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'
import { pageTitle } from './components/page-title.ts'
import type { KindLabels } from './types.ts'

/** Props of an item's schedule page. */
export type SchedulePageProps = {
  admin: AdminContext
  labels: KindLabels
  item: ContentSummary
  pending: ScheduledChange[]
  settled: ScheduledChange[]
  /** Publishers may set and cancel times; editors see them only. */
  canSchedule: boolean
  /** Why this member cannot schedule a publish now, e.g. the second pair of eyes rule. */
  publishBlocked?: string
  values?: Record<string, string>
  errors?: FieldError[]
  notice?: string
}

const STATUS: Record<Exclude<ScheduleStatus, 'pending'>, { text: string; colour: string }> = {
  done: { text: 'Done', colour: 'green' },
  cancelled: { text: 'Cancelled', colour: 'grey' },
  failed: { text: 'Failed', colour: 'red' },
}

/** What became of a settled change: its status tag, and why or by whom. */
const Outcome = ({ change }: { change: ScheduledChange }) => {
  if (change.status === 'pending') return null
  const { text, colour } = STATUS[change.status]
  const note =
    change.detail ||
    (change.status === 'cancelled' && change.settledByName ? `By ${change.settledByName}` : '')
  return (
    <>
      <strong class={`govuk-tag govuk-tag--${colour}`}>{text}</strong>
      {note && <p class="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{note}</p>}
    </>
  )
}

const HEADINGS: Record<ScheduleTime, { legend: string; hint: string }> = {
  publishAt: {
    legend: 'Publish at',
    hint: 'UK time. For example, 27 3 2027 and 09:30. Publishes the newest saved version.',
  },
  unpublishAt: {
    legend: 'Unpublish at',
    hint: 'UK time. For example, 30 4 2027 and 17:00.',
  },
}

const PART_LABEL = { day: 'Day', month: 'Month', year: 'Year', time: 'Time (hh:mm)' } as const
const PART_WIDTH = { day: 2, month: 2, year: 4, time: 5 } as const

/**
 * A GOV.UK date input (day, month, year) with a time field, for one scheduled time. An error on
 * the day is about the whole date, so it marks all three date parts.
 */
const DateTimeField = ({
  name,
  values,
  errors,
}: {
  name: ScheduleTime
  values: Record<string, string>
  errors: FieldError[]
}) => {
  const error = errors.find((e) => e.field.startsWith(`${name}-`))
  const wrong = error?.field.slice(name.length + 1)
  const marked = (part: (typeof TIME_PARTS)[number]) =>
    wrong === part || (wrong === 'day' && part !== 'time')
  const { legend, hint } = HEADINGS[name]
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        class="govuk-fieldset"
        aria-describedby={`${name}-hint${error ? ` ${name}-error` : ''}`}
      >
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        <Hint id={name} text={hint} />
        <ErrorMessage id={name} text={error?.message} />
        <div class="govuk-date-input" id={name}>
          {TIME_PARTS.map((part) => (
            <div class="govuk-date-input__item">
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for={`${name}-${part}`}>
                  {PART_LABEL[part]}
                </label>
                <input
                  class={`govuk-input govuk-date-input__input govuk-input--width-${PART_WIDTH[part]}${marked(part) ? ' govuk-input--error' : ''}`}
                  id={`${name}-${part}`}
                  name={`${name}-${part}`}
                  type="text"
                  inputmode={part === 'time' ? undefined : 'numeric'}
                  autocomplete="off"
                  spellcheck={false}
                  value={values[`${name}-${part}`] ?? ''}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}

/** An item's scheduled publishing and unpublishing: what is set, what happened, a new time. */
export const SchedulePage = (props: SchedulePageProps) => {
  const { admin, labels, item, errors = [], values = {} } = props
  const title = `Schedule ${item.title}`
  const base = `${labels.base}/${item.id}/schedule`
  return (
    <AdminLayout
      title={pageTitle(title, errors)}
      admin={admin}
      breadcrumbs={[
        { href: '/admin', text: 'Staff area' },
        { href: labels.base, text: labels.plural },
        { href: `${labels.base}/${item.id}`, text: item.title },
      ]}
    >
      {props.notice && <Banner text={props.notice} />}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <PageHeading title={title} />
      <p class="govuk-body">
        <StatusTag item={item} />
      </p>
      <h2 class="govuk-heading-m">Scheduled</h2>
      {props.pending.length === 0 ? (
        <p class="govuk-body">Nothing is scheduled.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">
            Scheduled changes, soonest first
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Change
              </th>
              <th scope="col" class="govuk-table__header">
                When
              </th>
              <th scope="col" class="govuk-table__header">
                Set by
              </th>
              {props.canSchedule && (
                <th scope="col" class="govuk-table__header">
                  <span class="govuk-visually-hidden">Action</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {props.pending.map((change) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{describeChange(change)}</td>
                <td class="govuk-table__cell">{formatUkDateTime(change.at)}</td>
                <td class="govuk-table__cell">{change.createdByName}</td>
                {props.canSchedule && (
                  <td class="govuk-table__cell">
                    <ActionButton
                      action={`${base}/${change.id}/cancel`}
                      label={`Cancel ${change.action}`}
                      csrfToken={admin.csrfToken}
                      secondary
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canSchedule ? (
        <>
          <h2 class="govuk-heading-m">Set a time</h2>
          <p class="govuk-body">
            Enter a time to publish, to unpublish, or both. A new time replaces the one already set.
            Times are UK time: GMT in winter, BST in summer. On the night the clocks go back, a time
            from 1am to 1:59am means the first one, in BST.
          </p>
          {props.publishBlocked && (
            <div class="govuk-inset-text">
              You cannot schedule publishing: {props.publishBlocked} You can still schedule
              unpublishing.
            </div>
          )}
          <form method="post" action={base} novalidate>
            <CsrfField token={admin.csrfToken} />
            <DateTimeField name="publishAt" values={values} errors={errors} />
            <DateTimeField name="unpublishAt" values={values} errors={errors} />
            <button type="submit" class="govuk-button">
              Schedule
            </button>
          </form>
        </>
      ) : (
        <p class="govuk-inset-text">Only publishers can schedule publishing and unpublishing.</p>
      )}
      {props.settled.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Recent changes</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Change
              </th>
              <th scope="col" class="govuk-table__header">
                Scheduled for
              </th>
              <th scope="col" class="govuk-table__header">
                Set by
              </th>
              <th scope="col" class="govuk-table__header">
                Outcome
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {props.settled.map((change) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">{describeChange(change)}</td>
                <td class="govuk-table__cell">{formatUkDateTime(change.at)}</td>
                <td class="govuk-table__cell">{change.createdByName}</td>
                <td class="govuk-table__cell">
                  <Outcome change={change} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminLayout>
  )
}
