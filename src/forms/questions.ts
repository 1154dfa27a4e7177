// The questions each public form asks, in the order it asks them, with the labels and option
// texts the visitor sees. The public form views read their legends, labels and options from
// here, and the staff inbox shows stored answers with the same words, so the two cannot
// disagree (test/unit/forms/questions.test.ts renders the forms to check).
import { ENQUIRY_TOPICS } from './contact.ts'

/** A choice a radio or checkbox offers: the value stored and the text the visitor read. */
export type Option = { readonly value: string; readonly text: string }

/** One question: its label, whether it may be left empty, its options, and if it takes lines. */
export type Question = {
  readonly label: string
  readonly optional?: boolean
  readonly options?: readonly Option[]
  readonly multiline?: boolean
  /** Not asked: stored with the answers to say what they are about (the vacancy, the page). */
  readonly context?: boolean
}

/** The contact form: what the enquiry is about, who from, and the message. */
export const CONTACT_QUESTIONS = {
  topic: { label: 'What is your enquiry about?', options: ENQUIRY_TOPICS },
  fullName: { label: 'Full name' },
  email: { label: 'Email address' },
  phone: { label: 'Telephone number', optional: true },
  message: { label: 'Your message', multiline: true },
} as const satisfies Record<string, Question>

/** The job application form (the CV is a file, kept apart from the answers). */
export const APPLICATION_QUESTIONS = {
  vacancy: { label: 'Vacancy', context: true },
  fullName: { label: 'Full name' },
  email: { label: 'Email address' },
  phone: { label: 'Telephone number' },
  rightToWork: {
    label: 'Do you have the right to work in the UK?',
    options: [
      { value: 'yes', text: 'Yes' },
      { value: 'no', text: 'No' },
    ],
  },
  statement: { label: 'How you meet the requirements of the role', multiline: true },
  declaration: {
    label: 'Declaration',
    options: [
      {
        value: 'confirmed',
        text: 'I confirm that the information I have given is true and complete',
      },
    ],
  },
} as const satisfies Record<string, Question>

/** The problem report about a page. */
export const FEEDBACK_QUESTIONS = {
  path: { label: 'Page', context: true },
  whatDoing: { label: 'What were you doing?', optional: true, multiline: true },
  whatWrong: { label: 'What went wrong?', multiline: true },
} as const satisfies Record<string, Question>

/** Each kind of submission's questions, by the kind's stored name. */
export const QUESTIONS: Record<'enquiry' | 'application' | 'feedback', Record<string, Question>> = {
  enquiry: CONTACT_QUESTIONS,
  application: APPLICATION_QUESTIONS,
  feedback: FEEDBACK_QUESTIONS,
}

/** A question's label as the form shows it, with "(optional)" when it may be left empty. */
export const formLabel = (question: Question) =>
  question.optional ? `${question.label} (optional)` : question.label

/** One stored answer as staff read it. `known` is false for a key no form asks (an older row). */
export type Answer = {
  key: string
  label: string
  text: string
  multiline: boolean
  known: boolean
}

/** A stored value as text: a string as it is, anything else (never written today) as JSON. */
const asText = (value: unknown) =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)

/**
 * A submission's stored answers in the form's order, labelled as the form labels them, with
 * the text of the option chosen. A key or value the form does not know (from an older version
 * of it) is shown as stored, after the known ones, rather than hidden.
 */
export const answersOf = (kind: keyof typeof QUESTIONS, fields: Record<string, unknown>) => {
  const questions = QUESTIONS[kind]
  const known: Answer[] = []
  for (const [key, question] of Object.entries(questions)) {
    if (!Object.hasOwn(fields, key)) continue
    const stored = asText(fields[key])
    const option = question.options?.find((o) => o.value === stored)
    known.push({
      key,
      label: question.label,
      text: option?.text ?? stored,
      multiline: question.multiline === true,
      known: true,
    })
  }
  const unknown: Answer[] = Object.entries(fields)
    .filter(([key]) => !Object.hasOwn(questions, key))
    .map(([key, value]) => ({
      key,
      label: key,
      text: asText(value),
      multiline: true,
      known: false,
    }))
  return [...known, ...unknown]
}
