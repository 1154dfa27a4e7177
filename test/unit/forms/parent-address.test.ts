import { describe, expect, it } from 'vitest'
import { pageData, parentAddress } from '../../../src/forms/content.ts'
import { checkForm } from '../../../src/forms/fields.ts'

const REFUSED =
  'Enter the address of the parent page as the site shows it, for example /about/structure'

describe('parentAddress', () => {
  it('is null when nothing was typed, so the list choice stands', () => {
    expect(parentAddress(undefined)).toEqual({ ok: true, path: null })
    expect(parentAddress('   ')).toEqual({ ok: true, path: null })
  })

  it.each([
    ['/about/structure', '/about/structure'],
    ['about/structure', '/about/structure'],
    [' /about/structure/ ', '/about/structure'],
    ['https://www.example.gov.uk/about/structure', '/about/structure'],
    ['HTTP://www.example.gov.uk/about/', '/about'],
    ['/', '/'],
  ])('reads %j as the path %s', (typed, path) => {
    expect(parentAddress(typed)).toEqual({ ok: true, path })
  })

  it.each([
    '/About',
    '/about structure',
    '/about?x=1',
    '/about#top',
    '/admin/staff',
    'https://',
    '/a//b',
    `/${'a'.repeat(300)}`,
  ])('refuses %j with the message to enter the address as the site shows it', (typed) => {
    expect(parentAddress(typed)).toEqual({ ok: false, message: REFUSED })
  })
})

describe("the page form's parentId", () => {
  const form = { title: 'T', path: '', summary: '', body: '', navOrder: '' }

  it('takes ids of any length the list can hold', () => {
    const checked = checkForm(pageData, { ...form, parentId: '123456' })
    expect(checked.ok && checked.data.parentId).toBe(123456)
  })

  it('refuses anything that is not an id, as not from the list', () => {
    const checked = checkForm(pageData, { ...form, parentId: '12a' })
    expect(checked.ok).toBe(false)
    expect(!checked.ok && checked.errors).toEqual([
      { field: 'parentId', message: 'Choose a parent page from the list' },
    ])
  })
})
