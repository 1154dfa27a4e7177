// The editor through HTTP: a page's parent cannot be the page itself or a page under it. The
// form comes back (400) with the GOV.UK error summary, the error on the Parent page field and
// everything typed; nothing is stored. The select does not offer the page itself.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  type StaffBrowser,
  createStaff,
  csrfFrom,
  editFormValues,
  signedIn,
} from '../admin-helpers.ts'
import { row, sql, summaryErrors } from '../helpers.ts'
import { UNDER, newPageTree, parentOf, snapshot } from '../page-tree-fixture.ts'

const MESSAGE = 'Choose a parent page that is not this page or a page under it'

let publisher: StaffBrowser

beforeAll(async () => {
  const p = await createStaff({ email: 'pat@example.com', role: 'publisher' })
  publisher = await signedIn(p)
})

/** The ids the Parent page select offers. */
const offered = (html: string) => {
  const select = html.slice(html.indexOf('<select'), html.indexOf('</select>'))
  return [...select.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]))
}

/** Posts the page's edit form as it stands, with `parentId` as its parent, by Save or Publish. */
const postParent = async (path: string, parentId: number, action: 'save' | 'publish') =>
  publisher.post(path, {
    ...editFormValues(await (await publisher.get(path)).text()),
    parentId: String(parentId),
    action,
  })

describe('POST /admin/pages/:id with a parent that is the page or under it', () => {
  it.each(UNDER)(
    'returns 400 with the error summary and every typed value for %s, on Save draft and on Publish, storing nothing',
    async (_, name) => {
      for (const action of ['save', 'publish']) {
        const tree = await newPageTree()
        const path = `/admin/pages/${tree.a}`
        const values = editFormValues(await (await publisher.get(path)).text())
        const before = await snapshot()
        const res = await publisher.post(path, {
          ...values,
          title: 'A title typed',
          summary: 'A summary <typed>',
          body: 'A body typed.',
          navOrder: '7',
          parentId: String(tree[name]),
          action,
        })
        expect(res.status, action).toBe(400)
        const html = await res.text()
        expect(summaryErrors(html), action).toEqual([{ field: 'parentId', message: MESSAGE }])
        expect(html).toContain(
          `<p id="parentId-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${MESSAGE}</p>`,
        )
        expect(html).toMatch(/<select class="govuk-select govuk-select--error" id="parentId"/)
        expect(html).toContain('aria-describedby="parentId-error"')
        // What was typed is all there, the refused choice included.
        expect(html).toContain('value="A title typed"')
        expect(html).toContain('A summary &lt;typed&gt;</textarea>')
        expect(html).toContain('A body typed.</textarea>')
        expect(html).toMatch(/name="navOrder"[^>]*value="7"/)
        expect(html).toMatch(new RegExp(`<option value="${tree[name]}" selected="">`))
        expect(await snapshot(), action).toEqual(before)
      }
    },
  )

  it('saves and publishes a sibling, or a sibling of its parent, as its parent (303)', async () => {
    const tree = await newPageTree()
    const path = `/admin/pages/${tree.a}`
    expect((await postParent(path, tree.s, 'save')).status).toBe(303)
    expect(await parentOf(tree.a)).toBe(tree.root)
    const toSibling = await postParent(path, tree.s, 'publish')
    expect(toSibling.status).toBe(303)
    expect(toSibling.headers.get('Location')).toBe(`${path}?done=published`)
    expect(await parentOf(tree.a)).toBe(tree.s)
    expect((await postParent(path, tree.u, 'publish')).status).toBe(303)
    expect(await parentOf(tree.a)).toBe(tree.u)
  })
})

describe('POST /admin/pages/:id/publish of a draft whose parent was moved under the page since', () => {
  it('answers 400 with the reason and publishes nothing', async () => {
    const tree = await newPageTree()
    const path = `/admin/pages/${tree.a}`
    expect((await postParent(path, tree.s, 'save')).status).toBe(303)
    await sql('UPDATE pages SET parent_id = ? WHERE id = ?', tree.c, tree.s)
    const before = await snapshot()
    const csrf = csrfFrom(await (await publisher.get(path)).text())
    const res = await publisher.post(`${path}/publish`, { csrf })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain(MESSAGE)
    expect(await snapshot()).toEqual(before)
    expect(await parentOf(tree.a)).toBe(tree.root)
  })
})

describe('GET /admin/pages/:id, with every page in the Parent page select', () => {
  it('offers every page but the page itself (one under it is refused on saving)', async () => {
    const tree = await newPageTree()
    const total = (await row<{ n: number }>('SELECT count(*) AS n FROM pages'))!.n
    const html = await (await publisher.get(`/admin/pages/${tree.a}`)).text()
    // The whole list: no address field for pages further down.
    expect(html).not.toContain('name="parentPath"')
    const ids = offered(html)
    expect(ids).not.toContain(tree.a)
    for (const id of [tree.b, tree.c, tree.root, tree.s, tree.u]) expect(ids).toContain(id)
    expect(ids).toHaveLength(total - 1)
  })
})
