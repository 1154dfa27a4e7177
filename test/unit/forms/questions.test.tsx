import { describe, expect, it } from 'vitest'
import { applicationForm } from '../../../src/forms/application.ts'
import { contactForm } from '../../../src/forms/contact.ts'
import { feedbackForm } from '../../../src/forms/feedback.ts'
import { QUESTIONS, answersOf, formLabel } from '../../../src/forms/questions.ts'
import { inboxSearchOf } from '../../../src/forms/submission.ts'
import type { Chrome } from '../../../src/views/layout.tsx'
import { ApplyPage } from '../../../src/views/pages/apply-page.tsx'
import { ContactPage } from '../../../src/views/pages/contact-page.tsx'
import { FeedbackPage } from '../../../src/views/pages/feedback-page.tsx'
import { type DomElement, all, renderDocument, text } from '../dom.ts'

const chrome: Chrome = { nav: [], notice: '', address: [], siteUrl: 'https://www.soca.gov.uk' }

/** Each public form as a visitor gets it, by the kind of submission it makes. */
const FORMS = {
  enquiry: () => (
    <ContactPage
      chrome={chrome}
      page={{ path: '/contact', title: 'Contact us', summary: '', body: '' }}
      breadcrumbs={[]}
    />
  ),
  application: () => (
    <ApplyPage
      chrome={chrome}
      vacancy={{ slug: 'analyst', title: 'Analyst', closingDate: '2030-01-31' }}
      breadcrumbs={[]}
    />
  ),
  feedback: () => <FeedbackPage chrome={chrome} about="/threats/fraud" />,
} as const

/** The keys each kind stores: the form's fields, and what its route adds to say what it is about. */
const STORED_KEYS = {
  enquiry: Object.keys(contactForm.shape),
  application: [...Object.keys(applicationForm.shape), 'vacancy'],
  feedback: [...Object.keys(feedbackForm.shape), 'path'],
} as const

const kinds = Object.keys(FORMS) as (keyof typeof FORMS)[]

/** The visible text of the label or legend that names a form field. */
const labelOf = (form: DomElement, name: string) => {
  const control = form.querySelector(`[name="${name}"]`)
  if (!control) return undefined
  const legend = control.closest('fieldset')?.querySelector('legend')
  if (legend) return text(legend)
  return text(form.querySelector(`label[for="${control.id}"]`))
}

describe('the questions the inbox shows', () => {
  it.each(kinds)('label every key a %s stores', (kind) => {
    for (const key of STORED_KEYS[kind]) expect(QUESTIONS[kind]).toHaveProperty(key)
    expect(Object.keys(QUESTIONS[kind]).sort()).toEqual([...STORED_KEYS[kind]].sort())
  })

  it.each(kinds)('use the labels the public %s form shows', async (kind) => {
    const document = await renderDocument(FORMS[kind]())
    const form = document.querySelector('main form')!
    for (const [key, question] of Object.entries(QUESTIONS[kind])) {
      if (question.context) {
        // Not asked: the vacancy is in the address, the page in a hidden field.
        expect(form.querySelector(`input[type="text"][name="${key}"]`)).toBeNull()
        continue
      }
      expect(labelOf(form, key)).toBe(formLabel(question))
    }
  })

  it.each(kinds)('turn every option the public %s form offers into its text', async (kind) => {
    const document = await renderDocument(FORMS[kind]())
    const choices = all(document, 'main form input[type="radio"], main form input[type="checkbox"]')
    for (const input of choices) {
      const name = input.getAttribute('name')!
      const value = input.getAttribute('value')!
      const shown = text(document.querySelector(`label[for="${input.id}"]`))
      const [answer] = answersOf(kind, { [name]: value })
      expect(answer).toMatchObject({ key: name, text: shown, known: true })
      // And the value offered is one the form's schema accepts.
      const schema = { enquiry: contactForm, application: applicationForm, feedback: feedbackForm }[
        kind
      ]
      const field = (
        schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>
      )[name]!
      expect(field.safeParse(value).success).toBe(true)
    }
    expect(choices.length).toBe({ enquiry: 4, application: 3, feedback: 0 }[kind])
  })
})

describe('answersOf', () => {
  it("puts the answers in the form's order with the chosen option's text", () => {
    expect(
      answersOf('application', {
        declaration: 'confirmed',
        rightToWork: 'no',
        fullName: 'Sam',
        vacancy: 'Analyst',
      }).map((a) => [a.label, a.text]),
    ).toEqual([
      ['Vacancy', 'Analyst'],
      ['Full name', 'Sam'],
      ['Do you have the right to work in the UK?', 'No'],
      ['Declaration', 'I confirm that the information I have given is true and complete'],
    ])
  })

  it('shows a value or key the form does not know as stored, after the known ones', () => {
    expect(answersOf('enquiry', { extra: 'kept', topic: 'press', n: 3 as never })).toEqual([
      {
        key: 'topic',
        label: 'What is your enquiry about?',
        text: 'press',
        multiline: false,
        known: true,
      },
      { key: 'extra', label: 'extra', text: 'kept', multiline: true, known: false },
      { key: 'n', label: 'n', text: '3', multiline: true, known: false },
    ])
  })

  it('does not take a question from the prototype for a stored key', () => {
    expect(answersOf('feedback', { constructor: 'x' })[0]).toMatchObject({ known: false })
  })
})

describe('inboxSearchOf', () => {
  it.each([
    ['SOCA-7K3F-Q9PX', { by: 'reference', text: 'SOCA-7K3F-Q9PX' }],
    [' soca-7k3f-q9px ', { by: 'reference', text: 'SOCA-7K3F-Q9PX' }],
    ['soca 7k3f q9px', { by: 'reference', text: 'SOCA-7K3F-Q9PX' }],
    ['SOCA7K3FQ9PX', { by: 'reference', text: 'SOCA-7K3F-Q9PX' }],
    ['Alex@Example.COM ', { by: 'email', text: 'alex@example.com' }],
    ['  Alex   Smith ', { by: 'name', text: 'Alex Smith' }],
    ['anderson', { by: 'name', text: 'anderson' }],
    ['', undefined],
    ['   ', undefined],
    [undefined, undefined],
  ])('reads %j as %j', (typed, search) => {
    expect(inboxSearchOf(typed)).toEqual(search)
  })
})
