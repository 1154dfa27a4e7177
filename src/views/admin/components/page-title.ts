import type { FieldError } from '../../../forms/fields.ts'

/** A page's title, marked as an error when its form came back with problems. */
export const pageTitle = (title: string, errors: FieldError[]) =>
  errors.length > 0 ? `Error: ${title}` : title
