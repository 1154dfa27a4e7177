import { describe, expect, it } from 'vitest'
import {
  MARK_CLOSE as C,
  MARK_OPEN as O,
  isSearchType,
  matchExpression,
  normaliseQuery,
  searchTerms,
  snippetParts,
} from '../../../src/lib/search-query.ts'

describe('normaliseQuery', () => {
  it('trims, collapses white space and lower-cases', () => {
    expect(normaliseQuery('  Human \t\n Trafficking  ')).toBe('human trafficking')
  })

  it('drops the highlight markers, so a visitor cannot fake a highlight', () => {
    expect(normaliseQuery(`a${O}b${C}c`)).toBe('abc')
  })
})

describe('searchTerms', () => {
  it('keeps words of letters and digits in any script, each once', () => {
    expect(searchTerms('Fraud, fraud & 2013 café Москва')).toEqual([
      'fraud',
      '2013',
      'café',
      'москва',
    ])
  })

  it('keeps combining marks with their letters', () => {
    expect(searchTerms('cafe\u0301')).toEqual(['cafe\u0301'])
  })
})

describe('matchExpression', () => {
  it('quotes every word and requires them all, the last also as a prefix', () => {
    expect(matchExpression('human trafficking')).toBe('"human" AND "trafficking"*')
  })

  it('does not make a prefix of a last word shorter than three letters', () => {
    expect(matchExpression('fraud uk')).toBe('"fraud" AND "uk"')
  })

  it.each([
    ['"fraud', '"fraud"*'],
    ['fraud*', '"fraud"*'],
    ['NEAR(fraud drugs)', '"near" AND "fraud" AND "drugs"*'],
    ['-fraud', '"fraud"*'],
    ['fraud AND OR NOT', '"fraud" AND "and" AND "or" AND "not"*'],
    ['title:fraud', '"title" AND "fraud"*'],
    ['^fraud + {drugs}', '"fraud" AND "drugs"*'],
  ])('turns FTS5 syntax in %j into quoted words only', (query, expected) => {
    expect(matchExpression(query)).toBe(expected)
  })

  it('is empty when the search has no words', () => {
    expect(matchExpression('"*-() :^')).toBe('')
    expect(matchExpression('')).toBe('')
  })

  it('never lets a double quote through, whatever the text', () => {
    const expression = matchExpression('a"b ""c d"" "e')
    expect(expression.replace(/"[\p{L}\p{N}\p{M}]+"\*?/gu, '')).toMatch(/^( AND )*$/)
  })
})

describe('isSearchType', () => {
  it('accepts the three kinds and nothing else', () => {
    expect(['page', 'news', 'vacancy', 'all', 'pages', ''].map(isSearchType)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ])
  })
})

describe('snippetParts', () => {
  it('splits a snippet into text and highlighted matches', () => {
    expect(snippetParts(`People ${O}trafficking${C} and ${O}fraud${C}.`)).toEqual([
      { text: 'People ', mark: false },
      { text: 'trafficking', mark: true },
      { text: ' and ', mark: false },
      { text: 'fraud', mark: true },
      { text: '.', mark: false },
    ])
  })

  it('keeps markup as text, for the view to escape', () => {
    expect(snippetParts(`<script>${O}alert${C}(1)</script>`)).toEqual([
      { text: '<script>', mark: false },
      { text: 'alert', mark: true },
      { text: '(1)</script>', mark: false },
    ])
  })

  it("drops Markdown's link targets, emphasis and heading markers", () => {
    const parts = snippetParts(
      `## Report **${O}fraud${C}** to [Action Fraud](https://www.actionfraud.police.uk/)`,
    )
    expect(parts.map((p) => p.text).join('')).toBe('Report fraud to Action Fraud')
    expect(parts.filter((p) => p.mark)).toEqual([{ text: 'fraud', mark: true }])
  })

  it('ends an unclosed match with the text and ignores a stray closing marker', () => {
    expect(snippetParts(`a${C}b ${O}c`)).toEqual([
      { text: 'ab ', mark: false },
      { text: 'c', mark: true },
    ])
  })
})
