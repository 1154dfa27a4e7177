import { env } from 'cloudflare:test'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it, vi } from 'vitest'
import { signShareToken } from '../../src/auth/share-token.ts'
import { createDb } from '../../src/db/client.ts'
import type { AppEnv } from '../../src/env.ts'
import { createShareLink, revokeShareLink } from '../../src/publishing/share-links.ts'
import { createStaff } from '../admin-helpers.ts'
import { formPost, getRequest, pathUnder, postHeaders } from './arbitraries.ts'
import {
  type FuzzRequest,
  checkProperty,
  freshIp,
  expectLocalRedirect,
  expectNo5xx,
  quietLogs,
  runs,
  send,
  timeoutFor,
} from './fuzz.ts'

// Every public GET route, and paths no route knows, with random segments and query strings:
// the answer is never a 5xx. The staff area is in here too, as a visitor who is not signed in
// reaches it, and share links (/share/<token>): signed ones, altered ones and made-up ones.

beforeAll(quietLogs)
afterAll(() => vi.restoreAllMocks())

const get = async (req: FuzzRequest) => {
  const answer = await send(req)
  expectNo5xx(answer)
  expectLocalRedirect(answer)
}

/** The public routes' own paths, to build on. */
const ROUTES = [
  '/news',
  '/news/soca-becomes-part-of-the-national-crime-agency',
  '/careers',
  '/careers/vacancies/financial-intelligence-officer',
  '/careers/vacancies/financial-intelligence-officer/apply',
  '/careers/vacancies/intelligence-analyst-2013',
  '/careers/application-sent',
  '/contact',
  '/contact/sent',
  '/about',
  '/threats',
  '/threats/fraud',
  '/sitemap',
  '/sitemap.xml',
  '/news.atom',
  '/robots.txt',
  '/.well-known/security.txt',
  '/assets',
  '/admin',
  '/admin/sign-in',
  '/admin/pages/1',
  // A share link's shape, with a signature that is not the site's.
  `/share/1.4102444800000.${'A'.repeat(43)}`,
]

/** Share link paths: signed by the site (working, revoked, expired, of no link), and not. */
const sharePaths: string[] = []

beforeAll(async () => {
  const key = (env as AppEnv['Bindings']).STAFF_COOKIE_KEY ?? ''
  const db = createDb(env.DB)
  const member = await createStaff({ email: 'share@example.com', role: 'publisher' })
  const actor = { id: member.id, role: 'publisher' as const }
  const make = async (kind: 'page' | 'news' | 'vacancy', now = new Date()) => {
    const made = await createShareLink(
      db,
      actor,
      { kind, contentId: 1, label: 'Fuzz', days: 7 },
      now,
    )
    if (!made.ok) throw new Error(`no share link: ${made.reason}`)
    return made
  }
  const links = [await make('page'), await make('news'), await make('vacancy')]
  const revoked = await make('news')
  await revokeShareLink(db, actor, { kind: 'news', contentId: 1, linkId: revoked.id })
  const old = await make('page', new Date(Date.now() - 8 * 24 * 60 * 60 * 1000))
  const future = new Date(Date.now() + 24 * 60 * 60 * 1000)
  for (const [id, expires] of [
    ...[...links, revoked, old].map((l) => [l.id, l.expiresAt] as const),
    // Signed, but the row says otherwise: a later expiry than the row's, and no row at all.
    [links[0]!.id, new Date(links[0]!.expiresAt.getTime() + 60_000)] as const,
    [999_999, future] as const,
  ]) {
    sharePaths.push(`/share/${await signShareToken(key, id, expires)}`)
  }
})

/** A share link path: one of those, altered a little, or something else under /share. */
const sharePath = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...sharePaths)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constant(null).chain(() => fc.constantFrom(...sharePaths)),
        fc.nat(),
        fc.constantFrom('A', '0', '.', '-', '_', '%2E', '%00', '/', '9'),
      )
      .map(([path, at, c]) => {
        const i = '/share/'.length + (at % (path.length - '/share/'.length))
        return `${path.slice(0, i)}${c}${path.slice(i + 1)}`
      }),
  },
  { weight: 2, arbitrary: pathUnder(['/share']) },
)

/** Another method than GET on any path: a form POST, or one no route takes. */
const otherMethod = fc
  .record({
    method: fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
    path: fc.oneof(fc.constantFrom('/', ...ROUTES), pathUnder(ROUTES)),
    post: formPost({ x: fc.constant('y') }, 'urlencoded'),
    headers: postHeaders,
  })
  .map(({ method, path, post, headers }): FuzzRequest => ({ method, path, headers, ...post }))

describe('public GET routes, fuzzed: never a 5xx, never a redirect off the site', () => {
  const routeRuns = runs(1)
  it(
    `every route as it is, with random query strings (${routeRuns} runs)`,
    () =>
      checkProperty(
        'GET public routes',
        getRequest(fc.constantFrom('/', ...ROUTES)),
        get,
        routeRuns,
      ),
    timeoutFor(routeRuns),
  )

  const pathRuns = runs(1.5)
  it(
    `random paths under them: escapes, dot segments, slashes, very long (${pathRuns} runs)`,
    () => checkProperty('GET public paths', getRequest(pathUnder(ROUTES)), get, pathRuns),
    timeoutFor(pathRuns),
  )

  const shareRuns = runs(0.5)
  it(
    `share links: signed, altered and made up (${shareRuns} runs)`,
    () => checkProperty('GET share links', getRequest(sharePath), get, shareRuns),
    timeoutFor(shareRuns),
  )

  const methodRuns = runs(0.5)
  it(
    `other methods than GET on the same paths (${methodRuns} runs)`,
    () =>
      checkProperty(
        'other methods',
        otherMethod,
        async (req) => {
          const answer = await send(req, { ip: freshIp() })
          expectNo5xx(answer)
          expectLocalRedirect(answer)
        },
        methodRuns,
      ),
    timeoutFor(methodRuns),
  )
})
