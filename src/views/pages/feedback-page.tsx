import type { FieldError } from '../../forms/fields.ts'
import { FEEDBACK_MAX } from '../../forms/feedback.ts'
import { FEEDBACK_QUESTIONS, formLabel } from '../../forms/questions.ts'
import { FormProblems, errorFor } from '../components/error-summary.tsx'
import { Honeypot } from '../components/honeypot.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Textarea } from '../components/textarea.tsx'
import { TURNSTILE_SCRIPT, Turnstile } from '../components/turnstile.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of the problem report form. */
export type FeedbackPageProps = {
  chrome: Chrome
  /** The page the report is about. */
  about: string
  /** Set when the visitor has just answered No to "Is this page useful?". */
  notUseful?: boolean
  /** What the visitor entered, shown back after a problem. */
  values?: Record<string, string>
  errors?: FieldError[]
  /** Set when nothing could be stored: the form is shown again to send once more. */
  unavailable?: boolean
  /** Turnstile's site key when Turnstile is on. */
  turnstileSiteKey?: string
}

const HINT = `You can enter up to ${FEEDBACK_MAX.toLocaleString('en-GB')} characters`

/** The things this form is not for: replies, and reporting crime. */
const NotFor = () => (
  <>
    <p class="govuk-body">
      We cannot reply to what you send here, and we do not ask for your name or any other personal
      information. Do not include any, like your email address or National Insurance number. To get
      a reply,{' '}
      <a class="govuk-link" href="/contact">
        contact us
      </a>
      .
    </p>
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        Do not use this form to report a crime. In an emergency call 999. Otherwise call the police
        on 101, or call Crimestoppers on 0800 555 111 to stay anonymous.
      </strong>
    </div>
  </>
)

/**
 * GOV.UK's "Help us improve this page" (after a No) or "Report a problem with this page": what
 * the visitor was doing and what went wrong, about the page they came from.
 */
export const FeedbackPage = (props: FeedbackPageProps) => {
  const { values = {}, errors = [] } = props
  const title = props.notUseful ? 'Help us improve this page' : 'Report a problem with this page'
  const problem = errors.length > 0 || props.unavailable
  return (
    <Layout
      forms
      noindex
      feedback={false}
      chrome={props.chrome}
      title={problem ? `Error: ${title}` : title}
      description={title}
      path="/feedback"
      scripts={props.turnstileSiteKey ? [TURNSTILE_SCRIPT] : undefined}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <FormProblems
            errors={errors}
            unavailable={props.unavailable}
            notSent="Your feedback has not been sent."
          />
          <PageHeading title={title} />
          <p class="govuk-body">
            About the page{' '}
            <a class="govuk-link" href={props.about}>
              {props.about}
            </a>
          </p>
          <NotFor />
          <form method="post" action="/feedback" novalidate>
            <input type="hidden" name="path" value={props.about} />
            {props.notUseful && <input type="hidden" name="notUseful" value="yes" />}
            <Textarea
              name="whatDoing"
              label={formLabel(FEEDBACK_QUESTIONS.whatDoing)}
              hint={HINT}
              value={values.whatDoing}
              error={errorFor(errors, 'whatDoing')}
            />
            <Textarea
              name="whatWrong"
              label={formLabel(FEEDBACK_QUESTIONS.whatWrong)}
              hint={HINT}
              value={values.whatWrong}
              error={errorFor(errors, 'whatWrong')}
            />
            <Honeypot />
            {props.turnstileSiteKey && (
              <Turnstile siteKey={props.turnstileSiteKey} error={errorFor(errors, 'turnstile')} />
            )}
            <button type="submit" class="govuk-button">
              Send
            </button>
          </form>
        </div>
      </div>
    </Layout>
  )
}
