import type { Link } from '../../../lib/site-tree.ts'

/**
 * A GOV.UK notification banner: success (announced at once) or, with `important`, a neutral one
 * for something the member must know. `link` follows the text, e.g. to the page just published.
 */
export const Banner = ({
  text,
  link,
  important,
}: {
  text: string
  link?: Link
  important?: boolean
}) => {
  const titleId = important ? 'important-title' : 'success-title'
  return (
    <div
      class={`govuk-notification-banner${important ? '' : ' govuk-notification-banner--success'}`}
      role={important ? 'region' : 'alert'}
      aria-labelledby={titleId}
    >
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id={titleId}>
          {important ? 'Important' : 'Success'}
        </h2>
      </div>
      <div class="govuk-notification-banner__content">
        <p class="govuk-notification-banner__heading">{text}</p>
        {link && (
          <p class="govuk-body">
            <a class="govuk-notification-banner__link" href={link.href}>
              {link.text}
            </a>
          </p>
        )}
      </div>
    </div>
  )
}
