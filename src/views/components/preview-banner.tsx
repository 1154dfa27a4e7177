import type { Link } from '../../lib/site-tree.ts'

/** What a preview tells its reader: that it is not published, and where to go back to. */
export type PreviewNotice = {
  /** A sentence more, e.g. who shared it and until when. */
  detail?: string
  /** Back to the editor, for staff. */
  back?: Link
}

/** The banner across a preview of unpublished content (staff preview and shared links). */
export const PreviewBanner = ({ detail, back }: PreviewNotice) => (
  <div class="govuk-notification-banner soca-notice" role="region" aria-labelledby="preview-title">
    <div class="govuk-notification-banner__header">
      <h2 class="govuk-notification-banner__title" id="preview-title">
        Preview
      </h2>
    </div>
    <div class="govuk-notification-banner__content">
      <p class="govuk-notification-banner__heading">Preview: this version is not published</p>
      {detail && <p class="govuk-body">{detail}</p>}
      {back && (
        <p class="govuk-body">
          <a class="govuk-notification-banner__link" href={back.href}>
            {back.text}
          </a>
        </p>
      )}
    </div>
  </div>
)
