import { describe, expect, it } from 'vitest'
import { AdminLayout } from '../../../../src/views/admin/layout.tsx'
import { all, one, renderDocument } from '../../dom.ts'

describe('AdminLayout', () => {
  it('keeps a title with markup in it as the title, and the staff area out of search engines', async () => {
    // Staff titles carry content titles ("Edit: …"), which staff type.
    const title = 'Edit: Fraud </title><script>alert(1)</script>'
    const document = await renderDocument(
      <AdminLayout title={title}>
        <p>Body</p>
      </AdminLayout>,
    )
    expect(document.title).toBe(`${title} – SOCA staff`)
    expect(all(document, 'script')).toHaveLength(0)
    expect(one(document, 'meta[name="robots"]').getAttribute('content')).toBe('noindex, nofollow')
  })
})
