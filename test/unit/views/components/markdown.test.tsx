import { describe, expect, it } from 'vitest'
import { Markdown } from '../../../../src/views/components/markdown.tsx'
import { all, one, renderFragment, text } from '../../dom.ts'

describe('Markdown', () => {
  it('renders Markdown as GOV.UK markup, not as escaped text', async () => {
    const body = await renderFragment(
      <Markdown source={'## Who we are\n\nWe tackle [crime](/threats).'} />,
    )
    expect(text(one(body, 'h2.govuk-heading-l'))).toBe('Who we are')
    expect(one(body, 'p.govuk-body a.govuk-link').getAttribute('href')).toBe('/threats')
  })

  it('still shows HTML in the source as text: raw() gets only markdown-it output', async () => {
    const body = await renderFragment(<Markdown source={'<script>alert(1)</script>'} />)
    expect(all(body, 'script')).toHaveLength(0)
    expect(text(body)).toBe('<script>alert(1)</script>')
  })

  it('renders an empty source as nothing', async () => {
    expect(all(await renderFragment(<Markdown source="" />), '*')).toHaveLength(0)
  })
})
