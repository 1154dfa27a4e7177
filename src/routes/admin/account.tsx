import { Hono } from 'hono/tiny'
import { auditQuery } from '../../db/audit.ts'
import { endOtherSessionsQuery, staffById, updateStaffQuery } from '../../db/staff.ts'
import type { StaffEnv } from '../../env.ts'
import type { FieldError } from '../../forms/fields.ts'
import { MIN_PASSWORD, hashPassword, verifyPassword } from '../../auth/password.ts'
import { rateLimit } from '../../middleware/rate-limit.ts'
import { PasswordPage } from '../../views/admin/password-page.tsx'
import { adminContext } from './context.ts'

/** A member's own account: changing their password. Mounted at /admin/account. */
export const account = new Hono<StaffEnv>()

account.get('/password', (c) =>
  c.html(
    <PasswordPage
      admin={adminContext(c)}
      done={c.req.query('done') === 'changed' ? 'Password changed. Your other sessions have ended.' : undefined}
    />,
  ),
)

account.post('/password', rateLimit((env) => env.SIGNIN_RATE_LIMITER), async (c) => {
  const db = c.var.db
  const member = (await staffById(db, c.var.staff!.id))!
  const body = await c.req.parseBody()
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '')
  const current = text('currentPassword')
  const next = text('newPassword')
  const errors: FieldError[] = []
  if (!member.passwordHash || !verifyPassword(current, member.passwordHash)) {
    errors.push({ field: 'currentPassword', message: 'Enter your current password correctly' })
  }
  if (next.length < MIN_PASSWORD) {
    errors.push({ field: 'newPassword', message: `Your new password must be at least ${MIN_PASSWORD} characters` })
  } else if (next.length > 256) {
    errors.push({ field: 'newPassword', message: 'Your new password must be 256 characters or less' })
  } else if (next !== text('confirmPassword')) {
    errors.push({ field: 'confirmPassword', message: 'Enter the same new password twice' })
  }
  if (errors.length > 0) {
    await auditQuery(db, { actorId: member.id, action: 'password.change-failed', detail: errors.map((e) => e.field).join(', ') }).run()
    return c.html(<PasswordPage admin={adminContext(c)} errors={errors} />, 400)
  }
  await db.batch([
    updateStaffQuery(db, member.id, { passwordHash: hashPassword(next) }),
    // Anyone else signed in as this member is signed out; this session carries on.
    endOtherSessionsQuery(db, member.id, c.var.session!.id),
    auditQuery(db, { actorId: member.id, action: 'password.change' }),
  ])
  return c.redirect('/admin/account/password?done=changed', 303)
})
