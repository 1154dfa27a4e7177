/** Cloudflare's server-side check of a Turnstile token. */
const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify'

/** The form field the Turnstile widget fills in. */
export const TURNSTILE_FIELD = 'cf-turnstile-response'

/** What verification concluded: a pass, a fail, or no answer from Cloudflare. */
export type TurnstileResult = 'passed' | 'failed' | 'unavailable'

/** Whether Turnstile is on: both keys must be set. */
export const turnstileSiteKey = (env: {
  TURNSTILE_SITE_KEY?: string
  TURNSTILE_SECRET_KEY?: string
}) => (env.TURNSTILE_SITE_KEY && env.TURNSTILE_SECRET_KEY ? env.TURNSTILE_SITE_KEY : undefined)

/** Checks a Turnstile token with siteverify. */
export const verifyTurnstile = async (
  secret: string,
  token: string | undefined,
  remoteIp: string | undefined,
): Promise<TurnstileResult> => {
  if (!token) return 'failed'
  const body = new FormData()
  body.set('secret', secret)
  body.set('response', token)
  if (remoteIp) body.set('remoteip', remoteIp)
  try {
    const res = await fetch(SITEVERIFY, { method: 'POST', body })
    if (!res.ok) return 'unavailable'
    const outcome = (await res.json()) as { success?: unknown }
    return outcome.success === true ? 'passed' : 'failed'
  } catch {
    return 'unavailable'
  }
}
