import * as z from 'zod/mini'
import { emailAddress, requiredText, telephone } from './fields.ts'

/** What a contact enquiry can be about, in the order the radios show them. */
export const ENQUIRY_TOPICS = [
  { value: 'general', text: 'General enquiry' },
  { value: 'media', text: 'Media enquiry' },
  { value: 'careers', text: 'Careers' },
  { value: 'website', text: 'Feedback about this website' },
] as const

/** Longest message accepted, in characters. */
export const MESSAGE_MAX = 3000

/** The contact form's fields, in page order, with GOV.UK error messages. */
export const contactForm = z.object({
  topic: z.enum(
    ENQUIRY_TOPICS.map((t) => t.value),
    { error: 'Select what your enquiry is about' },
  ),
  fullName: requiredText('Full name', 'Enter your full name', 200),
  email: emailAddress(),
  phone: telephone(false),
  message: requiredText('Message', 'Enter your message', MESSAGE_MAX),
})

/** A checked contact enquiry. */
export type ContactEnquiry = z.infer<typeof contactForm>
