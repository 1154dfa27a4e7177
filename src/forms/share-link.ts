import * as z from 'zod/mini'
import { requiredText } from './fields.ts'

/** How long a new share link can last, in days: nothing longer than a week is possible. */
const SHARE_LINK_DAYS = ['1', '3', '7'] as const

/** Making a share link: who it is for, and when it stops working. */
export const shareLinkForm = z.object({
  label: requiredText('Who it is for', 'Enter who the link is for', 200),
  days: z.enum(SHARE_LINK_DAYS, { error: 'Select when the link expires' }),
})
