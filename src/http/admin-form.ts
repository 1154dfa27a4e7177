import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type * as z from 'zod/mini'
import { type FieldError, checkForm } from '../forms/fields.ts'

/**
 * Largest staff form body (src/admin.tsx refuses more with 413). A page body is at most 50,000
 * characters: up to 4 bytes each in UTF-8, and 3 characters a byte once URL-encoded, so 600 KB
 * at worst, and a little more. (Not exported from admin.tsx: a Worker's main module may export
 * only handlers.)
 */
export const ADMIN_FORM_MAX_BYTES = 1024 * 1024

/** A staff form as read: what was typed (to show back) and its checked data, or its errors. */
export type AdminForm<T> =
  | { ok: true; values: Record<string, string>; data: T }
  | { ok: false; values: Record<string, string>; errors: FieldError[] }

/**
 * Reads a staff form and checks it against its schema (forms/*.ts). The CSRF token, which
 * middleware has already checked, and any file fields are left out of `values`, so a failed
 * form can be shown again with exactly the text the member typed.
 */
export const readAdminForm = async <S extends z.ZodMiniType>(
  c: Context,
  schema: S,
): Promise<AdminForm<z.infer<S>>> => {
  // A body that is not a readable form (a multipart part with no name, a broken boundary) is
  // the sender's mistake: a 400, never a 500.
  const body = await c.req.parseBody().catch(() => {
    throw new HTTPException(400, { message: 'The form could not be read. Go back and try again.' })
  })
  const values: Record<string, string> = {}
  for (const [name, value] of Object.entries(body)) {
    if (name !== 'csrf' && typeof value === 'string') values[name] = value
  }
  const checked = checkForm(schema, values)
  return checked.ok
    ? { ok: true, values, data: checked.data }
    : { ok: false, values, errors: checked.errors }
}
