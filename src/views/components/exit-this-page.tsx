/** Pages read by victims who may be watched: each offers a quick way off the site. */
const QUICK_EXIT_PATHS = [
  '/threats/people-smuggling-and-human-trafficking',
  '/ukhtc',
  '/protecting-yourself',
  '/threats/fraud',
  '/threats/computer-crime',
]

/** Whether the page at `path` (or the section it is in) has the Exit this page button. */
export const hasQuickExit = (path: string) =>
  QUICK_EXIT_PATHS.some((p) => path === p || path.startsWith(`${p}/`))

/** Where the button goes: a neutral page on another site, as GOV.UK's services use. */
const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather'

/**
 * GOV.UK Frontend's Exit this page: a link that works without JavaScript; with it, pressing
 * Shift three times also leaves. The page on covering one's tracks is linked below it.
 */
export const ExitThisPage = () => (
  <div class="govuk-exit-this-page" data-module="govuk-exit-this-page">
    <a
      href={QUICK_EXIT_URL}
      role="button"
      draggable="false"
      class="govuk-button govuk-button--warning govuk-exit-this-page__button govuk-js-exit-this-page-button"
      data-module="govuk-button"
      rel="nofollow noreferrer"
    >
      <span class="govuk-visually-hidden">Emergency</span> Exit this page
    </a>
    <p class="govuk-body-s soca-exit-help">
      <a class="govuk-link" href="/protecting-yourself/cover-your-tracks">
        How to leave this site quickly and cover your tracks
      </a>
    </p>
  </div>
)
