import * as z from 'zod/mini'
import { staffRoles } from '../db/schema.ts'
import { emailAddress, requiredText } from './fields.ts'

/** Adding a staff member: who they are and the role they start with. */
export const newStaffForm = z.object({
  name: requiredText('Full name', 'Enter their full name', 200),
  email: emailAddress(),
  role: z.enum(staffRoles, { error: 'Select a role' }),
})

/** The message for a role change without a known role. */
export const ROLE_CHANGE_ERROR = 'Choose a role.'

/** Changing a member's role, from the select in their row of the staff table. */
export const roleChangeForm = z.object({ role: z.enum(staffRoles, { error: ROLE_CHANGE_ERROR }) })
