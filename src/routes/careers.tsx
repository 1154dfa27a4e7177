import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { pageByPathQuery, publishedPagesQuery } from '../db/pages.ts'
import { settingsQuery } from '../db/settings.ts'
import { openVacanciesQuery, vacancyBySlugQuery } from '../db/vacancies.ts'
import type { AppEnv } from '../env.ts'
import { buildChrome } from '../lib/chrome.ts'
import { formatDate, ukToday } from '../lib/dates.ts'
import { breadcrumbsTo, breadcrumbsUnder } from '../lib/site-tree.ts'
import { CareersPage } from '../views/pages/careers-page.tsx'
import { VacancyPage } from '../views/pages/vacancy-page.tsx'

/** Careers: open vacancies and each vacancy's page. Mounted at /careers. */
export const careers = new Hono<AppEnv>()

careers.get('/', async (c) => {
  const db = c.var.db
  const [tree, settingRows, [page], vacancies] = await db.batch([
    publishedPagesQuery(db),
    settingsQuery(db),
    pageByPathQuery(db, '/careers'),
    openVacanciesQuery(db, ukToday()),
  ])
  if (!page || page.status !== 'published') throw new HTTPException(404)
  return c.html(
    <CareersPage
      chrome={buildChrome(tree, settingRows, c.env.SITE_URL)}
      page={page}
      breadcrumbs={breadcrumbsTo(tree, page.parentId)}
      vacancies={vacancies}
    />,
  )
})

careers.get('/vacancies/:slug', async (c) => {
  const db = c.var.db
  const [tree, settingRows, [vacancy]] = await db.batch([
    publishedPagesQuery(db),
    settingsQuery(db),
    vacancyBySlugQuery(db, c.req.param('slug')),
  ])
  if (!vacancy) throw new HTTPException(404)
  if (vacancy.closingDate < ukToday()) {
    throw new HTTPException(410, {
      message: `This vacancy closed on ${formatDate(vacancy.closingDate)}. See the current vacancies on the careers page.`,
    })
  }
  return c.html(
    <VacancyPage
      chrome={buildChrome(tree, settingRows, c.env.SITE_URL)}
      vacancy={vacancy}
      breadcrumbs={breadcrumbsUnder(tree, '/careers')}
    />,
  )
})
