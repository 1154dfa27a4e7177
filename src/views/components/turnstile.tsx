import { ErrorMessage, FormGroup } from './form-group.tsx'

/** The Cloudflare Turnstile widget; its script is added to the page head by the layout. */
export const Turnstile = ({ siteKey, error }: { siteKey: string; error?: string }) => (
  <FormGroup error={error}>
    <ErrorMessage id="turnstile" text={error} />
    <div id="turnstile" class="cf-turnstile" data-sitekey={siteKey} data-language="en-GB" />
  </FormGroup>
)

/** Turnstile's script, loaded only on form pages and only when Turnstile is on. */
export const TURNSTILE_SCRIPT = 'https://challenges.cloudflare.com/turnstile/v0/api.js'
