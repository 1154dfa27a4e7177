import { describe, expect, it } from 'vitest'
import type { StaffMember } from '../../../../src/db/staff.ts'
import { ComparePage } from '../../../../src/views/admin/compare-page.tsx'
import { all, renderDocument, text } from '../../dom.ts'

const staff = {
  id: 1,
  email: 'pat@example.com',
  name: 'Pat',
  role: 'publisher',
  active: true,
} as StaffMember

const page = (diffs: Parameters<typeof ComparePage>[0]['diffs']) =>
  renderDocument(
    <ComparePage
      admin={{ staff, csrfToken: 'token', path: '/admin/pages/1/compare' }}
      labels={{ singular: 'Page', plural: 'Pages', base: '/admin/pages' }}
      item={{
        id: 1,
        title: 'About us',
        address: '/about',
        status: 'published',
        publishedRevisionId: 3,
        latestRevisionId: 4,
        updatedAt: new Date('2026-11-30T10:00:00Z'),
      }}
      from={3}
      to={4}
      diffs={diffs}
    />,
  )

describe('ComparePage', () => {
  it('marks removed and added lines, each announced to screen readers', async () => {
    const doc = await page([
      {
        label: 'Body',
        parts: [
          { kind: 'same', text: 'Kept' },
          { kind: 'removed', text: 'Old line' },
          { kind: 'added', text: 'New line' },
        ],
      },
    ])
    expect(text(doc.querySelector('.soca-diff del'))).toBe('Removed: Old line')
    expect(text(doc.querySelector('.soca-diff ins'))).toBe('Added: New line')
  })

  it('says a field is too large to compare, instead of a diff, when there is none', async () => {
    const doc = await page([
      { label: 'Title', parts: [{ kind: 'same', text: 'About us' }] },
      { label: 'Body', parts: null },
    ])
    const headings = all(doc, 'h2.govuk-heading-s').map((h) => text(h))
    expect(headings).toEqual(['Title (no change)', 'Body'])
    expect(all(doc, '.soca-diff')).toHaveLength(1)
    expect(all(doc, 'h2.govuk-heading-s + p.govuk-body').map((p) => text(p))).toEqual([
      'This field is too large to compare, or has too many changes to show line by line.',
    ])
  })
})
