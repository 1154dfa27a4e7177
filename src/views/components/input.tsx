import { LabelledField, describedBy } from './form-group.tsx'

/** Props of a GOV.UK text input; the id is the name. */
export type InputProps = {
  name: string
  label: string
  hint?: string
  value?: string
  error?: string
  type?: 'text' | 'email' | 'tel'
  autocomplete?: string
  spellcheck?: boolean
  /** A GOV.UK width class, e.g. 'govuk-input--width-20'. */
  widthClass?: string
}

/** A GOV.UK text input with its label, hint and error message. */
export const Input = (props: InputProps) => (
  <LabelledField id={props.name} label={props.label} hint={props.hint} error={props.error}>
    <input
      class={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ''}${props.error ? ' govuk-input--error' : ''}`}
      id={props.name}
      name={props.name}
      type={props.type ?? 'text'}
      value={props.value ?? ''}
      autocomplete={props.autocomplete}
      spellcheck={props.spellcheck}
      aria-describedby={describedBy(props.name, props.hint, props.error)}
    />
  </LabelledField>
)
