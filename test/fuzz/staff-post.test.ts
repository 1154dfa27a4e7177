import { env } from 'cloudflare:test'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, it, vi } from 'vitest'
import { createStaff } from '../admin-helpers.ts'
import {
  pdfFile,
  postForm,
  postMultipart,
  request,
  sameSiteHeaders,
  validApplication,
} from '../helpers.ts'
import { type FormSpec, nasty } from './arbitraries.ts'
import {
  type FuzzRequest,
  checkProperty,
  freshIp,
  quietLogs,
  runs,
  send,
  timeoutFor,
} from './fuzz.ts'
import { type FuzzSession, signedInSession, staffPost } from './staff.ts'
import { storageGuard } from './state.ts'

// Every staff POST route (but sign-in and the password forms, in sign-in.test.ts), signed in
// with a valid CSRF token most of the time: never a 5xx, and a 4xx changes nothing stored.
// Most requests are an admin's, who may do everything; some a publisher's or an editor's
// (refused with 403), some nobody's (401).

beforeAll(quietLogs)
afterAll(() => vi.restoreAllMocks())

const sessions: Record<string, FuzzSession> = {}
const ids = {
  pages: [] as string[],
  news: [] as string[],
  vacancies: [] as string[],
  revisions: { pages: [] as string[], news: [] as string[], vacancies: [] as string[] },
  staff: [] as string[],
  submissions: [] as string[],
}

const column = async (query: string, ...values: unknown[]) =>
  (
    await env.DB.prepare(query)
      .bind(...values)
      .all<{ id: number }>()
  ).results.map((r) => String(r.id))

beforeAll(async () => {
  sessions.admin = await signedInSession('admin@example.com', 'admin')
  sessions.publisher = await signedInSession('publisher@example.com', 'publisher')
  sessions.editor = await signedInSession('editor@example.com', 'editor')
  await createStaff({ email: 'other@example.com', role: 'editor' })
  // Something in the inbox: two enquiries and two applications with their CVs.
  for (let i = 0; i < 2; i++) {
    await postForm('/contact', {
      topic: 'general',
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
  // A saved draft of each kind of content, so there are revisions to restore.
  const admin = sessions.admin
  const drafts: [string, Record<string, string>][] = [
    ['/admin/pages/new', { title: 'Draft page', path: '/draft-page', summary: '', body: '' }],
    ['/admin/news/new', { title: 'Draft news', slug: 'draft-news', summary: '', body: '' }],
    [
      '/admin/vacancies/new',
      {
        title: 'Draft vacancy',
        slug: 'draft-vacancy',
        summary: '',
        grade: 'Grade 5',
        location: 'Manchester',
        salary: '£30,000',
        closingDate: '2030-01-31',
        body: '',
      },
    ],
  ]
  for (const [path, fields] of drafts) {
    const res = await request(path, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, csrf: admin.csrf }),
      headers: { ...sameSiteHeaders(), Cookie: admin.cookie },
      redirect: 'manual',
    })
    if (res.status !== 303) throw new Error(`${path} answered ${res.status}`)
  }
  ids.pages = await column('SELECT id FROM pages')
  ids.news = await column('SELECT id FROM news_articles')
  ids.vacancies = await column('SELECT id FROM vacancies')
  ids.revisions.pages = await column("SELECT id FROM revisions WHERE kind = 'page'")
  ids.revisions.news = await column("SELECT id FROM revisions WHERE kind = 'news'")
  ids.revisions.vacancies = await column("SELECT id FROM revisions WHERE kind = 'vacancy'")
  ids.staff = await column('SELECT id FROM staff')
  ids.submissions = await column('SELECT id FROM submissions')
})

const guarded = storageGuard()

/** Sends the request as its member (after putting every session back as it was). */
const post = async (req: FuzzRequest & { as: string }) => {
  const session = sessions[req.as]
  const reset = Object.values(sessions).flatMap((s) => s.reset())
  await guarded(
    () =>
      send(req, {
        ip: freshIp(),
        cookie: session?.cookie ?? '',
        csrf: session?.csrf ?? 'no-session',
      }),
    reset,
  )
}

/** An id from the list, mostly; or one that is not there, or not a number a route accepts. */
const idFrom = (list: () => string[]) =>
  fc.oneof(
    // The list is read when the property runs, after beforeAll has filled it.
    { weight: 8, arbitrary: fc.constant(null).chain(() => fc.constantFrom('1', ...list())) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('0', '01', '999999', '9007199254740993', '9'.repeat(30)),
    },
    { weight: 1, arbitrary: fc.oneof(fc.nat().map(String), nasty.map(encodeURIComponentSafe)) },
  )

/** encodeURIComponent, except that it accepts lone surrogates (as U+FFFD) instead of throwing. */
function encodeURIComponentSafe(text: string) {
  return new URLSearchParams([['', text]]).toString().slice(1)
}

const as = fc.constantFrom('admin', 'admin', 'admin', 'admin', 'publisher', 'editor', 'nobody')

const line = (valid: string) =>
  fc.oneof(fc.constant(valid), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }))
const text = (max: number) =>
  fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: Math.min(max, 2_000) }))
const slug = fc.oneof(
  fc.constant('fuzz'),
  fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}$/),
)

const FORMS: Record<'pages' | 'news' | 'vacancies', FormSpec> = {
  pages: {
    title: line('A fuzzed page'),
    path: fc.oneof(
      fc.stringMatching(/^\/[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}(\/[a-z0-9]{1,10}){0,2}$/),
      fc.constantFrom('/', '/about', '/news', '/admin', '/threats/fraud'),
    ),
    // Existing pages, and pages that are not there (the seed has about 25).
    parentId: fc.oneof(
      { weight: 1, arbitrary: fc.constant('') },
      { weight: 2, arbitrary: fc.nat(40).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('0', '999') },
    ),
    navOrder: fc.oneof(fc.constant(''), fc.nat(9999).map(String)),
    summary: text(300),
    body: text(50_000),
  },
  news: {
    title: line('A fuzzed article'),
    slug,
    summary: text(300),
    body: text(50_000),
  },
  vacancies: {
    title: line('A fuzzed vacancy'),
    slug,
    summary: text(300),
    grade: line('Grade 5'),
    location: line('Manchester'),
    salary: line('£30,000'),
    closingDate: fc.oneof(
      fc.constantFrom('2030-01-31', '2027-02-29', '2028-02-29', '2026-13-01', '0000-01-01'),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ),
    body: text(50_000),
  },
}

// Shares of FUZZ_RUNS: a form has more to get wrong than a button (a CSRF token and no fields
// of its own), and 28 routes share the time this file gets.
const FORM = 0.2
const BUTTON = 0.075

/** A staff POST route: its name in the report, its paths, its form, and its share of runs. */
type Route = { name: string; path: () => fc.Arbitrary<string>; form: FormSpec; weight: number }

const routes: Route[] = [
  ...(['pages', 'news', 'vacancies'] as const).flatMap((kind): Route[] => {
    const id = idFrom(() => ids[kind])
    return [
      {
        name: `/admin/${kind}/new`,
        path: () => fc.constant(`/admin/${kind}/new`),
        form: FORMS[kind],
        weight: FORM,
      },
      {
        name: `/admin/${kind}/:id`,
        path: () => id.map((i) => `/admin/${kind}/${i}`),
        form: FORMS[kind],
        weight: FORM,
      },
      ...['publish', 'unpublish'].map((action) => ({
        name: `/admin/${kind}/:id/${action}`,
        path: () => id.map((i) => `/admin/${kind}/${i}/${action}`),
        form: {},
        weight: BUTTON,
      })),
      {
        name: `/admin/${kind}/:id/restore/:revision`,
        path: () =>
          fc
            .tuple(
              id,
              idFrom(() => ids.revisions[kind]),
            )
            .map(([i, r]) => `/admin/${kind}/${i}/restore/${r}`),
        form: {},
        weight: BUTTON,
      },
    ]
  }),
  {
    name: '/admin/vacancies/:id/close',
    path: () => idFrom(() => ids.vacancies).map((i) => `/admin/vacancies/${i}/close`),
    form: {},
    weight: BUTTON,
  },
  {
    name: '/admin/settings',
    path: () => fc.constant('/admin/settings'),
    form: {
      siteNotice: fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 500 })),
    },
    weight: FORM,
  },
  {
    // A valid form adds an account and hashes its first password (argon2): a button's share.
    name: '/admin/staff',
    path: () => fc.constant('/admin/staff'),
    form: {
      name: line('Fuzz Member'),
      email: fc.oneof(
        fc.constant('admin@example.com'),
        fc.stringMatching(/^[a-z0-9]{1,12}@example\.gov\.uk$/),
      ),
      role: fc.constantFrom('editor', 'publisher', 'admin'),
    },
    weight: BUTTON,
  },
  {
    name: '/admin/staff/second-pair-of-eyes',
    path: () => fc.constant('/admin/staff/second-pair-of-eyes'),
    form: {},
    weight: 0.05,
  },
  {
    name: '/admin/staff/:id/role',
    path: () => idFrom(() => ids.staff).map((i) => `/admin/staff/${i}/role`),
    form: { role: fc.constantFrom('editor', 'publisher', 'admin') },
    weight: BUTTON,
  },
  ...['disable', 'enable', 'end-sessions', 'reset-second-factor'].map((action) => ({
    name: `/admin/staff/:id/${action}`,
    path: () => idFrom(() => ids.staff).map((i) => `/admin/staff/${i}/${action}`),
    form: {},
    weight: BUTTON,
  })),
  ...['handled', 'new', 'delete'].map((action) => ({
    name: `/admin/submissions/:id/${action}`,
    path: () => idFrom(() => ids.submissions).map((i) => `/admin/submissions/${i}/${action}`),
    form: {},
    weight: BUTTON,
  })),
  {
    name: '/admin/sign-out',
    path: () => fc.constant('/admin/sign-out'),
    form: {},
    weight: BUTTON,
  },
]

describe('staff POST routes, fuzzed', () => {
  for (const route of routes) {
    const numRuns = runs(route.weight)
    it(
      `POST ${route.name}: never a 5xx, and a 4xx changes nothing (${numRuns} runs)`,
      () =>
        checkProperty(`POST ${route.name}`, staffPost(route.path(), route.form, as), post, numRuns),
      timeoutFor(numRuns, 400),
    )
  }
})
