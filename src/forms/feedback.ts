import * as z from 'zod/mini'
import { hasControlCharacter, onSitePath } from '../lib/site-path.ts'
import { isReadable, requiredText } from './fields.ts'

/** Longest answer to each question of the problem report, in characters. */
export const FEEDBACK_MAX = 1000

/** Longest page path feedback is taken about: longer than any address on the site. */
const PATH_MAX = 300

/** Where feedback is never about: the staff area, share links and the feedback pages. */
const NOT_PAGES = /^\/(admin|share|feedback)(\/|$)/

/** One segment of a path as a link on this site writes it: unreserved characters and escapes. */
const PATH = /^\/([A-Za-z0-9._~!$&'()*+,;=:@%-]+(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)*)?$/

/**
 * Whether a path is a page address on this site, as the feedback forms send it: absolute, no
 * other host (`//x`, `/\x`), no control characters, query or fragment, and not a staff page.
 */
export const isFeedbackPath = (path: string) =>
  path.length <= PATH_MAX &&
  !hasControlCharacter(path) &&
  onSitePath(path) === path &&
  PATH.test(path) &&
  !NOT_PAGES.test(path)

/** An optional answer of up to FEEDBACK_MAX characters, trimmed. */
const answer = (label: string) =>
  z.pipe(
    z._default(z.string(), ''),
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(
          FEEDBACK_MAX,
          `${label} must be ${FEEDBACK_MAX.toLocaleString('en-GB')} characters or less`,
        ),
        z.refine(
          isReadable,
          `${label} must not include control characters or characters that cannot be read`,
        ),
      ),
  )

/** The problem report's fields, in page order, with GOV.UK error messages. */
export const feedbackForm = z.object({
  whatDoing: answer('What you were doing'),
  whatWrong: requiredText('What went wrong', 'Enter what went wrong', FEEDBACK_MAX),
})

/** A checked problem report. */
export type FeedbackReport = z.infer<typeof feedbackForm>

/** A Yes or No answer to "Is this page useful?". */
export const USEFUL_ANSWERS = ['yes', 'no'] as const
