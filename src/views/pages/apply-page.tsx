import type { Vacancy } from '../../db/vacancies.ts'
import { STATEMENT_MAX } from '../../forms/application.ts'
import type { FieldError } from '../../forms/fields.ts'
import { APPLICATION_QUESTIONS as Q } from '../../forms/questions.ts'
import { formatDate } from '../../lib/dates.ts'
import type { Link } from '../../lib/site-tree.ts'
import { Checkboxes, Radios } from '../components/choices.tsx'
import { FormProblems, errorFor } from '../components/error-summary.tsx'
import { ContactDetails } from '../components/contact-details.tsx'
import { FileUpload } from '../components/file-upload.tsx'
import { Honeypot } from '../components/honeypot.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Textarea } from '../components/textarea.tsx'
import { TURNSTILE_SCRIPT, Turnstile } from '../components/turnstile.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of the job application form. */
export type ApplyPageProps = {
  chrome: Chrome
  /** Title and closing date are unknown when D1 could not be read: the form still comes back. */
  vacancy: Pick<Vacancy, 'slug'> & Partial<Pick<Vacancy, 'title' | 'closingDate'>>
  breadcrumbs: Link[]
  values?: Record<string, string>
  errors?: FieldError[]
  unavailable?: boolean
  turnstileSiteKey?: string
}

/** The application form for one open vacancy. */
export const ApplyPage = (props: ApplyPageProps) => {
  const { vacancy, values = {}, errors = [] } = props
  const title = vacancy.title ? `Apply for ${vacancy.title}` : 'Apply for this vacancy'
  const action = `/careers/vacancies/${vacancy.slug}/apply`
  return (
    <Layout
      forms
      components={['file-upload']}
      chrome={props.chrome}
      title={errors.length > 0 || props.unavailable ? `Error: ${title}` : title}
      description={`${title} at the Serious Organised Crime Agency.`}
      path={action}
      breadcrumbs={props.breadcrumbs}
      scripts={props.turnstileSiteKey ? [TURNSTILE_SCRIPT] : undefined}
    >
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <FormProblems
            errors={errors}
            unavailable={props.unavailable}
            notSent="Your application has not been sent."
          />
          <PageHeading title={title} />
          <p class="govuk-body">
            {vacancy.closingDate &&
              `Applications close at 11:59pm on ${formatDate(vacancy.closingDate)}. `}
            All fields are required.
          </p>
          <form method="post" action={action} enctype="multipart/form-data" novalidate>
            <ContactDetails values={values} errors={errors} />
            <Radios
              name="rightToWork"
              legend={Q.rightToWork.label}
              items={Q.rightToWork.options}
              values={values.rightToWork ? [values.rightToWork] : []}
              error={errorFor(errors, 'rightToWork')}
              inline
            />
            <Textarea
              name="statement"
              label={Q.statement.label}
              hint={`Give examples from your work or life. You can enter up to ${STATEMENT_MAX.toLocaleString('en-GB')} characters.`}
              value={values.statement}
              error={errorFor(errors, 'statement')}
              rows={12}
            />
            <FileUpload
              name="cv"
              label="Upload your CV"
              hint="A PDF or Word document (DOCX), smaller than 2MB"
              error={errorFor(errors, 'cv')}
              accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            />
            <Checkboxes
              name="declaration"
              legend={Q.declaration.label}
              items={Q.declaration.options}
              values={values.declaration ? [values.declaration] : []}
              error={errorFor(errors, 'declaration')}
            />
            <Honeypot />
            {props.turnstileSiteKey && (
              <Turnstile siteKey={props.turnstileSiteKey} error={errorFor(errors, 'turnstile')} />
            )}
            <button type="submit" class="govuk-button">
              Send application
            </button>
          </form>
        </div>
      </div>
    </Layout>
  )
}
