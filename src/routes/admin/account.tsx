import { Hono } from 'hono/tiny'
import { auditQuery } from '../../db/audit.ts'
import { endOtherSessionsQuery, updateStaffQuery } from '../../db/staff.ts'
import type { StaffEnv } from '../../env.ts'
import { CURRENT_PASSWORD_ERROR, passwordChangeForm } from '../../forms/account.ts'
import type { FieldError } from '../../forms/fields.ts'
import { hashPassword, verifyPassword } from '../../auth/password.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { rateLimit } from '../../middleware/rate-limit.ts'
import { PasswordPage } from '../../views/admin/password-page.tsx'
import { adminContext } from './context.ts'

/** A member's own account: changing their password. Mounted at /admin/account. */
export const account = new Hono<StaffEnv>()

account.get('/password', (c) =>
  c.html(
    <PasswordPage
      admin={adminContext(c)}
      done={
        c.req.query('done') === 'changed'
          ? 'Password changed. Your other sessions have ended.'
          : undefined
      }
    />,
  ),
)

// Each attempt checks a password, so it shares the sign-in limit: a session left open must not
// become a way to guess the password faster.
const throttle = rateLimit((env) => env.SIGNIN_RATE_LIMITER)

account.post('/password', throttle, async (c) => {
  const db = c.var.db
  // loadSession read the whole staff row for this request, password hash included.
  const member = c.var.staff
  const form = await readAdminForm(c, passwordChangeForm)
  // The current password is checked even when the new one is not acceptable, so every problem
  // is shown at once, in the order of the fields.
  const current = form.values.currentPassword ?? ''
  const currentOk = member.passwordHash !== null && verifyPassword(current, member.passwordHash)
  const errors: FieldError[] = [
    ...(currentOk ? [] : [{ field: 'currentPassword', message: CURRENT_PASSWORD_ERROR }]),
    ...(form.ok ? [] : form.errors),
  ]
  if (!form.ok || errors.length > 0) {
    const detail = errors.map((e) => e.field).join(', ')
    await auditQuery(db, { actorId: member.id, action: 'password.change-failed', detail }).run()
    return c.html(<PasswordPage admin={adminContext(c)} errors={errors} />, 400)
  }
  await db.batch([
    // Their own choice now, so no longer one someone else gave them.
    updateStaffQuery(db, member.id, {
      passwordHash: hashPassword(form.data.newPassword),
      mustChangePassword: false,
    }),
    // Anyone else signed in as this member is signed out; this session carries on.
    endOtherSessionsQuery(db, member.id, c.var.session.id),
    auditQuery(db, { actorId: member.id, action: 'password.change' }),
  ])
  return c.redirect('/admin/account/password?done=changed', 303)
})
