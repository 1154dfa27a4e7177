import { describe, expect, it } from 'vitest'
import {
  breadcrumbsTo,
  breadcrumbsUnder,
  childPages,
  navigationLinks,
  pageTree,
  type SitePage,
} from '../../../src/lib/site-tree.ts'

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

  it('leaves out child pages, even with a navigation order', () => {
    const withChild = [
      ...tree,
      { id: 5, parentId: 3, path: '/threats/drugs', title: 'Drugs', navOrder: 0 },
    ]
    expect(navigationLinks(withChild).map((l) => l.href)).toEqual(['/threats', '/about'])
  })

  it('is empty when no page has a navigation order', () => {
    expect(navigationLinks(tree.map((p) => ({ ...p, navOrder: null })))).toEqual([])
  })
})

describe('childPages', () => {
  const siblings: SitePage[] = [
    { id: 10, parentId: 3, path: '/threats/c', title: 'Cyber crime', navOrder: null },
    { id: 11, parentId: 3, path: '/threats/b', title: 'Border crime', navOrder: null },
    { id: 12, parentId: 3, path: '/threats/z', title: 'Zebra', navOrder: 1 },
    { id: 13, parentId: 3, path: '/threats/y', title: 'Yachts', navOrder: 2 },
    { id: 14, parentId: 2, path: '/about/x', title: 'Elsewhere', navOrder: null },
  ]

  it('lists the pages with a navigation order first, in that order, then the rest by title', () => {
    expect(childPages(siblings, 3).map((p) => p.title)).toEqual([
      'Zebra',
      'Yachts',
      'Border crime',
      'Cyber crime',
    ])
  })

  it('keeps the richer rows it was given', () => {
    const rows = siblings.map((p) => ({ ...p, summary: `About ${p.title}` }))
    expect(childPages(rows, 2)).toEqual([{ ...siblings[4], summary: 'About Elsewhere' }])
  })

  it('is empty for a page without children', () => {
    expect(childPages(siblings, 99)).toEqual([])
  })
})

describe('breadcrumbsTo', () => {
  it('starts at Home and ends at the nearest ancestor', () => {
    expect(breadcrumbsTo(tree, 3)).toEqual([
      { href: '/', text: 'Home' },
      { href: '/threats', text: 'Threats' },
    ])
  })

  it('lists each ancestor from the top down', () => {
    const deep = [
      ...tree,
      { id: 5, parentId: 4, path: '/threats/fraud/online', title: 'Online', navOrder: null },
    ]
    expect(breadcrumbsTo(deep, 5).map((l) => l.text)).toEqual([
      'Home',
      'Threats',
      'Fraud',
      'Online',
    ])
  })

  it('is only Home for a top-level page', () => {
    expect(breadcrumbsTo(tree, null)).toEqual([{ href: '/', text: 'Home' }])
  })

  it('does not repeat Home when the home page is the parent', () => {
    expect(breadcrumbsTo(tree, 1)).toEqual([{ href: '/', text: 'Home' }])
  })

  it('stops at an ancestor that is not published', () => {
    const orphan = [{ id: 7, parentId: 99, path: '/lost/child', title: 'Child', navOrder: null }]
    expect(breadcrumbsTo(orphan, 7)).toEqual([
      { href: '/', text: 'Home' },
      { href: '/lost/child', text: 'Child' },
    ])
  })

  it('ends even if the parents form a loop', () => {
    const loop = [
      { id: 1, parentId: 2, path: '/a', title: 'A', navOrder: null },
      { id: 2, parentId: 1, path: '/b', title: 'B', navOrder: null },
    ]
    expect(breadcrumbsTo(loop, 1).map((l) => l.text)).toEqual(['Home', 'B', 'A'])
  })
})

describe('breadcrumbsUnder', () => {
  it('leads to the listing page itself, for an item listed on it', () => {
    expect(breadcrumbsUnder(tree, '/threats/fraud')).toEqual([
      { href: '/', text: 'Home' },
      { href: '/threats', text: 'Threats' },
      { href: '/threats/fraud', text: 'Fraud' },
    ])
  })

  it('is only Home when the listing page is not published', () => {
    expect(breadcrumbsUnder(tree, '/news')).toEqual([{ href: '/', text: 'Home' }])
  })
})

describe('pageTree', () => {
  it('puts the home page first, then the other roots, each with its children nested', () => {
    const titles = (nodes: ReturnType<typeof pageTree>): unknown[] =>
      nodes.map((n) => (n.children.length ? [n.page.title, titles(n.children)] : n.page.title))
    const shuffled = [tree[3]!, tree[2]!, tree[1]!, tree[0]!]
    expect(titles(pageTree(shuffled))).toEqual(['Home', ['Threats', ['Fraud']], 'About us'])
  })

  it('shows a page whose parent is not published as a root, so it is not lost', () => {
    const withOrphan = [
      ...tree,
      { id: 8, parentId: 99, path: '/orphan', title: 'Orphan', navOrder: null },
    ]
    expect(pageTree(withOrphan).map((n) => n.page.path)).toContain('/orphan')
  })

  it('is empty for no pages', () => {
    expect(pageTree([])).toEqual([])
  })
})
