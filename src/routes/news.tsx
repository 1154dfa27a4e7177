import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { NEWS_PAGE_SIZE, articleBySlugQuery, newsCountQuery, newsPageQuery } from '../db/news.ts'
import { prebuiltPageByPath } from '../db/pages.ts'
import type { AppEnv } from '../env.ts'
import { batchWithChrome } from '../http/page-chrome.ts'
import { breadcrumbsTo, breadcrumbsUnder } from '../lib/site-tree.ts'
import { attachmentFilesFor } from './attachments.ts'
import { withAttachments } from '../views/components/attachment-context.tsx'
import { NewsArticlePage } from '../views/pages/news-article-page.tsx'
import { NewsListPage } from '../views/pages/news-list-page.tsx'

/** The news list, ten to a page, and each article. Mounted at /news. */
export const news = new Hono<AppEnv>()

/** Pages beyond this are not a real request; it also keeps the offset small. */
const MAX_PAGE_DIGITS = 5

news.get('/', async (c) => {
  const raw = c.req.query('page')
  if (raw === '1') return c.redirect('/news', 301)
  if (raw !== undefined && !new RegExp(`^[1-9][0-9]{0,${MAX_PAGE_DIGITS - 1}}$`).test(raw)) {
    throw new HTTPException(404)
  }
  const pageNumber = raw === undefined ? 1 : Number(raw)
  const db = c.var.db
  const now = new Date()
  const {
    tree,
    chrome,
    results: [[page], [counted], articles],
  } = await batchWithChrome(c, [
    prebuiltPageByPath(db, '/news'),
    newsCountQuery(db, now),
    newsPageQuery(db, pageNumber, now),
  ])
  const pageCount = Math.max(1, Math.ceil((counted?.total ?? 0) / NEWS_PAGE_SIZE))
  if (!page || page.status !== 'published' || pageNumber > pageCount) {
    throw new HTTPException(404)
  }
  return c.html(
    <NewsListPage
      chrome={chrome}
      page={page}
      breadcrumbs={breadcrumbsTo(tree, page.parentId)}
      articles={articles}
      pageNumber={pageNumber}
      pageCount={pageCount}
    />,
  )
})

news.get('/:slug', async (c) => {
  const db = c.var.db
  const {
    tree,
    chrome,
    results: [[article]],
  } = await batchWithChrome(c, [articleBySlugQuery(db, c.req.param('slug'), new Date())])
  if (!article) throw new HTTPException(404)
  if (!article.live) throw new HTTPException(410)
  const files = await attachmentFilesFor(db, article.body)
  return withAttachments(files, () =>
    c.html(
      <NewsArticlePage
        chrome={chrome}
        article={article}
        breadcrumbs={breadcrumbsUnder(tree, '/news')}
      />,
    ),
  )
})
