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
  schedules: { pages: [] as string[], news: [] as string[], vacancies: [] as string[] },
  shareLinks: { pages: [] as string[], news: [] as string[], vacancies: [] as string[] },
}

/** The kind each part of the staff area edits, as D1 names it. */
const KIND = { pages: 'page', news: 'news', vacancies: 'vacancy' } as const

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
  const adminPost = async (path: string, fields: Record<string, string>) => {
    const res = await request(path, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, csrf: admin.csrf }),
      headers: { ...sameSiteHeaders(), Cookie: admin.cookie },
      redirect: 'manual',
    })
    if (res.status !== 303) throw new Error(`${path} answered ${res.status}`)
    return res.headers.get('Location')!
  }
  for (const [path, fields] of drafts) {
    const location = await adminPost(path, fields)
    // For each kind, a scheduled change to cancel and a share link to revoke.
    const item = location.replace(/\?.*/, '')
    await adminPost(`${item}/schedule`, {
      'publishAt-day': '1',
      'publishAt-month': '1',
      'publishAt-year': String(new Date().getUTCFullYear() + 2),
      'publishAt-time': '09:00',
    })
    await adminPost(`${item}/share`, { label: 'Fuzz', days: '3' })
  }
  ids.pages = await column('SELECT id FROM pages')
  ids.news = await column('SELECT id FROM news_articles')
  ids.vacancies = await column('SELECT id FROM vacancies')
  ids.revisions.pages = await column("SELECT id FROM revisions WHERE kind = 'page'")
  ids.revisions.news = await column("SELECT id FROM revisions WHERE kind = 'news'")
  ids.revisions.vacancies = await column("SELECT id FROM revisions WHERE kind = 'vacancy'")
  ids.staff = await column('SELECT id FROM staff')
  ids.submissions = await column('SELECT id FROM submissions')
  for (const kind of ['pages', 'news', 'vacancies'] as const) {
    ids.schedules[kind] = await column(
      'SELECT id FROM scheduled_changes WHERE kind = ?',
      KIND[kind],
    )
    ids.shareLinks[kind] = await column('SELECT id FROM share_links WHERE kind = ?', KIND[kind])
  }
})

const guarded = storageGuard()

/** Sends the request as its member (after putting every session back as it was). */
const post = async (req: FuzzRequest & { as: string }) => {
  const session = sessions[req.as]
  const reset = [
    ...Object.values(sessions).flatMap((s) => s.reset()),
    // A password reset makes its member create a new one before anything else: undone here, so
    // every session stays usable.
    env.DB.prepare('UPDATE staff SET must_change_password = 0'),
  ]
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
  fc.constant(''),
  fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}$/),
)

/** The editor's buttons (Save draft, Publish) and its type of change with the change note. */
const EDITOR: FormSpec = {
  action: fc.constantFrom('save', 'publish'),
  changeType: fc.constantFrom('minor', 'major'),
  changeNote: text(500),
}

/** A GOV.UK date input's three boxes, named `${name}-day` and so on: a date, or not quite one. */
const dateInput = (name: string): FormSpec => ({
  [`${name}-day`]: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 32 }).map(String)),
  [`${name}-month`]: fc.oneof(fc.constant(''), fc.integer({ min: 0, max: 13 }).map(String)),
  [`${name}-year`]: fc.oneof(
    fc.constant(''),
    fc.integer({ min: 1999, max: 2100 }).map(String),
    fc.constantFrom('0', '99999'),
  ),
})

/**
 * A schedule form's date and time: each box mostly right (a day in every month, a year from
 * `years`, a time of day as people type it), sometimes empty or wrong.
 */
const scheduleTime = (name: string, years: [number, number]): FormSpec => {
  const box = (right: fc.Arbitrary<string>, wrong: fc.Arbitrary<string>) =>
    fc.oneof(
      { weight: 10, arbitrary: right },
      { weight: 1, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: wrong },
    )
  return {
    [`${name}-day`]: box(
      fc.integer({ min: 1, max: 28 }).map(String),
      fc.constantFrom('0', '31', '32'),
    ),
    [`${name}-month`]: box(fc.integer({ min: 1, max: 12 }).map(String), fc.constantFrom('0', '13')),
    [`${name}-year`]: box(
      fc.integer({ min: years[0], max: years[1] }).map(String),
      fc.constantFrom('2020', '99', '99999'),
    ),
    [`${name}-time`]: box(
      fc.constantFrom('09:30', '9pm', '0930', '9.30', '12am', '01:30', '17:00'),
      fc.oneof(
        fc.constantFrom('24:00', '13pm', '9', '1:30 pm am'),
        fc.tuple(fc.nat(30), fc.nat(70)).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`),
      ),
    ),
  }
}

const FORMS: Record<'pages' | 'news' | 'vacancies', FormSpec> = {
  pages: {
    title: line('A fuzzed page'),
    path: fc.oneof(
      fc.stringMatching(/^\/[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,2}(\/[a-z0-9]{1,10}){0,2}$/),
      // '' makes the path from the parent's and the title.
      fc.constantFrom('', '/', '/about', '/news', '/admin', '/threats/fraud'),
    ),
    // Existing pages, and pages that are not there (the seed has about 25).
    parentId: fc.oneof(
      { weight: 1, arbitrary: fc.constant('') },
      { weight: 2, arbitrary: fc.nat(40).map(String) },
      { weight: 1, arbitrary: fc.constantFrom('0', '999') },
    ),
    // A parent typed as its address: a page, none, a web address, or anything.
    parentPath: fc.oneof(
      { weight: 3, arbitrary: fc.constant('') },
      {
        weight: 2,
        arbitrary: fc.constantFrom('/about', 'threats/', '/nope', 'https://x.uk/about'),
      },
      { weight: 1, arbitrary: nasty },
    ),
    navOrder: fc.oneof(fc.constant(''), fc.nat(9999).map(String)),
    summary: text(300),
    body: text(50_000),
    ...EDITOR,
  },
  news: {
    title: line('A fuzzed article'),
    slug,
    ...dateInput('publicationDate'),
    summary: text(300),
    body: text(50_000),
    ...EDITOR,
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
    action: EDITOR.action!,
  },
}

/** The schedule form: a UK date and time to publish, to unpublish, or both. */
// The boxes are drawn one by one, so a form with both times mostly gets one of them wrong: each
// kind fills in a different part of the same form (pages: a time to publish; news: a time to
// unpublish; vacancies: both, the second later), so each part is mostly right somewhere.
const nextYear = new Date().getUTCFullYear() + 1
const SCHEDULE: Record<'pages' | 'news' | 'vacancies', FormSpec> = {
  pages: scheduleTime('publishAt', [nextYear, 2099]),
  news: scheduleTime('unpublishAt', [nextYear, 2099]),
  vacancies: {
    ...scheduleTime('publishAt', [nextYear, 2060]),
    ...scheduleTime('unpublishAt', [2061, 2099]),
  },
}

/** Making a share link: who it is for, and 1, 3 or 7 days. */
const SHARE: FormSpec = {
  label: line('BBC News, embargoed to 9am'),
  days: fc.constantFrom('1', '3', '7', '0', '8', '30', '-1', '1.5'),
}

/** A submission's status (three a member can choose, and some they cannot) and its assignee. */
const INBOX: Record<'status' | 'assign', FormSpec> = {
  status: { status: fc.constantFrom('new', 'in_progress', 'handled', 'spam', '', 'closed') },
  assign: {
    assignee: fc.oneof(
      fc.constant(''),
      idFrom(() => ids.staff),
      fc.constantFrom('0', '999', '-1', '1.5', 'me'),
    ),
  },
}

// Shares of FUZZ_RUNS: a form has more to get wrong than a button (a CSRF token and no fields
// of its own), and 43 routes share the time this file gets.
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
      {
        name: `/admin/${kind}/:id/schedule`,
        path: () => id.map((i) => `/admin/${kind}/${i}/schedule`),
        form: SCHEDULE[kind],
        weight: FORM,
      },
      {
        name: `/admin/${kind}/:id/schedule/:scheduleId/cancel`,
        path: () =>
          fc
            .tuple(
              id,
              idFrom(() => ids.schedules[kind]),
            )
            .map(([i, c]) => `/admin/${kind}/${i}/schedule/${c}/cancel`),
        form: {},
        weight: BUTTON,
      },
      {
        name: `/admin/${kind}/:id/share`,
        path: () => id.map((i) => `/admin/${kind}/${i}/share`),
        form: SHARE,
        weight: FORM / 2,
      },
      {
        name: `/admin/${kind}/:id/share/:link/revoke`,
        path: () =>
          fc
            .tuple(
              id,
              idFrom(() => ids.shareLinks[kind]),
            )
            .map(([i, l]) => `/admin/${kind}/${i}/share/${l}/revoke`),
        form: {},
        weight: BUTTON,
      },
    ]
  }),
  // The page tree: moving a page among its siblings, and deleting a draft page.
  ...['move-up', 'move-down', 'delete'].map((action) => ({
    name: `/admin/pages/:id/${action}`,
    path: () => idFrom(() => ids.pages).map((i) => `/admin/pages/${i}/${action}`),
    form: {},
    weight: BUTTON,
  })),
  {
    // The upload reads multipart/form-data only: a URL-encoded form is refused with 400.
    name: '/admin/attachments/new',
    path: () => fc.constant('/admin/attachments/new'),
    form: { title: line('Annual report'), alt: fc.string({ maxLength: 50 }) },
    weight: BUTTON,
  },
  {
    name: '/admin/attachments/:id/delete',
    path: () => fc.integer({ min: 0, max: 5 }).map((i) => `/admin/attachments/${i}/delete`),
    form: {},
    weight: BUTTON,
  },
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
    name: '/admin/settings/alerts',
    path: () => fc.constant('/admin/settings/alerts'),
    form: {
      alertEnquiry: fc.oneof(fc.constant(''), fc.emailAddress(), fc.string({ maxLength: 300 })),
      alertApplication: fc.oneof(fc.constant(''), fc.emailAddress()),
      alertFeedback: fc.string({ unit: 'grapheme', maxLength: 60 }),
    },
    weight: FORM,
  },
  {
    name: '/admin/alerts/:id/retry',
    path: () => fc.integer({ min: 0, max: 5 }).map((i) => `/admin/alerts/${i}/retry`),
    form: {},
    weight: BUTTON,
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
  ...['disable', 'enable', 'end-sessions', 'reset-password', 'reset-second-factor'].map(
    (action) => ({
      name: `/admin/staff/:id/${action}`,
      path: () => idFrom(() => ids.staff).map((i) => `/admin/staff/${i}/${action}`),
      form: {},
      weight: BUTTON,
    }),
  ),
  ...(
    [
      ['status', INBOX.status],
      ['assign', INBOX.assign],
      ['delete', {}],
    ] as const
  ).map(([action, form]) => ({
    name: `/admin/submissions/:id/${action}`,
    path: () => idFrom(() => ids.submissions).map((i) => `/admin/submissions/${i}/${action}`),
    form,
    weight: action === 'delete' ? BUTTON : FORM,
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
