import type { ParentChoices } from '../../../db/content.ts'
import { PARENT_ADDRESS_FIELD } from '../../../forms/content.ts'
import type { FieldError } from '../../../forms/fields.ts'
import { errorFor } from '../../components/error-summary.tsx'
import { ErrorMessage, FormGroup, Hint, describedBy } from '../../components/form-group.tsx'
import { Input } from '../../components/input.tsx'

const LIST_HINT =
  'The list shows the top-level pages and the pages under them. For a page further down, enter its address below.'

const ADDRESS_HINT =
  'For example, /about/structure. If you enter an address, it is used instead of the page chosen in the list.'

/**
 * A page's parent: a select of the pages that can be its parent. When the site has too many to
 * list (db/content.ts parentChoices), the select holds the top two levels and the current
 * parent, and any page can be named by typing its address in the text input under it.
 */
export const ParentField = (props: {
  label: string
  choices: ParentChoices
  values: Record<string, string>
  errors: FieldError[]
  /** The page being edited, which cannot be its own parent; null when creating. */
  selfId: number | null
}) => {
  const { label, choices, values, errors } = props
  const error = errorFor(errors, 'parentId')
  // Not the page itself; a page under it is offered and refused on saving (the options do not
  // say which pages are under it). The choice the form holds stays, so a refused one is shown
  // back with its error.
  const offered = (p: { id: number }) => values.parentId === String(p.id) || p.id !== props.selfId
  const hint = choices.bounded ? LIST_HINT : undefined
  return (
    <>
      <FormGroup error={error}>
        <label class="govuk-label" for="parentId">
          {label}
        </label>
        <Hint id="parentId" text={hint} />
        <ErrorMessage id="parentId" text={error} />
        <select
          class={`govuk-select${error ? ' govuk-select--error' : ''}`}
          id="parentId"
          name="parentId"
          aria-describedby={describedBy('parentId', hint, error)}
        >
          <option value="" selected={!values.parentId}>
            None (a top-level page)
          </option>
          {choices.options.filter(offered).map((p) => (
            <option value={String(p.id)} selected={values.parentId === String(p.id)}>
              {p.path} – {p.title}
            </option>
          ))}
        </select>
      </FormGroup>
      {choices.bounded && (
        <Input
          name={PARENT_ADDRESS_FIELD}
          label="Or enter the address of the parent page"
          hint={ADDRESS_HINT}
          value={values[PARENT_ADDRESS_FIELD]}
          error={errorFor(errors, PARENT_ADDRESS_FIELD)}
          spellcheck={false}
        />
      )}
    </>
  )
}
