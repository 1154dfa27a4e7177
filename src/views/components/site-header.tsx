import type { Child } from 'hono/jsx'

/**
 * The skip link and the agency's own header (GOV.UK's generic header: no crown, no logotype),
 * with `children` (the public site's search form) beside the name.
 */
export const SiteHeader = ({
  home,
  name,
  children,
}: {
  home: string
  name: string
  children?: Child
}) => (
  <>
    <a href="#main-content" class="govuk-skip-link">
      Skip to main content
    </a>
    <header class="govuk-generic-header">
      <div class="govuk-generic-header__container govuk-width-container">
        <div class="govuk-generic-header__logo">
          <a href={home} class="govuk-generic-header__homepage-link">
            <span class="soca-header__name">{name}</span>
          </a>
        </div>
        {children}
      </div>
    </header>
  </>
)
