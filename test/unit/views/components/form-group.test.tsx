import { describe, expect, it } from 'vitest'
import {
  ErrorMessage,
  FormGroup,
  Hint,
  LabelledField,
  describedBy,
} from '../../../../src/views/components/form-group.tsx'
import { all, one, renderFragment, text } from '../../dom.ts'

describe('describedBy', () => {
  it('is undefined when there is neither hint nor error, so no empty attribute is written', () => {
    expect(describedBy('name')).toBeUndefined()
  })

  it('points at the hint, the error, or both with the hint first', () => {
    expect(describedBy('name', 'A hint')).toBe('name-hint')
    expect(describedBy('name', undefined, 'An error')).toBe('name-error')
    expect(describedBy('name', 'A hint', 'An error')).toBe('name-hint name-error')
  })

  it('ignores an empty hint or error', () => {
    expect(describedBy('name', '', '')).toBeUndefined()
  })
})

describe('FormGroup', () => {
  it('is a plain GOV.UK form group without an error', async () => {
    const group = one(await renderFragment(<FormGroup>x</FormGroup>), 'div')
    expect(group.getAttribute('class')).toBe('govuk-form-group')
  })

  it('is marked as in error with one', async () => {
    const group = one(await renderFragment(<FormGroup error="Wrong">x</FormGroup>), 'div')
    expect(group.getAttribute('class')).toBe('govuk-form-group govuk-form-group--error')
  })
})

describe('Hint', () => {
  it('has the id `${id}-hint`', async () => {
    const hint = one(
      await renderFragment(<Hint id="email" text="We will reply here" />),
      '.govuk-hint',
    )
    expect(hint.id).toBe('email-hint')
    expect(text(hint)).toBe('We will reply here')
  })

  it('renders nothing without text', async () => {
    expect(all(await renderFragment(<Hint id="email" />), '*')).toHaveLength(0)
  })
})

describe('ErrorMessage', () => {
  it('has the id `${id}-error` and starts with a visually hidden "Error:"', async () => {
    const body = await renderFragment(<ErrorMessage id="email" text="Enter your email address" />)
    const message = one(body, 'p.govuk-error-message')
    expect(message.id).toBe('email-error')
    const prefix = one(message, '.govuk-visually-hidden')
    expect(text(prefix)).toBe('Error:')
    // Screen readers hear the prefix, then a space, then the message.
    expect(text(message)).toBe('Error: Enter your email address')
    expect(message.textContent).toMatch(/^Error: Enter/)
  })

  it('renders nothing without text', async () => {
    expect(all(await renderFragment(<ErrorMessage id="email" />), '*')).toHaveLength(0)
  })
})

describe('LabelledField', () => {
  const field = (props: { hint?: string; error?: string }) =>
    renderFragment(
      <LabelledField id="fullName" label="Full name" {...props}>
        <input id="fullName" />
      </LabelledField>,
    )

  it('labels the control by its id', async () => {
    const label = one(await field({}), 'label')
    expect(label.getAttribute('for')).toBe('fullName')
    expect(label.getAttribute('class')).toBe('govuk-label')
    expect(text(label)).toBe('Full name')
  })

  it('puts the label, hint and error message in that order before the control', async () => {
    const group = one(
      await field({ hint: 'As on your passport', error: 'Enter your full name' }),
      'div',
    )
    expect(Array.from(group.children, (c) => c.id || c.tagName.toLowerCase())).toEqual([
      'label',
      'fullName-hint',
      'fullName-error',
      'fullName',
    ])
    expect(group.classList.contains('govuk-form-group--error')).toBe(true)
  })

  it('has no hint or error elements when it has neither', async () => {
    const body = await field({})
    expect(all(body, '.govuk-hint, .govuk-error-message')).toHaveLength(0)
  })
})
