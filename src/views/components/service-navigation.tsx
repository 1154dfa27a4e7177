import type { Child } from 'hono/jsx'
import type { Link } from '../../lib/site-tree.ts'

/** Whether a navigation link is the current page or the section it is in. */
const currentness = (href: string, path: string): 'page' | 'true' | undefined => {
  if (href === path) return 'page'
  return path.startsWith(`${href}/`) ? 'true' : undefined
}

/** Props of the GOV.UK service navigation. */
export type ServiceNavigationProps = {
  label: string
  links: Link[]
  /** The current path, to mark its section with `aria-current`. */
  path: string
  /** An extra item at the end, such as a sign-out button. */
  end?: Child
}

/**
 * GOV.UK service navigation, with the current section marked for every user. On small screens
 * the site's script collapses it behind a button named `label`.
 */
export const ServiceNavigation = ({ label, links, path, end }: ServiceNavigationProps) => (
  <div class="govuk-service-navigation" data-module="govuk-service-navigation">
    <div class="govuk-width-container">
      <div class="govuk-service-navigation__container">
        <nav aria-label={label} class="govuk-service-navigation__wrapper">
          {/* Shown by GOV.UK Frontend's script on small screens; without it the list stays open. */}
          <button
            type="button"
            class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
            aria-controls="navigation"
            hidden
            aria-hidden="true"
          >
            {label}
          </button>
          <ul class="govuk-service-navigation__list" id="navigation">
            {links.map((link) => {
              const current = currentness(link.href, path)
              return (
                <li
                  class={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}
                >
                  <a class="govuk-service-navigation__link" href={link.href} aria-current={current}>
                    {current ? (
                      <strong class="govuk-service-navigation__active-fallback">{link.text}</strong>
                    ) : (
                      link.text
                    )}
                  </a>
                </li>
              )
            })}
            {end && <li class="govuk-service-navigation__item">{end}</li>}
          </ul>
        </nav>
      </div>
    </div>
  </div>
)
