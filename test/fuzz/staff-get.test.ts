import { env } from 'cloudflare:test'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it, vi } from 'vitest'
import { pdfFile, postForm, postMultipart, validApplication } from '../helpers.ts'
import { extraHeaders, nasty, pathUnder, queryWith } from './arbitraries.ts'
import {
  type FuzzRequest,
  checkProperty,
  expectLocalRedirect,
  expectNo5xx,
  quietLogs,
  runs,
  send,
  timeoutFor,
} from './fuzz.ts'
import { type FuzzSession, signedInSession } from './staff.ts'

// Every staff GET route, signed in (mostly as an admin, who can see everything; sometimes as
// an editor), with random ids, paths and query strings: never a 5xx, never a redirect off the
// site.

beforeAll(quietLogs)
afterAll(() => vi.restoreAllMocks())

const sessions: Record<string, FuzzSession> = {}
const ids: Record<'pages' | 'news' | 'vacancies' | 'submissions' | 'revisions', string[]> = {
  pages: [],
  news: [],
  vacancies: [],
  submissions: [],
  revisions: [],
}

beforeAll(async () => {
  sessions.admin = await signedInSession('admin@example.com', 'admin')
  sessions.editor = await signedInSession('editor@example.com', 'editor')
  // Submissions to list, open, export and download (two with a CV).
  for (let i = 0; i < 2; i++) {
    await postForm('/contact', {
      topic: 'media',
      fullName: 'Alex Example',
      email: 'alex@example.com',
      message: 'Hello',
    })
    await postMultipart(
      '/careers/vacancies/financial-intelligence-officer/apply',
      validApplication,
      {
        cv: pdfFile(),
      },
    )
  }
  const column = async (query: string) =>
    (await env.DB.prepare(query).all<{ id: number }>()).results.map((r) => String(r.id))
  ids.pages = await column('SELECT id FROM pages')
  ids.news = await column('SELECT id FROM news_articles')
  ids.vacancies = await column('SELECT id FROM vacancies')
  ids.submissions = await column('SELECT id FROM submissions')
  ids.revisions = await column('SELECT id FROM revisions')
})

const get = async (req: FuzzRequest & { as: string }) => {
  const session = sessions[req.as]!
  // A request may not end the session, but the idle timeout could over a long run.
  await env.DB.batch(session.reset())
  const answer = await send(req, { cookie: session.cookie })
  expectNo5xx(answer)
  expectLocalRedirect(answer)
}

const idOf = (kind: keyof typeof ids) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(null).chain(() => fc.constantFrom('1', ...ids[kind])) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('0', '01', '999999', '9007199254740993', '9'.repeat(30)),
    },
    {
      weight: 1,
      arbitrary: nasty
        .filter((s) => s.length < 200)
        .map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))),
    },
  )

/** Any route's query parameters. */
const QUERY = ['page', 'kind', 'status', 'done', 'from', 'to', 'action', 'actor', 'parent']

/** A path with a query string of the route's own parameters (and others). */
const withQuery = (path: fc.Arbitrary<string>, names: string[]) =>
  fc
    .tuple(path, fc.option(queryWith(names), { freq: 4, nil: undefined }))
    .map(([p, query]) => (query ? `${p}${p.includes('?') ? '&' : '?'}${query}` : p))

/** The staff area's GET routes, with ids from the database and their own query parameters. */
const staffPaths = fc.oneof(
  withQuery(
    fc.constantFrom(
      '/admin',
      '/admin/',
      '/admin/pages/new',
      '/admin/news/new',
      '/admin/vacancies/new',
      '/admin/staff',
      '/admin/settings',
      '/admin/attachments',
      '/admin/attachments/new',
      '/admin/alerts',
      '/admin/account/password',
      '/admin/sign-in',
      '/admin/two-factor',
      '/admin/enrol',
      '/admin/new-password',
    ),
    ['done'],
  ),
  withQuery(fc.constantFrom('/admin/pages', '/admin/news', '/admin/vacancies'), ['done', 'page']),
  // The page tree opens one branch at a time.
  withQuery(fc.constant('/admin/pages'), ['open', 'done']),
  idOf('pages').map((id) => `/admin/pages?open=${id}`),
  // "Add a page here" in the page tree names the parent.
  withQuery(fc.constant('/admin/pages/new'), ['parent']),
  withQuery(fc.constantFrom('/admin/submissions', '/admin/submissions/export.csv'), [
    'kind',
    'status',
    'assigned',
    'q',
    'page',
    'done',
  ]),
  withQuery(fc.constant('/admin/audit'), ['action', 'actor', 'from', 'to', 'page']),
  withQuery(
    fc
      .tuple(
        fc.constantFrom('pages', 'news', 'vacancies'),
        fc.constantFrom(
          '',
          '/preview',
          '/history',
          '/compare',
          '/schedule',
          '/share',
          '/unpublish',
        ),
      )
      .chain(([kind, tail]) => idOf(kind).map((id) => `/admin/${kind}/${id}${tail}`)),
    ['done', 'from', 'to'],
  ),
  // Deleting a draft page asks first (a page that was ever published says why it cannot).
  idOf('pages').map((id) => `/admin/pages/${id}/delete`),
  fc
    .tuple(idOf('revisions'), idOf('revisions'), fc.constantFrom('pages', 'news', 'vacancies'))
    .chain(([from, to, kind]) =>
      idOf(kind).map((id) => `/admin/${kind}/${id}/compare?from=${from}&to=${to}`),
    ),
  withQuery(
    fc
      .tuple(idOf('submissions'), fc.constantFrom('', '/cv'))
      .map(([id, tail]) => `/admin/submissions/${id}${tail}`),
    ['done'],
  ),
)

/** A GET (or HEAD) as a signed-in member: mostly an admin, who may see everything. */
const staffGet = (path: fc.Arbitrary<string>): fc.Arbitrary<FuzzRequest & { as: string }> =>
  fc
    .record({
      method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD'),
      path,
      as: fc.constantFrom('admin', 'admin', 'admin', 'editor'),
      headers: fc.oneof(
        { weight: 4, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: extraHeaders },
      ),
    })
    .map(({ headers, ...rest }) => ({
      ...rest,
      headers: { Cookie: '{{cookie}}', ...headers },
      body: { type: 'none' },
    }))

describe('staff GET routes, fuzzed: never a 5xx, never a redirect off the site', () => {
  const routeRuns = runs(1)
  it(
    `every staff route, with random ids and query strings (${routeRuns} runs)`,
    () => checkProperty('GET staff routes', staffGet(staffPaths), get, routeRuns),
    timeoutFor(routeRuns),
  )

  const pathRuns = runs(0.5)
  it(
    `random paths under /admin (${pathRuns} runs)`,
    () =>
      checkProperty(
        'GET staff paths',
        staffGet(
          withQuery(
            pathUnder(['/admin', '/admin/pages', '/admin/submissions', '/admin/audit']),
            QUERY,
          ),
        ),
        get,
        pathRuns,
      ),
    timeoutFor(pathRuns),
  )
})
