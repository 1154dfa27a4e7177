import fc from 'fast-check'
import { afterAll, beforeAll, describe, it, vi } from 'vitest'
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
// reaches it.

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
]

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
