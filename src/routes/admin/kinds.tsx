import { requirePermission } from '../../middleware/auth.ts'
import { numericParam } from '../../http/params.ts'
import { closeVacancy } from '../../publishing/content.ts'
import { contentRoutes } from './content.tsx'
import { actorOf, changed, refusalException } from './context.ts'

/** Pages: the site tree. */
export const pagesAdmin = contentRoutes({ kind: 'page' })

/** News articles. */
export const newsAdmin = contentRoutes({ kind: 'news' })

/** Vacancies, which can also be closed early. */
export const vacanciesAdmin = contentRoutes({
  kind: 'vacancy',
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
