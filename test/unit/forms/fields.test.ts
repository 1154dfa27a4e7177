import * as z from 'zod/mini'
import { describe, expect, it } from 'vitest'
import {
  checkForm,
  emailAddress,
  isReadable,
  readableOnly,
  requiredText,
  telephone,
} from '../../../src/forms/fields.ts'

describe('isReadable', () => {
  it('accepts text a person could type, in any script, with tabs and line breaks', () => {
    expect(isReadable('Zoë Ørsted – 東京 👍\tindented\r\nnext line')).toBe(true)
  })

  it.each([
    ['a NUL', '\u0000'],
    ['a bell', '\u0007'],
    ['a vertical tab', '\u000B'],
    ['a form feed', '\u000C'],
    ['an escape', '\u001B'],
    ['a DEL', '\u007F'],
    ['the replacement character left by bytes that were not UTF-8', '\uFFFD'],
  ])('refuses %s', (_, character) => {
    expect(isReadable(`abc${character}def`)).toBe(false)
  })

  it('accepts an empty value', () => {
    expect(isReadable('')).toBe(true)
  })
})

describe('readableOnly', () => {
  it('removes every unreadable character and keeps the rest', () => {
    expect(readableOnly('a\u0000b\u0007c\uFFFDd\u007F\te\nf')).toBe('abcd\te\nf')
  })

  it('leaves readable text unchanged', () => {
    expect(readableOnly('Jane Smith')).toBe('Jane Smith')
  })

  it('can be called again and again (its pattern keeps no position between calls)', () => {
    expect([readableOnly('x\u0000'), readableOnly('y\u0000'), readableOnly('z\u0000')]).toEqual([
      'x',
      'y',
      'z',
    ])
  })
})

describe('checkForm', () => {
  const schema = z.object({
    name: requiredText('Name', 'Enter your name', 10),
    email: emailAddress(),
  })

  it('returns the clean data when every answer is valid', () => {
    expect(checkForm(schema, { name: '  Jane  ', email: ' jane@example.com ' })).toEqual({
      ok: true,
      data: { name: 'Jane', email: 'jane@example.com' },
    })
  })

  it('returns one error per field, in the order of the fields, with the field id', () => {
    expect(checkForm(schema, {})).toEqual({
      ok: false,
      errors: [
        { field: 'name', message: 'Enter your name' },
        { field: 'email', message: 'Enter your email address' },
      ],
    })
  })

  it('keeps only the first error of a field that breaks several checks', () => {
    // Too long and unreadable: the length is reported, and only that.
    const result = checkForm(schema, { name: 'x'.repeat(11) + '\u0000', email: 'a@b.co' })
    expect(result).toEqual({
      ok: false,
      errors: [{ field: 'name', message: 'Name must be 10 characters or less' }],
    })
  })

  it('drops fields the schema does not know', () => {
    const result = checkForm(schema, { name: 'Jane', email: 'a@b.co', website: 'spam' })
    expect(result).toEqual({ ok: true, data: { name: 'Jane', email: 'a@b.co' } })
  })
})

describe('requiredText', () => {
  const field = z.object({ statement: requiredText('Statement', 'Enter a statement', 5000) })
  const check = (statement: unknown) => checkForm(field, { statement })

  it.each([undefined, '', '   \n\t'])('asks for an answer when it is %j', (value) => {
    expect(check(value)).toEqual({
      ok: false,
      errors: [{ field: 'statement', message: 'Enter a statement' }],
    })
  })

  it('writes the limit with a thousands separator', () => {
    expect(check('x'.repeat(5001))).toEqual({
      ok: false,
      errors: [{ field: 'statement', message: 'Statement must be 5,000 characters or less' }],
    })
  })

  it('accepts an answer of exactly the limit, counted after trimming', () => {
    expect(check(` ${'x'.repeat(5000)} `)).toEqual({
      ok: true,
      data: { statement: 'x'.repeat(5000) },
    })
  })

  it('refuses control characters with a message that names the field', () => {
    expect(check('Hello\u0000')).toEqual({
      ok: false,
      errors: [
        {
          field: 'statement',
          message:
            'Statement must not include control characters or characters that cannot be read',
        },
      ],
    })
  })
})

describe('emailAddress', () => {
  const field = z.object({ email: emailAddress() })
  const message = (email: unknown) => {
    const result = checkForm(field, { email })
    return result.ok ? null : result.errors[0]?.message
  }

  it.each(['name@example.com', 'first.last+tag@sub.example.co.uk'])('accepts %s', (email) => {
    expect(message(email)).toBeNull()
  })

  it.each(['name', 'name@', 'name@example', 'name@example.', 'na me@example.com', 'a@b@c.com'])(
    'asks for the correct format for %j',
    (email) => {
      expect(message(email)).toBe(
        'Enter an email address in the correct format, like name@example.com',
      )
    },
  )

  it('asks for an email address when there is none', () => {
    expect(message(undefined)).toBe('Enter your email address')
    expect(message('  ')).toBe('Enter your email address')
  })

  it('refuses an address longer than 254 characters', () => {
    expect(message(`${'a'.repeat(250)}@b.co`)).toBe('Email address must be 254 characters or less')
  })
})

describe('telephone', () => {
  const FORMAT = 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'

  describe('when optional', () => {
    const field = z.object({ phone: telephone(false) })

    it('accepts a missing or empty answer as empty', () => {
      expect(checkForm(field, {})).toEqual({ ok: true, data: { phone: '' } })
      expect(checkForm(field, { phone: '  ' })).toEqual({ ok: true, data: { phone: '' } })
    })

    it.each(['01632 960 001', '07700900982', '+44 808 157 0192', '(01632) 960-001'])(
      'accepts %s',
      (phone) => {
        expect(checkForm(field, { phone })).toEqual({ ok: true, data: { phone } })
      },
    )

    it.each(['phone me', '12345', '0163 29', '+44 808 157 0192 ext 5', '1'.repeat(21)])(
      'asks for a number like the examples for %j',
      (phone) => {
        expect(checkForm(field, { phone })).toEqual({
          ok: false,
          errors: [{ field: 'phone', message: FORMAT }],
        })
      },
    )
  })

  describe('when required', () => {
    const field = z.object({ phone: telephone('Enter your telephone number') })

    it('asks for a number when there is none, and only that', () => {
      for (const values of [{}, { phone: '' }, { phone: ' ' }]) {
        expect(checkForm(field, values)).toEqual({
          ok: false,
          errors: [{ field: 'phone', message: 'Enter your telephone number' }],
        })
      }
    })
  })
})
