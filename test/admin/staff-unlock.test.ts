import { env } from 'cloudflare:test'
import { beforeAll, describe, expect, it } from 'vitest'
import { LOCK_AFTER_FAILURES } from '../../src/routes/admin/sign-in.tsx'
import { PASSWORD, auditEntries, client, createStaff, signedIn } from '../admin-helpers.ts'

type Browser = Awaited<ReturnType<typeof signedIn>>
let admin: Awaited<ReturnType<typeof createStaff>>
let asAdmin: Browser

const hex = () => Math.floor(Math.random() * 0x10000).toString(16)
const newAddress = () => `2001:db8:${hex()}:${hex()}::1`

beforeAll(async () => {
  admin = await createStaff({ email: 'unlocker@example.com', role: 'admin' })
  asAdmin = await signedIn(admin)
})

/** Locks an account the way an attacker would: wrong passwords from two addresses. */
const lockOut = async (email: string) => {
  const addresses = [newAddress(), newAddress()]
  for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
    await client(addresses[i % 2]).post('/admin/sign-in', { email, password: `wrong ${i}` })
  }
}

const staffRow = (id: number) =>
  env.DB.prepare('SELECT failed_sign_ins, locked_until FROM staff WHERE id = ?')
    .bind(id)
    .first<{ failed_sign_ins: number; locked_until: number | null }>()

describe('unlocking an account', () => {
  it('shows a locked account with an Unlock button, and unlocks it for an admin', async () => {
    const member = await createStaff({ email: 'locked-out@example.com', role: 'editor' })
    const bystander = await createStaff({ email: 'bystander@example.com', role: 'editor' })
    await lockOut(member.email)
    expect((await staffRow(member.id))!.locked_until).toBeGreaterThan(Date.now())

    const page = await (await asAdmin.get('/admin/staff')).text()
    expect(page).toContain('Locked until ')
    expect(page).toContain(`action="/admin/staff/${member.id}/unlock"`)
    expect(page).not.toContain(`action="/admin/staff/${bystander.id}/unlock"`)
    expect(page.match(/\/unlock"/g)).toHaveLength(1)

    const res = await asAdmin.submit(`/admin/staff/${member.id}/unlock`, {}, '/admin/staff')
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin/staff?done=unlock')
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: admin.id,
      action: 'staff.unlock',
      target: member.email,
    })
    expect(await staffRow(member.id)).toEqual({ failed_sign_ins: 0, locked_until: null })
    const failures = await env.DB.prepare(
      'SELECT count(*) AS n FROM sign_in_failures WHERE staff_id = ?',
    )
      .bind(member.id)
      .first<{ n: number }>()
    expect(failures!.n).toBe(0)

    const after = await (await asAdmin.get('/admin/staff?done=unlock')).text()
    expect(after).toContain('Account unlocked')
    expect(after).not.toContain('Locked until ')
    expect(after).not.toContain('/unlock"')

    const signIn = await client(newAddress()).post('/admin/sign-in', {
      email: member.email,
      password: PASSWORD,
    })
    expect(signIn.status).toBe(303)
  }, 120_000)

  it('is refused to anyone but an admin, and for an admin’s own account', async () => {
    const publisher = await createStaff({ email: 'pub-unlock@example.com', role: 'publisher' })
    const member = await createStaff({ email: 'other-locked@example.com', role: 'editor' })
    await env.DB.prepare('UPDATE staff SET locked_until = ? WHERE id = ?')
      .bind(Date.now() + 60_000, member.id)
      .run()
    const asPublisher = await signedIn(publisher)
    expect((await asPublisher.submit(`/admin/staff/${member.id}/unlock`)).status).toBe(403)
    expect((await staffRow(member.id))!.locked_until).not.toBeNull()
    expect(
      (await asAdmin.submit(`/admin/staff/${admin.id}/unlock`, {}, '/admin/staff')).status,
    ).toBe(409)
  }, 60_000)
})
