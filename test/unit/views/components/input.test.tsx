import { describe, expect, it } from 'vitest'
import { Input } from '../../../../src/views/components/input.tsx'
import { all, one, renderFragment, text } from '../../dom.ts'

describe('Input', () => {
  it('is a text input whose id and name are its name, with a label for it', async () => {
    const body = await renderFragment(<Input name="fullName" label="Full name" />)
    const input = one(body, 'input')
    expect(input.id).toBe('fullName')
    expect(input.getAttribute('name')).toBe('fullName')
    expect(input.getAttribute('type')).toBe('text')
    expect(input.getAttribute('class')).toBe('govuk-input')
    expect(input.getAttribute('value')).toBe('')
    expect(one(body, 'label').getAttribute('for')).toBe('fullName')
    expect(text(one(body, 'label'))).toBe('Full name')
  })

  it('has no aria-describedby without a hint or an error', async () => {
    const input = one(await renderFragment(<Input name="fullName" label="Full name" />), 'input')
    expect(input.hasAttribute('aria-describedby')).toBe(false)
  })

  it('is described by its hint', async () => {
    const body = await renderFragment(<Input name="email" label="Email" hint="We reply here" />)
    const describedBy = one(body, 'input').getAttribute('aria-describedby')
    expect(describedBy).toBe('email-hint')
    expect(text(body.querySelector(`#${describedBy}`))).toBe('We reply here')
  })

  it('with an error, is described by its hint and its error and marked as in error', async () => {
    const body = await renderFragment(
      <Input name="email" label="Email" hint="We reply here" error="Enter your email address" />,
    )
    const input = one(body, 'input')
    const ids = input.getAttribute('aria-describedby')?.split(' ')
    expect(ids).toEqual(['email-hint', 'email-error'])
    for (const id of ids ?? []) expect(body.querySelector(`#${id}`), id).not.toBeNull()
    expect(text(one(body, '#email-error'))).toBe('Error: Enter your email address')
    expect(input.classList.contains('govuk-input--error')).toBe(true)
    expect(one(body, '.govuk-form-group').classList.contains('govuk-form-group--error')).toBe(true)
  })

  it('shows the value given back, escaped', async () => {
    const body = await renderFragment(
      <Input name="fullName" label="Name" value={'"><script>x</script>'} />,
    )
    expect(one(body, 'input').getAttribute('value')).toBe('"><script>x</script>')
    expect(all(body, 'script')).toHaveLength(0)
  })

  it('passes on type, autocomplete, spellcheck and a width class', async () => {
    const input = one(
      await renderFragment(
        <Input
          name="email"
          label="Email"
          type="email"
          autocomplete="email"
          spellcheck={false}
          widthClass="govuk-input--width-20"
        />,
      ),
      'input',
    )
    expect(input.getAttribute('type')).toBe('email')
    expect(input.getAttribute('autocomplete')).toBe('email')
    // An enumerated attribute: false must be written as "false", not left out.
    expect(input.getAttribute('spellcheck')).toBe('false')
    expect(input.getAttribute('class')).toBe('govuk-input govuk-input--width-20')
  })

  it('leaves out autocomplete and spellcheck when not given', async () => {
    const input = one(await renderFragment(<Input name="q" label="Search" />), 'input')
    expect(input.hasAttribute('autocomplete')).toBe(false)
    expect(input.hasAttribute('spellcheck')).toBe(false)
  })
})
