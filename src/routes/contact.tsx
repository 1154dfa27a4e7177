import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { prebuiltPageByPath } from '../db/pages.ts'
import type { NewSubmission } from '../db/submissions.ts'
import type { AppEnv } from '../env.ts'
import { contactForm } from '../forms/contact.ts'
import { checkForm } from '../forms/fields.ts'
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
import { breadcrumbsTo } from '../lib/site-tree.ts'
import { turnstileSiteKey } from '../lib/turnstile.ts'
import { formBody, readForm } from '../middleware/form-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'
import { sentPage } from './sent.tsx'
import { type ContactPageProps, ContactPage } from '../views/pages/contact-page.tsx'

/** The contact page with its form, and the confirmation page. Mounted at /contact. */
export const contact = new Hono<AppEnv>()

/**
 * Largest contact form body: 3,000 characters of message, each up to 4 bytes of UTF-8 and
 * tripled by percent-encoding, plus the other fields, fits with room to spare.
 */
export const CONTACT_MAX_BYTES = 64 * 1024

type FormState = Pick<ContactPageProps, 'values' | 'errors' | 'unavailable'>

/** The contact page as the form shows it when D1 cannot be read for its row. */
const CONTACT_PAGE = {
  path: '/contact',
  title: 'Contact us',
  summary: '',
  body: '',
  parentId: null,
  status: 'published',
} as const

/** Renders the contact page, with what the visitor sent when there was a problem. */
const renderContact = async (c: Context<AppEnv>, state: FormState = {}, status = 200) => {
  const loading = batchWithChrome(c, [prebuiltPageByPath(c.var.db, '/contact')])
  // A form that comes back is a POST, which the edge cache never answers: when D1 cannot be
  // read, the visitor's answers come back on the bare chrome rather than being lost to a 500.
  const loaded = status === 200 ? await loading : await loading.catch(() => undefined)
  const page = loaded ? loaded.results[0][0] : CONTACT_PAGE
  if (!page || page.status !== 'published') throw new HTTPException(404)
  const res = await c.html(
    <ContactPage
      chrome={loaded?.chrome ?? bareChrome(c.env.SITE_URL)}
      page={page}
      breadcrumbs={breadcrumbsTo(loaded?.tree ?? [], page.parentId)}
      turnstileSiteKey={turnstileSiteKey(c.env)}
      {...state}
    />,
    status as 200,
  )
  return formPageHeaders(res, status, state.unavailable)
}

contact.get('/', (c) => renderContact(c))

contact.post(
  '/',
  rateLimit((env) => env.FORM_RATE_LIMITER),
  formBody({ contentType: 'application/x-www-form-urlencoded', maxBytes: CONTACT_MAX_BYTES }),
  async (c) => {
    const { values } = await readForm(c.req.raw)
    const shown = shownValues(values)
    const security = await securityCheck(c, values)
    if (security === 'unavailable') {
      return renderContact(c, { values: shown, unavailable: true }, 503)
    }
    const checked = checkForm(contactForm, values)
    const errors = checked.ok ? [] : checked.errors
    if (security === 'failed') errors.push(TURNSTILE_ERROR)
    if (!checked.ok || errors.length > 0) return renderContact(c, { values: shown, errors }, 400)

    const submission: NewSubmission = {
      reference: newReference(),
      kind: 'enquiry',
      fields: checked.data,
      status: filledHoneypot(values) ? 'spam' : 'new',
    }
    const { reference } = submission
    try {
      await storeSubmission(c, submission)
    } catch (err) {
      // D1 may have stored the row and lost only its answer: then the enquiry was sent.
      if (await wasStored(c, submission)) {
        logStorageFailure(c, 'enquiry-stored-answer-lost', err)
        return c.redirect(`/contact/sent?reference=${reference}`, 303)
      }
      logStorageFailure(c, 'enquiry-not-stored', err)
      return renderContact(c, { values: shown, unavailable: true }, 503)
    }
    return c.redirect(`/contact/sent?reference=${reference}`, 303)
  },
)

contact.get('/sent', sentPage('enquiry'))
