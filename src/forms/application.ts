import * as z from 'zod/mini'
import { emailAddress, requiredText, telephone } from './fields.ts'

/** Longest statement accepted, in characters. */
export const STATEMENT_MAX = 5000

/** Largest CV accepted, in bytes. */
export const CV_MAX_BYTES = 2 * 1024 * 1024

/** The job application's answers (the CV is checked on its own), with GOV.UK error messages. */
export const applicationForm = z.object({
  fullName: requiredText('Full name', 'Enter your full name', 200),
  email: emailAddress(),
  phone: telephone('Enter your telephone number'),
  rightToWork: z.enum(['yes', 'no'], {
    error: 'Select yes if you have the right to work in the UK',
  }),
  statement: requiredText(
    'How you meet the requirements of the role',
    'Enter how you meet the requirements of the role',
    STATEMENT_MAX,
  ),
  declaration: z.literal('confirmed', {
    error: 'Confirm that the information you have given is true and complete',
  }),
})

/** Checked answers of a job application. */
export type JobApplication = z.infer<typeof applicationForm>

/** Messages about the CV, in GOV.UK's file upload wording. */
export const CV_ERRORS = {
  missing: 'Select your CV',
  empty: 'The selected file is empty',
  tooBig: 'The selected file must be smaller than 2MB',
  wrongType: 'The selected file must be a PDF or Word document (DOCX)',
  again: 'Select your CV again – files are not kept when there is a problem with the form',
} as const
