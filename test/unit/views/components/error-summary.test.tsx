import { describe, expect, it } from 'vitest'
import {
  ErrorSummary,
  FormProblems,
  errorFor,
} from '../../../../src/views/components/error-summary.tsx'
import { all, one, renderFragment, text } from '../../dom.ts'

const errors = [
  { field: 'fullName', message: 'Enter your full name' },
  {
    field: 'email',
    message: 'Enter an email address in the correct format, like name@example.com',
  },
]

describe('ErrorSummary', () => {
  it('links each error to its field by id, in order', async () => {
    const body = await renderFragment(<ErrorSummary errors={errors} />)
    const links = all(body, '.govuk-error-summary__list a')
    expect(links.map((a) => [a.getAttribute('href'), text(a)])).toEqual([
      ['#fullName', 'Enter your full name'],
      ['#email', 'Enter an email address in the correct format, like name@example.com'],
    ])
  })

  it('is titled "There is a problem" by default, as an h2', async () => {
    const body = await renderFragment(<ErrorSummary errors={errors} />)
    const title = one(body, '.govuk-error-summary__title')
    expect(title.tagName).toBe('H2')
    expect(text(title)).toBe('There is a problem')
  })

  it('announces its title and list together from one role="alert" region', async () => {
    const body = await renderFragment(<ErrorSummary errors={errors} />)
    const alerts = all(body, '[role="alert"]')
    expect(alerts).toHaveLength(1)
    expect(one(alerts[0]!, '.govuk-error-summary__title')).toBeTruthy()
    expect(all(alerts[0]!, 'li')).toHaveLength(2)
  })

  it('takes focus when the page loads, without JavaScript', async () => {
    const summary = one(
      await renderFragment(<ErrorSummary errors={errors} />),
      '.govuk-error-summary',
    )
    expect(summary.getAttribute('tabindex')).toBe('-1')
    expect(summary.hasAttribute('autofocus')).toBe(true)
  })

  it('takes a title and a description, and lists no errors when it has none', async () => {
    const body = await renderFragment(
      <ErrorSummary
        errors={[]}
        title="Sorry, there is a problem"
        description="Nothing was sent."
      />,
    )
    expect(text(one(body, '.govuk-error-summary__title'))).toBe('Sorry, there is a problem')
    expect(text(one(body, '.govuk-error-summary__body p'))).toBe('Nothing was sent.')
    expect(all(body, 'ul')).toHaveLength(0)
  })

  it('escapes messages', async () => {
    const body = await renderFragment(
      <ErrorSummary errors={[{ field: 'x', message: '<img src=x onerror=alert(1)>' }]} />,
    )
    expect(all(body, 'img')).toHaveLength(0)
    expect(text(one(body, 'li a'))).toBe('<img src=x onerror=alert(1)>')
  })
})

describe('errorFor', () => {
  it('finds the message for a field', () => {
    expect(errorFor(errors, 'email')).toBe(errors[1]!.message)
  })

  it('is undefined for a field without an error', () => {
    expect(errorFor(errors, 'phone')).toBeUndefined()
  })
})

describe('FormProblems', () => {
  const notSent = 'Your message has not been sent.'

  it('renders nothing when there are no errors and the service is working', async () => {
    const body = await renderFragment(<FormProblems errors={[]} notSent={notSent} />)
    expect(all(body, '*')).toHaveLength(0)
  })

  it('shows the field errors under the usual title', async () => {
    const body = await renderFragment(<FormProblems errors={errors} notSent={notSent} />)
    expect(text(one(body, '.govuk-error-summary__title'))).toBe('There is a problem')
    expect(all(body, '.govuk-error-summary__list li')).toHaveLength(2)
  })

  it('says nothing was sent, and to send again, when the service is unavailable', async () => {
    const body = await renderFragment(<FormProblems errors={[]} unavailable notSent={notSent} />)
    expect(text(one(body, '.govuk-error-summary__title'))).toBe(
      'Sorry, there is a problem with the service',
    )
    expect(text(one(body, '.govuk-error-summary__body p'))).toBe(
      'Your message has not been sent. Check your answers below and send the form again. ' +
        'If it still does not work, try again later.',
    )
  })
})
