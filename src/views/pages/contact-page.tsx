import type { FieldError } from '../../forms/fields.ts'
import { MESSAGE_MAX } from '../../forms/contact.ts'
import { CONTACT_QUESTIONS } from '../../forms/questions.ts'
import type { Link } from '../../lib/site-tree.ts'
import { Radios } from '../components/choices.tsx'
import { FormProblems, errorFor } from '../components/error-summary.tsx'
import { ContactDetails } from '../components/contact-details.tsx'
import { Honeypot } from '../components/honeypot.tsx'
import { Markdown } from '../components/markdown.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Textarea } from '../components/textarea.tsx'
import { TURNSTILE_SCRIPT, Turnstile } from '../components/turnstile.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of the contact page and its form. */
export type ContactPageProps = {
  chrome: Chrome
  page: { path: string; title: string; summary: string; body: string }
  breadcrumbs: Link[]
  /** What the visitor entered, shown back after a problem. */
  values?: Record<string, string>
  errors?: FieldError[]
  /** Set when nothing could be stored: the form is shown again to send once more. */
  unavailable?: boolean
  /** Turnstile's site key when Turnstile is on. */
  turnstileSiteKey?: string
}

/** The contact page: its content from D1, the warning about reporting crime, and the form. */
export const ContactPage = (props: ContactPageProps) => {
  const { page, values = {}, errors = [] } = props
  const problem = errors.length > 0 || props.unavailable
  return (
    <Layout
      forms
      chrome={props.chrome}
      title={problem ? `Error: ${page.title}` : page.title}
      description={page.summary}
      path={page.path}
      breadcrumbs={props.breadcrumbs}
      scripts={props.turnstileSiteKey ? [TURNSTILE_SCRIPT] : undefined}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <FormProblems
            errors={errors}
            unavailable={props.unavailable}
            notSent="Your message has not been sent."
          />
          <PageHeading title={page.title} summary={page.summary} />
          <Markdown source={page.body} />
          <h2 class="govuk-heading-l" id="contact-form">
            Send us a message
          </h2>
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">Warning</span>
              Do not use this form to report a crime. In an emergency call 999. Otherwise call the
              police on 101, or call Crimestoppers on 0800 555 111 to stay anonymous.
            </strong>
          </div>
          <form method="post" action="/contact" novalidate>
            <Radios
              name="topic"
              legend={CONTACT_QUESTIONS.topic.label}
              items={CONTACT_QUESTIONS.topic.options}
              values={values.topic ? [values.topic] : []}
              error={errorFor(errors, 'topic')}
            />
            <ContactDetails
              values={values}
              errors={errors}
              phoneOptional
              emailHint="We will only use this to reply to you"
            />
            <Textarea
              name="message"
              label={CONTACT_QUESTIONS.message.label}
              hint={`Do not include personal or financial information, like your National Insurance number or credit card details. You can enter up to ${MESSAGE_MAX.toLocaleString('en-GB')} characters.`}
              value={values.message}
              error={errorFor(errors, 'message')}
              rows={8}
            />
            <Honeypot />
            {props.turnstileSiteKey && (
              <Turnstile siteKey={props.turnstileSiteKey} error={errorFor(errors, 'turnstile')} />
            )}
            <button type="submit" class="govuk-button">
              Send message
            </button>
          </form>
        </div>
      </div>
    </Layout>
  )
}
