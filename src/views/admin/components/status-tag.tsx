import type { ContentSummary } from '../../../db/content.ts'

/** The state of an item as a GOV.UK tag. */
export const StatusTag = ({
  item,
}: {
  item: Pick<ContentSummary, 'status' | 'publishedRevisionId' | 'latestRevisionId'>
}) => {
  const changes =
    item.latestRevisionId !== null && item.latestRevisionId !== item.publishedRevisionId
  if (item.status === 'published' && changes)
    return <strong class="govuk-tag govuk-tag--yellow">Published, with changes</strong>
  if (item.status === 'published')
    return <strong class="govuk-tag govuk-tag--green">Published</strong>
  if (item.status === 'unpublished')
    return <strong class="govuk-tag govuk-tag--grey">Unpublished</strong>
  return <strong class="govuk-tag govuk-tag--blue">Draft</strong>
}
