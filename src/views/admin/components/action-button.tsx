import { CsrfField } from '../layout.tsx'

/** A form whose only control is a button: a POST action such as publish. */
export const ActionButton = ({
  action,
  label,
  csrfToken,
  secondary,
  warning,
}: {
  action: string
  label: string
  csrfToken: string
  secondary?: boolean
  warning?: boolean
}) => (
  <form method="post" action={action}>
    <CsrfField token={csrfToken} />
    <button
      type="submit"
      class={`govuk-button${secondary ? ' govuk-button--secondary' : ''}${warning ? ' govuk-button--warning' : ''}`}
    >
      {label}
    </button>
  </form>
)
