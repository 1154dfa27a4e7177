import { PageHeading } from '../components/page-heading.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of an error page. */
export type ErrorPageProps = {
  chrome: Chrome
  status: number
  path: string
  /** A sentence that explains this particular error, shown before the general advice. */
  message?: string
  /** Shown on server errors so a visitor can quote it when reporting the fault. */
  requestId?: string
}

const texts: Record<number, { title: string; lines: string[] }> = {
  400: {
    title: 'There is a problem with your request',
    lines: ['The request could not be understood. Check the address or the form and try again.'],
  },
  401: {
    title: 'Sign in to continue',
    lines: ['This part of the website is for SOCA staff. Sign in to continue.'],
  },
  403: {
    title: 'You cannot do that',
    lines: ['If you think you should be able to, contact the person who manages this website.'],
  },
  409: {
    title: 'That could not be done',
    lines: ['Something changed since the page was loaded. Go back, reload the page and try again.'],
  },
  404: {
    title: 'Page not found',
    lines: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  405: {
    title: 'That action is not allowed',
    lines: ['This address does not accept that kind of request.'],
  },
  410: {
    title: 'This page has been removed',
    lines: ['The page you are looking for is no longer available.'],
  },
  413: {
    title: 'What you sent is too big',
    lines: [
      'Go back to the form and make your answers shorter, or choose a CV smaller than 2MB. Your browser usually keeps what you typed when you go back, but you will need to choose the file again.',
    ],
  },
  415: {
    title: 'There is a problem with your request',
    lines: [
      'The form was sent in a way this website cannot read. Go back to the form and try again.',
    ],
  },
  429: {
    title: 'You have sent too many forms in a short time',
    lines: [
      'To protect this website, we limit how often forms can be sent. Wait a minute, then go back and send your form again. Your browser usually keeps what you typed when you go back.',
    ],
  },
  500: {
    title: 'Sorry, there is a problem with the service',
    lines: ['Try again later. Anything you entered has not been lost if you go back.'],
  },
  503: {
    title: 'Sorry, the service is unavailable',
    lines: ['The website is busy or being updated. Try again in a few minutes.'],
  },
}

/** A helpful page for an HTTP error, with routes back into the site. */
export const ErrorPage = ({ chrome, status, path, message, requestId }: ErrorPageProps) => {
  const text = (texts[status] ?? (status >= 500 ? texts[500] : texts[400]))!
  return (
    <Layout
      chrome={chrome}
      title={text.title}
      description={text.title}
      path={path}
      noindex
      feedback={false}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PageHeading title={text.title} />
          {message && <p class="govuk-body">{message}</p>}
          {text.lines.map((line) => (
            <p class="govuk-body">{line}</p>
          ))}
          <p class="govuk-body">
            You can go to the{' '}
            <a class="govuk-link" href="/">
              home page
            </a>
            , browse the{' '}
            <a class="govuk-link" href="/sitemap">
              sitemap
            </a>{' '}
            or{' '}
            <a class="govuk-link" href="/contact">
              contact us
            </a>
            .
          </p>
          {requestId && <p class="soca-meta">Reference: {requestId}</p>}
        </div>
      </div>
    </Layout>
  )
}
