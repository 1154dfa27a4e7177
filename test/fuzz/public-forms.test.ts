import fc from 'fast-check'
import { afterAll, beforeAll, describe, it, vi } from 'vitest'
import { type FormSpec, fileSpec, formPost, nasty, postHeaders } from './arbitraries.ts'
import {
  type FuzzRequest,
  checkProperty,
  freshIp,
  quietLogs,
  runs,
  send,
  timeoutFor,
} from './fuzz.ts'
import { storageGuard } from './state.ts'

// The two public forms, fuzzed: whatever is sent, the answer is never a 5xx, and an answer of
// 4xx leaves nothing behind (no submission row, no CV object in R2).

beforeAll(quietLogs)
afterAll(() => vi.restoreAllMocks())

const guarded = storageGuard()

/** Sends a POST and checks both properties. */
const postChecked = async (req: FuzzRequest) => {
  await guarded(() => send(req, { ip: freshIp() }))
}

/** A path segment as a browser escapes it (lone surrogates, which it cannot, become U+FFFD). */
const escapeSegment = (text: string) =>
  encodeURIComponent(
    text.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  )

const email = fc.oneof(
  fc.constant('alex@example.com'),
  fc.stringMatching(/^[a-z0-9.+_-]{1,20}@[a-z0-9-]{1,20}\.[a-z]{2,6}$/),
)
const phone = fc.constantFrom('', '07700 900 982', '+44 808 157 0192', '(01632) 960-001')

const contactSpec: FormSpec = {
  topic: fc.constantFrom('general', 'media', 'careers', 'website'),
  fullName: fc.oneof(
    fc.constant('Alex Example'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
  ),
  email,
  phone,
  message: fc.oneof(
    fc.constant('I am writing about a press release.'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3_000 }),
  ),
  website: fc.constantFrom('', '', '', 'http://spam.example'),
}

const applicationSpec: FormSpec = {
  fullName: fc.constant('Sam Applicant'),
  email,
  phone: phone.filter((p) => p !== ''),
  rightToWork: fc.constantFrom('yes', 'no'),
  statement: fc.oneof(
    fc.constant('I have ten years of experience in financial investigation.'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 5_000 }),
  ),
  declaration: fc.constant('confirmed'),
  website: fc.constantFrom('', '', '', 'http://spam.example'),
}

/** "Is this page useful?": a vote, or a problem report, about a page path (or anything). */
const feedbackPath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('/', '/threats/fraud', '/ukhtc', '/news?page=2') },
  { weight: 2, arbitrary: nasty },
)
const voteSpec: FormSpec = {
  path: feedbackPath,
  useful: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('yes', 'no') },
    { weight: 1, arbitrary: nasty },
  ),
  website: fc.constantFrom('', '', '', 'http://spam.example'),
}
const reportSpec: FormSpec = {
  path: feedbackPath,
  notUseful: fc.constantFrom('', 'yes'),
  whatDoing: fc.oneof(
    fc.constant('Looking for the office address.'),
    fc.string({ unit: 'grapheme', maxLength: 1_200 }),
  ),
  whatWrong: fc.oneof(
    fc.constant('The link to the annual report is broken.'),
    fc.string({ unit: 'grapheme', maxLength: 1_200 }),
  ),
  website: fc.constantFrom('', '', '', 'http://spam.example'),
}

const postTo = (
  path: fc.Arbitrary<string>,
  post: ReturnType<typeof formPost>,
): fc.Arbitrary<FuzzRequest> =>
  fc
    .record({ path, post, headers: postHeaders })
    .map(({ path, post, headers }) => ({ method: 'POST', path, headers, ...post }))

describe('public forms, fuzzed', () => {
  const feedbackRuns = runs(1)
  it(
    `POST /feedback (votes and reports): never a 5xx; a 4xx stores nothing (${feedbackRuns} runs)`,
    () =>
      checkProperty(
        'POST /feedback',
        postTo(
          fc.constantFrom('/feedback', '/feedback/'),
          fc.oneof(formPost(voteSpec, 'urlencoded'), formPost(reportSpec, 'urlencoded')),
        ),
        postChecked,
        feedbackRuns,
      ),
    timeoutFor(feedbackRuns),
  )

  const contactRuns = runs(1)
  it(
    `POST /contact: never a 5xx; a 4xx stores nothing (${contactRuns} runs)`,
    () =>
      checkProperty(
        'POST /contact',
        postTo(
          fc.constantFrom('/contact', '/contact/', '/contact?x=1'),
          formPost(contactSpec, 'urlencoded'),
        ),
        postChecked,
        contactRuns,
      ),
    timeoutFor(contactRuns),
  )

  const applyRuns = runs(1)
  it(
    `POST /careers/vacancies/:slug/apply: never a 5xx; a 4xx stores nothing (${applyRuns} runs)`,
    () =>
      checkProperty(
        'POST /careers/vacancies/:slug/apply',
        postTo(
          fc
            .oneof(
              { weight: 8, arbitrary: fc.constant('financial-intelligence-officer') },
              // Closed, unknown, and anything at all (URL-escaped as a browser would).
              { weight: 1, arbitrary: fc.constantFrom('intelligence-analyst-2013', 'no-such-job') },
              { weight: 1, arbitrary: nasty.map(escapeSegment) },
            )
            .map((slug) => `/careers/vacancies/${slug}/apply`),
          formPost(
            applicationSpec,
            'multipart',
            fc.oneof(
              { weight: 6, arbitrary: fileSpec().map((f) => [{ ...f, field: 'cv' }]) },
              { weight: 2, arbitrary: fc.array(fileSpec(), { maxLength: 3 }) },
            ),
          ),
        ),
        postChecked,
        applyRuns,
      ),
    timeoutFor(applyRuns),
  )
})
