import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { countVoteQuery } from '../db/feedback.ts'
import type { NewSubmission } from '../db/submissions.ts'
import type { AppEnv } from '../env.ts'
import { USEFUL_ANSWERS, feedbackForm, isFeedbackPath } from '../forms/feedback.ts'
import { checkForm } from '../forms/fields.ts'
import { renderError } from '../http/errors.tsx'
import {
  TURNSTILE_ERROR,
  filledHoneypot,
  formPageHeaders,
  logStorageFailure,
  securityCheck,
  shownValues,
  storeSubmission,
  wasStored,
} from '../http/form-submission.ts'
import { bareChrome, batchWithChrome } from '../http/page-chrome.ts'
import { newReference } from '../lib/reference.ts'
import { turnstileSiteKey } from '../lib/turnstile.ts'
import { formBody, readForm } from '../middleware/form-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'
import { type FeedbackPageProps, FeedbackPage } from '../views/pages/feedback-page.tsx'
import { FeedbackSentPage } from '../views/pages/feedback-sent-page.tsx'

/**
 * "Is this page useful?" and "Report a problem with this page". Mounted at /feedback: GET the
 * report form, POST a vote or a report, GET /sent to say thank you. None of it is ever cached.
 */
export const feedback = new Hono<AppEnv>()

// Every answer here is about one visitor's visit (a form naming a page, a vote, a report), so
// no cache keeps any of them: not the edge (src/http/cache-rules.ts), nor a browser or proxy.
feedback.use(async function noStore(c, next) {
  await next()
  c.res.headers.set('Cache-Control', 'no-store')
})

/** Largest body: two answers of 1,000 characters, each up to 4 bytes tripled by encoding. */
const FEEDBACK_MAX_BYTES = 32 * 1024

const NOT_A_PAGE =
  'The feedback must be about a page on this website. Go back to the page and try again.'

/** The page a request's `path` names, or a 400 that says it names none. */
const aboutPath = (path: string | undefined) => {
  if (path === undefined || !isFeedbackPath(path))
    throw new HTTPException(400, { message: NOT_A_PAGE })
  return path
}

type FormState = Omit<FeedbackPageProps, 'chrome' | 'turnstileSiteKey'>

/** Renders the report form, with what the visitor sent when there was a problem. */
const renderForm = async (c: Context<AppEnv>, state: FormState, status = 200) => {
  // After a POST the answers must come back even when D1 cannot be read: the bare chrome then.
  const loading = batchWithChrome(c, [])
  const loaded = status === 200 ? await loading : await loading.catch(() => undefined)
  const res = await c.html(
    <FeedbackPage
      chrome={loaded?.chrome ?? bareChrome(c.env.SITE_URL)}
      turnstileSiteKey={turnstileSiteKey(c.env)}
      {...state}
    />,
    status as 200,
  )
  return formPageHeaders(res, status, state.unavailable)
}

/** The address of the thank-you page. */
const sentAddress = (path: string, reported: boolean) =>
  `/feedback/sent?path=${encodeURIComponent(path)}${reported ? '&reported=yes' : ''}`

feedback.get('/', (c) =>
  renderForm(c, {
    about: aboutPath(c.req.query('path')),
    notUseful: c.req.query('useful') === 'no',
  }),
)

feedback.get('/sent', async (c) => {
  const about = aboutPath(c.req.query('path'))
  const { chrome } = await batchWithChrome(c, [])
  return c.html(
    <FeedbackSentPage chrome={chrome} about={about} reported={c.req.query('reported') === 'yes'} />,
  )
})

feedback.post(
  '/',
  rateLimit((env) => env.FORM_RATE_LIMITER),
  formBody({ contentType: 'application/x-www-form-urlencoded', maxBytes: FEEDBACK_MAX_BYTES }),
  async (c) => {
    const { values } = await readForm(c.req.raw)
    const about = aboutPath(values.path)
    // The report form sends its two answers (empty or not); the Yes/No buttons send neither.
    if (!Object.hasOwn(values, 'whatDoing') && !Object.hasOwn(values, 'whatWrong')) {
      return vote(c, about, values)
    }
    return report(c, about, values)
  },
)

/** Counts a Yes or a No, then thanks the visitor, or after a No asks what went wrong. */
const vote = async (c: Context<AppEnv>, about: string, values: Record<string, string>) => {
  const useful = USEFUL_ANSWERS.find((answer) => answer === values.useful)
  if (!useful) throw new HTTPException(400, { message: 'Choose Yes or No.' })
  // A bot that filled in the hidden field is answered as if it counted, and is not counted.
  if (!filledHoneypot(values)) {
    try {
      await countVoteQuery(c.var.db, about, useful).run()
    } catch (err) {
      logStorageFailure(c, 'feedback-vote-not-stored', err)
      return renderError(c, 503)
    }
  }
  return c.redirect(
    useful === 'yes'
      ? sentAddress(about, false)
      : `/feedback?path=${encodeURIComponent(about)}&useful=no`,
    303,
  )
}

/** Stores a problem report as a 'feedback' submission, or shows the form again with why not. */
const report = async (c: Context<AppEnv>, about: string, values: Record<string, string>) => {
  const shown = shownValues(values)
  const state = { about, notUseful: values.notUseful === 'yes', values: shown }
  const security = await securityCheck(c, values)
  if (security === 'unavailable') return renderForm(c, { ...state, unavailable: true }, 503)
  const checked = checkForm(feedbackForm, values)
  const errors = checked.ok ? [] : checked.errors
  if (security === 'failed') errors.push(TURNSTILE_ERROR)
  if (!checked.ok || errors.length > 0) return renderForm(c, { ...state, errors }, 400)

  const submission: NewSubmission = {
    reference: newReference(),
    kind: 'feedback',
    fields: { path: about, ...checked.data },
    status: filledHoneypot(values) ? 'spam' : 'new',
  }
  try {
    await storeSubmission(c, submission)
  } catch (err) {
    // D1 may have stored the row and lost only its answer: then the report was sent.
    if (await wasStored(c, submission)) {
      logStorageFailure(c, 'feedback-stored-answer-lost', err)
      return c.redirect(sentAddress(about, true), 303)
    }
    logStorageFailure(c, 'feedback-not-stored', err)
    return renderForm(c, { ...state, unavailable: true }, 503)
  }
  return c.redirect(sentAddress(about, true), 303)
}
