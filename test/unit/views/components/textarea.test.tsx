import { describe, expect, it } from 'vitest'
import { Textarea } from '../../../../src/views/components/textarea.tsx'
import { all, one, renderFragment, text } from '../../dom.ts'

const REFERENCES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" }

/** A browser decodes character references in a textarea; linkedom leaves them as they are. */
const decodeReferences = (value: string) =>
  value.replace(
    /&(lt|gt|amp|quot|#39);/g,
    (reference, name: string) => REFERENCES[name] ?? reference,
  )

describe('Textarea', () => {
  it('is a labelled GOV.UK textarea, its id and name its name, five rows by default', async () => {
    const body = await renderFragment(<Textarea name="message" label="Message" />)
    const textarea = one(body, 'textarea')
    expect(textarea.id).toBe('message')
    expect(textarea.getAttribute('name')).toBe('message')
    expect(textarea.getAttribute('class')).toBe('govuk-textarea')
    expect(textarea.getAttribute('rows')).toBe('5')
    expect(textarea.hasAttribute('aria-describedby')).toBe(false)
    expect(one(body, 'label').getAttribute('for')).toBe('message')
  })

  it('takes a number of rows', async () => {
    const body = await renderFragment(<Textarea name="message" label="Message" rows={10} />)
    expect(one(body, 'textarea').getAttribute('rows')).toBe('10')
  })

  it('holds the value given back as text, escaped', async () => {
    const value = 'Line one\n</textarea><script>alert(1)</script>'
    const body = await renderFragment(<Textarea name="message" label="Message" value={value} />)
    expect(all(body, 'script')).toHaveLength(0)
    expect(all(body, 'textarea')).toHaveLength(1)
    expect(decodeReferences(one(body, 'textarea').textContent ?? '')).toBe(value)
  })

  it('with a hint and an error, is described by both and marked as in error', async () => {
    const body = await renderFragment(
      <Textarea
        name="message"
        label="Message"
        hint="Do not include personal details"
        error="Enter your message"
      />,
    )
    const textarea = one(body, 'textarea')
    expect(textarea.getAttribute('aria-describedby')).toBe('message-hint message-error')
    expect(textarea.classList.contains('govuk-textarea--error')).toBe(true)
    expect(text(one(body, '#message-hint'))).toBe('Do not include personal details')
    expect(text(one(body, '#message-error'))).toBe('Error: Enter your message')
  })
})
