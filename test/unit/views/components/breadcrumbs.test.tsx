import { describe, expect, it } from 'vitest'
import { Breadcrumbs } from '../../../../src/views/components/breadcrumbs.tsx'
import { all, one, renderFragment, text } from '../../dom.ts'

const links = [
  { href: '/', text: 'Home' },
  { href: '/threats', text: 'Threats' },
]

describe('Breadcrumbs', () => {
  it('is a navigation landmark labelled Breadcrumb', async () => {
    const nav = one(await renderFragment(<Breadcrumbs links={links} />), 'nav')
    expect(nav.getAttribute('aria-label')).toBe('Breadcrumb')
    expect(nav.getAttribute('class')).toBe('govuk-breadcrumbs')
  })

  it('lists the links in order, in an ordered list', async () => {
    const body = await renderFragment(<Breadcrumbs links={links} />)
    const items = all(body, 'ol.govuk-breadcrumbs__list > li.govuk-breadcrumbs__list-item')
    expect(items.map((li) => [text(li), one(li, 'a').getAttribute('href')])).toEqual([
      ['Home', '/'],
      ['Threats', '/threats'],
    ])
    expect(all(body, 'a').every((a) => a.classList.contains('govuk-breadcrumbs__link'))).toBe(true)
  })

  it('marks no link as current: the current page is not in the trail', async () => {
    expect(all(await renderFragment(<Breadcrumbs links={links} />), '[aria-current]')).toHaveLength(
      0,
    )
  })
})
