import { describe, expect, it } from 'vitest'
import { breadcrumbsTo, navigationLinks } from '../../../src/lib/site-tree.ts'

const tree = [
  { id: 1, parentId: null, path: '/', title: 'Home', navOrder: null },
  { id: 2, parentId: null, path: '/about', title: 'About us', navOrder: 2 },
  { id: 3, parentId: null, path: '/threats', title: 'Threats', navOrder: 1 },
  { id: 4, parentId: 3, path: '/threats/fraud', title: 'Fraud', navOrder: null },
]

describe('navigationLinks', () => {
  it('lists top-level pages with a navigation order, in that order', () => {
    expect(navigationLinks(tree)).toEqual([
      { href: '/threats', text: 'Threats' },
      { href: '/about', text: 'About us' },
    ])
  })
})

describe('breadcrumbsTo', () => {
  it('starts at Home and ends at the nearest ancestor', () => {
    expect(breadcrumbsTo(tree, 3)).toEqual([
      { href: '/', text: 'Home' },
      { href: '/threats', text: 'Threats' },
    ])
  })
})
