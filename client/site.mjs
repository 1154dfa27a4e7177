// The public site's script, loaded as a module on every page: GOV.UK Frontend's service
// navigation, which collapses the menu behind a button on small screens. Every page works
// without it. The components are imported directly, not through `createAll`, which would bring
// in code for every component (scripts/build-css.ts bundles this into public/assets/).
import { ServiceNavigation } from 'govuk-frontend/dist/govuk/components/service-navigation/service-navigation.mjs'

// What GOV.UK's inline snippet does; the site has no inline scripts (Content-Security-Policy).
document.body.classList.add('js-enabled', 'govuk-frontend-supported')

/** Starts a GOV.UK Frontend component on every element of its module, as `createAll` does. */
export const start = (Component) => {
  for (const element of document.querySelectorAll(`[data-module="${Component.moduleName}"]`)) {
    try {
      new Component(element)
    } catch (error) {
      console.error(error)
    }
  }
}

start(ServiceNavigation)
