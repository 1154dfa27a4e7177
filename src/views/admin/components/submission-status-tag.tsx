import type { SubmissionStatus } from '../../../db/schema.ts'

const STATUS_TAG = {
  new: <strong class="govuk-tag govuk-tag--blue">New</strong>,
  in_progress: <strong class="govuk-tag govuk-tag--yellow">In progress</strong>,
  handled: <strong class="govuk-tag govuk-tag--green">Handled</strong>,
  spam: <strong class="govuk-tag govuk-tag--grey">Spam</strong>,
} as const

/** A submission's status as a GOV.UK tag. */
export const SubmissionStatusTag = ({ status }: { status: SubmissionStatus }) => STATUS_TAG[status]
