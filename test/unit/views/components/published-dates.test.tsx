import { describe, expect, it } from 'vitest'
import {
  HISTORY_ID,
  PublishedDates,
  PublishedMetadata,
} from '../../../../src/views/components/published-dates.tsx'
import { all, one, renderFragment, text } from '../../dom.ts'

const published = new Date('2013-10-07T09:00:00Z')
// Stored oldest first, as publishing appends them.
const notes = [
  { at: Date.parse('2014-01-20T10:00:00Z'), note: 'added the new phone number' },
  { at: Date.parse('2014-03-05T10:00:00Z'), note: 'corrected the office address' },
]

describe('PublishedMetadata', () => {
  it('says when the article was published, in a time element', async () => {
    const body = await renderFragment(<PublishedMetadata publishedAt={published} />)
    expect(all(body, 'p').map(text)).toEqual(['Published 7 October 2013'])
    expect(one(body, 'time').getAttribute('datetime')).toBe('2013-10-07T09:00:00.000Z')
  })

  it('adds when it was last updated, linking to the change history', async () => {
    const body = await renderFragment(
      <PublishedMetadata publishedAt={published} changeNotes={notes} />,
    )
    expect(all(body, 'p').map(text)).toEqual([
      'Published 7 October 2013',
      'Last updated 5 March 2014 — see all updates',
    ])
    expect(one(body, 'a').getAttribute('href')).toBe(`#${HISTORY_ID}`)
  })

  it('shows nothing for an article that has no publish date yet', async () => {
    expect(text(await renderFragment(<PublishedMetadata publishedAt={null} />))).toBe('')
  })
})

describe('PublishedDates', () => {
  it('renders nothing without change notes, so pages stay small', async () => {
    for (const changeNotes of [undefined, [], null, 'oops', [{ at: 'x', note: 'y' }]]) {
      const html = String(await (<PublishedDates changeNotes={changeNotes} />))
      expect(html, JSON.stringify(changeNotes)).toBe('')
    }
  })

  it('gives the latest update and its note, as GOV.UK does', async () => {
    const body = await renderFragment(<PublishedDates changeNotes={notes} />)
    const block = one(body, `#${HISTORY_ID}`)
    expect(text(one(block, ':scope > p'))).toBe(
      'Last updated 5 March 2014: corrected the office address',
    )
  })

  it('lists every note newest first in a details element that needs no JavaScript', async () => {
    const body = await renderFragment(<PublishedDates changeNotes={notes} />)
    const details = one(body, 'details.govuk-details')
    expect(
      text(one(details, 'summary.govuk-details__summary > .govuk-details__summary-text')),
    ).toBe('See all updates')
    expect(all(details, '.govuk-details__text ol > li').map(text)).toEqual([
      '5 March 2014 — corrected the office address',
      '20 January 2014 — added the new phone number',
    ])
    expect(all(details, 'li time').map((t) => t.getAttribute('datetime'))).toEqual([
      '2014-03-05T10:00:00.000Z',
      '2014-01-20T10:00:00.000Z',
    ])
  })

  it('ends the history with when it was first published, when that is known', async () => {
    const body = await renderFragment(
      <PublishedDates changeNotes={notes} publishedAt={published} />,
    )
    expect(text(all(body, 'li').at(-1))).toBe('7 October 2013 — First published')
  })

  it('shows a note as text, never as markup', async () => {
    const body = await renderFragment(
      <PublishedDates changeNotes={[{ at: 0, note: '<b>bold</b> & more' }]} />,
    )
    expect(all(body, 'b')).toHaveLength(0)
    expect(text(one(body, 'li'))).toBe('1 January 1970 — <b>bold</b> & more')
  })

  it('leaves out notes it cannot show rather than failing', async () => {
    const body = await renderFragment(
      <PublishedDates
        changeNotes={[notes[0], { at: 1e20, note: 'far future' }, { at: 5, note: '  ' }, null]}
      />,
    )
    expect(all(body, 'li').map(text)).toEqual(['20 January 2014 — added the new phone number'])
  })
})
