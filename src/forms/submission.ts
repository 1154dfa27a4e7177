import * as z from 'zod/mini'
import type { InboxSearch } from '../db/inbox.ts'

/** The statuses staff can give a submission ('spam' is only ever set by the honeypot). */
export const STAFF_STATUSES = [
  { value: 'new', text: 'New' },
  { value: 'in_progress', text: 'In progress' },
  { value: 'handled', text: 'Handled' },
] as const

/** The form that changes a submission's status. */
export const submissionStatusForm = z.object({
  status: z.enum(
    STAFF_STATUSES.map((s) => s.value),
    { error: 'Select new, in progress or handled' },
  ),
})

/** The form that assigns a submission: a member's id, or empty for nobody. */
export const assignForm = z.object({
  assignee: z
    .string({ error: 'Select who is dealing with it' })
    .check(z.regex(/^([1-9][0-9]{0,14})?$/, 'Select who is dealing with it from the list')),
})

/** A reference as people type it: any case, spaces anywhere, the hyphens optional. */
const TYPED_REFERENCE = /^SOCA-?([A-Z0-9]{4})-?([A-Z0-9]{4})$/

/**
 * What the inbox search box asks for: a reference (SOCA-7K3F-Q9PX in any case, with or
 * without spaces and hyphens), an email address (anything with an @, matched whole and
 * lower-cased), or else part of a name. Nothing when the box is empty.
 */
export const inboxSearchOf = (typed: string | undefined): InboxSearch | undefined => {
  const text = (typed ?? '').trim().replace(/\s+/g, ' ')
  if (text === '') return undefined
  const reference = TYPED_REFERENCE.exec(text.replace(/ /g, '').toUpperCase())
  if (reference) return { by: 'reference', text: `SOCA-${reference[1]}-${reference[2]}` }
  if (text.includes('@')) return { by: 'email', text: text.replace(/ /g, '').toLowerCase() }
  return { by: 'name', text }
}
