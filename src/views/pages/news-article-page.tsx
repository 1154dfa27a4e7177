import type { NewsListItem } from '../../db/news.ts'
import type { ChangeNote } from '../../db/schema.ts'
import { newestFirst } from '../../lib/change-notes.ts'
import type { Link } from '../../lib/site-tree.ts'
import { Markdown } from '../components/markdown.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { PublishedDates, PublishedMetadata } from '../components/published-dates.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of a news article page. */
export type NewsArticlePageProps = {
  chrome: Chrome
  /** `changeNotes`: its public change notes, oldest first (none in a preview). */
  article: NewsListItem & { body: string; changeNotes?: ChangeNote[] }
  breadcrumbs: Link[]
}

/** One news article, with when it was published and, after a major change, its updates. */
export const NewsArticlePage = ({ chrome, article, breadcrumbs }: NewsArticlePageProps) => (
  <Layout
    chrome={chrome}
    title={article.title}
    description={article.summary}
    path={`/news/${article.slug}`}
    breadcrumbs={breadcrumbs}
    ogType="article"
    components={newestFirst(article.changeNotes).length > 0 ? ['details'] : []}
  >
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <PageHeading title={article.title} summary={article.summary} />
        <PublishedMetadata publishedAt={article.publishedAt} changeNotes={article.changeNotes} />
        <Markdown source={article.body} />
        <PublishedDates changeNotes={article.changeNotes} publishedAt={article.publishedAt} />
      </div>
    </div>
  </Layout>
)
