import { describe, expect, it } from 'vitest'
import { SLUG_MAX, slugFromTitle } from '../../../src/lib/slug.ts'

describe('slugFromTitle', () => {
  it.each([
    [
      'Websites selling stolen card data taken down',
      'websites-selling-stolen-card-data-taken-down',
    ],
    ['  Lots   of   spaces  ', 'lots-of-spaces'],
    ['Café crème in São Paulo', 'cafe-creme-in-sao-paulo'],
    ['Straße, Æsir, Øresund, Łódź', 'strasse-aesir-oresund-lodz'],
    ["Britain's most wanted", 'britains-most-wanted'],
    ['Britain’s “most” wanted', 'britains-most-wanted'],
    ['Drugs & guns: 12 arrested (update)', 'drugs-and-guns-12-arrested-update'],
    ['Well-known--gang / broken up!', 'well-known-gang-broken-up'],
    ['UK–France operation – 2013', 'uk-france-operation-2013'],
    ['ＦＵＬＬＷＩＤＴＨ ｌｅｔｔｅｒｓ', 'fullwidth-letters'],
  ])('makes %j into %j', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug)
  })

  it('makes only addresses the web address field accepts', () => {
    for (const title of ['A', "'Quoted'", '--x--', 'Ünïcödé ñ 123', 'a.b.c']) {
      expect(slugFromTitle(title)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    }
  })

  it('gives nothing for a title with no letters or digits, so the editor is asked for one', () => {
    expect(slugFromTitle('')).toBe('')
    expect(slugFromTitle('!!! — ???')).toBe('')
    expect(slugFromTitle('中文标题')).toBe('')
  })

  it('cuts a very long title at the last whole word within the limit', () => {
    const title = 'Serious organised crime '.repeat(20)
    const slug = slugFromTitle(title)
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX)
    expect(slug).toMatch(
      /^serious-organised-crime(-serious-organised-crime)*(-serious|-organised)?$/,
    )
    expect(slug.endsWith('-')).toBe(false)
    expect(slugFromTitle(title).length).toBeGreaterThan(SLUG_MAX - 'organised-'.length)
  })

  it('cuts a single word longer than the limit', () => {
    expect(slugFromTitle('x'.repeat(150))).toBe('x'.repeat(SLUG_MAX))
    expect(slugFromTitle('abc defgh', 5)).toBe('abc')
  })
})
