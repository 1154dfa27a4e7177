import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { SECOND_PUBLISHER, setSettingQuery, settingValue } from '../../db/admin-settings.ts'
import { auditQuery } from '../../db/audit.ts'
import {
  endSessionsQuery,
  insertStaffQuery,
  listStaff,
  replaceRecoveryCodesQueries,
  staffByEmail,
  staffById,
  unlockQueries,
  updateStaffQuery,
} from '../../db/staff.ts'
import type { StaffEnv } from '../../env.ts'
import type { FieldError } from '../../forms/fields.ts'
import { ROLE_CHANGE_ERROR, newStaffForm, roleChangeForm } from '../../forms/staff.ts'
import { hashPassword } from '../../auth/password.ts'
import { newRecoveryCode } from '../../auth/recovery-codes.ts'
import { readAdminForm } from '../../http/admin-form.ts'
import { doneNotice, numericParam } from '../../http/params.ts'
import { requirePermission } from '../../middleware/auth.ts'
import { StaffPage } from '../../views/admin/staff-page.tsx'
import { adminContext } from './context.ts'

/** Staff accounts and sessions, for admins. */
export const staffRoutes = new Hono<StaffEnv>()
staffRoutes.use('*', requirePermission('staff:manage'))

const NOTICES: Record<string, string> = {
  role: 'Role changed. It applies from their next request.',
  disable: 'Account disabled and its sessions ended.',
  enable: 'Account enabled.',
  unlock: 'Account unlocked: they can sign in again.',
  'end-sessions': 'Sessions ended: they must sign in again.',
  'reset-second-factor': 'Second factor reset: they will set it up again at their next sign-in.',
  eyes: 'Second pair of eyes setting changed.',
}

/** The list with `lockedUntil` kept only where the lock has not yet run out. */
const lockedNow = <T extends { lockedUntil: Date | null }>(rows: T[], now: Date) =>
  rows.map((row) => ({
    ...row,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null,
  }))

const renderStaff = async (
  c: Context<StaffEnv>,
  extra: {
    values?: Record<string, string>
    errors?: FieldError[]
    created?: { email: string; password: string }
    reset?: { email: string; password: string }
  } = {},
  status = 200,
) =>
  c.html(
    <StaffPage
      admin={adminContext(c)}
      staff={lockedNow(await listStaff(c.var.db), new Date())}
      secondPublisher={(await settingValue(c.var.db, SECOND_PUBLISHER)) === 'true'}
      notice={doneNotice(c, NOTICES)}
      {...extra}
    />,
    status as 200,
  )

staffRoutes.get('/', (c) => renderStaff(c))

/**
 * A random first password (120 bits), given to the member out of band. Someone else has seen
 * it, so they must replace it at their next sign-in (middleware/auth.ts, newPasswordDue).
 */
const givenPassword = () => `${newRecoveryCode()}-${newRecoveryCode()}`

staffRoutes.post('/', async (c) => {
  const form = await readAdminForm(c, newStaffForm)
  if (!form.ok) return renderStaff(c, { values: form.values, errors: form.errors }, 400)
  const { values, data } = form
  const db = c.var.db
  if (await staffByEmail(db, data.email)) {
    const taken = { field: 'email', message: 'There is already an account with this email address' }
    return renderStaff(c, { values, errors: [taken] }, 400)
  }
  // They replace the password and set up TOTP at first sign-in.
  const password = givenPassword()
  const actorId = c.var.staff.id
  await db.batch([
    insertStaffQuery(db, {
      ...data,
      passwordHash: hashPassword(password),
      mustChangePassword: true,
    }),
    auditQuery(db, { actorId, action: 'staff.add', target: data.email, detail: data.role }),
  ])
  return renderStaff(c, { created: { email: data.email, password } })
})

staffRoutes.post('/second-pair-of-eyes', async (c) => {
  const db = c.var.db
  const on = (await settingValue(db, SECOND_PUBLISHER)) !== 'true'
  await db.batch([
    setSettingQuery(db, SECOND_PUBLISHER, on ? 'true' : 'false', new Date()),
    auditQuery(db, {
      actorId: c.var.staff.id,
      action: 'settings.second-pair-of-eyes',
      detail: on ? 'on' : 'off',
    }),
  ])
  return c.redirect('/admin/staff?done=eyes', 303)
})

/** The account an action is about; an admin cannot act on their own account here. */
const other = async (c: Context<StaffEnv>) => {
  const member = await staffById(c.var.db, numericParam(c, 'id'))
  if (!member) throw new HTTPException(404)
  if (member.id === c.var.staff.id) {
    throw new HTTPException(409, { message: 'Ask another admin to change your own account.' })
  }
  return member
}

staffRoutes.post('/:id{[0-9]+}/role', async (c) => {
  const member = await other(c)
  const form = await readAdminForm(c, roleChangeForm)
  // The select always sends a role, so a missing or unknown one is a broken request, not a typo.
  if (!form.ok) throw new HTTPException(400, { message: ROLE_CHANGE_ERROR })
  const { role } = form.data
  const db = c.var.db
  await db.batch([
    updateStaffQuery(db, member.id, { role }),
    auditQuery(db, {
      actorId: c.var.staff.id,
      action: 'staff.role',
      target: member.email,
      detail: `${member.role} to ${role}`,
    }),
  ])
  return c.redirect('/admin/staff?done=role', 303)
})

// A forgotten password: a new given one, shown once like a new account's. Their sessions end, and
// the second factor stays as it was (reset it as well if they lost that too).
staffRoutes.post('/:id{[0-9]+}/reset-password', async (c) => {
  const member = await other(c)
  const db = c.var.db
  const password = givenPassword()
  await db.batch([
    updateStaffQuery(db, member.id, {
      passwordHash: hashPassword(password),
      mustChangePassword: true,
    }),
    endSessionsQuery(db, member.id),
    auditQuery(db, {
      actorId: c.var.staff.id,
      action: 'staff.reset-password',
      target: member.email,
    }),
  ])
  return renderStaff(c, { reset: { email: member.email, password } })
})

const accountActions = {
  disable: () => ({ update: { active: false }, endSessions: true, codes: false, unlock: false }),
  enable: () => ({ update: { active: true }, endSessions: false, codes: false, unlock: true }),
  // After failed sign-ins: ends the lock and forgets every failure, so no address stays held back.
  unlock: () => ({ update: null, endSessions: false, codes: false, unlock: true }),
  'end-sessions': () => ({ update: null, endSessions: true, codes: false, unlock: false }),
  'reset-second-factor': () => ({
    update: { totpSecret: null, totpLastStep: null },
    endSessions: true,
    codes: true,
    unlock: false,
  }),
} as const

for (const [action, plan] of Object.entries(accountActions)) {
  staffRoutes.post(`/:id{[0-9]+}/${action}`, async (c) => {
    const member = await other(c)
    const db = c.var.db
    const { update, endSessions, codes, unlock } = plan()
    await db.batch([
      auditQuery(db, { actorId: c.var.staff.id, action: `staff.${action}`, target: member.email }),
      ...(update ? [updateStaffQuery(db, member.id, update)] : []),
      ...(unlock ? unlockQueries(db, member.id) : []),
      ...(endSessions ? [endSessionsQuery(db, member.id)] : []),
      ...(codes ? replaceRecoveryCodesQueries(db, member.id, []) : []),
    ])
    return c.redirect(`/admin/staff?done=${action}`, 303)
  })
}
