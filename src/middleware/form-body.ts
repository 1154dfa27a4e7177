import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv } from '../env.ts'

/** What a form endpoint accepts. */
export type FormBodyOptions = {
  /** The one media type the form is sent as. */
  contentType: 'application/x-www-form-urlencoded' | 'multipart/form-data'
  /** Largest body accepted, in bytes. */
  maxBytes: number
}

/**
 * Guards a form endpoint's body before anything reads it: 415 for another media type, 413 for a
 * body over `maxBytes` (checked against Content-Length, and counted when it is absent).
 */
export const formBody = ({ contentType, maxBytes }: FormBodyOptions) => {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HTTPException(413)
    },
  })
  return createMiddleware<AppEnv>(async function formBody(c, next) {
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase()
    if (type !== contentType) throw new HTTPException(415)
    return limit(c, next)
  })
}

/** Reads the form fields and files, answering 400 if the body is not a readable form. */
export const readForm = async (request: Request) => {
  let data: FormData
  try {
    data = await request.formData()
  } catch {
    throw new HTTPException(400, { message: 'The form could not be read. Go back and try again.' })
  }
  // No prototype, so a field named __proto__ is stored like any other, not swallowed.
  const values: Record<string, string> = Object.create(null)
  const files: Record<string, File> = Object.create(null)
  for (const [name, value] of data) {
    // The first value of a name wins, as a browser sends each field once.
    // Own keys only: `name in` would also find `constructor` and `toString` on every object.
    if (Object.hasOwn(values, name) || Object.hasOwn(files, name)) continue
    if (typeof value === 'string') values[name] = value
    else files[name] = value
  }
  return { values, files }
}
