import type { Child } from 'hono/jsx'
import type { FieldError } from '../../forms/fields.ts'
import { formatDateTime } from '../../lib/dates.ts'
import { Radios } from '../components/choices.tsx'
import { ErrorSummary, errorFor } from '../components/error-summary.tsx'
import { Input } from '../components/input.tsx'
import { PageHeading } from '../components/page-heading.tsx'
import { Banner } from './components/banner.tsx'
import { type AdminContext, AdminLayout, CsrfField } from './layout.tsx'
import type { KindLabels } from './types.ts'
import { pageTitle } from './components/page-title.ts'

/** Whether a share link still opens. */
export type ShareLinkStatus = 'active' | 'expired' | 'revoked'

/** A share link as the page lists it; `url` only while it is active. */
export type ShareLinkEntry = {
  id: number
  label: string
  createdByName: string | null
  createdAt: Date
  expiresAt: Date
  views: number
  lastViewedAt: Date | null
  status: ShareLinkStatus
  url?: string
}

/** The choices of how long a new link lasts. */
const DAYS = [
  { value: '1', text: '1 day' },
  { value: '3', text: '3 days' },
  { value: '7', text: '7 days' },
] as const

const STATUS_TAGS: Record<ShareLinkStatus, { text: string; colour: string }> = {
  active: { text: 'Active', colour: 'green' },
  expired: { text: 'Expired', colour: 'grey' },
  revoked: { text: 'Revoked', colour: 'red' },
}

/** One row of a link's summary list. */
const Row = ({ label, children }: { label: string; children: Child }) => (
  <div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">{label}</dt>
    <dd class="govuk-summary-list__value">{children}</dd>
  </div>
)

/** One link: who it is for, its state and views, and while it works, the address to send. */
const LinkCard = ({
  link,
  base,
  csrfToken,
  canShare,
}: {
  link: ShareLinkEntry
  base: string
  csrfToken: string
  canShare: boolean
}) => {
  const tag = STATUS_TAGS[link.status]
  return (
    <div class="govuk-summary-card" id={`share-link-${link.id}`}>
      <div class="govuk-summary-card__title-wrapper">
        <h3 class="govuk-summary-card__title">{link.label}</h3>
      </div>
      <div class="govuk-summary-card__content">
        <dl class="govuk-summary-list">
          <Row label="Status">
            <strong class={`govuk-tag govuk-tag--${tag.colour}`}>{tag.text}</strong>
          </Row>
          <Row label="Made by">
            {link.createdByName ?? 'Unknown'}, {formatDateTime(link.createdAt)}
          </Row>
          <Row label={link.status === 'expired' ? 'Expired' : 'Expires'}>
            {formatDateTime(link.expiresAt)} (UK time)
          </Row>
          <Row label="Views">{String(link.views)}</Row>
          <Row label="Last viewed">
            {link.lastViewedAt ? formatDateTime(link.lastViewedAt) : 'Not viewed yet'}
          </Row>
        </dl>
        {link.url && (
          <div class="govuk-form-group">
            <label class="govuk-label" for={`share-url-${link.id}`}>
              Link to send to {link.label}
            </label>
            <input
              class="govuk-input"
              id={`share-url-${link.id}`}
              type="text"
              value={link.url}
              readonly
              spellcheck={false}
              autocomplete="off"
            />
          </div>
        )}
        {link.url && canShare && (
          <form method="post" action={`${base}/share/${link.id}/revoke`}>
            <CsrfField token={csrfToken} />
            <button type="submit" class="govuk-button govuk-button--warning">
              Revoke<span class="govuk-visually-hidden"> the link for {link.label}</span>
            </button>
          </form>
        )}
      </div>
    </div>
  )
}

/** The share links of an item, and for publishers, a form to make one. */
export const SharePage = (props: {
  admin: AdminContext
  labels: KindLabels
  item: { id: number; title: string }
  links: ShareLinkEntry[]
  /** The member may make and revoke links (publishers). */
  canShare: boolean
  /** Links can be signed: STAFF_COOKIE_KEY is set. */
  enabled: boolean
  values?: Record<string, string>
  errors?: FieldError[]
  notice?: string
}) => {
  const { labels, item } = props
  const base = `${labels.base}/${item.id}`
  const errors = props.errors ?? []
  const title = `Share a preview of ${item.title}`
  return (
    <AdminLayout
      title={pageTitle(title, errors)}
      admin={props.admin}
      breadcrumbs={[
        { href: '/admin', text: 'Staff area' },
        { href: labels.base, text: labels.plural },
        { href: base, text: item.title },
      ]}
    >
      {props.notice && <Banner text={props.notice} />}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <PageHeading title={title} />
      <p class="govuk-body">
        A share link shows the newest saved version of this {labels.singular.toLowerCase()} to
        someone without an account, such as a journalist or a partner agency, with a banner saying
        it is not published and must not be shared. It works until it expires, after 7 days at most,
        or until it is revoked. Every view is counted and recorded in the audit log.
      </p>
      {!props.enabled && (
        <div class="govuk-inset-text">
          Share links are switched off: the STAFF_COOKIE_KEY secret, which signs them, is not set.
        </div>
      )}
      <h2 class="govuk-heading-m">Share links</h2>
      {props.links.length === 0 ? (
        <p class="govuk-body">No share links have been made for this yet.</p>
      ) : (
        props.links.map((link) => (
          <LinkCard
            link={link}
            base={base}
            csrfToken={props.admin.csrfToken}
            canShare={props.canShare}
          />
        ))
      )}
      {props.canShare && props.enabled && (
        <form method="post" action={`${base}/share`} novalidate>
          <h2 class="govuk-heading-m">Make a share link</h2>
          <CsrfField token={props.admin.csrfToken} />
          <Input
            name="label"
            label="Who is it for?"
            hint="For example, BBC News, embargoed until 9am on Tuesday. Only staff see this."
            value={props.values?.label}
            error={errorFor(errors, 'label')}
          />
          <Radios
            name="days"
            legend="Expires after"
            items={DAYS}
            values={props.values?.days ? [props.values.days] : []}
            error={errorFor(errors, 'days')}
          />
          <button type="submit" class="govuk-button">
            Make share link
          </button>
        </form>
      )}
      {!props.canShare && (
        <p class="govuk-inset-text">Only publishers can make or revoke share links.</p>
      )}
    </AdminLayout>
  )
}
