/** A GOV.UK success notification banner. */
export const Banner = ({ text }: { text: string }) => (
  <div
    class="govuk-notification-banner govuk-notification-banner--success"
    role="alert"
    aria-labelledby="success-title"
  >
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="success-title">
        Success
      </h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">{text}</p>
    </div>
  </div>
)
