import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { buildPageTree, pageForDelete, pageTreeRowsQuery } from '../../db/page-tree.ts'
import type { StaffEnv } from '../../env.ts'
import { can } from '../../auth/permissions.ts'
import { doneNotice, numericParam } from '../../http/params.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { type Direction, deleteDraftPage, deleteRefusal, movePage } from '../../publishing/tree.ts'
import { DeletePagePage } from '../../views/admin/delete-page-page.tsx'
import { PageTreePage } from '../../views/admin/page-tree-page.tsx'
import { actorOf, adminContext, changed, refusalException } from './context.ts'

const NOTICES: Record<string, string> = {
  moved: 'Page moved. The site shows the new order now.',
  deleted: 'Draft page deleted.',
}

/**
 * The staff Pages tree, mounted at /admin/pages before the generic content routes: the tree,
 * moving a page among its siblings, and deleting a draft page that was never published.
 */
export const pageTreeRoutes = new Hono<StaffEnv>()

// On each route rather than `use('*')`: this sub-app shares /admin/pages with the content routes.
const canEdit = requirePermission('content:edit')
const canPublish = requirePermission('content:publish')

// `?open=<id>` lists every page under that page and under each page above it, besides the
// top-level pages and the first few pages under each (db/page-tree.ts PREVIEWED_CHILDREN): one
// branch at a time, so the tree is about the same size whatever the size of the site.
pageTreeRoutes.get('/', canEdit, async (c) => {
  const open = c.req.query('open')
  if (open !== undefined && !/^[1-9][0-9]{0,15}$/.test(open)) throw new HTTPException(404)
  const openId = open === undefined ? null : Number(open)
  return c.html(
    <PageTreePage
      admin={adminContext(c)}
      tree={buildPageTree(await pageTreeRowsQuery(c.var.db, openId))}
      canMove={can(c.var.staff.role, 'content:publish')}
      notice={doneNotice(c, NOTICES)}
    />,
  )
})

const move = (direction: Direction) => async (c: Context<StaffEnv>) => {
  const id = numericParam(c, 'id')
  const result = await movePage(c.var.db, actorOf(c), id, direction)
  if (!result.ok) throw refusalException(result)
  // Opened at the page, so it is listed however deep it is.
  return changed(c, result, `/admin/pages?open=${id}&done=moved#page-${id}`)
}

pageTreeRoutes.post('/:id{[0-9]+}/move-up', canEdit, canPublish, move('up'))
pageTreeRoutes.post('/:id{[0-9]+}/move-down', canEdit, canPublish, move('down'))

pageTreeRoutes.get('/:id{[0-9]+}/delete', canEdit, async (c) => {
  const page = await pageForDelete(c.var.db, numericParam(c, 'id'))
  if (!page) throw new HTTPException(404)
  return c.html(
    <DeletePagePage admin={adminContext(c)} page={page} refusal={deleteRefusal(page)} />,
  )
})

pageTreeRoutes.post('/:id{[0-9]+}/delete', canEdit, async (c) => {
  const result = await deleteDraftPage(c.var.db, actorOf(c), numericParam(c, 'id'))
  if (!result.ok) throw refusalException(result)
  return changed(c, result, '/admin/pages?done=deleted')
})
