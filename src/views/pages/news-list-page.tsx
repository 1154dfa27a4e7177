import type { NewsListItem } from '../../db/news.ts'
import type { Link } from '../../lib/site-tree.ts'
import { Markdown } from '../components/markdown.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Pagination } from '../components/pagination.tsx'
import { DateTime } from '../components/published-dates.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of a page of the news list. */
export type NewsListPageProps = {
  chrome: Chrome
  page: { path: string; title: string; summary: string; body: string }
  breadcrumbs: Link[]
  articles: NewsListItem[]
  pageNumber: number
  pageCount: number
}

/** The news list, newest first, ten to a page. */
export const NewsListPage = (props: NewsListPageProps) => {
  const { page, pageNumber, pageCount } = props
  const title = pageNumber > 1 ? `${page.title} (page ${pageNumber} of ${pageCount})` : page.title
  return (
    <Layout
      chrome={props.chrome}
      title={title}
      description={page.summary}
      path={pageNumber > 1 ? `${page.path}?page=${pageNumber}` : page.path}
      breadcrumbs={props.breadcrumbs}
      components={pageCount > 1 ? ['pagination'] : []}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PageHeading title={page.title} summary={pageNumber === 1 ? page.summary : undefined} />
          {pageNumber === 1 && <Markdown source={page.body} />}
          {props.articles.length === 0 ? (
            <p class="govuk-body">There are no news articles yet.</p>
          ) : (
            <ul class="govuk-list">
              {props.articles.map((item) => (
                <li>
                  <h2 class="govuk-heading-m soca-heading-tight">
                    <a class="govuk-link" href={`/news/${item.slug}`}>
                      {item.title}
                    </a>
                  </h2>
                  {item.publishedAt && (
                    <p class="soca-meta">
                      Published <DateTime date={item.publishedAt} />
                    </p>
                  )}
                  <p class="govuk-body">{item.summary}</p>
                </li>
              ))}
            </ul>
          )}
          <Pagination path={page.path} current={pageNumber} count={pageCount} />
        </div>
      </div>
    </Layout>
  )
}
