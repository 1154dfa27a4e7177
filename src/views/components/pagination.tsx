/** Props of the GOV.UK pagination block. */
export type PaginationProps = { path: string; current: number; count: number }

const pageHref = (path: string, n: number) =>
  n === 1 ? path : `${path}${path.includes('?') ? '&' : '?'}page=${n}`

/**
 * The page numbers to link, as GOV.UK's pattern has them: the first, the last, and those next
 * to the current one, with null for an ellipsis where more than one number is left out (a
 * gap of one shows that number). So a list of thousands of pages links at most seven.
 */
export const pageNumbers = (current: number, count: number): (number | null)[] => {
  const shown = [...new Set([1, current - 1, current, current + 1, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b)
  return shown.flatMap((n, i) => {
    const before = shown[i - 1]
    if (before === undefined || n - before === 1) return [n]
    return n - before === 2 ? [n - 1, n] : [null, n]
  })
}

/** GOV.UK pagination: previous, numbered pages and next; nothing when there is one page. */
export const Pagination = ({ path, current, count }: PaginationProps) => {
  if (count <= 1) return null
  const numbers = pageNumbers(current, count)
  return (
    <nav class="govuk-pagination" aria-label="Pagination">
      {current > 1 && (
        <div class="govuk-pagination__prev">
          <a
            class="govuk-link govuk-pagination__link"
            href={pageHref(path, current - 1)}
            rel="prev"
          >
            <span class="govuk-pagination__link-title">
              Previous<span class="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
      <ul class="govuk-pagination__list">
        {numbers.map((n) =>
          n === null ? (
            <li class="govuk-pagination__item govuk-pagination__item--ellipsis">&ctdot;</li>
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
      {current < count && (
        <div class="govuk-pagination__next">
          <a
            class="govuk-link govuk-pagination__link"
            href={pageHref(path, current + 1)}
            rel="next"
          >
            <span class="govuk-pagination__link-title">
              Next<span class="govuk-visually-hidden"> page</span>
            </span>
          </a>
        </div>
      )}
    </nav>
  )
}
