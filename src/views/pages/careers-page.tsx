import type { VacancyListItem } from '../../db/vacancies.ts'
import { formatDate } from '../../lib/dates.ts'
import type { Link } from '../../lib/site-tree.ts'
import { Markdown } from '../components/markdown.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of the careers page. */
export type CareersPageProps = {
  chrome: Chrome
  page: { path: string; title: string; summary: string; body: string }
  breadcrumbs: Link[]
  vacancies: VacancyListItem[]
}

/** Careers: the introduction, then every vacancy still open. */
export const CareersPage = ({ chrome, page, breadcrumbs, vacancies }: CareersPageProps) => (
  <Layout
    chrome={chrome}
    title={page.title}
    description={page.summary}
    path={page.path}
    breadcrumbs={breadcrumbs}
    components={vacancies.length > 0 ? ['summary-list'] : []}
  >
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <PageHeading title={page.title} summary={page.summary} />
        <Markdown source={page.body} />
        <h2 class="govuk-heading-l">Current vacancies</h2>
        {vacancies.length === 0 ? (
          <p class="govuk-body">There are no vacancies open at the moment.</p>
        ) : (
          <ul class="govuk-list">
            {vacancies.map((vacancy) => (
              <li>
                <h3 class="govuk-heading-m soca-heading-tight">
                  <a class="govuk-link" href={`/careers/vacancies/${vacancy.slug}`}>
                    {vacancy.title}
                  </a>
                </h3>
                <p class="govuk-body">{vacancy.summary}</p>
                <dl class="govuk-summary-list govuk-summary-list--no-border">
                  <VacancyFacts vacancy={vacancy} />
                </dl>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  </Layout>
)

/** The facts of a vacancy as summary list rows. */
export const VacancyFacts = ({ vacancy }: { vacancy: Omit<VacancyListItem, 'updatedAt'> }) => (
  <>
    {(
      [
        ['Grade', vacancy.grade],
        ['Location', vacancy.location],
        ['Salary', vacancy.salary],
        ['Closing date', formatDate(vacancy.closingDate)],
      ] as const
    ).map(([key, value]) => (
      <div class="govuk-summary-list__row">
        <dt class="govuk-summary-list__key">{key}</dt>
        <dd class="govuk-summary-list__value">{value}</dd>
      </div>
    ))}
  </>
)
