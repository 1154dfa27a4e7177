import type { NewsListItem } from '../../db/news.ts'
import { formatDate } from '../../lib/dates.ts'
import type { Link } from '../../lib/site-tree.ts'
import { Markdown } from '../components/markdown.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of a news article page. */
export type NewsArticlePageProps = {
  chrome: Chrome
  article: NewsListItem & { body: string }
  breadcrumbs: Link[]
}

/** One news article. */
export const NewsArticlePage = ({ chrome, article, breadcrumbs }: NewsArticlePageProps) => (
  <Layout
    chrome={chrome}
    title={article.title}
    description={article.summary}
    path={`/news/${article.slug}`}
    breadcrumbs={breadcrumbs}
    ogType="article"
  >
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <PageHeading title={article.title} summary={article.summary} />
        {article.publishedAt && (
          <p class="soca-meta">
            Published{' '}
            <time datetime={article.publishedAt.toISOString()}>
              {formatDate(article.publishedAt)}
            </time>
          </p>
        )}
        <Markdown source={article.body} />
      </div>
    </div>
  </Layout>
)
