import type { FieldError } from '../../forms/fields.ts'

/** Props of the GOV.UK error summary. */
export type ErrorSummaryProps = {
  errors: FieldError[]
  title?: string
  /** A sentence shown above the list, e.g. when nothing was sent. */
  description?: string
}

/**
 * The GOV.UK error summary, linking to each field. `autofocus` moves focus to it when the page
 * loads, with or without JavaScript, so screen reader users hear the problems first.
 */
export const ErrorSummary = ({ errors, title, description }: ErrorSummaryProps) => (
  <div class="govuk-error-summary" tabindex={-1} autofocus>
    <div role="alert">
      <h2 class="govuk-error-summary__title">{title ?? 'There is a problem'}</h2>
      <div class="govuk-error-summary__body">
        {description && <p class="govuk-body">{description}</p>}
        {errors.length > 0 && (
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  </div>
)

/** The message for a field, if it has one. */
export const errorFor = (errors: FieldError[], field: string) =>
  errors.find((e) => e.field === field)?.message

/**
 * The summary at the top of a form that came back: its errors, or, when nothing could be
 * stored, that nothing was sent (`notSent`) and to send it again.
 */
export const FormProblems = (props: {
  errors: FieldError[]
  unavailable?: boolean
  notSent: string
}) =>
  props.errors.length > 0 || props.unavailable ? (
    <ErrorSummary
      errors={props.errors}
      title={props.unavailable ? 'Sorry, there is a problem with the service' : undefined}
      description={
        props.unavailable
          ? `${props.notSent} Check your answers below and send the form again. If it still does not work, try again later.`
          : undefined
      }
    />
  ) : null
