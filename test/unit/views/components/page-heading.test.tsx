import { describe, expect, it } from 'vitest'
import { PageHeading } from '../../../../src/views/components/page-heading.tsx'
import { all, one, renderFragment, text } from '../../dom.ts'

describe('PageHeading', () => {
  it('is one extra-large h1 with the title', async () => {
    const body = await renderFragment(<PageHeading title="Contact us" />)
    const headings = all(body, 'h1')
    expect(headings).toHaveLength(1)
    expect(headings[0]!.getAttribute('class')).toBe('govuk-heading-xl')
    expect(text(headings[0])).toBe('Contact us')
  })

  it('follows the title with the summary as a lead paragraph', async () => {
    const body = await renderFragment(<PageHeading title="Careers" summary="Join us." />)
    expect(Array.from(body.children, (c) => c.tagName)).toEqual(['H1', 'P'])
    expect(one(body, 'p').getAttribute('class')).toBe('govuk-body-l')
    expect(text(one(body, 'p'))).toBe('Join us.')
  })

  it('has no lead paragraph without a summary, or with an empty one', async () => {
    expect(all(await renderFragment(<PageHeading title="Careers" />), 'p')).toHaveLength(0)
    expect(all(await renderFragment(<PageHeading title="Careers" summary="" />), 'p')).toHaveLength(
      0,
    )
  })
})
