import { type Chrome, Layout } from '../layout.tsx'

/** Props of the thank-you page. */
export type FeedbackSentPageProps = {
  chrome: Chrome
  /** The page the feedback was about, to go back to. */
  about: string
  /** Set after a problem report, rather than a Yes. */
  reported: boolean
}

/** The GOV.UK confirmation after a Yes or a problem report, and a way back to the page. */
export const FeedbackSentPage = ({ chrome, about, reported }: FeedbackSentPageProps) => (
  <Layout
    forms
    noindex
    feedback={false}
    components={['panel']}
    chrome={chrome}
    title="Thank you for your feedback"
    description="Thank you for your feedback"
    path="/feedback/sent"
  >
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <div class="govuk-panel govuk-panel--confirmation">
          <h1 class="govuk-panel__title">Thank you for your feedback</h1>
        </div>
        <p class="govuk-body">
          {reported
            ? 'We read every report and use them to improve this website, but we cannot reply to them.'
            : 'We use your answers to improve this website.'}
        </p>
        <p class="govuk-body">
          If you need an answer,{' '}
          <a class="govuk-link" href="/contact">
            contact us
          </a>
          . To report a crime, call 999 in an emergency, the police on 101, or Crimestoppers on 0800
          555 111 to stay anonymous.
        </p>
        <p class="govuk-body">
          <a class="govuk-link" href={about}>
            Go back to the page you were on
          </a>
        </p>
      </div>
    </div>
  </Layout>
)
