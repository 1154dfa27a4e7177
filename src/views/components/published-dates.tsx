import { type Note, newestFirst } from '../../lib/change-notes.ts'
import { formatDate } from '../../lib/dates.ts'

/** The id of the change history, which "see all updates" links to. */
export const HISTORY_ID = 'full-history'

/** A date as visitors read it ("5 March 2014"), machine-readable in `datetime`. */
export const DateTime = ({ date }: { date: Date }) => (
  <time datetime={date.toISOString()}>{formatDate(date)}</time>
)

/**
 * GOV.UK's metadata line under an article's summary: "Published 7 October 2013" and, once a
 * change note was published, "Last updated 5 March 2014" with a link to the change history.
 */
export const PublishedMetadata = (props: { publishedAt: Date | null; changeNotes?: unknown }) => {
  const [latest] = newestFirst(props.changeNotes)
  return (
    <>
      {props.publishedAt && (
        <p class="soca-meta">
          Published <DateTime date={props.publishedAt} />
        </p>
      )}
      {latest && (
        <p class="soca-meta">
          Last updated <DateTime date={new Date(latest.at)} /> —{' '}
          <a class="govuk-link" href={`#${HISTORY_ID}`}>
            see all updates
          </a>
        </p>
      )}
    </>
  )
}

/**
 * GOV.UK's published dates at the foot of a page: "Last updated 5 March 2014: corrected the
 * office address", and every change note, newest first, in a details element (no JavaScript),
 * ending with "First published" when `publishedAt` is given. Nothing without change notes.
 */
export const PublishedDates = (props: { changeNotes?: unknown; publishedAt?: Date | null }) => {
  const notes: Note[] = newestFirst(props.changeNotes)
  const [latest] = notes
  if (!latest) return null
  return (
    <div class="soca-published-dates govuk-!-margin-top-8" id={HISTORY_ID}>
      <p class="soca-meta">
        Last updated <DateTime date={new Date(latest.at)} />: {latest.note}
      </p>
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">See all updates</span>
        </summary>
        <div class="govuk-details__text">
          <ol class="govuk-list">
            {notes.map((n) => (
              <li>
                <DateTime date={new Date(n.at)} /> — {n.note}
              </li>
            ))}
            {props.publishedAt && (
              <li>
                <DateTime date={props.publishedAt} /> — First published
              </li>
            )}
          </ol>
        </div>
      </details>
    </div>
  )
}
