import type { Child } from 'hono/jsx'

/** `aria-describedby` for a field: its hint and error ids, when it has them. */
export const describedBy = (id: string, hint?: string, error?: string) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined

/** A GOV.UK form group, marked as in error when `error` is set. */
export const FormGroup = ({ error, children }: { error?: string; children: Child }) => (
  <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>{children}</div>
)

/** A GOV.UK hint, with the id `aria-describedby` points at. */
export const Hint = ({ id, text }: { id: string; text?: string }) =>
  text ? (
    <div id={`${id}-hint`} class="govuk-hint">
      {text}
    </div>
  ) : null

/** A GOV.UK error message, starting with a visually hidden "Error:". */
export const ErrorMessage = ({ id, text }: { id: string; text?: string }) =>
  text ? (
    <p id={`${id}-error`} class="govuk-error-message">
      <span class="govuk-visually-hidden">Error:</span> {text}
    </p>
  ) : null

/** Props of a single-control field: the label, hint and error around one input. */
export type LabelledFieldProps = {
  id: string
  label: string
  hint?: string
  error?: string
  children: Child
}

/** A GOV.UK form group with a label, hint and error message above one control. */
export const LabelledField = ({ id, label, hint, error, children }: LabelledFieldProps) => (
  <FormGroup error={error}>
    <label class="govuk-label" for={id}>
      {label}
    </label>
    <Hint id={id} text={hint} />
    <ErrorMessage id={id} text={error} />
    {children}
  </FormGroup>
)
