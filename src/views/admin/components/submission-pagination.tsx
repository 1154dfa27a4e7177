/** Props of the inbox's pagination. */
export type SubmissionPaginationProps = { path: string; current: number; count: number }

const pageHref = (path: string, n: number) =>
  n === 1 ? path : `${path}${path.includes('?') ? '&' : '?'}page=${n}`

/**
 * The page numbers to show, GOV.UK's way for long lists: the first, the last, and the current
 * one with its neighbours, with an ellipsis (null) for each gap. The inbox can hold thousands of
 * pages, so listing every number (as the shorter lists do) would not do.
 */
export const pageWindow = (current: number, count: number): (number | null)[] => {
  const shown = [...new Set([1, current - 1, current, current + 1, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b)
  return shown.flatMap((n, i) => {
    const before = shown[i - 1]
    return before === undefined || n === before + 1
      ? [n]
      : n === before + 2
        ? [n - 1, n]
        : [null, n]
  })
}

const Link = ({ href, rel, text }: { href: string; rel: 'prev' | 'next'; text: string }) => (
  <div class={`govuk-pagination__${rel}`}>
    <a class="govuk-link govuk-pagination__link" href={href} rel={rel}>
      <span class="govuk-pagination__link-title">
        {text}
        <span class="govuk-visually-hidden"> page</span>
      </span>
    </a>
  </div>
)

/** GOV.UK pagination with ellipses: previous, some page numbers and next; nothing for one page. */
export const SubmissionPagination = ({ path, current, count }: SubmissionPaginationProps) => {
  if (count <= 1) return null
  return (
    <nav class="govuk-pagination" aria-label="Pagination">
      {current > 1 && <Link href={pageHref(path, current - 1)} rel="prev" text="Previous" />}
      <ul class="govuk-pagination__list">
        {pageWindow(current, count).map((n) =>
          n === null ? (
            <li class="govuk-pagination__item govuk-pagination__item--ellipsis">{'\u22EF'}</li>
          ) : (
            <li
              class={`govuk-pagination__item${n === current ? ' govuk-pagination__item--current' : ''}`}
            >
              <a
                class="govuk-link govuk-pagination__link"
                href={pageHref(path, n)}
                aria-label={`Page ${n}`}
                aria-current={n === current ? 'page' : undefined}
              >
                {n}
              </a>
            </li>
          ),
        )}
      </ul>
      {current < count && <Link href={pageHref(path, current + 1)} rel="next" text="Next" />}
    </nav>
  )
}
