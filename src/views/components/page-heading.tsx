/** The page's one h1, with its summary as the lead paragraph. */
export const PageHeading = ({ title, summary }: { title: string; summary?: string }) => (
  <>
    <h1 class="govuk-heading-xl">{title}</h1>
    {summary && <p class="govuk-body-l">{summary}</p>}
  </>
)
