import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createStaff, signedIn } from '../admin-helpers.ts'
import { ORIGIN } from '../helpers.ts'
import worker from '../worker.ts'

/** The test file's D1, noting where each request's D1 session starts. */
const recordingD1 = () => {
  const starts: (string | undefined)[] = []
  const db = new Proxy(env.DB, {
    get(target, prop) {
      if (prop === 'withSession') {
        return (constraint?: string) => {
          starts.push(constraint)
          return target.withSession(constraint)
        }
      }
      const value = Reflect.get(target, prop)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return { db, starts }
}

describe('D1 sessions', () => {
  it('give staff a bookmark, which their next public request continues from', async () => {
    const staff = await signedIn(await createStaff({ email: 'd1@example.com', role: 'editor' }))
    const admin = await staff.get('/admin')
    const bookmark = admin.headers.get('Set-Cookie')?.match(/__Host-soca-d1=([^;]+)/)?.[1]
    expect(bookmark).toBeTruthy()
    const { db, starts } = recordingD1()
    const ctx = createExecutionContext()
    const res = await worker.fetch(
      new Request(`${ORIGIN}/news`, { headers: { Cookie: `other=1; __Host-soca-d1=${bookmark}` } }),
      { ...env, DB: db },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(200)
    expect(starts).toEqual([bookmark])
    expect(res.headers.get('Set-Cookie')).toBeNull()
  })

  it('start a visitor on the nearest replica, and ignore a bookmark that is not one', async () => {
    const { db, starts } = recordingD1()
    const ctx = createExecutionContext()
    await worker.fetch(
      new Request(`${ORIGIN}/careers`, { headers: { Cookie: '__Host-soca-d1=<script>' } }),
      { ...env, DB: db },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(starts).toEqual(['first-unconstrained'])
  })
})
