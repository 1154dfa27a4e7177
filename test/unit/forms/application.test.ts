import { describe, expect, it } from 'vitest'
import { STATEMENT_MAX, applicationForm } from '../../../src/forms/application.ts'
import { checkForm } from '../../../src/forms/fields.ts'

const valid = {
  fullName: 'Jane Smith',
  email: 'jane@example.com',
  phone: '07700 900 982',
  rightToWork: 'yes',
  statement: 'I have ten years of experience.',
  declaration: 'confirmed',
}

describe('applicationForm', () => {
  it('accepts a complete application', () => {
    expect(checkForm(applicationForm, valid)).toEqual({ ok: true, data: valid })
  })

  it('accepts "no" for the right to work, which is an answer, not a gap', () => {
    expect(checkForm(applicationForm, { ...valid, rightToWork: 'no' }).ok).toBe(true)
  })

  it('gives one GOV.UK message per missing field, in page order', () => {
    expect(checkForm(applicationForm, {})).toEqual({
      ok: false,
      errors: [
        { field: 'fullName', message: 'Enter your full name' },
        { field: 'email', message: 'Enter your email address' },
        { field: 'phone', message: 'Enter your telephone number' },
        { field: 'rightToWork', message: 'Select yes if you have the right to work in the UK' },
        { field: 'statement', message: 'Enter how you meet the requirements of the role' },
        {
          field: 'declaration',
          message: 'Confirm that the information you have given is true and complete',
        },
      ],
    })
  })

  it('needs the declaration ticked with its own value, not just any value', () => {
    expect(checkForm(applicationForm, { ...valid, declaration: 'on' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'declaration',
          message: 'Confirm that the information you have given is true and complete',
        },
      ],
    })
  })

  it('limits the statement to STATEMENT_MAX characters, naming the question', () => {
    expect(
      checkForm(applicationForm, { ...valid, statement: 'x'.repeat(STATEMENT_MAX + 1) }),
    ).toEqual({
      ok: false,
      errors: [
        {
          field: 'statement',
          message: 'How you meet the requirements of the role must be 5,000 characters or less',
        },
      ],
    })
  })

  it('limits the full name to 200 characters', () => {
    const result = checkForm(applicationForm, { ...valid, fullName: 'x'.repeat(201) })
    expect(result.ok ? null : result.errors).toEqual([
      { field: 'fullName', message: 'Full name must be 200 characters or less' },
    ])
  })
})
