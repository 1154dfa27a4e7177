import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import type { PageTreeNode, PageTreeRow } from '../../db/page-tree.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Banner } from './components/banner.tsx'
import { breakable } from './components/breakable.ts'
import { StatusTag } from './components/status-tag.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

/** Props of the staff Pages tree. */
export type PageTreePageProps = {
  admin: AdminContext
  tree: PageTreeNode[]
  /** Whether the member may reorder pages (a publisher): only then are there move buttons. */
  canMove: boolean
  notice?: string
}

/** Who changed a page last, and when, from its newest revision. */
const lastChanged = (page: PageTreeRow) => {
  if (page.changedAt === null || page.authorId === null) return 'Original content'
  const when = formatDateTime(page.changedAt)
  return page.authorName === null
    ? `Last changed on ${when}`
    : `Last changed by ${page.authorName} on ${when}`
}

// StatusTag's markup depends only on these three facts, so each of its few tags is rendered once.
const statusTags = new Map<string, HtmlEscapedString>()
const statusTag = (page: PageTreeRow) => {
  const key = `${page.status} ${page.latestRevisionId === null} ${page.latestRevisionId === page.publishedRevisionId}`
  let tag = statusTags.get(key)
  if (tag === undefined) statusTags.set(key, (tag = raw(String(StatusTag({ item: page })))))
  return tag
}

const titleId = (id: number) => `page-${id}-title`

/** A button that moves a page; its description names the page. */
const moveButton = (id: number, direction: 'up' | 'down', csrfToken: string) =>
  html`<form method="post" action="/admin/pages/${id}/move-${direction}"><input type="hidden" name="csrf" value="${csrfToken}"/><button type="submit" class="govuk-button govuk-button--secondary" aria-describedby="${titleId(id)}">${direction === 'up' ? 'Move up' : 'Move down'}</button></form>`

/** A link that opens the tree at a page, listing every page under it. */
const showChildren = (page: PageTreeRow, text: string) =>
  html`<p class="govuk-body"><a class="govuk-link" href="/admin/pages?open=${page.id}#page-${page.id}" aria-describedby="${titleId(page.id)}">${text}</a></p>`

/**
 * One page: its title, state, address and last change, what can be done, then its children,
 * or the first few of them and a link to the rest.
 *
 * Written as a tagged template rather than JSX: the tree lists a hundred pages or more on a
 * large site, and hono/jsx builds an object for every element and attribute, which made the
 * list cost five times as much to render. The markup is the same.
 */
const treeItem = (
  node: PageTreeNode,
  canMove: boolean,
  csrfToken: string,
  /** A top-level page, which a rule below separates from the next. */
  top = false,
): HtmlEscapedString => {
  const { page, move, children } = node
  const id = page.id
  const describedBy = titleId(id)
  const neverPublished = page.status === 'draft' && page.publishedRevisionId === null
  const unlisted = page.childCount - children.length
  const pages = (n: number) => `${n} ${n === 1 ? 'page' : 'pages'}`
  const parts = [
    html`<p class="govuk-body soca-heading-tight"><a class="govuk-link" id="${describedBy}" href="/admin/pages/${id}">${page.title}</a> ${statusTag(page)}</p>`,
    html`<p class="govuk-body soca-meta soca-heading-tight">${breakable(page.path)}${page.parentId === null && page.navOrder === null && ', not in the main menu'}<br/>${lastChanged(page)}</p>`,
    html`<p class="govuk-body soca-admin-actions"><a class="govuk-link" href="/admin/pages/new?parent=${id}" aria-describedby="${describedBy}">Add a page here</a>${neverPublished && html`<a class="govuk-link" href="/admin/pages/${id}/delete" aria-describedby="${describedBy}">Delete</a>`}</p>`,
    canMove &&
      (move?.up || move?.down) &&
      html`<div class="soca-admin-actions">${move.up && moveButton(id, 'up', csrfToken)}${move.down && moveButton(id, 'down', csrfToken)}</div>`,
    children.length === 0 &&
      unlisted > 0 &&
      showChildren(page, `Show the ${pages(unlisted)} under it`),
    children.length > 0 &&
      html`<ul class="govuk-list govuk-list--bullet">${children.map((child) => treeItem(child, canMove, csrfToken))}</ul>`,
    // A long list's first few pages: the rest, and moving any of them, are a click away.
    children.length > 0 &&
      unlisted > 0 &&
      showChildren(page, `Show all ${pages(page.childCount)} under it`),
    top &&
      html`<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible"/>`,
  ]
  // No part awaits anything, so each template is a string already, not a promise of one.
  return html`<li id="page-${id}">${parts}</li>` as HtmlEscapedString
}

/**
 * The site's pages as a tree, indented under their parents, in the order the site shows: the top
 * level with the first few pages under each page, and the branch of the page opened with `?open=`.
 */
export const PageTreePage = ({ admin, tree, canMove, notice }: PageTreePageProps) => (
  <AdminLayout title="Pages" admin={admin} breadcrumbs={[{ href: '/admin', text: 'Staff area' }]}>
    {notice && <Banner text={notice} />}
    <PageHeading title="Pages" />
    <p class="govuk-body">
      Every page of the site, whatever its state. Each page&rsquo;s pages are listed under it, in
      the order the site shows them.
    </p>
    <p class="govuk-body">
      The top-level pages are always listed, each with the first few pages under it. The other pages
      are listed when you show the pages under the page above them.
    </p>
    {canMove ? (
      <p class="govuk-body">
        Move a page up or down to change its place in its section: the site shows the new order at
        once. In a section with more pages than are listed, show them all first. At the top level
        only pages in the main menu can be moved. To add another top-level page to the menu, give it
        a menu position on its edit page.
      </p>
    ) : (
      <p class="govuk-body">Only publishers can change the order of pages.</p>
    )}
    <a class="govuk-button" href="/admin/pages/new">
      Create page
    </a>
    <ul class="govuk-list">{tree.map((node) => treeItem(node, canMove, admin.csrfToken, true))}</ul>
  </AdminLayout>
)
