import type { Link } from '../../lib/site-tree.ts'

/** GOV.UK breadcrumbs: the trail of ancestors above the current page. */
export const Breadcrumbs = ({ links }: { links: Link[] }) => (
  <nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
    <ol class="govuk-breadcrumbs__list">
      {links.map((link) => (
        <li class="govuk-breadcrumbs__list-item">
          <a class="govuk-breadcrumbs__link" href={link.href}>
            {link.text}
          </a>
        </li>
      ))}
    </ol>
  </nav>
)
