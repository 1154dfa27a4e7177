import * as z from 'zod/mini'
import type { SubmissionKind } from '../db/schema.ts'
import { emailAddress, isReadable } from './fields.ts'

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

/** The email alerts form's field for each kind of submission. */
export const ALERT_FIELDS = {
  enquiry: 'alertEnquiry',
  application: 'alertApplication',
  feedback: 'alertFeedback',
} as const satisfies Record<SubmissionKind, string>

/** An address alerts go to: '' for none, or one email address, checked as the forms check one. */
const alertAddress = (alerts: string) =>
  z._default(
    z.string().check(
      z.trim(),
      z.maxLength(254, `Email address for ${alerts} must be 254 characters or less`),
      z.refine(
        (value) => value === '' || emailAddress().safeParse(value).success,
        `Enter the email address for ${alerts} in the correct format, like name@example.com`,
      ),
    ),
    '',
  )

/** The email alerts form: who is told of each kind of new submission ('' for no one). */
export const alertAddressesForm = z.object({
  alertEnquiry: alertAddress('contact enquiry alerts'),
  alertApplication: alertAddress('job application alerts'),
  alertFeedback: alertAddress('page feedback alerts'),
})
