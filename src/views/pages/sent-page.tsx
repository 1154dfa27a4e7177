import { type Chrome, Layout } from '../layout.tsx'

/** Props of a confirmation page. */
export type SentPageProps = {
  chrome: Chrome
  kind: 'enquiry' | 'application'
  reference: string
  path: string
}

const copy = {
  enquiry: {
    title: 'Message sent',
    next: [
      'We have received your message. We aim to reply within 20 working days.',
      'Quote your reference if you contact us about this message.',
    ],
  },
  application: {
    title: 'Application sent',
    next: [
      'We have received your application. We will review all applications after the closing date and contact you by email to tell you whether you have been invited to an interview.',
      'Successful candidates must pass security vetting before they can start.',
      'Quote your reference if you contact us about this application.',
    ],
  },
}

/** The GOV.UK confirmation panel with the reference, then what happens next. */
export const SentPage = ({ chrome, kind, reference, path }: SentPageProps) => {
  const text = copy[kind]
  return (
    <Layout
      forms
      components={['panel']}
      chrome={chrome}
      title={text.title}
      description={text.title}
      path={path}
      noindex
      feedback={false}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <div class="govuk-panel govuk-panel--confirmation">
            <h1 class="govuk-panel__title">{text.title}</h1>
            <div class="govuk-panel__body">
              Your reference
              <br />
              <strong>{reference}</strong>
            </div>
          </div>
          <h2 class="govuk-heading-m">What happens next</h2>
          {text.next.map((line) => (
            <p class="govuk-body">{line}</p>
          ))}
          <p class="govuk-body">
            <a class="govuk-link" href="/">
              Go to the home page
            </a>
          </p>
        </div>
      </div>
    </Layout>
  )
}
