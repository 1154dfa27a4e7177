import { ErrorMessage, FormGroup, Hint, describedBy } from './form-group.tsx'

/** One radio or checkbox. */
export type ChoiceItem = { value: string; text: string; hint?: string }

/** Props of a GOV.UK radios or checkboxes group; the first item's id is the name. */
export type ChoicesProps = {
  name: string
  legend: string
  hint?: string
  items: readonly ChoiceItem[]
  /** The chosen values. */
  values?: readonly string[]
  error?: string
  inline?: boolean
}

const Choices = (kind: 'radios' | 'checkboxes') => (props: ChoicesProps) => {
  const id = props.name
  const chosen = new Set(props.values ?? [])
  return (
    <FormGroup error={props.error}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, props.hint, props.error)}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{props.legend}</legend>
        <Hint id={id} text={props.hint} />
        <ErrorMessage id={id} text={props.error} />
        <div class={`govuk-${kind}${props.inline ? ` govuk-${kind}--inline` : ''}`}>
          {props.items.map((item, i) => {
            const itemId = i === 0 ? id : `${id}-${i + 1}`
            return (
              <div class={`govuk-${kind}__item`}>
                <input
                  class={`govuk-${kind}__input`}
                  id={itemId}
                  name={props.name}
                  type={kind === 'radios' ? 'radio' : 'checkbox'}
                  value={item.value}
                  checked={chosen.has(item.value)}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                />
                <label class={`govuk-label govuk-${kind}__label`} for={itemId}>
                  {item.text}
                </label>
                {item.hint && (
                  <div id={`${itemId}-item-hint`} class={`govuk-hint govuk-${kind}__hint`}>
                    {item.hint}
                  </div>
                )}
              </div>
            )
          })}
        </div>
      </fieldset>
    </FormGroup>
  )
}

/** GOV.UK radios in a fieldset, with the legend, hint and error message. */
export const Radios = Choices('radios')

/** GOV.UK checkboxes in a fieldset, with the legend, hint and error message. */
export const Checkboxes = Choices('checkboxes')
