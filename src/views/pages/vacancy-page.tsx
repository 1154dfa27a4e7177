import type { Vacancy } from '../../db/vacancies.ts'
import type { Link } from '../../lib/site-tree.ts'
import { Markdown } from '../components/markdown.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { type Chrome, Layout } from '../layout.tsx'
import { VacancyFacts } from './careers-page.tsx'

/** Props of a vacancy page. */
export type VacancyPageProps = { chrome: Chrome; vacancy: Vacancy; breadcrumbs: Link[] }

/** One open vacancy: its facts and description. */
export const VacancyPage = ({ chrome, vacancy, breadcrumbs }: VacancyPageProps) => (
  <Layout
    chrome={chrome}
    title={vacancy.title}
    description={vacancy.summary}
    path={`/careers/vacancies/${vacancy.slug}`}
    breadcrumbs={breadcrumbs}
    components={['summary-list']}
  >
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <PageHeading title={vacancy.title} summary={vacancy.summary} />
        <dl class="govuk-summary-list">
          <VacancyFacts vacancy={vacancy} />
        </dl>
        <Markdown source={vacancy.body} />
        <a class="govuk-button" href={`/careers/vacancies/${vacancy.slug}/apply`}>
          Apply for this job
        </a>
      </div>
    </div>
  </Layout>
)
