import { describe, expect, it } from 'vitest'
import { Checkboxes, Radios } from '../../../../src/views/components/choices.tsx'
import { all, one, renderFragment, text } from '../../dom.ts'

const items = [
  { value: 'general', text: 'General enquiry' },
  { value: 'media', text: 'Media enquiry', hint: 'From journalists' },
  { value: 'careers', text: 'Careers' },
]

describe('Radios', () => {
  it('groups the radios in a fieldset with the question as its legend', async () => {
    const body = await renderFragment(
      <Radios name="topic" legend="What is it about?" items={items} />,
    )
    const fieldset = one(body, 'fieldset.govuk-fieldset')
    expect(text(one(fieldset, 'legend'))).toBe('What is it about?')
    expect(one(fieldset, 'legend').parentElement).toBe(fieldset)
    expect(all(fieldset, 'input[type="radio"]')).toHaveLength(3)
    expect(one(fieldset, '.govuk-radios').getAttribute('class')).toBe('govuk-radios')
  })

  it('gives the first radio the name as its id, for the summary link, then name-2…', async () => {
    const body = await renderFragment(<Radios name="topic" legend="Topic" items={items} />)
    const inputs = all(body, 'input')
    expect(inputs.map((i) => i.id)).toEqual(['topic', 'topic-2', 'topic-3'])
    expect(inputs.every((i) => i.getAttribute('name') === 'topic')).toBe(true)
    expect(inputs.map((i) => i.getAttribute('value'))).toEqual(['general', 'media', 'careers'])
  })

  it('labels each radio by its id', async () => {
    const body = await renderFragment(<Radios name="topic" legend="Topic" items={items} />)
    for (const input of all(body, 'input')) {
      const label = one(body, `label[for="${input.id}"]`)
      expect(label.classList.contains('govuk-radios__label')).toBe(true)
    }
    expect(all(body, 'label').map(text)).toEqual(['General enquiry', 'Media enquiry', 'Careers'])
  })

  it('describes a radio by its own hint', async () => {
    const body = await renderFragment(<Radios name="topic" legend="Topic" items={items} />)
    const media = one(body, '#topic-2')
    expect(media.getAttribute('aria-describedby')).toBe('topic-2-item-hint')
    expect(text(one(body, '#topic-2-item-hint'))).toBe('From journalists')
    expect(one(body, '#topic').hasAttribute('aria-describedby')).toBe(false)
  })

  it('checks the chosen value only', async () => {
    const body = await renderFragment(
      <Radios name="topic" legend="Topic" items={items} values={['media']} />,
    )
    expect(all(body, 'input[checked]').map((i) => i.id)).toEqual(['topic-2'])
  })

  it('checks nothing without values', async () => {
    const body = await renderFragment(<Radios name="topic" legend="Topic" items={items} />)
    expect(all(body, 'input[checked]')).toHaveLength(0)
  })

  it('with a hint and an error, describes the fieldset by both, in the fieldset', async () => {
    const body = await renderFragment(
      <Radios name="topic" legend="Topic" hint="Select one" error="Select a topic" items={items} />,
    )
    const fieldset = one(body, 'fieldset')
    expect(fieldset.getAttribute('aria-describedby')).toBe('topic-hint topic-error')
    expect(one(body, '#topic-hint').closest('fieldset')).toBe(fieldset)
    expect(text(one(fieldset, '#topic-error'))).toBe('Error: Select a topic')
    expect(one(body, '.govuk-form-group').classList.contains('govuk-form-group--error')).toBe(true)
  })

  it('has no aria-describedby on the fieldset without a hint or error', async () => {
    const body = await renderFragment(<Radios name="topic" legend="Topic" items={items} />)
    expect(one(body, 'fieldset').hasAttribute('aria-describedby')).toBe(false)
  })

  it('lays the radios out inline when asked', async () => {
    const body = await renderFragment(
      <Radios name="rightToWork" legend="Right to work" inline items={items.slice(0, 2)} />,
    )
    expect(one(body, '.govuk-radios').classList.contains('govuk-radios--inline')).toBe(true)
  })
})

describe('Checkboxes', () => {
  it('are checkboxes with GOV.UK checkbox classes', async () => {
    const body = await renderFragment(<Checkboxes name="areas" legend="Areas" items={items} />)
    expect(all(body, 'input').map((i) => i.getAttribute('type'))).toEqual([
      'checkbox',
      'checkbox',
      'checkbox',
    ])
    expect(all(body, '.govuk-checkboxes__item')).toHaveLength(3)
    expect(all(body, '.govuk-radios')).toHaveLength(0)
  })

  it('check every chosen value', async () => {
    const body = await renderFragment(
      <Checkboxes name="areas" legend="Areas" items={items} values={['general', 'careers']} />,
    )
    expect(all(body, 'input[checked]').map((i) => i.getAttribute('value'))).toEqual([
      'general',
      'careers',
    ])
  })
})
