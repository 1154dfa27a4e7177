/** What each kind of submission is called in the inbox. */
export const SUBMISSION_KIND_TEXT = {
  enquiry: 'Enquiry',
  application: 'Application',
  feedback: 'Page feedback',
} as const
