import type { FieldError } from '../../forms/fields.ts'
import { Checkboxes } from '../components/choices.tsx'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { FileUpload } from '../components/file-upload.tsx'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Textarea } from '../components/textarea.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'

/** What the upload form had in it, to show again. */
export type AttachmentFormValues = { title?: string; alt?: string; decorative?: string }

/** Props of the upload form. */
export type AttachmentNewPageProps = {
  admin: AdminContext
  values?: AttachmentFormValues
  errors?: FieldError[]
  /** Nothing could be stored (R2 or D1 failed): the member is asked to try again. */
  unavailable?: boolean
}

/**
 * The upload form. The file comes last, so the title and the image's text arrive first and the
 * file streams to storage behind them; the form is sent as multipart/form-data.
 */
export const AttachmentNewPage = ({
  admin,
  values = {},
  errors = [],
  unavailable,
}: AttachmentNewPageProps) => (
  <AdminLayout
    title={
      errors.length > 0 || unavailable ? 'Error: Upload an attachment' : 'Upload an attachment'
    }
    admin={admin}
    breadcrumbs={[
      { href: '/admin', text: 'Staff area' },
      { href: '/admin/attachments', text: 'Attachments' },
    ]}
  >
    {(errors.length > 0 || unavailable) && (
      <ErrorSummary
        errors={errors}
        title={unavailable ? 'Sorry, there is a problem with the service' : undefined}
        description={
          unavailable
            ? 'The file could not be stored. Choose the file again and upload it again. If it still does not work, try again later.'
            : undefined
        }
      />
    )}
    <PageHeading
      title="Upload an attachment"
      summary="A document or image to use on pages and in news articles."
    />
    <form method="post" action="/admin/attachments/new" enctype="multipart/form-data" novalidate>
      <CsrfField token={admin.csrfToken} />
      <Input
        name="title"
        label="Title"
        hint="For a document, the link text visitors see, for example ‘Annual report 2012 to 2013’."
        value={values.title}
        error={errorFor(errors, 'title')}
      />
      <Textarea
        name="alt"
        label="Alt text (images only)"
        hint="Describe what the image shows for people who cannot see it. Leave empty for a document, or for an image that is decorative."
        value={values.alt}
        rows={2}
        error={errorFor(errors, 'alt')}
      />
      <Checkboxes
        name="decorative"
        legend="Decorative image"
        items={[
          {
            value: 'yes',
            text: 'The image is decorative: it adds nothing to the text around it',
            hint: 'Screen readers will skip it.',
          },
        ]}
        values={values.decorative === 'yes' ? ['yes'] : []}
        error={errorFor(errors, 'decorative')}
      />
      <FileUpload
        name="file"
        label="File"
        hint="PDF, DOCX, XLSX, ODT, ODS, CSV, PNG, JPEG or WebP, smaller than 20 MB."
        accept=".pdf,.docx,.xlsx,.odt,.ods,.csv,.png,.jpg,.jpeg,.webp"
        error={errorFor(errors, 'file')}
      />
      <button type="submit" class="govuk-button">
        Upload
      </button>
    </form>
  </AdminLayout>
)
