import * as z from 'zod/mini'

/**
 * C0 control characters other than tab, line feed and carriage return, DEL, and U+FFFD, which
 * the runtime puts where a field's bytes were not valid UTF-8.
 */
const UNREADABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/

/** Whether a value holds only characters a person could have typed. */
export const isReadable = (value: string) => !UNREADABLE.test(value)

/** The value with unreadable characters removed, for showing it back in a form. */
export const readableOnly = (value: string) => value.replace(new RegExp(UNREADABLE, 'g'), '')

const unreadableMessage = (label: string) =>
  `${label} must not include control characters or characters that cannot be read`

/** Name of the field people never see and bots fill in (views/components/honeypot.tsx). */
export const HONEYPOT_FIELD = 'website'

/** A required text answer, trimmed, with GOV.UK-style messages. */
export const requiredText = (label: string, empty: string, max: number) =>
  z
    .string({ error: empty })
    .check(
      z.trim(),
      z.minLength(1, empty),
      z.maxLength(max, `${label} must be ${max.toLocaleString('en-GB')} characters or less`),
      z.refine(isReadable, unreadableMessage(label)),
    )

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/

/** A required email address. */
export const emailAddress = () =>
  z
    .string({ error: 'Enter your email address' })
    .check(
      z.trim(),
      z.minLength(1, 'Enter your email address'),
      z.maxLength(254, 'Email address must be 254 characters or less'),
      z.regex(EMAIL, 'Enter an email address in the correct format, like name@example.com'),
    )

const PHONE = /^\+?[0-9 ()-]{7,20}$/
const PHONE_FORMAT =
  'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192'

/** A telephone number; `required` is the message for an empty answer, or false if optional. */
export const telephone = (required: string | false) =>
  // A missing field counts as empty, and an empty answer is still checked against `required`.
  z.pipe(
    z._default(z.string(), ''),
    z.string().check(
      z.trim(),
      z.refine((v) => v !== '' || !required, required || undefined),
      z.refine(
        (v) => v === '' || (PHONE.test(v) && /\d{7}/.test(v.replace(/\D/g, ''))),
        PHONE_FORMAT,
      ),
    ),
  )

/** An error on one field: the field's id (for the summary link) and its message. */
export type FieldError = { field: string; message: string }

/** The outcome of checking a form: its clean data, or its errors in the order of the fields. */
export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] }

/** Checks form values against a schema, keeping only the first error of each field. */
export const checkForm = <S extends z.ZodMiniType>(
  schema: S,
  values: Record<string, unknown>,
): Checked<z.infer<S>> => {
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldError[] = []
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '')
    if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message })
  }
  return { ok: false, errors }
}
