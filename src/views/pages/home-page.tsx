import type { NewsListItem } from '../../db/news.ts'
import { formatDate } from '../../lib/dates.ts'
import { Markdown } from '../components/markdown.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of the home page. */
export type HomePageProps = {
  chrome: Chrome
  page: { path: string; title: string; summary: string; body: string }
  latestNews: NewsListItem[]
}

/** The home page: what SOCA tackles and why, and the latest news. */
export const HomePage = ({ chrome, page, latestNews }: HomePageProps) => (
  <Layout chrome={chrome} title={page.title} description={page.summary} path="/">
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <PageHeading title={page.title} summary={page.summary} />
        <Markdown source={page.body} />
      </div>
    </div>
    {latestNews.length > 0 && (
      <>
        <h2 class="govuk-heading-l">Latest news</h2>
        <ul class="soca-card-list">
          {latestNews.map((item) => (
            <li>
              <h3 class="govuk-heading-s">
                <a class="govuk-link" href={`/news/${item.slug}`}>
                  {item.title}
                </a>
              </h3>
              {item.publishedAt && (
                <p class="soca-meta">
                  <time datetime={item.publishedAt.toISOString()}>
                    {formatDate(item.publishedAt)}
                  </time>
                </p>
              )}
              <p class="govuk-body">{item.summary}</p>
            </li>
          ))}
        </ul>
      </>
    )}
  </Layout>
)
