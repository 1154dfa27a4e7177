import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { auditQuery } from '../../db/audit.ts'
import { insertRevisionQuery } from '../../db/content.ts'
import { publishedPagesQuery } from '../../db/pages.ts'
import { settingsQuery } from '../../db/settings.ts'
import type { StaffEnv } from '../../env.ts'
import { FIELDS, newsData, pageData, vacancyData } from '../../forms/content.ts'
import { buildChrome } from '../../http/page-chrome.ts'
import { ukToday } from '../../lib/dates.ts'
import { breadcrumbsTo, breadcrumbsUnder, childPages } from '../../lib/site-tree.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { ContentPage } from '../../views/pages/content-page.tsx'
import { NewsArticlePage } from '../../views/pages/news-article-page.tsx'
import { VacancyPage } from '../../views/pages/vacancy-page.tsx'
import { contentRoutes } from './content.tsx'

/** The live page tree and chrome, as a public page would load them. */
const liveChrome = async (c: Context<StaffEnv>) => {
  const db = c.var.db
  const [tree, settingRows] = await db.batch([publishedPagesQuery(db), settingsQuery(db)])
  return { tree, chrome: buildChrome(tree, settingRows, c.env.SITE_URL) }
}

/** Pages: the site tree. */
export const pagesAdmin = contentRoutes({
  kind: 'page',
  labels: { singular: 'Page', plural: 'Pages', base: '/admin/pages' },
  schema: pageData,
  fields: FIELDS.page,
  addressField: 'path',
  publicPath: (data) => data.path,
  preview: async (c, id, data) => {
    const { tree, chrome } = await liveChrome(c)
    return c.html(
      <ContentPage chrome={chrome} page={data} breadcrumbs={breadcrumbsTo(tree, data.parentId)} children={childPages(tree, id)} />,
    )
  },
})

/** News articles. */
export const newsAdmin = contentRoutes({
  kind: 'news',
  labels: { singular: 'News article', plural: 'News', base: '/admin/news' },
  schema: newsData,
  fields: FIELDS.news,
  addressField: 'slug',
  publicPath: (data) => `/news/${data.slug}`,
  preview: async (c, _id, data) => {
    const { tree, chrome } = await liveChrome(c)
    const now = new Date()
    return c.html(
      <NewsArticlePage chrome={chrome} article={{ ...data, publishedAt: now, updatedAt: now }} breadcrumbs={breadcrumbsUnder(tree, '/news')} />,
    )
  },
})

/** Vacancies, which can also be closed early. */
export const vacanciesAdmin = contentRoutes({
  kind: 'vacancy',
  labels: { singular: 'Vacancy', plural: 'Vacancies', base: '/admin/vacancies' },
  schema: vacancyData,
  fields: FIELDS.vacancy,
  addressField: 'slug',
  publicPath: (data) => `/careers/vacancies/${data.slug}`,
  preview: async (c, id, data) => {
    const { tree, chrome } = await liveChrome(c)
    const now = new Date()
    return c.html(
      <VacancyPage
        chrome={chrome}
        vacancy={{ ...data, id, status: 'published', publishedAt: now, publishedRevisionId: null, createdAt: now, updatedAt: now }}
        breadcrumbs={breadcrumbsUnder(tree, '/careers')}
      />,
    )
  },
  actions: [{ path: 'close', label: 'Close vacancy now' }],
  extra: (app) => {
    // Closing sets the closing date to yesterday, as a new revision, and publishes it.
    app.post('/:id/close', requirePermission('content:publish'), async (c) => {
      const loaded = await vacanciesAdmin.load(c)
      const db = c.var.db
      const member = c.var.staff!
      const yesterday = ukToday(new Date(Date.now() - 86_400_000))
      if (loaded.draft.closingDate < ukToday()) throw new HTTPException(409, { message: 'This vacancy has already closed.' })
      await db.batch([
        insertRevisionQuery(db, { kind: 'vacancy', contentId: loaded.item.id, data: { ...loaded.draft, closingDate: yesterday }, authorId: member.id, note: 'Closed' }),
        auditQuery(db, { actorId: member.id, action: 'vacancy.close', target: `vacancy:${loaded.item.id}` }),
      ])
      await vacanciesAdmin.publishLatest(c, await vacanciesAdmin.load(c), 'vacancy.publish')
      return c.redirect(`/admin/vacancies/${loaded.item.id}?done=closed`, 303)
    })
  },
})
