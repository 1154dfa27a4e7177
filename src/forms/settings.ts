import * as z from 'zod/mini'
import { isReadable } from './fields.ts'

/** Longest site notice: a sentence or two at the top of every page. */
export const SITE_NOTICE_MAX = 500

/** The site settings form: the notice shown at the top of every page ('' for none). */
export const siteNoticeForm = z.object({
  siteNotice: z._default(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(SITE_NOTICE_MAX, `Site notice must be ${SITE_NOTICE_MAX} characters or less`),
        z.refine(isReadable, 'Site notice must not include control characters'),
      ),
    '',
  ),
})
