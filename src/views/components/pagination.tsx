/** Props of the GOV.UK pagination block. */
export type PaginationProps = { path: string; current: number; count: number }

const pageHref = (path: string, n: number) =>
  n === 1 ? path : `${path}${path.includes('?') ? '&' : '?'}page=${n}`

/** GOV.UK pagination: previous, numbered pages and next; nothing when there is one page. */
export const Pagination = ({ path, current, count }: PaginationProps) => {
  if (count <= 1) return null
  const numbers = Array.from({ length: count }, (_, i) => i + 1)
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
        {numbers.map((n) => (
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
        ))}
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
