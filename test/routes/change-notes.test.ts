import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parseHTML } from 'linkedom'
import { beforeAll, describe, expect, it } from 'vitest'
import { countingD1 } from '../d1-counter.ts'
import { ORIGIN, contentChanged, getPage, insertArticle, insertPage, sql } from '../helpers.ts'
import worker from '../worker.ts'

// Times that are easy to read back: published 7 October 2013, updated in 2014.
const PUBLISHED = new Date('2013-10-07T09:00:00Z')
const FIRST = { at: Date.parse('2014-01-20T10:00:00Z'), note: 'added the new phone number' }
const LATEST = { at: Date.parse('2014-03-05T10:00:00Z'), note: 'corrected the office address' }

/** The page's main content as a DOM, queried the way a browser would build it. */
const main = (html: string) => parseHTML(html).document.querySelector('main')!
const texts = (root: ReturnType<typeof main>, selector: string) =>
  [...root.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim())

beforeAll(async () => {
  await insertArticle('office-moves', 'Office moves', PUBLISHED)
  await insertArticle('no-updates', 'Nothing changed', new Date('2013-11-01T09:00:00Z'))
  await sql(
    'UPDATE news_articles SET change_notes = ? WHERE slug = ?',
    JSON.stringify([FIRST, LATEST]),
    'office-moves',
  )
  await insertPage({ path: '/contact-points', title: 'Contact points', body: 'Write to us.' })
  await insertPage({ path: '/unchanged', title: 'Unchanged', body: 'As it was.' })
  await sql(
    'UPDATE pages SET change_notes = ? WHERE path = ?',
    JSON.stringify([FIRST, LATEST]),
    '/contact-points',
  )
})

describe('GET /news/:slug with change notes', () => {
  it('says when it was published and last updated, under the summary and at the foot', async () => {
    const { res, html } = await getPage('/news/office-moves')
    expect(res.status).toBe(200)
    expect(texts(main(html), '.govuk-body-l ~ p.soca-meta')).toEqual([
      'Published 7 October 2013',
      'Last updated 5 March 2014 — see all updates',
    ])
    expect(texts(main(html), '#full-history > p')).toEqual([
      'Last updated 5 March 2014: corrected the office address',
    ])
  })

  it('lists every update newest first in "See all updates", then when it was first published', async () => {
    const doc = main((await getPage('/news/office-moves')).html)
    const details = doc.querySelector('#full-history details.govuk-details')!
    expect(texts(details, 'summary')).toEqual(['See all updates'])
    expect(texts(details, 'li')).toEqual([
      '5 March 2014 — corrected the office address',
      '20 January 2014 — added the new phone number',
      '7 October 2013 — First published',
    ])
    expect([...details.querySelectorAll('li time')].map((t) => t.getAttribute('datetime'))).toEqual(
      [
        new Date(LATEST.at).toISOString(),
        new Date(FIRST.at).toISOString(),
        PUBLISHED.toISOString(),
      ],
    )
    expect(doc.querySelector('a[href="#full-history"]')).not.toBeNull()
  })

  it('shows only the published date for an article without change notes', async () => {
    const doc = main((await getPage('/news/no-updates')).html)
    expect(texts(doc, 'p.soca-meta')).toEqual(['Published 1 November 2013'])
    expect(doc.querySelector('details')).toBeNull()
    expect(doc.querySelector('#full-history')).toBeNull()
  })

  it('shows a note as text, so a note cannot add markup', async () => {
    await sql(
      'UPDATE news_articles SET change_notes = ? WHERE slug = ?',
      JSON.stringify([{ at: LATEST.at, note: '<script>alert(1)</script>' }]),
      'no-updates',
    )
    const { html } = await getPage('/news/no-updates')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    await sql('UPDATE news_articles SET change_notes = ? WHERE slug = ?', '[]', 'no-updates')
  })
})

describe('GET /news', () => {
  it('says "Published" and the date of each article', async () => {
    const doc = main((await getPage('/news')).html)
    const item = doc.querySelector('a[href="/news/office-moves"]')!.closest('li')!
    expect(texts(item, 'p.soca-meta')).toEqual(['Published 7 October 2013'])
    expect(item.querySelector('time')!.getAttribute('datetime')).toBe(PUBLISHED.toISOString())
  })
})

describe('GET a content page with change notes', () => {
  it('ends with the last update and its note, and every update in "See all updates"', async () => {
    const doc = main((await getPage('/contact-points')).html)
    const history = doc.querySelector('#full-history')!
    expect(texts(history, ':scope > p')).toEqual([
      'Last updated 5 March 2014: corrected the office address',
    ])
    expect(texts(history, 'details summary')).toEqual(['See all updates'])
    expect(texts(history, 'details li')).toEqual([
      '5 March 2014 — corrected the office address',
      '20 January 2014 — added the new phone number',
    ])
  })

  it('adds nothing to a page without change notes', async () => {
    const { html } = await getPage('/unchanged')
    expect(html).not.toContain('full-history')
    expect(html).not.toContain('Last updated')
    expect(html).not.toContain('<details')
  })

  it('still makes at most 2 D1 round trips', async () => {
    for (const path of ['/contact-points', '/news/office-moves']) {
      await contentChanged()
      await caches.default.delete(`${ORIGIN}/__cache/content-version`)
      const { db, counter } = countingD1()
      const ctx = createExecutionContext()
      const res = await worker.fetch(new Request(new URL(path, ORIGIN)), { ...env, DB: db }, ctx)
      await waitOnExecutionContext(ctx)
      expect(res.status, path).toBe(200)
      expect(await res.text(), path).toContain('See all updates')
      expect(counter.roundTrips, path).toBeLessThanOrEqual(2)
    }
  })

  it('answers 200 without the history when the stored notes are not a list of notes', async () => {
    await sql('UPDATE pages SET change_notes = ? WHERE path = ?', '{"at":1}', '/unchanged')
    const { res, html } = await getPage('/unchanged')
    expect(res.status).toBe(200)
    expect(html).not.toContain('full-history')
    await sql('UPDATE pages SET change_notes = ? WHERE path = ?', '[]', '/unchanged')
  })
})

describe('GET /news.atom with change notes', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' })
  type Entry = { id: string; published: string; updated: string }

  it("dates an entry's <updated> by its latest change note, and <published> by its publication", async () => {
    const { html: xml } = await getPage('/news.atom')
    expect(XMLValidator.validate(xml)).toBe(true)
    const entries: Entry[] = parser.parse(xml).feed.entry
    const entry = entries.find((e) => e.id === `${ORIGIN}/news/office-moves`)!
    expect(entry.published).toBe(PUBLISHED.toISOString())
    expect(entry.updated).toBe(new Date(LATEST.at).toISOString())
    const plain = entries.find((e) => e.id === `${ORIGIN}/news/no-updates`)!
    expect(plain.updated).toBe(plain.published)
  })

  it("gives the feed its newest entry's <updated>", async () => {
    const feed = parser.parse((await getPage('/news.atom')).html).feed
    const newest = Math.max(...(feed.entry as Entry[]).map((e) => Date.parse(e.updated)))
    expect(feed.updated).toBe(new Date(newest).toISOString())
  })
})
