import { describe, expect, it } from 'vitest'
import { readForm } from '../../../src/middleware/form-body.ts'

describe('readForm', () => {
  it('keeps fields whose names are also names of object properties', async () => {
    const pairs = [
      ['constructor', 'a'],
      ['toString', 'b'],
      ['__proto__', 'c'],
      ['x', 'd'],
    ]
    const request = new Request('http://localhost/', {
      method: 'POST',
      body: new URLSearchParams(pairs),
    })
    const { values } = await readForm(request)
    expect(Object.entries(values)).toEqual(pairs)
  })
})
