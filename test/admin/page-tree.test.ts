// The staff Pages tree over HTTP: markup and order, moving pages, and deleting a draft page.
import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditEntries, editorAndPublisher, type StaffBrowser } from '../admin-helpers.ts'
import { formatDateTime } from '../../src/lib/dates.ts'
import { getPage, insertPage } from '../helpers.ts'
import { type DomDocument, type DomElement, parseDocument } from '../unit/dom.ts'

let editor: StaffBrowser
let publisher: StaffBrowser
let editorId: number

beforeAll(async () => {
  ;({ editorId, editor, publisher } = await editorAndPublisher())
})

const idOf = async (path: string) =>
  (await env.DB.prepare('SELECT id FROM pages WHERE path = ?').bind(path).first<{ id: number }>())!
    .id

const contentVersion = async () =>
  (
    await env.DB.prepare("SELECT value FROM settings WHERE key = 'content_version'").first<{
      value: string
    }>()
  )?.value

/** The tree page as a document, fetched by the member. */
const treeOf = async (browser: StaffBrowser, query = '') => {
  const res = await browser.get(`/admin/pages${query}`)
  expect(res.status).toBe(200)
  const html = await res.text()
  return { html, document: parseDocument(html) }
}

/** The list item of a page in the tree. */
const itemOf = (document: DomDocument, id: number) => {
  const li = document.getElementById(`page-${id}`)
  if (!li) throw new Error(`page ${id} is not in the tree`)
  return li
}

/** The titles of the pages listed directly in a list, in order. */
const titlesIn = (list: DomElement) =>
  Array.from(list.children).map((li) => li.querySelector(':scope > p > a')!.textContent!.trim())

/** The labels of the buttons of a page's own row (not its children's). */
const buttonsOf = (li: DomElement) =>
  [...li.querySelectorAll(':scope > .soca-admin-actions button')].map((b) => b.textContent!.trim())

/** How deep a page's list item is: 0 at the top level. */
const depthOf = (li: DomElement) => {
  let depth = -1
  for (let e: DomElement | null = li; e; e = e.parentElement) if (e.tagName === 'UL') depth++
  return depth
}

/** Posts to a tree action with the CSRF token from the tree page. */
const act = async (browser: StaffBrowser, path: string) => browser.submit(path, {}, '/admin/pages')

/** The public child list of a section, in order. */
const publicChildren = async (path: string) => {
  const { html } = await getPage(path)
  const section = html.slice(html.indexOf('In this section'))
  return [...section.matchAll(/<h3[^>]*><a class="govuk-link" href="([^"]+)"/g)].map((m) => m[1])
}

describe('GET /admin/pages', () => {
  it('lists every page as a tree: the home page first, each page indented under its parent, in the site order', async () => {
    const { document } = await treeOf(editor)
    const top = document.querySelector('main > ul.govuk-list')!
    const titles = titlesIn(top)
    expect(titles.slice(0, 4)).toEqual([
      'Serious Organised Crime Agency',
      'About us',
      'Threats',
      'UK Human Trafficking Centre',
    ])
    const about = itemOf(document, await idOf('/about'))
    expect(depthOf(about)).toBe(0)
    expect(titlesIn(about.querySelector(':scope > ul')!)).toEqual([
      'How we are run',
      'How we work',
      'Structure',
      'Objectives and values',
      'The power to counter criminals',
    ])
    const child = itemOf(document, await idOf('/about/how-we-work'))
    expect(depthOf(child)).toBe(1)
    expect(child.parentElement!.closest('li')).toBe(about)
  })

  it('lists every page of the top two levels of a site this size, and no link to more of them', async () => {
    const { document } = await treeOf(editor)
    const expected = await env.DB.prepare(
      'SELECT count(*) AS n FROM pages p WHERE p.parent_id IS NULL OR p.parent_id IN (SELECT id FROM pages WHERE parent_id IS NULL)',
    ).first<{ n: number }>()
    expect(document.querySelectorAll('li[id^="page-"]').length).toBe(expected!.n)
    expect(document.querySelector('main')!.textContent).not.toMatch(/Show all \d+ pages? under it/)
  })

  it('gives each page a link to its editor, its state, who changed it last, and a link to add a page under it', async () => {
    const id = await idOf('/threats/gun-crime')
    const { document } = await treeOf(editor)
    const li = itemOf(document, id)
    expect(li.querySelector(':scope > p > a')!.getAttribute('href')).toBe(`/admin/pages/${id}`)
    expect(li.querySelector(':scope > p .govuk-tag')!.textContent).toBe('Published')
    expect(li.textContent).toContain('Original content')
    const add = [...li.querySelectorAll(':scope > .soca-admin-actions a')].find(
      (a) => a.textContent!.trim() === 'Add a page here',
    )!
    expect(add.getAttribute('href')).toBe(`/admin/pages/new?parent=${id}`)
    expect(add.getAttribute('aria-describedby')).toBe(`page-${id}-title`)
    expect(document.getElementById(`page-${id}-title`)!.textContent).toBe('Gun crime')
  })

  it('shows the newest revision’s author and UK time, and that changes are waiting', async () => {
    const id = await idOf('/threats/fraud')
    const at = Date.UTC(2026, 6, 1, 8, 5) // 9:05 am in London (BST)
    await env.DB.prepare(
      "INSERT INTO revisions (kind, content_id, data, author_id, note, created_at) SELECT 'page', id, json_object('path', path, 'parentId', parent_id, 'title', 'Fraud, revised', 'summary', summary, 'body', body, 'navOrder', nav_order), ?, 'Saved', ? FROM pages WHERE id = ?",
    )
      .bind(editorId, at, id)
      .run()
    const { document } = await treeOf(editor)
    const li = itemOf(document, id)
    expect(li.textContent).toContain(`Last changed by Ed Editor on ${formatDateTime(new Date(at))}`)
    expect(formatDateTime(new Date(at))).toMatch(/^1 July 2026\b.* 9:05 am$/)
    expect(li.querySelector('.govuk-tag')!.textContent).toBe('Published, with changes')
  })

  it('says which top-level pages are not in the main menu', async () => {
    const { document } = await treeOf(editor)
    expect(itemOf(document, await idOf('/accessibility')).textContent).toContain(
      'not in the main menu',
    )
    expect(itemOf(document, await idOf('/about')).textContent).not.toContain('not in the main menu')
  })

  it('shows an editor no move buttons, and says only publishers can reorder', async () => {
    const { html, document } = await treeOf(editor)
    expect(document.querySelectorAll('form[action*="/move-"]').length).toBe(0)
    expect(html).toContain('Only publishers can change the order of pages.')
  })

  it('shows a publisher move buttons only where a page can move', async () => {
    const { document } = await treeOf(publisher)
    expect(buttonsOf(itemOf(document, await idOf('/about/how-we-are-run')))).toEqual(['Move down'])
    expect(buttonsOf(itemOf(document, await idOf('/about/structure')))).toEqual([
      'Move up',
      'Move down',
    ])
    expect(buttonsOf(itemOf(document, await idOf('/about/powers')))).toEqual(['Move up'])
    expect(buttonsOf(itemOf(document, await idOf('/about')))).toEqual(['Move down'])
    expect(buttonsOf(itemOf(document, await idOf('/contact')))).toEqual(['Move up'])
    // Top-level pages outside the menu cannot move, and the page says why.
    expect(buttonsOf(itemOf(document, await idOf('/')))).toEqual([])
    expect(buttonsOf(itemOf(document, await idOf('/privacy')))).toEqual([])
    expect(document.querySelector('main')!.textContent).toContain(
      'At the top level only pages in the main menu can be moved.',
    )
    const form = itemOf(document, await idOf('/about/structure')).querySelector('form')!
    expect(form.getAttribute('method')).toBe('post')
    expect(form.querySelector('input[name="csrf"]')!.getAttribute('value')).toBeTruthy()
  })

  it('offers to delete only pages that were never published', async () => {
    await insertPage({ path: '/a-draft', title: 'A draft', status: 'draft' })
    const { document } = await treeOf(editor)
    const deleteLink = (id: number) =>
      [...itemOf(document, id).querySelectorAll(':scope > .soca-admin-actions a')].find(
        (a) => a.textContent!.trim() === 'Delete',
      )
    const draft = await idOf('/a-draft')
    expect(deleteLink(draft)!.getAttribute('href')).toBe(`/admin/pages/${draft}/delete`)
    expect(deleteLink(await idOf('/about'))).toBeUndefined()
  })
})

describe('POST /admin/pages/:id/move-up and move-down', () => {
  it('moves a page for a publisher: the tree and the public section show the new order', async () => {
    const id = await idOf('/threats/gun-crime')
    expect(await publicChildren('/threats')).toEqual([
      '/threats/class-a-drugs',
      '/threats/people-smuggling-and-human-trafficking',
      '/threats/gun-crime',
      '/threats/fraud',
      '/threats/computer-crime',
      '/threats/money-laundering',
    ])
    const version = await contentVersion()
    const res = await act(publisher, `/admin/pages/${id}/move-up`)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe(`/admin/pages?open=${id}&done=moved#page-${id}`)
    expect(await contentVersion()).not.toBe(version)
    const { document } = await treeOf(publisher, '?done=moved')
    expect(document.querySelector('.govuk-notification-banner--success')!.textContent).toContain(
      'Page moved.',
    )
    expect(
      titlesIn(itemOf(document, await idOf('/threats')).querySelector(':scope > ul')!).slice(0, 3),
    ).toEqual(['Class A drugs', 'Gun crime', 'People smuggling and human trafficking'])
    expect((await publicChildren('/threats')).slice(0, 3)).toEqual([
      '/threats/class-a-drugs',
      '/threats/gun-crime',
      '/threats/people-smuggling-and-human-trafficking',
    ])
    expect((await act(publisher, `/admin/pages/${id}/move-down`)).status).toBe(303)
    expect((await publicChildren('/threats'))[2]).toBe('/threats/gun-crime')
  })

  it('refuses an editor with 403 and changes nothing', async () => {
    const id = await idOf('/threats/fraud')
    const res = await act(editor, `/admin/pages/${id}/move-up`)
    expect(res.status).toBe(403)
    expect(
      await env.DB.prepare('SELECT nav_order FROM pages WHERE id = ?').bind(id).first(),
    ).toEqual({ nav_order: 4 })
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'refused',
      detail: 'needs content:publish',
    })
  })

  it('answers 409 with the reason for a top-level page outside the menu, or a page already first', async () => {
    const hidden = await act(publisher, `/admin/pages/${await idOf('/privacy')}/move-down`)
    expect(hidden.status).toBe(409)
    expect(await hidden.text()).toContain('not in the main menu')
    const first = await act(publisher, `/admin/pages/${await idOf('/about')}/move-up`)
    expect(first.status).toBe(409)
    expect(await first.text()).toContain('This page is already first in its section.')
  })

  it('answers 404 for an unknown page', async () => {
    expect((await act(publisher, '/admin/pages/999999/move-up')).status).toBe(404)
    expect((await act(publisher, '/admin/pages/0/move-down')).status).toBe(404)
  })
})

describe('deleting a draft page', () => {
  it('asks for confirmation, then deletes the page and says so', async () => {
    await insertPage({ path: '/to-delete', title: 'To delete', status: 'draft' })
    const id = await idOf('/to-delete')
    const res = await editor.get(`/admin/pages/${id}/delete`)
    expect(res.status).toBe(200)
    const document = parseDocument(await res.text())
    expect(document.querySelector('h1')!.textContent).toBe(
      'Are you sure you want to delete ‘To delete’?',
    )
    const form = document.querySelector('main form')!
    expect(form.getAttribute('action')).toBe(`/admin/pages/${id}/delete`)
    expect(form.querySelector('button.govuk-button--warning')!.textContent!.trim()).toBe(
      'Delete page',
    )
    const deleted = await editor.submit(
      `/admin/pages/${id}/delete`,
      {},
      `/admin/pages/${id}/delete`,
    )
    expect(deleted.status).toBe(303)
    expect(deleted.headers.get('Location')).toBe('/admin/pages?done=deleted')
    const tree = await treeOf(editor, '?done=deleted')
    expect(
      tree.document.querySelector('.govuk-notification-banner--success')!.textContent,
    ).toContain('Draft page deleted.')
    expect(tree.document.getElementById(`page-${id}`)).toBeNull()
    expect(await env.DB.prepare('SELECT id FROM pages WHERE id = ?').bind(id).first()).toBeNull()
    expect((await auditEntries()).at(-1)).toEqual({
      actor_id: editorId,
      action: 'page.delete',
      target: `page:${id}`,
      detail: 'To delete (/to-delete)',
    })
    expect((await editor.get(`/admin/pages/${id}/delete`)).status).toBe(404)
  })

  it('says a page with pages under it cannot be deleted, with no button, and answers 409 if forced', async () => {
    await insertPage({ path: '/draft-parent', title: 'Draft parent', status: 'draft' })
    await insertPage({
      path: '/draft-parent/child',
      title: 'Draft child',
      parentPath: '/draft-parent',
      status: 'draft',
    })
    const id = await idOf('/draft-parent')
    const res = await editor.get(`/admin/pages/${id}/delete`)
    expect(res.status).toBe(200)
    const document = parseDocument(await res.text())
    expect(document.querySelector('h1')!.textContent).toBe('You cannot delete ‘Draft parent’')
    expect(document.querySelector('main')!.textContent).toContain(
      'This page has 1 page under it, so it cannot be deleted.',
    )
    expect(document.querySelector('main form')).toBeNull()
    const forced = await editor.submit(`/admin/pages/${id}/delete`, {}, '/admin/pages')
    expect(forced.status).toBe(409)
    expect(await forced.text()).toContain('This page has 1 page under it')
    expect(await env.DB.prepare('SELECT id FROM pages WHERE id = ?').bind(id).first()).toEqual({
      id,
    })
  })

  it('says a published page cannot be deleted, and answers 409 if forced', async () => {
    const id = await idOf('/about/powers')
    const document = parseDocument(await (await editor.get(`/admin/pages/${id}/delete`)).text())
    expect(document.querySelector('main')!.textContent).toContain('Unpublish it instead')
    expect(document.querySelector('main form')).toBeNull()
    const forced = await publisher.submit(`/admin/pages/${id}/delete`, {}, '/admin/pages')
    expect(forced.status).toBe(409)
    expect(await env.DB.prepare('SELECT id FROM pages WHERE id = ?').bind(id).first()).toEqual({
      id,
    })
  })

  it('answers 404 for an unknown page', async () => {
    expect((await editor.get('/admin/pages/999999/delete')).status).toBe(404)
    expect((await editor.submit('/admin/pages/999999/delete', {}, '/admin/pages')).status).toBe(404)
  })

  it('refuses a delete without the CSRF token', async () => {
    await insertPage({ path: '/kept-draft', title: 'Kept draft', status: 'draft' })
    const id = await idOf('/kept-draft')
    expect((await editor.post(`/admin/pages/${id}/delete`, {})).status).toBe(403)
    expect(await env.DB.prepare('SELECT id FROM pages WHERE id = ?').bind(id).first()).toEqual({
      id,
    })
  })
})
