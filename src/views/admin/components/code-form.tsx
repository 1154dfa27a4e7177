import { Input } from '../../components/input.tsx'
import { CsrfField } from '../layout.tsx'

/** A form asking for one security code. */
export const CodeForm = (props: {
  action: string
  csrfToken: string
  label: string
  hint?: string
  button: string
  error?: string
}) => (
  <form method="post" action={props.action} novalidate>
    <CsrfField token={props.csrfToken} />
    <Input
      name="code"
      label={props.label}
      hint={props.hint}
      autocomplete="one-time-code"
      spellcheck={false}
      widthClass="govuk-input--width-10"
      error={props.error}
    />
    <button type="submit" class="govuk-button">
      {props.button}
    </button>
  </form>
)
