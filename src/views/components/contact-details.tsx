import type { FieldError } from '../../forms/fields.ts'
import { errorFor } from './error-summary.tsx'
import { Input } from './input.tsx'

/** Props of the name, email and telephone fields both forms ask for. */
export type ContactDetailsProps = {
  values: Record<string, string>
  errors: FieldError[]
  /** Whether the telephone number may be left out. */
  phoneOptional?: boolean
  emailHint?: string
}

/** Full name, email address and telephone number, with GOV.UK autocomplete and widths. */
export const ContactDetails = ({
  values,
  errors,
  phoneOptional,
  emailHint,
}: ContactDetailsProps) => (
  <>
    <Input
      name="fullName"
      label="Full name"
      value={values.fullName}
      error={errorFor(errors, 'fullName')}
      autocomplete="name"
      spellcheck={false}
    />
    <Input
      name="email"
      label="Email address"
      hint={emailHint}
      type="email"
      value={values.email}
      error={errorFor(errors, 'email')}
      autocomplete="email"
      spellcheck={false}
    />
    <Input
      name="phone"
      label={phoneOptional ? 'Telephone number (optional)' : 'Telephone number'}
      hint="For international numbers include the country code"
      type="tel"
      value={values.phone}
      error={errorFor(errors, 'phone')}
      autocomplete="tel"
      widthClass="govuk-input--width-20"
    />
  </>
)
