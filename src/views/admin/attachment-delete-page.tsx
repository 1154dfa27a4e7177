import type { Attachment } from '../../db/attachments.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { AttachmentUses, type AttachmentUseItem } from './attachment-page.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

/** Props of the delete confirmation. */
export type AttachmentDeletePageProps = {
  admin: AdminContext
  attachment: Pick<Attachment, 'id' | 'title'>
  /** Published pages and articles using it: deleting is refused while there are any. */
  liveUses: AttachmentUseItem[]
  /** Drafts using it: they do not stop it, but would lose it. */
  otherUses: AttachmentUseItem[]
}

/** Asks before deleting an attachment, or says why it cannot be deleted yet. */
export const AttachmentDeletePage = ({
  admin,
  attachment,
  liveUses,
  otherUses,
}: AttachmentDeletePageProps) => {
  const blocked = liveUses.length > 0
  const title = blocked
    ? `You cannot delete ‘${attachment.title}’ yet`
    : `Are you sure you want to delete ‘${attachment.title}’?`
  return (
    <AdminLayout
      title={title}
      admin={admin}
      breadcrumbs={[
        { href: '/admin', text: 'Staff area' },
        { href: '/admin/attachments', text: 'Attachments' },
        { href: `/admin/attachments/${attachment.id}`, text: attachment.title },
      ]}
    >
      <PageHeading title={title} />
      {blocked ? (
        <>
          <p class="govuk-body">
            These published pages and news articles use it. Remove it from them, and publish them,
            first:
          </p>
          <AttachmentUses uses={liveUses} />
          <a class="govuk-link" href={`/admin/attachments/${attachment.id}`}>
            Back to the attachment
          </a>
        </>
      ) : (
        <>
          {otherUses.length > 0 && (
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">Warning</span>
                These drafts use it, and will show a broken link or image if published:
              </strong>
            </div>
          )}
          {otherUses.length > 0 && <AttachmentUses uses={otherUses} />}
          <p class="govuk-body">The file will be removed from the site. You cannot undo this.</p>
          <form method="post" action={`/admin/attachments/${attachment.id}/delete`}>
            <CsrfField token={admin.csrfToken} />
            <div class="govuk-button-group">
              <button type="submit" class="govuk-button govuk-button--warning">
                Delete attachment
              </button>
              <a class="govuk-link" href={`/admin/attachments/${attachment.id}`}>
                Cancel
              </a>
            </div>
          </form>
        </>
      )}
    </AdminLayout>
  )
}
