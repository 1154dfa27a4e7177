/**
 * The header's search form, GOV.UK's pattern: a GET form, so it works without JavaScript, with
 * its label for screen readers only. The search page's own form is the labelled, full one.
 */
export const SearchBox = () => (
  <form class="soca-search" action="/search" method="get" role="search">
    <label class="govuk-visually-hidden" for="site-search">
      Search this site
    </label>
    <input class="soca-search__input" id="site-search" name="q" type="search" />
    <button class="soca-search__button" type="submit">
      Search
    </button>
  </form>
)
