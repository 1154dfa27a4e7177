import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ATTACHMENT_MAX_BYTES } from '../../src/publishing/attachments.ts'
import { type StaffBrowser, auditEntries, csrfFrom, editorAndPublisher } from '../admin-helpers.ts'
import {
  ACCEPTED,
  REFUSED,
  concatBytes,
  pdfBytes,
  pngFile,
  randomBytes,
} from '../attachment-fixtures.ts'
import { faultyD1 } from '../faults/faults.ts'
import {
  ORIGIN,
  captureLogs,
  contentChanged,
  insertPage,
  newClientIp,
  request,
  row,
  rows,
  summaryErrors,
} from '../helpers.ts'
import worker from '../worker.ts'

afterEach(() => vi.restoreAllMocks())

/** Signing in and 20 MB bodies take a while on a machine shared with other test runs. */
const SLOW = 60_000

let editor: StaffBrowser
let publisher: StaffBrowser
let editorId: number

beforeAll(async () => {
  ;({ editor, publisher, editorId } = await editorAndPublisher())
}, SLOW)

beforeEach(async () => {
  await env.DB.prepare('DELETE FROM attachments').run()
  const keys = (await env.ATTACHMENTS.list()).objects.map((o) => o.key)
  if (keys.length > 0) await env.ATTACHMENTS.delete(keys)
})

type Upload = { bytes: Uint8Array; name?: string; type?: string }

/** The upload form as the browser sends it: the token, the fields, then the file, in that order. */
const uploadForm = (csrf: string, fields: Record<string, string>, file?: Upload) => {
  const form = new FormData()
  form.append('csrf', csrf)
  for (const [name, value] of Object.entries(fields)) form.append(name, value)
  if (file) {
    form.append(
      'file',
      new File([file.bytes], file.name ?? 'upload.txt', { type: file.type ?? 'text/plain' }),
    )
  } else {
    form.append('file', new File([], '', { type: 'application/octet-stream' }))
  }
  return form
}

/** The CSRF token of a signed-in client, from the upload form. */
const tokenOf = async (browser: StaffBrowser) =>
  csrfFrom(await (await browser.get('/admin/attachments/new')).text())

/** Uploads a file as a signed-in member would. */
const upload = async (browser: StaffBrowser, fields: Record<string, string>, file?: Upload) =>
  browser.get('/admin/attachments/new', {
    method: 'POST',
    body: uploadForm(await tokenOf(browser), fields, file),
  })

/** A form body encoded as bytes, with its Content-Type. */
const encoded = async (form: FormData) => {
  const req = new Request(ORIGIN, { method: 'POST', body: form })
  return {
    bytes: new Uint8Array(await req.arrayBuffer()),
    contentType: req.headers.get('Content-Type')!,
  }
}

/** POSTs a body to the upload through both Workers with these bindings, as `browser`. */
const postWith = async (
  browser: StaffBrowser,
  body: BodyInit,
  contentType: string | undefined,
  bindings: Partial<Env> = {},
) => {
  const headers = new Headers({
    Cookie: browser.cookie!,
    Origin: ORIGIN,
    'Sec-Fetch-Site': 'same-origin',
    'CF-Connecting-IP': newClientIp(),
  })
  if (contentType) headers.set('Content-Type', contentType)
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(new URL('/admin/attachments/new', ORIGIN), {
      method: 'POST',
      body,
      headers,
      redirect: 'manual',
    }),
    { ...env, ...bindings },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

/** The error summary's messages, in order. */
const errorMessages = (html: string) => summaryErrors(html).map((e) => e.message)

const storedRows = () =>
  rows<{
    id: number
    sha256: string
    object_key: string
    title: string
    file_name: string
    format: string
    content_type: string
    size: number
    width: number | null
    height: number | null
    alt: string
    decorative: number
    uploaded_by: number
  }>('SELECT * FROM attachments ORDER BY id')

const objectKeys = async () => (await env.ATTACHMENTS.list()).objects.map((o) => o.key)

const sha256Of = async (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')

/** Expects the form back with `status`, these errors, the typed title kept, and nothing stored. */
const expectRefused = async (res: Response, status: number, errors: string[], title: string) => {
  expect(res.status).toBe(status)
  const html = await res.text()
  expect(errorMessages(html)).toEqual(errors)
  expect(html).toContain(`value="${title}"`)
  expect(html).toContain('<title>Error: Upload an attachment – SOCA staff</title>')
  expect(await storedRows()).toEqual([])
  expect(await objectKeys()).toEqual([])
  return html
}

const IMAGE_FIELDS = { title: 'Seized cash', alt: 'Bundles of £20 notes on a table' }

describe('POST /admin/attachments/new', () => {
  for (const file of ACCEPTED) {
    it(`accepts a ${file.format.toUpperCase()} by its bytes, whatever its name and declared type`, async () => {
      const image = file.width !== null
      const res = await upload(editor, image ? IMAGE_FIELDS : { title: `A ${file.format} file` }, {
        bytes: file.bytes,
        name: 'misleading name.svg',
        type: 'image/svg+xml',
      })
      expect(res.status).toBe(303)
      const [stored] = await storedRows()
      expect(res.headers.get('Location')).toBe(`/admin/attachments/${stored!.id}?done=uploaded`)
      expect(stored).toMatchObject({
        format: file.format,
        size: file.bytes.length,
        width: file.width,
        height: file.height,
        sha256: await sha256Of(file.bytes),
        file_name: `misleading-name.${file.format === 'jpeg' ? 'jpg' : file.format}`,
        alt: image ? IMAGE_FIELDS.alt : '',
        uploaded_by: editorId,
      })
      const object = await env.ATTACHMENTS.get(stored!.object_key)
      expect(new Uint8Array(await object!.arrayBuffer())).toEqual(file.bytes)
      expect((await auditEntries()).at(-1)).toMatchObject({
        actor_id: editorId,
        action: 'attachment.upload',
        target: `attachment ${stored!.sha256}`,
      })
    })
  }

  for (const file of REFUSED) {
    it(`refuses ${file.name} with the error summary, whatever its name says`, async () => {
      const res = await upload(
        editor,
        { title: 'Looks like a PDF' },
        { bytes: file.bytes, name: 'report.pdf', type: 'application/pdf' },
      )
      await expectRefused(
        res,
        400,
        ['The selected file must be a PDF, DOCX, XLSX, ODT, ODS, CSV, PNG, JPEG or WebP'],
        'Looks like a PDF',
      )
    })
  }

  it('refuses an empty file', async () => {
    const res = await upload(
      editor,
      { title: 'Empty' },
      { bytes: new Uint8Array(0), name: 'empty.pdf' },
    )
    await expectRefused(res, 400, ['The selected file is empty'], 'Empty')
  })

  it('asks for a title and a file when neither was given', async () => {
    const res = await upload(editor, { title: '' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(errorMessages(html)).toEqual(['Enter a title', 'Select a file'])
    expect(html).toContain('href="#file"')
    expect(html).toContain('id="file-error"')
  })

  it('refuses an image with neither alt text nor decorative, keeping what was typed', async () => {
    const res = await upload(editor, { title: 'Seized cash', alt: '  ' }, { bytes: pngFile() })
    const html = await expectRefused(
      res,
      400,
      ['Enter alt text for the image, or select that it is decorative'],
      'Seized cash',
    )
    expect(html).toContain('id="alt-error"')
  })

  it('refuses an image with both alt text and decorative', async () => {
    const res = await upload(
      editor,
      { title: 'Both', alt: 'A rule', decorative: 'yes' },
      { bytes: pngFile() },
    )
    const html = await expectRefused(
      res,
      400,
      ['Leave the alt text empty for a decorative image, or unselect decorative'],
      'Both',
    )
    expect(html).toContain('>A rule</textarea>')
    expect(html).toMatch(/id="decorative"[^>]*checked/)
  })

  it('accepts a decorative image with empty alt text', async () => {
    const res = await upload(editor, { title: 'Divider', decorative: 'yes' }, { bytes: pngFile() })
    expect(res.status).toBe(303)
    expect(await storedRows()).toMatchObject([{ alt: '', decorative: 1 }])
  })

  it('refuses the same file twice, naming the attachment it already is', async () => {
    const bytes = pdfBytes()
    expect((await upload(editor, { title: 'First' }, { bytes })).status).toBe(303)
    const [first] = await storedRows()
    const res = await upload(editor, { title: 'Second' }, { bytes })
    expect(res.status).toBe(400)
    expect(errorMessages(await res.text())).toEqual([
      `The selected file is already in the library as “First” (attachment ${first!.id})`,
    ])
    expect(await storedRows()).toHaveLength(1)
    expect(await objectKeys()).toEqual([first!.object_key])
  })

  it(
    'accepts a 20 MB file in parts and serves back the same bytes',
    async () => {
      const bytes = pdfBytes(ATTACHMENT_MAX_BYTES)
      expect(bytes.length).toBe(20 * 1024 * 1024)
      const res = await upload(editor, { title: 'Twenty megabytes' }, { bytes, name: 'big.pdf' })
      expect(res.status).toBe(303)
      const [stored] = await storedRows()
      expect(stored).toMatchObject({ size: bytes.length, format: 'pdf' })
      const served = await request(`/attachments/${stored!.sha256}/${stored!.file_name}`)
      expect(served.status).toBe(200)
      const body = await served.arrayBuffer()
      expect(body.byteLength).toBe(bytes.length)
      expect(await sha256Of(body)).toBe(await sha256Of(bytes))
      expect(stored!.sha256).toBe(await sha256Of(bytes))
    },
    SLOW,
  )

  it(
    'refuses a file one byte over 20 MB, storing nothing',
    async () => {
      const bytes = pdfBytes(ATTACHMENT_MAX_BYTES + 1)
      const res = await upload(editor, { title: 'Too big' }, { bytes })
      await expectRefused(res, 400, ['The selected file must be smaller than 20 MB'], 'Too big')
    },
    SLOW,
  )

  it(
    'refuses a body declared far larger without reading its file',
    async () => {
      const csrf = await tokenOf(editor)
      const form = uploadForm(
        csrf,
        { title: 'Huge' },
        { bytes: concatBytes(pdfBytes(), randomBytes(ATTACHMENT_MAX_BYTES + 100_000)) },
      )
      const { bytes, contentType } = await encoded(form)
      const res = await postWith(editor, bytes, contentType)
      await expectRefused(res, 400, ['The selected file must be smaller than 20 MB'], 'Huge')
    },
    SLOW,
  )

  it(
    'keeps nothing when the upload breaks off halfway, and shows the form again',
    async () => {
      const logs = captureLogs()
      const csrf = await tokenOf(editor)
      const { bytes, contentType } = await encoded(
        uploadForm(csrf, { title: 'Broken off' }, { bytes: pdfBytes(12 * 1024 * 1024) }),
      )
      // Half the body arrives (more than one 5 MiB part), then the connection fails.
      const half = Math.floor(bytes.length / 2)
      let sent = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= half) return controller.error(new Error('connection reset'))
          controller.enqueue(bytes.slice(sent, Math.min(half, sent + 65_536)))
          sent += 65_536
        },
      })
      const res = await postWith(editor, body, contentType)
      expect(res.status).toBe(503)
      const html = await res.text()
      expect(html).toContain('Sorry, there is a problem with the service')
      expect(html).toContain('value="Broken off"')
      expect(await storedRows()).toEqual([])
      expect(await objectKeys()).toEqual([])
      expect(logs).toContainEqual(expect.objectContaining({ event: 'attachment-upload-failed' }))
    },
    SLOW,
  )

  it(
    'aborts the multipart upload when R2 fails on the second part, leaving nothing',
    async () => {
      const logs = captureLogs()
      const real = env.ATTACHMENTS
      const seen: { key: string; uploadId: string; parts: R2UploadedPart[]; aborted: boolean }[] =
        []
      const faulty = new Proxy(real, {
        get(target, prop) {
          if (prop === 'createMultipartUpload') {
            return async (key: string) => {
              const upload = await target.createMultipartUpload(key)
              const record = {
                key,
                uploadId: upload.uploadId,
                parts: [] as R2UploadedPart[],
                aborted: false,
              }
              seen.push(record)
              return {
                key,
                uploadId: upload.uploadId,
                uploadPart: async (n: number, value: Uint8Array) => {
                  if (n === 2) throw new Error('R2 uploadPart failed: simulated outage (10001)')
                  const part = await upload.uploadPart(n, value)
                  record.parts.push(part)
                  return part
                },
                abort: async () => {
                  record.aborted = true
                  return upload.abort()
                },
                complete: (parts: R2UploadedPart[]) => upload.complete(parts),
              }
            }
          }
          const value = Reflect.get(target, prop)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
      const csrf = await tokenOf(editor)
      const { bytes, contentType } = await encoded(
        uploadForm(csrf, { title: 'R2 down' }, { bytes: pdfBytes(12 * 1024 * 1024) }),
      )
      const res = await postWith(editor, bytes, contentType, { ATTACHMENTS: faulty })
      expect(res.status).toBe(503)
      expect(await res.text()).toContain('value="R2 down"')
      expect(seen).toHaveLength(1)
      expect(seen[0]!.parts).toHaveLength(1)
      expect(seen[0]!.aborted).toBe(true)
      // The aborted upload cannot be completed: R2 holds none of its parts.
      const resumed = real.resumeMultipartUpload(seen[0]!.key, seen[0]!.uploadId)
      await expect(resumed.complete(seen[0]!.parts)).rejects.toThrow()
      expect(await real.head(seen[0]!.key)).toBeNull()
      expect(await objectKeys()).toEqual([])
      expect(await storedRows()).toEqual([])
      expect(logs).toContainEqual(expect.objectContaining({ event: 'attachment-upload-failed' }))
    },
    SLOW,
  )

  it('deletes the stored file when D1 then refuses the row', async () => {
    const logs = captureLogs()
    const { db } = faultyD1((_, sql) => (/insert into "attachments"/i.test(sql) ? 'fail' : 'none'))
    const csrf = await tokenOf(editor)
    const { bytes, contentType } = await encoded(
      uploadForm(csrf, { title: 'D1 down' }, { bytes: pdfBytes() }),
    )
    const res = await postWith(editor, bytes, contentType, { DB: db })
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('value="D1 down"')
    expect(await storedRows()).toEqual([])
    expect(await objectKeys()).toEqual([])
    expect(logs).toContainEqual(expect.objectContaining({ event: 'attachment-upload-failed' }))
  })

  it('refuses a wrong CSRF token with 403, storing nothing, and audits it', async () => {
    const res = await editor.get('/admin/attachments/new', {
      method: 'POST',
      body: uploadForm('not-the-token', { title: 'Forged' }, { bytes: pdfBytes() }),
    })
    expect(res.status).toBe(403)
    expect(await storedRows()).toEqual([])
    expect(await objectKeys()).toEqual([])
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'refused',
      detail: 'missing or wrong CSRF token',
    })
  })

  it('refuses a form whose token comes after the file, before storing any of it', async () => {
    const form = new FormData()
    form.append('title', 'Token last')
    form.append('file', new File([pdfBytes()], 'a.pdf'))
    form.append('csrf', await tokenOf(editor))
    const res = await editor.get('/admin/attachments/new', { method: 'POST', body: form })
    expect(res.status).toBe(403)
    expect(await objectKeys()).toEqual([])
  })

  it('refuses a post from another site', async () => {
    const { bytes, contentType } = await encoded(
      uploadForm(await tokenOf(editor), { title: 'Cross-site' }, { bytes: pdfBytes() }),
    )
    const res = await request('/admin/attachments/new', {
      method: 'POST',
      body: bytes,
      headers: {
        'Content-Type': contentType,
        Cookie: editor.cookie!,
        Origin: 'https://evil.example',
        'Sec-Fetch-Site': 'cross-site',
      },
      redirect: 'manual',
    })
    expect(res.status).toBe(403)
    expect(await objectKeys()).toEqual([])
  })

  it('refuses someone signed out', async () => {
    const { bytes, contentType } = await encoded(
      uploadForm('x', { title: 'Anonymous' }, { bytes: pdfBytes() }),
    )
    const res = await request('/admin/attachments/new', {
      method: 'POST',
      body: bytes,
      headers: { 'Content-Type': contentType, Origin: ORIGIN, 'Sec-Fetch-Site': 'same-origin' },
      redirect: 'manual',
    })
    expect(res.status).toBe(401)
    expect(await objectKeys()).toEqual([])
    const list = await request('/admin/attachments', { redirect: 'manual' })
    expect(list.status).toBe(303)
    expect(list.headers.get('Location')).toBe('/admin/sign-in')
  })

  it('answers 400, not 500, to a body that is not a multipart form', async () => {
    const res = await postWith(editor, 'title=x', 'application/x-www-form-urlencoded')
    expect(res.status).toBe(400)
    const broken = await postWith(editor, '--b\r\nnonsense', 'multipart/form-data; boundary=b')
    expect(broken.status).toBe(400)
  })
})

describe('the attachments library pages', () => {
  it('lists attachments newest first with type, size and Markdown', async () => {
    await upload(editor, { title: 'Older report' }, { bytes: pdfBytes(3000), name: 'older.pdf' })
    await upload(editor, IMAGE_FIELDS, { bytes: pngFile(), name: 'cash.png' })
    const [pdf, png] = await storedRows()
    const res = await editor.get('/admin/attachments')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html.indexOf('Seized cash')).toBeLessThan(html.indexOf('Older report'))
    expect(html).toContain(`<code>![Seized cash](/attachments/${png!.sha256}/cash.png)</code>`)
    expect(html).toContain(`<code>[Older report](/attachments/${pdf!.sha256}/older.pdf)</code>`)
    expect(html).toContain('2 attachments, newest first')
    expect(html).toMatch(/>3 KB<\/td>/)
    // Where each is used is on its own page, not counted for every row of the list.
    expect(html).not.toContain('Used in')
    expect(html).toContain('href="/admin/attachments/new"')
  })

  it('shows an attachment’s Markdown, details and where it is used', async () => {
    await upload(editor, IMAGE_FIELDS, { bytes: pngFile(40, 30), name: 'cash.png' })
    const [png] = await storedRows()
    await insertPage({
      path: '/shows-cash',
      title: 'Shows the cash',
      body: `![](/attachments/${png!.sha256}/cash.png)`,
    })
    const res = await editor.get(`/admin/attachments/${png!.id}?done=uploaded`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Attachment uploaded.')
    expect(html).toContain(`![Seized cash](/attachments/${png!.sha256}/cash.png)</textarea>`)
    expect(html).toContain('40 × 30')
    expect(html).toContain(IMAGE_FIELDS.alt)
    expect(html).toContain('Shows the cash')
    // Only publishers delete.
    expect(html).not.toContain('Delete attachment')
    expect(await (await publisher.get(`/admin/attachments/${png!.id}`)).text()).toContain(
      'Delete attachment',
    )
  })

  it('answers 404 for an attachment that does not exist', async () => {
    expect((await editor.get('/admin/attachments/999999')).status).toBe(404)
    expect((await editor.get('/admin/attachments?page=99')).status).toBe(404)
  })
})

describe('a staff preview', () => {
  it('shows library images and documents as the public page will', async () => {
    await upload(editor, IMAGE_FIELDS, { bytes: pngFile(12, 9), name: 'preview.png' })
    await upload(editor, { title: 'Preview report' }, { bytes: pdfBytes(2048), name: 'p.pdf' })
    const [png, pdf] = await storedRows()
    await insertPage({
      path: '/preview-with-files',
      title: 'Preview with files',
      status: 'draft',
      body: `![x](/attachments/${png!.sha256}/preview.png)\n\n[Preview report](/attachments/${pdf!.sha256}/p.pdf)`,
    })
    const page = await row<{ id: number }>(
      "SELECT id FROM pages WHERE path = '/preview-with-files'",
    )
    const res = await editor.get(`/admin/pages/${page!.id}/preview`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(
      `<img src="/attachments/${png!.sha256}/preview.png" alt="${IMAGE_FIELDS.alt}" width="12" height="9" loading="lazy" class="soca-attachment-image">`,
    )
    expect(html).toContain(
      `<a href="/attachments/${pdf!.sha256}/p.pdf" class="govuk-link">Preview report</a> (PDF, 2 KB)`,
    )
  })
})

describe('deleting an attachment', () => {
  const deleteAs = async (browser: StaffBrowser, id: number) =>
    browser.submit(`/admin/attachments/${id}/delete`, {}, `/admin/attachments/${id}/delete`)

  it('is refused while a published page uses it, listing the page', async () => {
    await upload(publisher, { title: 'Used report' }, { bytes: pdfBytes(1001), name: 'used.pdf' })
    const [pdf] = await storedRows()
    await insertPage({
      path: '/live-user',
      title: 'Live user of the report',
      body: `[Report](/attachments/${pdf!.sha256}/used.pdf)`,
    })
    const confirm = await publisher.get(`/admin/attachments/${pdf!.id}/delete`)
    expect(confirm.status).toBe(409)
    const res = await publisher.post(`/admin/attachments/${pdf!.id}/delete`, {
      csrf: csrfFrom(await (await publisher.get('/admin/attachments/new')).text()),
    })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('You cannot delete ‘Used report’ yet')
    expect(html).toContain('Live user of the report')
    expect(html).toContain('/live-user')
    expect(await storedRows()).toHaveLength(1)
    expect(await objectKeys()).toEqual([pdf!.object_key])
  })

  it('is refused while a published news article uses it', async () => {
    await upload(publisher, { title: 'Article report' }, { bytes: pdfBytes(1002), name: 'a.pdf' })
    const [pdf] = await storedRows()
    await env.DB.prepare(
      `INSERT INTO news_articles (slug, title, summary, body, status, published_at) VALUES ('uses-it', 'Article using it', '', ?, 'published', ?)`,
    )
      .bind(`[Report](/attachments/${pdf!.sha256}/a.pdf)`, Date.now())
      .run()
    await contentChanged()
    const res = await deleteAs(publisher, pdf!.id)
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('Article using it')
    expect(await storedRows()).toHaveLength(1)
  })

  it('removes the row and the file when only a draft uses it, warning first', async () => {
    await upload(publisher, { title: 'Draft only' }, { bytes: pdfBytes(1003), name: 'draft.pdf' })
    const [pdf] = await storedRows()
    await insertPage({
      path: '/draft-user',
      title: 'Draft user',
      status: 'draft',
      body: `[Report](/attachments/${pdf!.sha256}/draft.pdf)`,
    })
    const confirm = await publisher.get(`/admin/attachments/${pdf!.id}/delete`)
    expect(confirm.status).toBe(200)
    const html = await confirm.text()
    expect(html).toContain('Are you sure you want to delete ‘Draft only’?')
    expect(html).toContain('Draft user')
    const res = await deleteAs(publisher, pdf!.id)
    expect(res.status).toBe(303)
    expect(res.headers.get('Location')).toBe('/admin/attachments?done=deleted')
    expect(await storedRows()).toEqual([])
    expect(await objectKeys()).toEqual([])
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'attachment.delete',
      target: `attachment ${pdf!.sha256}`,
      detail: 'Draft only',
    })
    const gone = await request(`/attachments/${pdf!.sha256}/draft.pdf`)
    expect(gone.status).toBe(404)
  })

  it('is not for editors', async () => {
    await upload(editor, { title: 'Editor upload' }, { bytes: pdfBytes() })
    const [pdf] = await storedRows()
    const res = await editor.post(`/admin/attachments/${pdf!.id}/delete`, {
      csrf: await tokenOf(editor),
    })
    expect(res.status).toBe(403)
    expect(await storedRows()).toHaveLength(1)
  })

  it('needs the CSRF token', async () => {
    await upload(publisher, { title: 'Kept' }, { bytes: pdfBytes() })
    const [pdf] = await storedRows()
    const res = await publisher.post(`/admin/attachments/${pdf!.id}/delete`, { csrf: 'wrong' })
    expect(res.status).toBe(403)
    expect(await storedRows()).toHaveLength(1)
  })
})
