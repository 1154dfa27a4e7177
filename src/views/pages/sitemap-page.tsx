import type { Link, TreeNode } from '../../lib/site-tree.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of the HTML sitemap. */
export type SitemapPageProps = {
  chrome: Chrome
  page: { path: string; title: string; summary: string }
  breadcrumbs: Link[]
  tree: TreeNode[]
  /** Links listed under the pages they belong to, such as news articles and vacancies. */
  extra: Record<string, Link[]>
}

const Branch = ({ nodes, extra }: { nodes: TreeNode[]; extra: Record<string, Link[]> }) => (
  <ul class="govuk-list govuk-list--bullet">
    {nodes.map(({ page, children }) => {
      const more = extra[page.path] ?? []
      return (
        <li>
          <a class="govuk-link" href={page.path}>
            {page.title}
          </a>
          {children.length > 0 && <Branch nodes={children} extra={extra} />}
          {more.length > 0 && (
            <ul class="govuk-list govuk-list--bullet">
              {more.map((link) => (
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

/** The HTML sitemap: every published page as a tree. */
export const SitemapPage = ({ chrome, page, breadcrumbs, tree, extra }: SitemapPageProps) => (
  <Layout
    chrome={chrome}
    title={page.title}
    description={page.summary}
    path={page.path}
    breadcrumbs={breadcrumbs}
  >
    <PageHeading title={page.title} summary={page.summary} />
    <Branch nodes={tree} extra={extra} />
  </Layout>
)
