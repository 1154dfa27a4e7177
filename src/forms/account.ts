import * as z from 'zod/mini'
import { MIN_PASSWORD } from '../auth/password.ts'

/** Longest new password accepted: argon2 hashes any length, but a bound keeps its cost known. */
export const MAX_PASSWORD = 256

/** The message for a current password that is missing or wrong. */
export const CURRENT_PASSWORD_ERROR = 'Enter your current password correctly'

/**
 * Changing your own password. Whether the current password is right needs the stored hash, so
 * the route checks it; here it is only read. The confirmation is compared only once the new
 * password itself is acceptable, so a member sees one thing to fix at a time.
 */
export const passwordChangeForm = z
  .object({
    currentPassword: z._default(z.string(), ''),
    newPassword: z
      .string({ error: `Your new password must be at least ${MIN_PASSWORD} characters` })
      .check(
        z.minLength(MIN_PASSWORD, `Your new password must be at least ${MIN_PASSWORD} characters`),
        z.maxLength(MAX_PASSWORD, `Your new password must be ${MAX_PASSWORD} characters or less`),
      ),
    confirmPassword: z._default(z.string(), ''),
  })
  .check(
    z.refine((form) => form.newPassword === form.confirmPassword, {
      message: 'Enter the same new password twice',
      path: ['confirmPassword'],
      when: (payload) => payload.issues.length === 0,
    }),
  )
