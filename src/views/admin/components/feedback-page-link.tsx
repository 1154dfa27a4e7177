import { isFeedbackPath } from '../../../forms/feedback.ts'

/**
 * The public page a piece of feedback is about, as a link. Paths were checked when stored; one
 * that is not a page address on this site (an older or altered row) is shown as text only.
 */
export const FeedbackPageLink = ({ path = '' }: { path?: string }) =>
  isFeedbackPath(path) ? (
    <a class="govuk-link" href={path}>
      {path}
    </a>
  ) : (
    <>{path}</>
  )
