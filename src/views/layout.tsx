import type { Child } from 'hono/jsx'
import { html, raw } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import {
  detailsStylesheetHref,
  exitScriptHref,
  fileUploadStylesheetHref,
  formsStylesheetHref,
  paginationStylesheetHref,
  panelStylesheetHref,
  scriptHref,
  stylesheetHref,
  summaryListStylesheetHref,
} from '../generated/assets.ts'
import type { Link } from '../lib/site-tree.ts'
import { onSitePath } from '../lib/site-path.ts'
import { ServiceNavigation } from './components/service-navigation.tsx'
import { SiteHeader } from './components/site-header.tsx'
import { SearchBox } from './components/search-box.tsx'
import { Breadcrumbs } from './components/breadcrumbs.tsx'
import { ExitThisPage, hasQuickExit } from './components/exit-this-page.tsx'
import { PreviewBanner, type PreviewNotice } from './components/preview-banner.tsx'
import { PageFeedback } from './components/page-feedback.tsx'

/** What every page shares: navigation, settings and the site's origin. */
export type Chrome = {
  /** Header navigation links. */
  nav: Link[]
  /** Site-wide notice, or '' for none. */
  notice: string
  /** Postal address lines for the footer. */
  address: string[]
  /** Absolute origin, e.g. https://www.soca.gov.uk, for canonical and Open Graph URLs. */
  siteUrl: string
  /** Set when the page is a preview of unpublished content: a banner says so, noindex. */
  preview?: PreviewNotice
}

/** Props of the page template. */
export type LayoutProps = {
  chrome: Chrome
  /** The page's own title, without the site suffix. */
  title: string
  /** Meta description: the page's summary. */
  description: string
  /** The page's path, for its canonical URL and to mark the current section. */
  path: string
  /** Trail above the title; none on the home page and error pages. */
  breadcrumbs?: Link[]
  /** Open Graph type: 'article' for news. */
  ogType?: 'website' | 'article'
  /** Keep the page out of search engines (error, confirmation and feedback pages); no feedback. */
  noindex?: boolean
  /** Ask "Is this page useful?" at its foot; false on error, confirmation and feedback pages. */
  feedback?: boolean
  /** Load the stylesheet with the form components (pages with forms). */
  forms?: boolean
  /** GOV.UK components the page uses that only a few pages do: each has its own stylesheet. */
  components?: (keyof typeof componentStylesheets)[]
  /** External scripts for this page, loaded async; the site needs none to work. */
  scripts?: string[]
  children: Child
}

const footerLinks: Link[] = [
  { href: '/accessibility', text: 'Accessibility statement' },
  { href: '/privacy', text: 'Privacy' },
  { href: '/sitemap', text: 'Sitemap' },
  { href: '/contact', text: 'Contact us' },
]

/** The stylesheets of the components only a few pages use (scripts/build-css.ts). */
const componentStylesheets = {
  details: detailsStylesheetHref,
  'file-upload': fileUploadStylesheetHref,
  pagination: paginationStylesheetHref,
  panel: panelStylesheetHref,
  'summary-list': summaryListStylesheetHref,
}

/** The footer: support links, the agency's address and the copyright. */
const SiteFooter = ({ address }: { address: string[] }) => (
  <footer class="govuk-footer">
    <div class="govuk-width-container">
      <div class="govuk-footer__meta">
        <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
          <h2 class="govuk-visually-hidden">Support links</h2>
          <ul class="govuk-footer__inline-list">
            {footerLinks.map((link) => (
              <li class="govuk-footer__inline-list-item">
                <a class="govuk-footer__link" href={link.href}>
                  {link.text}
                </a>
              </li>
            ))}
          </ul>
          {address.length > 0 && (
            <address class="soca-footer__address">
              {address.map((line, i) => (
                <>
                  {i > 0 && <br />}
                  {line}
                </>
              ))}
            </address>
          )}
        </div>
        <div class="govuk-footer__meta-item">
          <a
            class="govuk-footer__link"
            href="https://www.nationalarchives.gov.uk/information-management/re-using-public-sector-information/uk-government-licensing-framework/crown-copyright/"
          >
            © Crown copyright
          </a>
        </div>
      </div>
    </div>
  </footer>
)

/**
 * The parts of every page that depend on nothing a request brings (the header and its search
 * box), or only on the postal address in the site's settings (the footer): rendered to HTML on
 * first use and kept, the footer until the address changes, not rendered again for every page.
 * They are about a third of a page's elements: in a profile of the uncached page under the
 * bench, rendering fell from 23% of the Worker's CPU to 18%. Nothing is rendered when the
 * isolate starts, which an isolate serving only cached hits would pay for too.
 */
let header: HtmlEscapedString | undefined
const siteHeader = () =>
  (header ??= raw(
    String(
      <SiteHeader home="/" name="Serious Organised Crime Agency">
        <SearchBox />
      </SiteHeader>,
    ),
  ))

let footer: { address: string; html: HtmlEscapedString } | undefined
const siteFooter = (address: string[]) => {
  const key = address.join('\n')
  if (footer?.address !== key)
    footer = { address: key, html: raw(String(<SiteFooter address={address} />)) }
  return footer.html
}

/** The page template: skip link, header and navigation, notice, breadcrumbs, main, footer. */
export const Layout = (props: LayoutProps) => {
  const { chrome, path } = props
  // A request's path may read as another host (`//evil.example`): resolve it as one of ours.
  const canonical = new URL(onSitePath(path), chrome.siteUrl).href
  const fullTitle = `${props.title} – SOCA`
  const quickExit = hasQuickExit(path)
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en-GB" class="govuk-template">
        {/*
          The head's elements are markup (hono/html escapes each value), not JSX: hono/jsx
          treats title, meta, link and script as metadata to hoist into the head, through a
          callback each, run once the page is a string. These are in the head already, and the
          hoisting was two fifths of rendering a content page (64 µs, now 37 µs, in Node).
        */}
        <head>
          {html`<meta charset="utf-8">`}
          {html`<title>${fullTitle}</title>`}
          {html`<meta name="viewport" content="width=device-width, initial-scale=1">`}
          {html`<meta name="description" content="${props.description}">`}
          {(props.noindex || chrome.preview) && html`<meta name="robots" content="noindex">`}
          {html`<meta name="theme-color" content="#0b0c0c">`}
          {html`<link rel="canonical" href="${canonical}">`}
          {html`<link rel="stylesheet" href="${props.forms ? formsStylesheetHref : stylesheetHref}">`}
          {props.components?.map(
            (name) => html`<link rel="stylesheet" href="${componentStylesheets[name]}">`,
          )}
          {html`<link rel="icon" href="/favicon.svg" type="image/svg+xml">`}
          {html`<link rel="alternate" type="application/atom+xml" href="/news.atom" title="SOCA news">`}
          {html`<meta property="og:site_name" content="Serious Organised Crime Agency">`}
          {html`<meta property="og:type" content="${props.ogType ?? 'website'}">`}
          {html`<meta property="og:title" content="${props.title}">`}
          {html`<meta property="og:description" content="${props.description}">`}
          {html`<meta property="og:url" content="${canonical}">`}
          {html`<meta property="og:locale" content="en_GB">`}
          {html`<script type="module" src="${quickExit ? exitScriptHref : scriptHref}"></script>`}
          {props.scripts?.map((src) => html`<script src="${src}" async defer></script>`)}
        </head>
        <body class="govuk-template__body">
          {siteHeader()}
          {chrome.nav.length > 0 && (
            <ServiceNavigation label="Menu" links={chrome.nav} path={path} />
          )}
          <div class="govuk-width-container">
            {quickExit && <ExitThisPage />}
            {chrome.preview && <PreviewBanner {...chrome.preview} />}
            {chrome.notice && (
              <div
                class="govuk-notification-banner soca-notice"
                role="region"
                aria-labelledby="site-notice-title"
              >
                <div class="govuk-notification-banner__header">
                  <h2 class="govuk-notification-banner__title" id="site-notice-title">
                    Important
                  </h2>
                </div>
                <div class="govuk-notification-banner__content">
                  <p class="govuk-body">{chrome.notice}</p>
                </div>
              </div>
            )}
            {props.breadcrumbs && <Breadcrumbs links={props.breadcrumbs} />}
            <main class="govuk-main-wrapper" id="main-content">
              {props.children}
            </main>
            {/* About the page, not one view of it: /news?page=2 is feedback on /news. */}
            {props.feedback !== false && !chrome.preview && (
              <PageFeedback path={path.split('?')[0] ?? path} />
            )}
          </div>
          {siteFooter(chrome.address)}
        </body>
      </html>
    </>
  )
}
