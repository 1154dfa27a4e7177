// The attachments library in the staff area, mounted at /admin/attachments: the list, the upload
// form, each attachment's page, and deleting one. The upload streams: its body is read part by
// part (lib/multipart-stream.ts) and the file goes to R2 as it arrives, never held whole, so it
// is registered before the CSRF middleware (which would read the whole body) and checks the
// token itself, as the first field, before any byte of the file is stored.
import type { Context } from 'hono'
import { Hono } from 'hono/tiny'
import { HTTPException } from 'hono/http-exception'
import { attachmentById, attachmentPage } from '../../db/attachments.ts'
import { audit } from '../../db/audit.ts'
import { staffById } from '../../db/staff.ts'
import type { StaffEnv } from '../../env.ts'
import type { FieldError } from '../../forms/fields.ts'
import { can } from '../../auth/permissions.ts'
import { constantTimeEqual } from '../../auth/tokens.ts'
import { doneNotice, numericParam, pageParam } from '../../http/params.ts'
import { logError } from '../../lib/log.ts'
import {
  MultipartError,
  multipartBoundary,
  multipartParts,
  partText,
} from '../../lib/multipart-stream.ts'
import { isImageFormat } from '../../lib/sniff.ts'
import { requirePermission, requireStage } from '../../middleware/auth.ts'
import {
  ATTACHMENT_MAX_BYTES,
  type StoredFile,
  type UploadProblem,
  addAttachment,
  attachmentUsage,
  deleteAttachment,
  storeAttachmentStream,
} from '../../publishing/attachments.ts'
import { AttachmentDeletePage } from '../../views/admin/attachment-delete-page.tsx'
import { AttachmentListPage } from '../../views/admin/attachment-list-page.tsx'
import {
  type AttachmentFormValues,
  AttachmentNewPage,
} from '../../views/admin/attachment-new-page.tsx'
import { AttachmentPage } from '../../views/admin/attachment-page.tsx'
import { actorOf, adminContext, refusalException } from './context.ts'

/** Where the upload form is sent (src/admin.tsx exempts it from the small-form body limit). */
export const ATTACHMENT_UPLOAD_PATH = '/admin/attachments/new'

/** Room in a request for the form's other fields and the multipart framing. */
const FORM_OVERHEAD_BYTES = 64 * 1024
/** The longest title and alt text. */
const MAX_TITLE = 200
const MAX_ALT = 1000
const PAGE_SIZE = 25

const PROBLEMS: Record<UploadProblem | 'missing', string> = {
  missing: 'Select a file',
  empty: 'The selected file is empty',
  'too-large': 'The selected file must be smaller than 20 MB',
  type: 'The selected file must be a PDF, DOCX, XLSX, ODT, ODS, CSV, PNG, JPEG or WebP',
}

const NOTICES = {
  uploaded: 'Attachment uploaded. Copy its Markdown into a page or article to use it.',
  deleted: 'Attachment deleted.',
}

/** The upload, before the CSRF middleware: it reads its own body. Mounted at /admin/attachments. */
export const attachmentUpload = new Hono<StaffEnv>()

/** What was typed, checked once the file's type is known. */
const checkDetails = (values: AttachmentFormValues, image: boolean | undefined) => {
  const errors: FieldError[] = []
  const title = (values.title ?? '').trim()
  const alt = (values.alt ?? '').trim()
  const decorative = values.decorative === 'yes'
  if (!title) errors.push({ field: 'title', message: 'Enter a title' })
  else if (title.length > MAX_TITLE)
    errors.push({ field: 'title', message: `Title must be ${MAX_TITLE} characters or fewer` })
  if (alt.length > MAX_ALT)
    errors.push({ field: 'alt', message: `Alt text must be ${MAX_ALT} characters or fewer` })
  else if (image && !alt && !decorative)
    errors.push({
      field: 'alt',
      message: 'Enter alt text for the image, or select that it is decorative',
    })
  else if (image && alt && decorative)
    errors.push({
      field: 'alt',
      message: 'Leave the alt text empty for a decorative image, or unselect decorative',
    })
  return { errors, details: { title, alt, decorative } }
}

/** Refuses a form whose CSRF token is missing or wrong, as requireCsrfToken does. */
const refuseCsrf = async (c: Context<StaffEnv>): Promise<never> => {
  await audit(c.var.db, {
    actorId: c.var.staff.id,
    action: 'refused',
    target: `POST ${c.req.path}`,
    detail: 'missing or wrong CSRF token',
  })
  throw new HTTPException(403, {
    message: 'The form had expired. Go back, reload the page and try again.',
  })
}

attachmentUpload.post(
  '/new',
  requireStage('active'),
  requirePermission('content:edit'),
  async (c) => {
    const boundary = multipartBoundary(c.req.header('Content-Type'))
    const body = c.req.raw.body
    if (!boundary || !body) {
      throw new HTTPException(400, {
        message: 'The form could not be read. Go back and try again.',
      })
    }
    // A body declared larger than any allowed file is not read past its fields: its file is
    // refused without a byte of it stored.
    const declared = Number(c.req.header('Content-Length'))
    const tooLarge = declared > ATTACHMENT_MAX_BYTES + FORM_OVERHEAD_BYTES
    const bucket = c.env.ATTACHMENTS
    const values: Record<string, string> = {}
    let csrfChecked = false
    let problem: UploadProblem | 'missing' = 'missing'
    let stored: StoredFile | undefined
    let fileName = ''
    const discard = async () => {
      if (stored) await bucket.delete(stored.key)
      stored = undefined
    }
    const showForm = (errors: FieldError[], status: 400 | 503, unavailable = false) =>
      c.html(
        <AttachmentNewPage
          admin={adminContext(c)}
          values={values}
          errors={errors}
          unavailable={unavailable}
        />,
        status,
      )

    try {
      let seenFile = false
      const limit = ATTACHMENT_MAX_BYTES + FORM_OVERHEAD_BYTES
      for await (const part of multipartParts(body, boundary, limit)) {
        if (part.fileName === undefined) {
          const text = await partText(part, 4 * MAX_ALT)
          if (part.name === 'csrf') {
            const expected = c.var.session.csrfToken
            if (!constantTimeEqual(text, expected)) return await refuseCsrf(c)
            csrfChecked = true
          } else if (part.name === 'title' || part.name === 'alt' || part.name === 'decorative') {
            values[part.name] = text
          }
          continue
        }
        // Only the first file field counts; nothing is stored before the token is checked.
        if (part.name !== 'file' || seenFile) continue
        seenFile = true
        if (!csrfChecked) return await refuseCsrf(c)
        fileName = part.fileName
        if (fileName === '') continue
        if (tooLarge) {
          problem = 'too-large'
          break
        }
        const outcome = await storeAttachmentStream(
          bucket,
          `attachments/${crypto.randomUUID()}`,
          part.chunks,
        )
        if (outcome.ok) {
          stored = outcome.file
        } else {
          // The rest of a refused file is not read.
          problem = outcome.problem
          break
        }
      }
    } catch (err) {
      await discard().catch(() => undefined)
      if (err instanceof HTTPException) throw err
      if (err instanceof MultipartError)
        throw new HTTPException(400, {
          message: 'The form could not be read. Go back and try again.',
        })
      // R2 failed, or the body broke off halfway: nothing is kept, and what was typed is shown.
      logError('attachment-upload-failed', c.var.requestId, err)
      return showForm([], 503, true)
    }
    if (!csrfChecked) return refuseCsrf(c)

    const image = stored ? isImageFormat(stored.sniffed.format) : undefined
    const { errors, details } = checkDetails(values, image)
    if (!stored) errors.push({ field: 'file', message: PROBLEMS[problem] })
    // Fields in the order of the form, so the summary reads as the page does.
    const order = ['title', 'alt', 'decorative', 'file']
    errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))
    if (errors.length > 0 || !stored) {
      await discard()
      return showForm(errors, 400)
    }
    let result: Awaited<ReturnType<typeof addAttachment>>
    try {
      result = await addAttachment(c.var.db, actorOf(c), { file: stored, fileName, details })
    } catch (err) {
      // D1 did not take the row: the file goes too, and the member can send it again.
      await discard().catch(() => undefined)
      logError('attachment-upload-failed', c.var.requestId, err)
      return showForm([], 503, true)
    }
    if (!result.ok) {
      await discard()
      if (result.reason === 'invalid') return showForm(result.errors, 400)
      throw refusalException(result)
    }
    return c.redirect(`/admin/attachments/${result.id}?done=uploaded`, 303)
  },
)

/** The library's pages, behind the staff area's session and CSRF checks. Mounted at /admin/attachments. */
export const attachmentRoutes = new Hono<StaffEnv>()
attachmentRoutes.use('*', requirePermission('content:edit'))

attachmentRoutes.get('/', async (c) => {
  const page = pageParam(c, PAGE_SIZE)
  const [rows, [counted]] = await attachmentPage(c.var.db, page, PAGE_SIZE)
  const total = counted?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE))
  if (page > pageCount) throw new HTTPException(404)
  return c.html(
    <AttachmentListPage
      admin={adminContext(c)}
      rows={rows}
      page={page}
      pageCount={pageCount}
      total={total}
      done={doneNotice(c, NOTICES)}
    />,
  )
})

attachmentRoutes.get('/new', (c) => c.html(<AttachmentNewPage admin={adminContext(c)} />))

attachmentRoutes.get('/:id{[0-9]+}', async (c) => {
  const db = c.var.db
  const attachment = await attachmentById(db, numericParam(c, 'id'))
  if (!attachment) throw new HTTPException(404)
  const [uses, uploader] = await Promise.all([
    attachmentUsage(db, attachment.sha256),
    attachment.uploadedBy ? staffById(db, attachment.uploadedBy) : undefined,
  ])
  return c.html(
    <AttachmentPage
      admin={adminContext(c)}
      attachment={attachment}
      uploadedBy={uploader?.name}
      uses={uses}
      canDelete={can(c.var.staff.role, 'content:publish')}
      done={doneNotice(c, NOTICES)}
    />,
  )
})

/** The delete confirmation, or why it cannot be deleted, with the status given. */
const deletePage = async (c: Context<StaffEnv>, id: number, status: 200 | 409) => {
  const db = c.var.db
  const attachment = await attachmentById(db, id)
  if (!attachment) throw new HTTPException(404)
  const uses = await attachmentUsage(db, attachment.sha256)
  return c.html(
    <AttachmentDeletePage
      admin={adminContext(c)}
      attachment={attachment}
      liveUses={uses.live}
      otherUses={uses.other}
    />,
    uses.live.length > 0 ? 409 : status,
  )
}

attachmentRoutes.get('/:id{[0-9]+}/delete', requirePermission('content:publish'), (c) =>
  deletePage(c, numericParam(c, 'id'), 200),
)

attachmentRoutes.post('/:id{[0-9]+}/delete', requirePermission('content:publish'), async (c) => {
  const id = numericParam(c, 'id')
  const result = await deleteAttachment(c.var.db, c.env.ATTACHMENTS, actorOf(c), id)
  if (!result.ok) {
    if (result.reason === 'in-use') return deletePage(c, id, 409)
    throw refusalException(result)
  }
  return c.redirect('/admin/attachments?done=deleted', 303)
})
