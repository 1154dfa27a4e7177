// The editor through HTTP: one form with Publish beside Save draft, the unpublish confirmation,
// change notes, publication dates and web addresses made from titles.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEntries, createStaff, csrfFrom, editFormValues, signedIn } from '../admin-helpers.ts'
import { getPage, request, summaryErrors } from '../helpers.ts'

type Browser = Awaited<ReturnType<typeof signedIn>>
let editor: Browser
let publisher: Browser
let publisherId: number

beforeAll(async () => {
  const e = await createStaff({ email: 'ed@example.com', role: 'editor' })
  const p = await createStaff({ email: 'pat@example.com', role: 'publisher' })
  publisherId = p.id
  editor = await signedIn(e)
  publisher = await signedIn(p)
})

const row = <T>(query: string, ...values: unknown[]) =>
  env.DB.prepare(query)
    .bind(...values)
    .first<T>()

const idOf = async (table: string, column: string, value: string) =>
  (await row<{ id: number }>(`SELECT id FROM ${table} WHERE ${column} = ?`, value))!.id

/** Posts an item's edit form, as it stands, with these changes. */
const edit = async (browser: Browser, path: string, changes: Record<string, string>) => {
  const html = await (await browser.get(path)).text()
  return browser.post(path, { ...editFormValues(html), ...changes })
}

/** Creates an item from its new form with these fields; answers the response. */
const create = async (browser: Browser, base: string, fields: Record<string, string>) => {
  const csrf = csrfFrom(await (await browser.get(`${base}/new`)).text())
  return browser.post(`${base}/new`, { csrf, ...fields })
}

const createdId = (res: Response) => Number(res.headers.get('Location')!.match(/\/(\d+)\?/)![1])

const article = (title: string, more: Record<string, string> = {}) => ({
  title,
  slug: '',
  summary: 'In short.',
  body: 'The body.',
  ...more,
})

describe('the edit form', () => {
  it('gives a publisher Publish beside Save draft at the foot of one form, and an editor only Save draft', async () => {
    const id = await idOf('pages', 'path', '/about')
    const mine = await (await publisher.get(`/admin/pages/${id}`)).text()
    const form = mine.slice(mine.indexOf('<form method="post" action="/admin/pages/'))
    const group = form.slice(form.indexOf('govuk-button-group'), form.indexOf('</form>'))
    expect(group).toMatch(
      /<button type="submit" name="action" value="publish" class="govuk-button">Publish<\/button><button type="submit" name="action" value="save" class="govuk-button govuk-button--secondary">Save draft<\/button>/,
    )
    // No red button above the form: unpublishing is a link at the foot, to a confirmation page.
    expect(mine).not.toContain('govuk-button--warning')
    const foot = mine.slice(mine.indexOf('Other actions'))
    for (const [text, href] of [
      ['Preview', 'preview'],
      ['History', 'history'],
      ['Schedule', 'schedule'],
      ['Share a preview link', 'share'],
      ['Unpublish', 'unpublish'],
    ]) {
      expect(foot).toContain(`<a class="govuk-link" href="/admin/pages/${id}/${href}">${text}</a>`)
    }
    // A published page cannot be deleted, only unpublished.
    expect(foot).not.toContain('/delete"')
    expect(mine).toContain('Last published')
    expect(mine).toContain('<a class="govuk-link" href="/about">/about</a>')

    const theirs = await (await editor.get(`/admin/pages/${id}`)).text()
    expect(theirs).not.toContain('value="publish"')
    expect(theirs).toContain(
      '<button type="submit" name="action" value="save" class="govuk-button">Save draft</button>',
    )
    expect(theirs).not.toContain('/unpublish"')
    expect(theirs).not.toContain('/schedule"')
    expect(theirs).toContain(`href="/admin/pages/${id}/share"`)
  })

  it('offers Delete for a page that was never published, and preselects the parent from ?parent=', async () => {
    const threats = await idOf('pages', 'path', '/threats')
    const blank = await (await publisher.get(`/admin/pages/new?parent=${threats}`)).text()
    expect(blank).toContain(`<option value="${threats}" selected="">`)
    expect(await (await publisher.get('/admin/pages/new?parent=abc')).text()).toContain(
      '<option value="" selected="">',
    )
    const res = await create(publisher, '/admin/pages', {
      title: 'Never published',
      path: '',
      parentId: String(threats),
      summary: '',
      body: '',
      navOrder: '',
    })
    const id = createdId(res)
    const html = await (await publisher.get(`/admin/pages/${id}`)).text()
    expect(html).toContain(`href="/admin/pages/${id}/delete">Delete</a>`)
    expect(html).not.toContain('Type of change')
    expect(html).toContain('Publish saved changes')
  })
})

describe('Publish on the form', () => {
  it('saves and publishes in one step: row, revision, audit, content version, and the browser forgets its copies', async () => {
    const id = await idOf('pages', 'path', '/about/how-we-work')
    const version = await row<{ value: string }>(
      "SELECT value FROM settings WHERE key = 'content_version'",
    )
    const auditBefore = (await auditEntries()).length
    const res = await edit(publisher, `/admin/pages/${id}`, {
      title: 'How we work, published at once',
      action: 'publish',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/admin/pages/${id}?done=published`)
    expect(res.headers.get('Clear-Site-Data')).toBe('"cache"')

    const latest = await row<{ id: number; note: string; author_id: number }>(
      "SELECT id, note, author_id FROM revisions WHERE kind = 'page' AND content_id = ? ORDER BY id DESC",
      id,
    )
    expect(latest).toMatchObject({ note: 'Saved and published', author_id: publisherId })
    expect(
      await row('SELECT title, status, published_revision_id FROM pages WHERE id = ?', id),
    ).toEqual({
      title: 'How we work, published at once',
      status: 'published',
      published_revision_id: latest!.id,
    })
    expect((await auditEntries()).slice(auditBefore).map((e) => e.action)).toEqual([
      'page.save',
      'page.publish',
    ])
    expect(
      (await row<{ value: string }>("SELECT value FROM settings WHERE key = 'content_version'"))!
        .value,
    ).not.toBe(version?.value)
    expect((await getPage('/about/how-we-work')).html).toContain('How we work, published at once')

    const after = await (await publisher.get(`/admin/pages/${id}?done=published`)).text()
    expect(after).toContain('Published. The change is on the site now.')
    expect(after).toContain(
      '<a class="govuk-notification-banner__link" href="/about/how-we-work">View the page on the site</a>',
    )
    expect(after).not.toContain('Publish saved changes')
  })

  it('does not clear the browser cache after saving a draft, which visitors do not see', async () => {
    const id = await idOf('pages', 'path', '/about/how-we-work')
    const res = await edit(publisher, `/admin/pages/${id}`, { summary: 'Only a draft.' })
    expect(res.headers.get('Location')).toBe(`/admin/pages/${id}?done=saved`)
    expect(res.headers.get('Clear-Site-Data')).toBeNull()
    // The publish-without-editing button publishes what was saved.
    const page = await (await publisher.get(`/admin/pages/${id}`)).text()
    expect(page).toContain('Publish saved changes')
    const published = await publisher.post(`/admin/pages/${id}/publish`, { csrf: csrfFrom(page) })
    expect(published.headers.get('Clear-Site-Data')).toBe('"cache"')
    expect((await getPage('/about/how-we-work')).html).toContain('Only a draft.')
  })

  it('keeps everything typed when the form has a problem', async () => {
    const id = await idOf('pages', 'path', '/about/how-we-work')
    const res = await edit(publisher, `/admin/pages/${id}`, {
      title: '',
      body: 'Careful words',
      action: 'publish',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(summaryErrors(html)).toEqual([{ field: 'title', message: 'Enter a title' }])
    expect(html).toContain('Careful words</textarea>')
    expect((await getPage('/about/how-we-work')).html).not.toContain('Careful words')
  })

  it('is refused to an editor, who never sees it, and nothing is saved', async () => {
    const id = await idOf('pages', 'path', '/about/how-we-work')
    const before = await row('SELECT count(*) AS n FROM revisions')
    const res = await edit(editor, `/admin/pages/${id}`, { title: 'Sneaky', action: 'publish' })
    expect(res.status).toBe(403)
    expect(await row('SELECT count(*) AS n FROM revisions')).toEqual(before)
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'refused',
      detail: 'needs content:publish',
    })
  })

  it('under the second pair of eyes, saves the publisher’s own change as a draft and says why it is not live', async () => {
    await env.DB.prepare(
      "INSERT INTO settings (key, value) VALUES ('require_second_publisher', 'true') ON CONFLICT (key) DO UPDATE SET value = 'true'",
    ).run()
    try {
      const id = await idOf('pages', 'path', '/about/how-we-work')
      const res = await edit(publisher, `/admin/pages/${id}`, {
        title: 'Needs a second look',
        body: 'Typed with care',
        action: 'publish',
      })
      expect(res.status).toBe(303)
      expect(res.headers.get('Location')).toBe(`/admin/pages/${id}?done=held`)
      expect(res.headers.get('Clear-Site-Data')).toBeNull()
      expect((await getPage('/about/how-we-work')).html).not.toContain('Needs a second look')
      expect((await auditEntries()).at(-1)).toMatchObject({
        action: 'refused',
        detail: 'second pair of eyes',
      })
      const html = await (await publisher.get(res.headers.get('Location')!)).text()
      expect(html).toContain('Draft saved, but not published. A second pair of eyes is required')
      expect(html).toContain('aria-labelledby="important-title"')
      expect(html).toContain('value="Needs a second look"')
      expect(html).toContain('Typed with care</textarea>')
    } finally {
      await env.DB.prepare(
        "UPDATE settings SET value = 'false' WHERE key = 'require_second_publisher'",
      ).run()
    }
  })
})

describe('unpublishing', () => {
  it('asks first, on a page of its own with a red button', async () => {
    const id = await idOf('pages', 'path', '/threats/gun-crime')
    const res = await publisher.get(`/admin/pages/${id}/unpublish`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Are you sure you want to unpublish ‘Gun crime’?')
    expect(html).toContain('will tell visitors it has been removed')
    expect(html).toContain(`<form method="post" action="/admin/pages/${id}/unpublish">`)
    expect(html).toContain(
      '<button type="submit" class="govuk-button govuk-button--warning">Unpublish</button>',
    )
    expect(html).toContain(`<a class="govuk-link" href="/admin/pages/${id}">Cancel</a>`)
    expect((await editor.get(`/admin/pages/${id}/unpublish`)).status).toBe(403)

    const done = await publisher.post(`/admin/pages/${id}/unpublish`, { csrf: csrfFrom(html) })
    expect(done.headers.get('Location')).toBe(`/admin/pages/${id}?done=unpublished`)
    expect(done.headers.get('Clear-Site-Data')).toBe('"cache"')
    expect((await request('/threats/gun-crime')).status).toBe(410)
    // Nothing to confirm once it is off the site: back to the editor.
    const again = await publisher.get(`/admin/pages/${id}/unpublish`)
    expect(again.status).toBe(303)
    expect((await publisher.get(`/admin/pages/999999/unpublish`)).status).toBe(404)
  })
})

describe('change notes', () => {
  const notes = async (id: number) =>
    JSON.parse(
      (await row<{ notes: string }>(
        'SELECT change_notes AS notes FROM news_articles WHERE id = ?',
        id,
      ))!.notes,
    ) as { at: number; note: string }[]

  it('are not asked for on a first publish, nor for vacancies', async () => {
    const res = await create(publisher, '/admin/news', article('Brand new story'))
    const id = createdId(res)
    const html = await (await publisher.get(`/admin/news/${id}`)).text()
    expect(html).not.toContain('Type of change')
    const published = await edit(publisher, `/admin/news/${id}`, {
      action: 'publish',
      changeType: 'major',
      changeNote: 'Ignored on a first publish',
    })
    expect(published.headers.get('Location')).toBe(`/admin/news/${id}?done=published`)
    expect(await notes(id)).toEqual([])
    expect(
      await row(
        "SELECT change_note FROM revisions WHERE kind = 'news' AND content_id = ? ORDER BY id DESC",
        id,
      ),
    ).toEqual({ change_note: null })

    const vacancy = await idOf('vacancies', 'slug', 'cyber-crime-investigator')
    expect(await (await publisher.get(`/admin/vacancies/${vacancy}`)).text()).not.toContain(
      'Type of change',
    )
  })

  it('asks for the note of a major change, keeping what was typed', async () => {
    const id = await idOf('news_articles', 'slug', 'brand-new-story')
    const html = await (await publisher.get(`/admin/news/${id}`)).text()
    expect(html).toContain(
      '<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Type of change</legend>',
    )
    expect(html).toMatch(/id="changeType" name="changeType" type="radio" value="minor" checked=""/)
    expect(html).toContain('data-aria-controls="conditional-changeType-2"')
    const res = await edit(publisher, `/admin/news/${id}`, {
      title: 'Brand new story, corrected',
      changeType: 'major',
      changeNote: '   ',
      action: 'publish',
    })
    expect(res.status).toBe(400)
    const page = await res.text()
    expect(summaryErrors(page)).toEqual([{ field: 'changeNote', message: 'Enter a change note' }])
    expect(page).toContain('value="Brand new story, corrected"')
    expect(page).toMatch(/value="major" checked=""/)
    const long = await edit(publisher, `/admin/news/${id}`, {
      changeType: 'major',
      changeNote: 'x'.repeat(501),
    })
    expect(summaryErrors(await long.text())).toEqual([
      { field: 'changeNote', message: 'Change note must be 500 characters or less' },
    ])
  })

  it('stores a major change’s note on its revision and adds it to the public notes when published, once', async () => {
    const id = await idOf('news_articles', 'slug', 'brand-new-story')
    const saved = await edit(publisher, `/admin/news/${id}`, {
      body: 'Corrected body.',
      changeType: 'major',
      changeNote: 'Corrected the date of the arrests',
    })
    expect(saved.headers.get('Location')).toBe(`/admin/news/${id}?done=saved`)
    const revision = await row<{ id: number; change_note: string }>(
      "SELECT id, change_note FROM revisions WHERE kind = 'news' AND content_id = ? ORDER BY id DESC",
      id,
    )
    expect(revision!.change_note).toBe('Corrected the date of the arrests')
    expect(await notes(id)).toEqual([])
    // The editor shows the note waiting with its draft.
    const html = await (await publisher.get(`/admin/news/${id}`)).text()
    expect(html).toMatch(/value="major" checked=""/)
    expect(html).toContain('Corrected the date of the arrests</textarea>')

    const before = Date.now()
    const csrf = csrfFrom(html)
    await publisher.post(`/admin/news/${id}/publish`, { csrf })
    const [note] = await notes(id)
    expect(note!.note).toBe('Corrected the date of the arrests')
    expect(note!.at).toBeGreaterThanOrEqual(before)
    expect(await notes(id)).toHaveLength(1)

    // Unpublished and published again, the same version adds no second note.
    await publisher.post(`/admin/news/${id}/unpublish`, { csrf })
    await publisher.post(`/admin/news/${id}/publish`, { csrf })
    expect(await notes(id)).toHaveLength(1)
    // Once published, the note is not offered again for the next change.
    expect(await (await publisher.get(`/admin/news/${id}`)).text()).toMatch(
      /value="minor" checked=""/,
    )
  })

  it('adds a note for a major change published from the form, and none for a minor one', async () => {
    const id = await idOf('news_articles', 'slug', 'brand-new-story')
    await edit(publisher, `/admin/news/${id}`, {
      summary: 'A minor tidy.',
      changeType: 'minor',
      changeNote: 'Not kept',
      action: 'publish',
    })
    expect(await notes(id)).toHaveLength(1)
    expect(
      await row(
        "SELECT change_note FROM revisions WHERE kind = 'news' AND content_id = ? ORDER BY id DESC",
        id,
      ),
    ).toEqual({ change_note: null })
    await edit(publisher, `/admin/news/${id}`, {
      summary: 'A real correction.',
      changeType: 'major',
      changeNote: 'Corrected the summary',
      action: 'publish',
    })
    expect((await notes(id)).map((n) => n.note)).toEqual([
      'Corrected the date of the arrests',
      'Corrected the summary',
    ])

    // Pages keep notes too.
    const page = await idOf('pages', 'path', '/about')
    await edit(publisher, `/admin/pages/${page}`, {
      summary: 'Who we are.',
      changeType: 'major',
      changeNote: 'Corrected the office address',
      action: 'publish',
    })
    const stored = await row<{ notes: string }>(
      'SELECT change_notes AS notes FROM pages WHERE id = ?',
      page,
    )
    expect(JSON.parse(stored!.notes)).toEqual([
      { at: expect.any(Number), note: 'Corrected the office address' },
    ])
  })
})

describe('the publication date', () => {
  it('is a date input; when set, the article shows as published that day (UK midnight)', async () => {
    const res = await create(
      publisher,
      '/admin/news',
      article('Imported from the old site', {
        'publicationDate-day': '7',
        'publicationDate-month': '10',
        'publicationDate-year': '2013',
      }),
    )
    const id = createdId(res)
    const html = await (await publisher.get(`/admin/news/${id}`)).text()
    expect(html).toContain(
      'id="publicationDate" name="publicationDate-day" type="text" inputmode="numeric" value="7"',
    )
    expect(html).toContain(
      'name="publicationDate-month" type="text" inputmode="numeric" value="10"',
    )
    expect(html).toContain(
      'name="publicationDate-year" type="text" inputmode="numeric" value="2013"',
    )
    await edit(publisher, `/admin/news/${id}`, { action: 'publish' })
    const stored = await row<{ published_at: number; publication_date: string }>(
      'SELECT published_at, publication_date FROM news_articles WHERE id = ?',
      id,
    )
    // 7 October 2013 began at 23:00 UTC on the 6th (BST).
    expect(stored).toEqual({
      published_at: Date.UTC(2013, 9, 6, 23),
      publication_date: '2013-10-07',
    })
  })

  it('defaults to the time of the first publish', async () => {
    const before = Date.now()
    const res = await create(
      publisher,
      '/admin/news',
      article('Published today', { action: 'publish' }),
    )
    expect(res.headers.get('Location')).toMatch(/\?done=published$/)
    const stored = await row<{ published_at: number }>(
      'SELECT published_at FROM news_articles WHERE id = ?',
      createdId(res),
    )
    expect(stored!.published_at).toBeGreaterThanOrEqual(before)
  })

  it('says what is wrong with a date, keeping what was typed', async () => {
    const res = await create(
      publisher,
      '/admin/news',
      article('Bad date', {
        'publicationDate-day': '31',
        'publicationDate-month': '2',
        'publicationDate-year': '2013',
      }),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(summaryErrors(html)).toEqual([
      { field: 'publicationDate', message: 'Publication date must be a real date' },
    ])
    expect(html).toContain('value="31"')
    expect(html).toContain('aria-describedby="publicationDate-hint publicationDate-error"')
    const partial = await create(
      publisher,
      '/admin/news',
      article('Partial date', { 'publicationDate-month': '2', 'publicationDate-year': '2013' }),
    )
    expect(summaryErrors(await partial.text())).toEqual([
      { field: 'publicationDate', message: 'Publication date must include a day, month and year' },
    ])
  })
})

describe('web addresses made from titles', () => {
  it('fills an empty news address from the title, and names the address in a clash', async () => {
    const res = await create(
      publisher,
      '/admin/news',
      article('Phishing gang jailed after £2m fraud'),
    )
    expect(res.status).toBe(303)
    expect(await row('SELECT slug FROM news_articles WHERE id = ?', createdId(res))).toEqual({
      slug: 'phishing-gang-jailed-after-2m-fraud',
    })

    // The seed already has this article.
    const clash = await create(
      publisher,
      '/admin/news',
      article('Websites selling stolen card data taken down', { body: 'Kept body' }),
    )
    expect(clash.status).toBe(400)
    const html = await clash.text()
    expect(summaryErrors(html)).toEqual([
      {
        field: 'slug',
        message: 'Another news article already uses websites-selling-stolen-card-data-taken-down',
      },
    ])
    expect(html).toContain('value="Websites selling stolen card data taken down"')
    expect(html).toContain('Kept body</textarea>')
    expect(html).toContain('Leave it empty to make it from the title.')
  })

  it('asks for an address when the title has no letters or numbers', async () => {
    const res = await create(publisher, '/admin/news', article('!!! ???'))
    expect(res.status).toBe(400)
    expect(summaryErrors(await res.text())).toEqual([
      { field: 'slug', message: 'Enter a web address: the title has no letters or numbers' },
    ])
  })

  it('fills an empty vacancy address from the title', async () => {
    const res = await create(publisher, '/admin/vacancies', {
      title: 'Senior Analyst (Fraud & Money Laundering)',
      slug: '',
      summary: '',
      grade: 'Grade 7',
      location: 'London',
      salary: '£50,000',
      closingDate: '2099-01-31',
      body: '',
    })
    expect(res.status).toBe(303)
    expect(await row('SELECT slug FROM vacancies WHERE id = ?', createdId(res))).toEqual({
      slug: 'senior-analyst-fraud-and-money-laundering',
    })
  })

  it('makes a page’s path from its parent’s and its title, or from the title alone at the top', async () => {
    const threats = await idOf('pages', 'path', '/threats')
    const page = (title: string, parentId: string) => ({
      title,
      path: '',
      parentId,
      navOrder: '',
      summary: '',
      body: '',
    })
    const under = await create(
      publisher,
      '/admin/pages',
      page('Organised immigration crime', String(threats)),
    )
    expect(await row('SELECT path FROM pages WHERE id = ?', createdId(under))).toEqual({
      path: '/threats/organised-immigration-crime',
    })
    const top = await create(publisher, '/admin/pages', page('Annual report', ''))
    expect(await row('SELECT path FROM pages WHERE id = ?', createdId(top))).toEqual({
      path: '/annual-report',
    })
    const home = await idOf('pages', 'path', '/')
    const underHome = await create(
      publisher,
      '/admin/pages',
      page('Freedom of information', String(home)),
    )
    expect(await row('SELECT path FROM pages WHERE id = ?', createdId(underHome))).toEqual({
      path: '/freedom-of-information',
    })
    // A made path must still be one a page may have.
    const reserved = await create(publisher, '/admin/pages', page('Admin', ''))
    expect(reserved.status).toBe(400)
    expect(summaryErrors(await reserved.text())).toEqual([
      {
        field: 'path',
        message:
          'Enter a path: /admin cannot be used. That path belongs to another part of the site',
      },
    ])
    const clash = await create(publisher, '/admin/pages', page('Annual report', ''))
    expect(summaryErrors(await clash.text())).toEqual([
      { field: 'path', message: 'Another page already uses /annual-report' },
    ])
  })
})
