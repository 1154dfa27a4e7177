import type { PageTreeNode, PageTreeRow } from '../../db/page-tree.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Banner } from './components/banner.tsx'
import { StatusTag } from './components/status-tag.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

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

/** A path that may wrap after each slash or hyphen, so a long one fits a narrow screen. */
const BreakablePath = ({ path }: { path: string }) => (
  <>
    {path.split(/(?<=[/-])/).map((part, i) => (
      <>
        {i > 0 && <wbr />}
        {part}
      </>
    ))}
  </>
)

const titleId = (id: number) => `page-${id}-title`

/** A button that moves a page; its description names the page. */
const MoveButton = (props: { id: number; direction: 'up' | 'down'; csrfToken: string }) => (
  <form method="post" action={`/admin/pages/${props.id}/move-${props.direction}`}>
    <CsrfField token={props.csrfToken} />
    <button
      type="submit"
      class="govuk-button govuk-button--secondary"
      aria-describedby={titleId(props.id)}
    >
      {props.direction === 'up' ? 'Move up' : 'Move down'}
    </button>
  </form>
)

/** One page: its title, state, address and last change, what can be done, then its children. */
const TreeItem = ({
  node,
  canMove,
  csrfToken,
  top = false,
}: {
  node: PageTreeNode
  canMove: boolean
  csrfToken: string
  /** A top-level page, which a rule below separates from the next. */
  top?: boolean
}) => {
  const { page, move, children } = node
  const neverPublished = page.status === 'draft' && page.publishedRevisionId === null
  return (
    <li id={`page-${page.id}`}>
      <p class="govuk-body soca-heading-tight">
        <a class="govuk-link" id={titleId(page.id)} href={`/admin/pages/${page.id}`}>
          {page.title}
        </a>{' '}
        <StatusTag item={page} />
      </p>
      <p class="govuk-body soca-meta soca-heading-tight">
        <BreakablePath path={page.path} />
        {page.parentId === null && page.navOrder === null && ', not in the main menu'}
        <br />
        {lastChanged(page)}
      </p>
      <p class="govuk-body soca-admin-actions">
        <a
          class="govuk-link"
          href={`/admin/pages/new?parent=${page.id}`}
          aria-describedby={titleId(page.id)}
        >
          Add a page here
        </a>
        {neverPublished && (
          <a
            class="govuk-link"
            href={`/admin/pages/${page.id}/delete`}
            aria-describedby={titleId(page.id)}
          >
            Delete
          </a>
        )}
      </p>
      {canMove && (move?.up || move?.down) && (
        <div class="soca-admin-actions">
          {move.up && <MoveButton id={page.id} direction="up" csrfToken={csrfToken} />}
          {move.down && <MoveButton id={page.id} direction="down" csrfToken={csrfToken} />}
        </div>
      )}
      {page.childCount > children.length && (
        <p class="govuk-body">
          <a
            class="govuk-link"
            href={`/admin/pages?open=${page.id}#page-${page.id}`}
            aria-describedby={titleId(page.id)}
          >
            Show the {page.childCount} {page.childCount === 1 ? 'page' : 'pages'} under it
          </a>
        </p>
      )}
      {children.length > 0 && (
        <ul class="govuk-list govuk-list--bullet">
          {children.map((child) => (
            <TreeItem node={child} canMove={canMove} csrfToken={csrfToken} />
          ))}
        </ul>
      )}
      {top && (
        <hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
      )}
    </li>
  )
}

/**
 * The site's pages as a tree, indented under their parents, in the order the site shows: the top
 * two levels, and the branch of the page opened with `?open=`.
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
      The top two levels are always listed. Deeper pages are listed when you show the pages under
      the page above them.
    </p>
    {canMove ? (
      <p class="govuk-body">
        Move a page up or down to change its place in its section: the site shows the new order at
        once. At the top level only pages in the main menu can be moved. To add another top-level
        page to the menu, give it a menu position on its edit page.
      </p>
    ) : (
      <p class="govuk-body">Only publishers can change the order of pages.</p>
    )}
    <a class="govuk-button" href="/admin/pages/new">
      Create page
    </a>
    <ul class="govuk-list">
      {tree.map((node) => (
        <TreeItem node={node} canMove={canMove} csrfToken={admin.csrfToken} top />
      ))}
    </ul>
  </AdminLayout>
)
