import type { Attachment } from '../../db/attachments.ts'
import {
  attachmentMetadata,
  attachmentPath,
  attachmentSnippet,
} from '../../lib/attachment-links.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { PageHeading } from '../components/page-heading.tsx'
import { Banner } from './components/banner.tsx'
import { type AdminContext, AdminLayout } from './layout.tsx'

/** One place an attachment is used, as the pages of the library list it. */
export type AttachmentUseItem = {
  title: string
  href: string
  editHref: string
  kind: string
  live: boolean
}

/** Props of an attachment's page. */
export type AttachmentPageProps = {
  admin: AdminContext
  attachment: Attachment
  uploadedBy: string | undefined
  uses: { live: AttachmentUseItem[]; other: AttachmentUseItem[] }
  canDelete: boolean
  done?: string
}

/** A list of the pages and articles that use an attachment. */
export const AttachmentUses = ({ uses }: { uses: AttachmentUseItem[] }) => (
  <ul class="govuk-list govuk-list--bullet">
    {uses.map((use) => (
      <li>
        {use.kind}:{' '}
        <a class="govuk-link" href={use.editHref}>
          {use.title}
        </a>{' '}
        ({use.href})
      </li>
    ))}
  </ul>
)

const Row = ({ label, children }: { label: string; children: unknown }) => (
  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">{label}</dt>
    <dd class="govuk-summary-list__value">{children as string}</dd>
  </div>
)

/** An attachment: its details, the Markdown to paste, where it is used, and deleting it. */
export const AttachmentPage = ({
  admin,
  attachment: a,
  uploadedBy,
  uses,
  canDelete,
  done,
}: AttachmentPageProps) => {
  const image = a.width !== null && a.height !== null
  return (
    <AdminLayout
      title={a.title}
      admin={admin}
      breadcrumbs={[
        { href: '/admin', text: 'Staff area' },
        { href: '/admin/attachments', text: 'Attachments' },
      ]}
    >
      {done && <Banner text={done} />}
      <PageHeading title={a.title} />
      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--m" for="snippet">
          Markdown to paste
        </label>
        <div id="snippet-hint" class="govuk-hint">
          {image
            ? 'Paste this into a page or article body where the image should appear. Visitors get the alt text below.'
            : 'Paste this on a line of its own in a page or article body. Visitors see the title as a link, then the file’s type and size.'}
        </div>
        <textarea
          class="govuk-textarea"
          id="snippet"
          rows={3}
          readonly
          spellcheck={false}
          aria-describedby="snippet-hint"
        >
          {attachmentSnippet(a)}
        </textarea>
      </div>
      <dl class="govuk-summary-list">
        <Row label="Type and size">{attachmentMetadata(a)}</Row>
        {image && <Row label="Size in pixels">{`${a.width} × ${a.height}`}</Row>}
        {image && (
          <Row label="Alt text">{a.decorative ? 'None: the image is decorative' : a.alt}</Row>
        )}
        <Row label="File name">{a.fileName}</Row>
        <Row label="Address">
          <a class="govuk-link" href={attachmentPath(a)}>
            {attachmentPath(a)}
          </a>
        </Row>
        <Row label="Uploaded">{`${formatDateTime(a.createdAt)}${uploadedBy ? ` by ${uploadedBy}` : ''}`}</Row>
      </dl>
      <h2 class="govuk-heading-m">Where it is used</h2>
      {uses.live.length === 0 && uses.other.length === 0 && (
        <p class="govuk-body">No page or news article uses it.</p>
      )}
      {uses.live.length > 0 && (
        <>
          <p class="govuk-body">Published:</p>
          <AttachmentUses uses={uses.live} />
        </>
      )}
      {uses.other.length > 0 && (
        <>
          <p class="govuk-body">Not published (drafts and unpublished items):</p>
          <AttachmentUses uses={uses.other} />
        </>
      )}
      {canDelete && (
        <a class="govuk-button govuk-button--warning" href={`/admin/attachments/${a.id}/delete`}>
          Delete attachment
        </a>
      )}
    </AdminLayout>
  )
}
