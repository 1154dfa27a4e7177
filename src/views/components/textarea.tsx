import { ErrorMessage, FormGroup, Hint, describedBy } from './form-group.tsx'

/** Props of a GOV.UK textarea; the id is the name. */
export type TextareaProps = {
  name: string
  label: string
  hint?: string
  value?: string
  error?: string
  rows?: number
}

/** A GOV.UK textarea with its label, hint and error message. */
export const Textarea = (props: TextareaProps) => {
  const id = props.name
  return (
    <FormGroup error={props.error}>
      <label class="govuk-label" for={id}>
        {props.label}
      </label>
      <Hint id={id} text={props.hint} />
      <ErrorMessage id={id} text={props.error} />
      <textarea
        class={`govuk-textarea${props.error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </FormGroup>
  )
}
