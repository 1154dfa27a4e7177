import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { can } from '../../auth/permissions.ts'
import { type EditableKind, contentItem } from '../../db/content.ts'
import { scheduleOf } from '../../db/schedule.ts'
import type { StaffEnv } from '../../env.ts'
import type { FieldError } from '../../forms/fields.ts'
import { scheduleForm } from '../../forms/schedule.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { doneNotice, numericParam } from '../../http/params.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { publishRefusal } from '../../publishing/content.ts'
import { CONTENT_KINDS } from '../../publishing/kinds.ts'
import { cancelScheduled, schedule } from '../../publishing/schedule.ts'
import { SchedulePage } from '../../views/admin/schedule-page.tsx'
import { actorOf, adminContext, changed, refusalException } from './context.ts'

const NOTICES: Record<string, string> = {
  scheduled: 'Scheduled. It happens at the time set, if the publishing rules still allow it then.',
  cancelled: 'Scheduled change cancelled.',
}

/**
 * An item's schedule page, /admin/{pages|news|vacancies}/:id/schedule: staff see what is set;
 * publishers set a time to publish or unpublish, and cancel one.
 */
export const scheduleRoutes = (kind: EditableKind) => {
  const app = new Hono<StaffEnv>()
  const { labels } = CONTENT_KINDS[kind]
  const path = '/:id{[0-9]+}/schedule'

  const render = async (
    c: Context<StaffEnv>,
    state: { values?: Record<string, string>; errors?: FieldError[]; notice?: string },
    status: 200 | 400 | 403 = 200,
  ) => {
    const db = c.var.db
    const id = numericParam(c, 'id')
    const item = await contentItem(db, kind, id)
    if (!item) throw new HTTPException(404)
    const canSchedule = can(c.var.staff.role, 'content:publish')
    const [{ pending, settled }, refusal] = await Promise.all([
      scheduleOf(db, kind, id),
      canSchedule ? publishRefusal(db, actorOf(c), kind, item) : undefined,
    ])
    return c.html(
      <SchedulePage
        admin={adminContext(c)}
        labels={labels}
        item={item}
        pending={pending}
        settled={settled}
        canSchedule={canSchedule}
        publishBlocked={refusal?.reason === 'refused' ? refusal.message : undefined}
        {...state}
      />,
      status,
    )
  }

  app.get(path, requirePermission('content:edit'), (c) =>
    render(c, { notice: doneNotice(c, NOTICES) }),
  )

  app.post(path, requirePermission('content:publish'), async (c) => {
    const now = new Date()
    const form = await readAdminForm(c, scheduleForm(now))
    if (!form.ok) return render(c, form, 400)
    const id = numericParam(c, 'id')
    const result = await schedule(c.var.db, actorOf(c), kind, id, form.data, now)
    if (!result.ok && result.reason === 'invalid') {
      return render(c, { values: form.values, errors: result.errors }, 400)
    }
    if (!result.ok && result.reason === 'refused') {
      // The second pair of eyes: shown on the form, whose unpublish time may still be set.
      const errors = [{ field: 'publishAt-day', message: result.message }]
      return render(c, { values: form.values, errors }, 403)
    }
    if (!result.ok) throw refusalException(result)
    return changed(c, result, `${labels.base}/${id}/schedule?done=scheduled`)
  })

  app.post(
    `${path}/:scheduleId{[0-9]+}/cancel`,
    requirePermission('content:publish'),
    async (c) => {
      const id = numericParam(c, 'id')
      const scheduleId = numericParam(c, 'scheduleId')
      const result = await cancelScheduled(c.var.db, actorOf(c), kind, id, scheduleId)
      if (!result.ok) throw refusalException(result)
      return changed(c, result, `${labels.base}/${id}/schedule?done=cancelled`)
    },
  )

  return app
}
