/**
 * GOV.UK's "Is this page useful?" at the foot of a page, without JavaScript: Yes and No are the
 * two submit buttons of one small form, and a link leads to the problem report. It holds
 * nothing of the visitor's (no token), so the page around it stays cacheable.
 */
export const PageFeedback = ({ path }: { path: string }) => (
  <div class="soca-feedback">
    <form method="post" action="/feedback">
      <input type="hidden" name="path" value={path} />
      <h2 class="govuk-heading-s">Is this page useful?</h2>
      <button class="govuk-button govuk-button--secondary" name="useful" value="yes">
        Yes<span class="govuk-visually-hidden"> this page is useful</span>
      </button>
      <button class="govuk-button govuk-button--secondary" name="useful" value="no">
        No<span class="govuk-visually-hidden"> this page is not useful</span>
      </button>
    </form>
    <a class="govuk-link" href={`/feedback?path=${encodeURIComponent(path)}`}>
      Report a problem with this page
    </a>
  </div>
)
