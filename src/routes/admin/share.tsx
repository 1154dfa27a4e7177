import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { contentItem, type EditableKind } from '../../db/content.ts'
import { shareLinksOf } from '../../db/share-links.ts'
import type { StaffEnv } from '../../env.ts'
import type { FieldError } from '../../forms/fields.ts'
import { shareLinkForm } from '../../forms/share-link.ts'
import { can } from '../../auth/permissions.ts'
import { signShareToken } from '../../auth/share-token.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { doneNotice, numericParam } from '../../http/params.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { CONTENT_KINDS } from '../../publishing/kinds.ts'
import {
  createShareLink,
  revokeShareLink,
  shareLinkActive,
  shareLinkExpiry,
} from '../../publishing/share-links.ts'
import { type ShareLinkEntry, SharePage } from '../../views/admin/share-page.tsx'
import { actorOf, adminContext, changed, refusalException } from './context.ts'

const NOTICES: Record<string, string> = {
  created: 'Share link made. Copy it from the list and send it to the person it is for.',
  revoked: 'Share link revoked. It no longer opens the preview.',
}

/**
 * An item's share links (/admin/{kind}/:id/share): everyone who edits sees them, publishers
 * make and revoke them. Mounted before the kind's own routes, at the same base.
 */
export const shareRoutes = (kind: EditableKind) => {
  const app = new Hono<StaffEnv>()
  const { labels } = CONTENT_KINDS[kind]

  const render = async (
    c: Context<StaffEnv>,
    form: { values?: Record<string, string>; errors?: FieldError[] } = {},
    status: 200 | 400 = 200,
  ) => {
    const db = c.var.db
    const id = numericParam(c, 'id')
    const [item, links] = await Promise.all([contentItem(db, kind, id), shareLinksOf(db, kind, id)])
    if (!item) throw new HTTPException(404)
    const secret = c.env.STAFF_COOKIE_KEY
    const now = new Date()
    const entries = await Promise.all(
      links.map(async (link): Promise<ShareLinkEntry> => {
        const active = shareLinkActive(link, now)
        return {
          ...link,
          expiresAt: shareLinkExpiry(link),
          status: link.revokedAt ? 'revoked' : active ? 'active' : 'expired',
          url:
            active && secret
              ? `${c.env.SITE_URL}/share/${await signShareToken(secret, link.id, link.expiresAt)}`
              : undefined,
        }
      }),
    )
    return c.html(
      <SharePage
        admin={adminContext(c)}
        labels={labels}
        item={item}
        links={entries}
        canShare={can(c.var.staff.role, 'content:publish')}
        enabled={Boolean(secret)}
        values={form.values}
        errors={form.errors}
        notice={doneNotice(c, NOTICES)}
      />,
      status,
    )
  }

  const sharePath = (id: number, done: string) => `${labels.base}/${id}/share?done=${done}`

  app.get('/:id{[0-9]+}/share', requirePermission('content:edit'), (c) => render(c))

  app.post('/:id{[0-9]+}/share', requirePermission('content:publish'), async (c) => {
    if (!c.env.STAFF_COOKIE_KEY) {
      throw new HTTPException(503, {
        message: 'Share links are switched off: the STAFF_COOKIE_KEY secret is not set.',
      })
    }
    const id = numericParam(c, 'id')
    const form = await readAdminForm(c, shareLinkForm)
    if (!form.ok) return render(c, form, 400)
    const { label, days } = form.data
    const result = await createShareLink(c.var.db, actorOf(c), {
      kind,
      contentId: id,
      label,
      days: Number(days),
    })
    if (!result.ok) throw refusalException(result)
    return changed(c, result, sharePath(id, 'created'))
  })

  app.post(
    '/:id{[0-9]+}/share/:link{[0-9]+}/revoke',
    requirePermission('content:publish'),
    async (c) => {
      const id = numericParam(c, 'id')
      const result = await revokeShareLink(c.var.db, actorOf(c), {
        kind,
        contentId: id,
        linkId: numericParam(c, 'link'),
      })
      if (!result.ok) throw refusalException(result)
      return changed(c, result, sharePath(id, 'revoked'))
    },
  )

  return app
}
