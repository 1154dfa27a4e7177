import { describe, expect, it } from 'vitest'
import { ENQUIRY_TOPICS, MESSAGE_MAX, contactForm } from '../../../src/forms/contact.ts'
import { checkForm } from '../../../src/forms/fields.ts'

const valid = {
  topic: 'media',
  fullName: 'Jane Smith',
  email: 'jane@example.com',
  phone: '',
  message: 'Please call me back.',
}

describe('contactForm', () => {
  it('accepts a complete enquiry, trimmed', () => {
    expect(checkForm(contactForm, { ...valid, fullName: ' Jane Smith ' })).toEqual({
      ok: true,
      data: valid,
    })
  })

  it('leaves the telephone number optional', () => {
    const { phone: _, ...withoutPhone } = valid
    expect(checkForm(contactForm, withoutPhone)).toEqual({ ok: true, data: valid })
  })

  it('gives one GOV.UK message per missing field, in page order', () => {
    expect(checkForm(contactForm, {})).toEqual({
      ok: false,
      errors: [
        { field: 'topic', message: 'Select what your enquiry is about' },
        { field: 'fullName', message: 'Enter your full name' },
        { field: 'email', message: 'Enter your email address' },
        { field: 'message', message: 'Enter your message' },
      ],
    })
  })

  it('accepts each topic the radios offer, and no other', () => {
    for (const { value } of ENQUIRY_TOPICS) {
      expect(checkForm(contactForm, { ...valid, topic: value }).ok, value).toBe(true)
    }
    expect(checkForm(contactForm, { ...valid, topic: 'complaint' })).toEqual({
      ok: false,
      errors: [{ field: 'topic', message: 'Select what your enquiry is about' }],
    })
  })

  it('limits the message to MESSAGE_MAX characters', () => {
    expect(checkForm(contactForm, { ...valid, message: 'x'.repeat(MESSAGE_MAX + 1) })).toEqual({
      ok: false,
      errors: [{ field: 'message', message: 'Message must be 3,000 characters or less' }],
    })
  })

  it('checks the format of a telephone number that is given', () => {
    const result = checkForm(contactForm, { ...valid, phone: 'evenings' })
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['phone'])
  })

  it('refuses a message with control characters', () => {
    expect(checkForm(contactForm, { ...valid, message: 'Hi\u0000' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'message',
          message: 'Message must not include control characters or characters that cannot be read',
        },
      ],
    })
  })
})
