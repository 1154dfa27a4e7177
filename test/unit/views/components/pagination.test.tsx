import { describe, expect, it } from 'vitest'
import { Pagination, pageNumbers } from '../../../../src/views/components/pagination.tsx'
import { all, one, render, renderFragment, text } from '../../dom.ts'

describe('Pagination', () => {
  it('renders nothing when everything fits on one page', async () => {
    expect(await render(<Pagination path="/news" current={1} count={1} />)).toBe('')
    expect(await render(<Pagination path="/news" current={1} count={0} />)).toBe('')
  })

  it('is a navigation landmark labelled Pagination', async () => {
    const nav = one(await renderFragment(<Pagination path="/news" current={1} count={3} />), 'nav')
    expect(nav.getAttribute('aria-label')).toBe('Pagination')
    expect(nav.classList.contains('govuk-pagination')).toBe(true)
  })

  it('links every page by number, the first to the bare path', async () => {
    const body = await renderFragment(<Pagination path="/news" current={2} count={3} />)
    const links = all(body, '.govuk-pagination__list a')
    expect(
      links.map((a) => [text(a), a.getAttribute('href'), a.getAttribute('aria-label')]),
    ).toEqual([
      ['1', '/news', 'Page 1'],
      ['2', '/news?page=2', 'Page 2'],
      ['3', '/news?page=3', 'Page 3'],
    ])
  })

  it('marks the current page, for sight and for screen readers, and only it', async () => {
    const body = await renderFragment(<Pagination path="/news" current={2} count={3} />)
    expect(
      all(body, '[aria-current]').map((a) => [text(a), a.getAttribute('aria-current')]),
    ).toEqual([['2', 'page']])
    expect(all(body, '.govuk-pagination__item--current').map(text)).toEqual(['2'])
  })

  it('has previous and next links, with rel and a visually hidden "page"', async () => {
    const body = await renderFragment(<Pagination path="/news" current={2} count={3} />)
    const previous = one(body, '.govuk-pagination__prev a')
    const next = one(body, '.govuk-pagination__next a')
    expect([previous.getAttribute('href'), previous.getAttribute('rel'), text(previous)]).toEqual([
      '/news',
      'prev',
      'Previous page',
    ])
    expect([next.getAttribute('href'), next.getAttribute('rel'), text(next)]).toEqual([
      '/news?page=3',
      'next',
      'Next page',
    ])
    expect(text(one(next, '.govuk-visually-hidden'))).toBe('page')
  })

  it('has no previous link on the first page and no next link on the last', async () => {
    const first = await renderFragment(<Pagination path="/news" current={1} count={3} />)
    expect(all(first, '.govuk-pagination__prev')).toHaveLength(0)
    expect(all(first, '.govuk-pagination__next')).toHaveLength(1)
    const last = await renderFragment(<Pagination path="/news" current={3} count={3} />)
    expect(all(last, '.govuk-pagination__prev')).toHaveLength(1)
    expect(all(last, '.govuk-pagination__next')).toHaveLength(0)
  })

  it('adds the page to a path that already has a query', async () => {
    const body = await renderFragment(
      <Pagination path="/admin/inbox?kind=contact" current={1} count={2} />,
    )
    expect(one(body, '.govuk-pagination__next a').getAttribute('href')).toBe(
      '/admin/inbox?kind=contact&page=2',
    )
  })

  it('links the first, the last and the pages either side of the current one, with ellipses between', async () => {
    const items = async (current: number, count: number) =>
      all(
        await renderFragment(<Pagination path="/news" current={current} count={count} />),
        '.govuk-pagination__item',
      ).map((li) => (li.classList.contains('govuk-pagination__item--ellipsis') ? '…' : text(li)))
    expect(await items(1500, 2002)).toEqual(['1', '…', '1499', '1500', '1501', '…', '2002'])
    expect(await items(1, 10)).toEqual(['1', '2', '…', '10'])
    expect(await items(4, 10)).toEqual(['1', '2', '3', '4', '5', '…', '10'])
    expect(await items(10, 10)).toEqual(['1', '…', '9', '10'])
  })
})

describe('pageNumbers', () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 2000, [1, 2, null, 2000]],
    [5, 2000, [1, null, 4, 5, 6, null, 2000]],
    [3, 7, [1, 2, 3, 4, null, 7]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
    [2000, 2000, [1, null, 1999, 2000]],
  ])('on page %i of %i shows %j', (current, count, shown) => {
    expect(pageNumbers(current, count)).toEqual(shown)
  })
})
