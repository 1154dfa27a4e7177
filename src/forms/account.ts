import * as z from 'zod/mini'
import { MIN_PASSWORD } from '../auth/password.ts'

/** Longest new password accepted: argon2 hashes any length, but a bound keeps its cost known. */
export const MAX_PASSWORD = 256

/** The message for a current password that is missing or wrong. */
export const CURRENT_PASSWORD_ERROR = 'Enter your current password correctly'

/** The message for a new password that is the one the member was given. */
export const GIVEN_PASSWORD_ERROR =
  'Your new password must be different from the password you were given'

const TOO_SHORT = `Your new password must be at least ${MIN_PASSWORD} characters`

/** A new password: the same rules wherever one is set. */
const newPassword = z
  .string({ error: TOO_SHORT })
  .check(
    z.minLength(MIN_PASSWORD, TOO_SHORT),
    z.maxLength(MAX_PASSWORD, `Your new password must be ${MAX_PASSWORD} characters or less`),
  )

/**
 * The confirmation is compared only once the new password itself is acceptable, so a member
 * sees one thing to fix at a time.
 */
const typedTwice = () =>
  z.refine<{ newPassword: string; confirmPassword: string }>(
    (form) => form.newPassword === form.confirmPassword,
    {
      message: 'Enter the same new password twice',
      path: ['confirmPassword'],
      when: (payload) => payload.issues.length === 0,
    },
  )

/**
 * Changing your own password. Whether the current password is right needs the stored hash, so
 * the route checks it; here it is only read.
 */
export const passwordChangeForm = z
  .object({
    currentPassword: z._default(z.string(), ''),
    newPassword,
    confirmPassword: z._default(z.string(), ''),
  })
  .check(typedTwice())

/**
 * Creating a new password at first sign-in, in place of the one the member was given. Whether
 * it is that one needs the stored hash, so the route checks it.
 */
export const newPasswordForm = z
  .object({ newPassword, confirmPassword: z._default(z.string(), '') })
  .check(typedTwice())
