import * as z from 'zod/mini'

/** A required answer, kept exactly as typed: passwords and codes are not trimmed here. */
const typed = (empty: string) => z.string({ error: empty }).check(z.minLength(1, empty))

/**
 * The sign-in form. The email is not checked for format: every address that is not a working
 * account gets the same refusal, after the password hash is checked.
 */
export const signInForm = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .check(z.trim(), z.minLength(1, 'Enter your email address'), z.toLowerCase()),
  password: typed('Enter your password'),
})

/** The second-factor form: a code from the authenticator app, or a recovery code. */
export const twoFactorForm = z.object({
  code: z
    .string({ error: 'Enter your security code' })
    .check(z.trim(), z.minLength(1, 'Enter your security code')),
})

/** The message for a set-up code that is missing or does not match the new key. */
export const ENROL_CODE_ERROR = 'Enter the 6-digit code your authenticator app shows'

/** The authenticator set-up form: the first code the new key gives. */
export const enrolForm = z.object({ code: typed(ENROL_CODE_ERROR) })
