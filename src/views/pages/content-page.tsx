import type { TreePage } from '../../db/pages.ts'
import type { ChangeNote } from '../../db/schema.ts'
import { newestFirst } from '../../lib/change-notes.ts'
import type { Link } from '../../lib/site-tree.ts'
import { Markdown } from '../components/markdown.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { PublishedDates } from '../components/published-dates.tsx'
import { type Chrome, Layout } from '../layout.tsx'

/** Props of a content page. */
export type ContentPageProps = {
  chrome: Chrome
  /** `changeNotes`: its public change notes, oldest first (none in a preview). */
  page: { path: string; title: string; summary: string; body: string; changeNotes?: ChangeNote[] }
  breadcrumbs: Link[]
  /** Published child pages, listed under "In this section". */
  children: TreePage[]
}

/**
 * A page from the pages table: title, summary, Markdown body and its child pages, and at its
 * foot, once a major change was published, when it was last updated and why.
 */
export const ContentPage = ({ chrome, page, breadcrumbs, children }: ContentPageProps) => (
  <Layout
    chrome={chrome}
    title={page.title}
    description={page.summary}
    path={page.path}
    breadcrumbs={breadcrumbs}
    components={newestFirst(page.changeNotes).length > 0 ? ['details'] : []}
  >
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <PageHeading title={page.title} summary={page.summary} />
        <Markdown source={page.body} />
        {children.length > 0 && <ChildList pages={children} />}
        <PublishedDates changeNotes={page.changeNotes} />
      </div>
    </div>
  </Layout>
)

/** A list of pages with their summaries. */
export const ChildList = ({ pages }: { pages: TreePage[] }) => (
  <>
    <h2 class="govuk-heading-l">In this section</h2>
    <ul class="govuk-list">
      {pages.map((child) => (
        <li>
          <h3 class="govuk-heading-s soca-heading-tight">
            <a class="govuk-link" href={child.path}>
              {child.title}
            </a>
          </h3>
          <p class="govuk-body">{child.summary}</p>
        </li>
      ))}
    </ul>
  </>
)
