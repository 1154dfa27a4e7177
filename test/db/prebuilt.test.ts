// The public pages' queries built once per isolate (src/db/prebuilt.ts) answer exactly as the
// same queries built the usual way, whatever values each request binds, in any order.
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createDb } from '../../src/db/client.ts'
import {
  pageByPathQuery,
  prebuiltPageByPath,
  prebuiltRedirect,
  prebuiltTrailAndChildren,
  redirectQuery,
  trailAndChildrenQuery,
} from '../../src/db/pages.ts'
import { sql } from '../helpers.ts'

// Top level, one and two levels down, the home page, no page, a path of other characters,
// and one deeper than the paths looked up above a page (16).
const PATHS = [
  '/about',
  '/about/how-we-work',
  '/threats/fraud',
  '/',
  '/no-such-page',
  '/ä/b/c/d',
  `/about${'/x'.repeat(20)}`,
]

describe('prebuilt queries', () => {
  it('return what the same queries built the usual way return, path after path', async () => {
    await sql("INSERT INTO redirects (from_path, to_path) VALUES ('/no-such-page', '/about')")
    // A new client for each request, as each request has its own D1 session.
    for (const round of [1, 2]) {
      for (const path of round === 1 ? PATHS : [...PATHS].reverse()) {
        const db = createDb(env.DB.withSession())
        const usual = await db.batch([
          pageByPathQuery(db, path),
          redirectQuery(db, path),
          trailAndChildrenQuery(db, path),
        ])
        const kept = await db.batch([
          prebuiltPageByPath(db, path),
          prebuiltRedirect(db, path),
          prebuiltTrailAndChildren(db, path),
        ])
        expect(kept, path).toEqual(usual)
      }
    }
  })

  it('find the rows of this request, not of the request that first built them', async () => {
    const db = createDb(env.DB)
    const [[first]] = await db.batch([prebuiltPageByPath(db, '/about')])
    const [[second], [redirect]] = await db.batch([
      prebuiltPageByPath(db, '/threats/fraud'),
      prebuiltRedirect(db, '/threats/fraud'),
    ])
    expect(first?.path).toBe('/about')
    expect(second?.path).toBe('/threats/fraud')
    expect(redirect).toBeUndefined()
    const [trail] = await db.batch([prebuiltTrailAndChildren(db, '/threats/fraud')])
    expect(trail.map((page) => page.path)).toContain('/threats')
    expect(trail.map((page) => page.path)).not.toContain('/about')
  })
})
