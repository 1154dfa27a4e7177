import type { Link, SitePage, TreeNode } from '../../lib/site-tree.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** A page in the HTML sitemap, with how many published pages are under it. */
export type SitemapEntry = SitePage & { childCount: number }

/** Props of the HTML sitemap. */
export type SitemapPageProps = {
  chrome: Chrome
  page: { path: string; title: string; summary: string }
  breadcrumbs: Link[]
  /** The pages it lists: the top two levels, whatever the size of the site. */
  tree: TreeNode<SitemapEntry>[]
  /** Links listed under the pages they belong to, such as news articles and vacancies. */
  extra: Record<string, Link[]>
  /** A link after those, to where the rest are listed (such as all the news). */
  more?: Record<string, Link>
}

type BranchProps = Pick<SitemapPageProps, 'extra' | 'more'> & { nodes: TreeNode<SitemapEntry>[] }

const Branch = ({ nodes, extra, more = {} }: BranchProps) => (
  <ul class="govuk-list govuk-list--bullet">
    {nodes.map(({ page, children }) => {
      const after = more[page.path]
      const links = [...(extra[page.path] ?? []), ...(after ? [after] : [])]
      // Pages below the levels listed: the page lists them (its section list).
      const unlisted = page.childCount - children.length
      return (
        <li>
          <a class="govuk-link" href={page.path}>
            {page.title}
          </a>
          {unlisted > 0 && ` (${unlisted} ${unlisted === 1 ? 'page' : 'pages'} listed on its page)`}
          {children.length > 0 && <Branch nodes={children} extra={extra} more={more} />}
          {links.length > 0 && (
            <ul class="govuk-list govuk-list--bullet">
              {links.map((link) => (
                <li>
                  <a class="govuk-link" href={link.href}>
                    {link.text}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </li>
      )
    })}
  </ul>
)

/**
 * The HTML sitemap: the published pages as a tree, two levels deep (a page lists those under
 * it), with the newest news and the open vacancies.
 */
export const SitemapPage = ({ chrome, page, breadcrumbs, tree, extra, more }: SitemapPageProps) => (
  <Layout
    chrome={chrome}
    title={page.title}
    description={page.summary}
    path={page.path}
    breadcrumbs={breadcrumbs}
  >
    <PageHeading title={page.title} summary={page.summary} />
    <Branch nodes={tree} extra={extra} more={more} />
  </Layout>
)
