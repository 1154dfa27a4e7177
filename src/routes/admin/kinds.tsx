import type { Context } from 'hono'
import { requirePermission } from '../../middleware/auth.ts'
import type { StaffEnv } from '../../env.ts'
import { batchWithChrome } from '../../http/page-chrome.ts'
import { numericParam } from '../../http/params.ts'
import { breadcrumbsTo, breadcrumbsUnder, childPages } from '../../lib/site-tree.ts'
import { closeVacancy } from '../../publishing/content.ts'
import { ContentPage } from '../../views/pages/content-page.tsx'
import { NewsArticlePage } from '../../views/pages/news-article-page.tsx'
import { VacancyPage } from '../../views/pages/vacancy-page.tsx'
import { contentRoutes } from './content.tsx'
import { actorOf, changed, refusalException } from './context.ts'

/** The live page tree and chrome, as a public page would load them. */
const liveChrome = (c: Context<StaffEnv>) => batchWithChrome(c, [])

/** Pages: the site tree. */
export const pagesAdmin = contentRoutes({
  kind: 'page',
  preview: async (c, id, data) => {
    const { tree, chrome } = await liveChrome(c)
    return c.html(
      <ContentPage
        chrome={chrome}
        page={data}
        breadcrumbs={breadcrumbsTo(tree, data.parentId)}
        children={childPages(tree, id)}
      />,
    )
  },
})

/** News articles. */
export const newsAdmin = contentRoutes({
  kind: 'news',
  preview: async (c, _id, data) => {
    const { tree, chrome } = await liveChrome(c)
    const now = new Date()
    return c.html(
      <NewsArticlePage
        chrome={chrome}
        article={{ ...data, publishedAt: now, updatedAt: now }}
        breadcrumbs={breadcrumbsUnder(tree, '/news')}
      />,
    )
  },
})

/** Vacancies, which can also be closed early. */
export const vacanciesAdmin = contentRoutes({
  kind: 'vacancy',
  preview: async (c, id, data) => {
    const { tree, chrome } = await liveChrome(c)
    const now = new Date()
    return c.html(
      <VacancyPage
        chrome={chrome}
        vacancy={{
          ...data,
          id,
          status: 'published',
          publishedAt: now,
          publishedRevisionId: null,
          createdAt: now,
          updatedAt: now,
        }}
        breadcrumbs={breadcrumbsUnder(tree, '/careers')}
      />,
    )
  },
  actions: [{ path: 'close', label: 'Close vacancy now' }],
  extra: (app) => {
    app.post('/:id{[0-9]+}/close', requirePermission('content:publish'), async (c) => {
      const id = numericParam(c, 'id')
      const result = await closeVacancy(c.var.db, actorOf(c), id)
      if (!result.ok) throw refusalException(result)
      return changed(c, result, `/admin/vacancies/${id}?done=closed`)
    })
  },
})
