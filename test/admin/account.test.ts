import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { PASSWORD, auditEntries, client, createStaff, signedIn } from '../admin-helpers.ts'
import { summaryErrors } from '../helpers.ts'

// Each test checks several argon2 hashes, so it gets 30 s: seconds each on a busy machine.
describe('changing your own password', () => {
  it('needs the current password, and a new one of 12 characters or more typed twice', async () => {
    const member = await createStaff({ email: 'change@example.com', role: 'editor' })
    const browser = await signedIn(member)
    const from = '/admin/account/password'
    const attempts: [Record<string, string>, string[]][] = [
      [
        {
          currentPassword: 'wrong',
          newPassword: 'a new long passphrase',
          confirmPassword: 'a new long passphrase',
        },
        ['currentPassword'],
      ],
      [
        { currentPassword: PASSWORD, newPassword: 'short', confirmPassword: 'short' },
        ['newPassword'],
      ],
      [
        {
          currentPassword: PASSWORD,
          newPassword: 'a new long passphrase',
          confirmPassword: 'something else',
        },
        ['confirmPassword'],
      ],
    ]
    for (const [fields, expected] of attempts) {
      const res = await browser.submit(from, fields, from)
      expect(res.status).toBe(400)
      expect(summaryErrors(await res.text()).map((e) => e.field)).toEqual(expected)
    }
    expect((await auditEntries()).at(-1)).toMatchObject({
      actor_id: member.id,
      action: 'password.change-failed',
    })
  }, 30_000)

  it('changes it, keeps this session and ends the others', async () => {
    const member = await createStaff({ email: 'rotate@example.com', role: 'editor' })
    const other = await signedIn(member)
    const browser = await signedIn(member)
    const res = await browser.submit(
      '/admin/account/password',
      {
        currentPassword: PASSWORD,
        newPassword: 'three random words',
        confirmPassword: 'three random words',
      },
      '/admin/account/password',
    )
    expect(res.status).toBe(303)
    expect((await browser.get('/admin')).status).toBe(200)
    expect((await other.get('/admin')).status).toBe(303)
    expect(
      (await client().post('/admin/sign-in', { email: member.email, password: PASSWORD })).status,
    ).toBe(400)
    expect(
      (
        await client().post('/admin/sign-in', {
          email: member.email,
          password: 'three random words',
        })
      ).status,
    ).toBe(303)
    const row = await env.DB.prepare('SELECT password_hash FROM staff WHERE id = ?')
      .bind(member.id)
      .first<{ password_hash: string }>()
    expect(row!.password_hash).toMatch(/^\$argon2id\$/)
    expect((await auditEntries()).map((e) => e.action)).toContain('password.change')
  }, 30_000)
})
