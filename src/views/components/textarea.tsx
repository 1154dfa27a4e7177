import { LabelledField, describedBy } from './form-group.tsx'

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
export const Textarea = (props: TextareaProps) => (
  <LabelledField id={props.name} label={props.label} hint={props.hint} error={props.error}>
    <textarea
      class={`govuk-textarea${props.error ? ' govuk-textarea--error' : ''}`}
      id={props.name}
      name={props.name}
      rows={props.rows ?? 5}
      aria-describedby={describedBy(props.name, props.hint, props.error)}
    >
      {props.value ?? ''}
    </textarea>
  </LabelledField>
)
