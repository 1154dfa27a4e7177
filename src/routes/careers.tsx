import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { prebuiltPageByPath } from '../db/pages.ts'
import { type NewSubmission, cvKeyFor } from '../db/submissions.ts'
import { openVacanciesQuery, vacancyBySlugQuery } from '../db/vacancies.ts'
import type { AppEnv } from '../env.ts'
import { CV_ERRORS, CV_MAX_BYTES, applicationForm } from '../forms/application.ts'
import { type FieldError, checkForm } from '../forms/fields.ts'
import {
  TURNSTILE_ERROR,
  filledHoneypot,
  formPageHeaders,
  inPageOrder,
  logStorageFailure,
  securityCheck,
  shownValues,
  storeSubmission,
  wasStored,
} from '../http/form-submission.ts'
import { bareChrome, batchWithChrome } from '../http/page-chrome.ts'
import { type CvFormat, sniffCvFormat } from '../lib/cv-file.ts'
import { formatDate, ukToday } from '../lib/dates.ts'
import { newReference } from '../lib/reference.ts'
import { breadcrumbsTo, breadcrumbsUnder } from '../lib/site-tree.ts'
import { turnstileSiteKey } from '../lib/turnstile.ts'
import { formBody, readForm } from '../middleware/form-body.ts'
import { rateLimit } from '../middleware/rate-limit.ts'
import { sentPage } from './sent.tsx'
import { ApplyPage, type ApplyPageProps } from '../views/pages/apply-page.tsx'
import { CareersPage } from '../views/pages/careers-page.tsx'
import { VacancyPage } from '../views/pages/vacancy-page.tsx'

/** Careers: open vacancies, each vacancy's page and its application form. Mounted at /careers. */
export const careers = new Hono<AppEnv>()

/** Largest application body: the biggest CV plus the other fields (5,000 characters at most). */
export const APPLICATION_MAX_BYTES = CV_MAX_BYTES + 64 * 1024

/** The fields of the application form in page order, for ordering its errors. */
const APPLICATION_FIELDS = [
  'fullName',
  'email',
  'phone',
  'rightToWork',
  'statement',
  'cv',
  'declaration',
  'turnstile',
] as const

careers.get('/', async (c) => {
  const db = c.var.db
  const {
    tree,
    chrome,
    results: [[page], vacancies],
  } = await batchWithChrome(c, [
    prebuiltPageByPath(db, '/careers'),
    openVacanciesQuery(db, ukToday()),
  ])
  if (!page || page.status !== 'published') throw new HTTPException(404)
  return c.html(
    <CareersPage
      chrome={chrome}
      page={page}
      breadcrumbs={breadcrumbsTo(tree, page.parentId)}
      vacancies={vacancies}
    />,
  )
})

/** Loads a vacancy that is open today with the page chrome: 404 if unknown, 410 once closed. */
const openVacancy = async (c: Context<AppEnv>, slug: string) => {
  const {
    tree,
    chrome,
    results: [[vacancy]],
  } = await batchWithChrome(c, [vacancyBySlugQuery(c.var.db, slug)])
  if (!vacancy) throw new HTTPException(404)
  if (vacancy.status === 'unpublished') throw new HTTPException(410)
  if (vacancy.closingDate < ukToday()) {
    throw new HTTPException(410, {
      message: `This vacancy closed on ${formatDate(vacancy.closingDate)}. See the current vacancies on the careers page.`,
    })
  }
  return { tree, vacancy, chrome }
}

careers.get('/vacancies/:slug', async (c) => {
  const { tree, vacancy, chrome } = await openVacancy(c, c.req.param('slug'))
  return c.html(
    <VacancyPage
      chrome={chrome}
      vacancy={vacancy}
      breadcrumbs={breadcrumbsUnder(tree, '/careers')}
    />,
  )
})

type FormState = Pick<ApplyPageProps, 'values' | 'errors' | 'unavailable'>

/** An open vacancy with the page chrome, as `openVacancy` loads it. */
type LoadedVacancy = Awaited<ReturnType<typeof openVacancy>>

/**
 * Renders the application form of a vacancy already loaded, with what the visitor sent when
 * there was a problem: no second D1 read, so a form whose answers D1 refused still comes back.
 */
const renderApply = async (
  c: Context<AppEnv>,
  { tree, vacancy, chrome }: LoadedVacancy,
  state: FormState = {},
  status = 200,
) => {
  const breadcrumbs = [
    ...breadcrumbsUnder(tree, '/careers'),
    { href: `/careers/vacancies/${vacancy.slug}`, text: vacancy.title },
  ]
  const res = await c.html(
    <ApplyPage
      chrome={chrome}
      vacancy={vacancy}
      breadcrumbs={breadcrumbs}
      turnstileSiteKey={turnstileSiteKey(c.env)}
      {...state}
    />,
    status as 200,
  )
  return formPageHeaders(res, status, state.unavailable)
}

careers.get('/vacancies/:slug/apply', async (c) =>
  renderApply(c, await openVacancy(c, c.req.param('slug'))),
)

/** Asks for the CV again: files are not kept when a form comes back. */
const againError: FieldError = { field: 'cv', message: CV_ERRORS.again }

/** A CV that passed its checks: the file travels with its format, so what is stored was checked. */
type CheckedCv = { file: File; format: CvFormat }

/** Checks the uploaded CV: the file with its format from its content, or the error to show. */
const checkCv = async (file: File | undefined): Promise<CheckedCv | FieldError> => {
  const error = (message: string) => ({ field: 'cv', message })
  if (!file || (file.size === 0 && file.name === '')) return error(CV_ERRORS.missing)
  if (file.size === 0) return error(CV_ERRORS.empty)
  if (file.size > CV_MAX_BYTES) return error(CV_ERRORS.tooBig)
  const format = sniffCvFormat(new Uint8Array(await file.arrayBuffer()))
  return format ? { file, format } : error(CV_ERRORS.wrongType)
}

careers.post(
  '/vacancies/:slug/apply',
  rateLimit((env) => env.FORM_RATE_LIMITER),
  formBody({ contentType: 'multipart/form-data', maxBytes: APPLICATION_MAX_BYTES }),
  async (c) => {
    const slug = c.req.param('slug')
    let loaded: LoadedVacancy
    try {
      // A closed or unknown vacancy never takes an application.
      loaded = await openVacancy(c, slug)
    } catch (err) {
      if (err instanceof HTTPException) throw err
      // D1 cannot say whether the vacancy is open, so nothing can be stored: say so with a
      // 503, never a 500, and give the answers back on a form that needs nothing from D1.
      logStorageFailure(c, 'application-not-stored', err)
      const { values } = await readForm(c.req.raw)
      const res = await c.html(
        <ApplyPage
          chrome={bareChrome(c.env.SITE_URL)}
          vacancy={{ slug }}
          breadcrumbs={[
            { href: '/', text: 'Home' },
            { href: '/careers', text: 'Careers' },
          ]}
          values={shownValues(values)}
          errors={[againError]}
          unavailable
        />,
        503,
      )
      return formPageHeaders(res, 503, true)
    }
    const { vacancy } = loaded
    const { values, files } = await readForm(c.req.raw)
    const shown = shownValues(values)
    const security = await securityCheck(c, values)
    if (security === 'unavailable') {
      return renderApply(c, loaded, { values: shown, unavailable: true, errors: [againError] }, 503)
    }
    const checked = checkForm(applicationForm, values)
    const cv = await checkCv(files.cv)
    const errors = checked.ok ? [] : [...checked.errors]
    if ('field' in cv) errors.push(cv)
    if (security === 'failed') errors.push(TURNSTILE_ERROR)
    if (errors.length > 0 && !('field' in cv)) errors.push(againError)
    if (!checked.ok || 'field' in cv || errors.length > 0) {
      const ordered = inPageOrder(errors, APPLICATION_FIELDS)
      return renderApply(c, loaded, { values: shown, errors: ordered }, 400)
    }

    const reference = newReference()
    const cvKey = cvKeyFor(reference, cv.format.extension)
    const stored = await storeApplication(c, {
      cvKey,
      cv: cv.file,
      format: cv.format,
      submission: {
        reference,
        kind: 'application',
        vacancyId: vacancy.id,
        fields: { ...checked.data, vacancy: vacancy.title },
        status: filledHoneypot(values) ? 'spam' : 'new',
        cvKey,
        cvFileName: cv.file.name.slice(0, 255),
        cvContentType: cv.format.contentType,
        cvSize: cv.file.size,
      },
    })
    if (!stored) {
      return renderApply(c, loaded, { values: shown, unavailable: true, errors: [againError] }, 503)
    }
    return c.redirect(`/careers/application-sent?reference=${reference}`, 303)
  },
)

/**
 * Stores the CV in R2, then the application in D1. If D1 refuses the row, the CV is deleted
 * again so no file is left without its application. True only when both writes succeeded.
 */
const storeApplication = async (
  c: Context<AppEnv>,
  item: {
    cvKey: string
    cv: File
    format: CvFormat
    submission: NewSubmission
  },
) => {
  try {
    await c.env.CV_BUCKET.put(item.cvKey, await item.cv.arrayBuffer(), {
      httpMetadata: { contentType: item.format.contentType, contentDisposition: 'attachment' },
      customMetadata: { reference: item.submission.reference },
    })
  } catch (err) {
    logStorageFailure(c, 'cv-not-stored', err)
    return false
  }
  try {
    await storeSubmission(c, item.submission)
    return true
  } catch (err) {
    // D1 may have stored the row and lost only its answer: then the CV is the row's, and stays.
    if (await wasStored(c, item.submission)) {
      logStorageFailure(c, 'application-stored-answer-lost', err)
      return true
    }
    logStorageFailure(c, 'application-not-stored', err)
    try {
      await c.env.CV_BUCKET.delete(item.cvKey)
    } catch (deleteErr) {
      // The retention job deletes CVs no row names (jobs/retention.ts); this line says why one is.
      logStorageFailure(c, `orphaned-cv ${item.cvKey}`, deleteErr)
    }
    return false
  }
}

careers.get('/application-sent', sentPage('application'))
