import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import worker from '../../src/index.tsx'
import {
  ORIGIN,
  contentChanged,
  sameSiteHeaders,
  storedSubmissions,
  summaryErrors,
} from '../helpers.ts'
import { network } from '../network.ts'

// Cloudflare's documented test keys: this site key renders a widget that always passes, and
// these secrets always pass or always fail at siteverify.
const SITE_KEY = '1x00000000000000000000AA'
const PASSING_SECRET = '1x0000000000000000000000000000000AA'
const FAILING_SECRET = '2x0000000000000000000000000000000AA'
const SITEVERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify'

const verified: FormData[] = []

/** siteverify as Cloudflare documents it for the test secrets. */
const siteverify = http.post(SITEVERIFY, async ({ request }) => {
  const form = await request.formData()
  verified.push(form)
  const success = form.get('secret') === PASSING_SECRET && form.get('response') !== ''
  return HttpResponse.json(
    success
      ? { success: true, 'error-codes': [] }
      : { success: false, 'error-codes': ['invalid-input-response'] },
  )
})

beforeAll(() => network.enable())
afterEach(() => {
  network.resetHandlers()
  verified.length = 0
})
afterAll(() => network.disable())

const enquiry = {
  topic: 'general',
  fullName: 'Alex Example',
  email: 'alex@example.com',
  message: 'Hello',
}

/** Sends a request to the Worker with Turnstile turned on with `secret`. */
const withTurnstile = async (secret: string, init?: RequestInit, path = '/contact') => {
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(new URL(path, ORIGIN), init),
    { ...env, TURNSTILE_SITE_KEY: SITE_KEY, TURNSTILE_SECRET_KEY: secret },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

const post = (fields: Record<string, string>, ip = '198.51.100.7') => ({
  method: 'POST',
  body: new URLSearchParams(fields),
  headers: sameSiteHeaders(ip),
  redirect: 'manual' as const,
})

describe('Turnstile, when its keys are set', () => {
  it('puts the widget and its script on the form, and allows its origin in the CSP', async () => {
    const res = await withTurnstile(PASSING_SECRET)
    const html = await res.text()
    expect(html).toContain(`<div id="turnstile" class="cf-turnstile" data-sitekey="${SITE_KEY}"`)
    expect(html).toContain(
      '<script src="https://challenges.cloudflare.com/turnstile/v0/api.js" async defer>',
    )
    const csp = res.headers.get('Content-Security-Policy')!
    expect(csp).toContain("script-src 'self' https://challenges.cloudflare.com")
    expect(csp).toContain('frame-src https://challenges.cloudflare.com')
  })

  it('accepts a form whose token siteverify passes, sending the secret, token and client IP', async () => {
    network.use(siteverify)
    const res = await withTurnstile(
      PASSING_SECRET,
      post({ ...enquiry, 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX' }),
    )
    expect(res.status).toBe(303)
    expect(verified).toHaveLength(1)
    expect(verified[0]!.get('secret')).toBe(PASSING_SECRET)
    expect(verified[0]!.get('response')).toBe('XXXX.DUMMY.TOKEN.XXXX')
    expect(verified[0]!.get('remoteip')).toBe('198.51.100.7')
  })

  it('answers 400 with a message when siteverify fails the token, keeping the answers', async () => {
    network.use(siteverify)
    const before = (await storedSubmissions()).length
    const res = await withTurnstile(
      FAILING_SECRET,
      post({ ...enquiry, 'cf-turnstile-response': 'XXXX.DUMMY.TOKEN.XXXX' }, '198.51.100.8'),
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(summaryErrors(html)).toEqual([
      { field: 'turnstile', message: 'Complete the security check to show you are not a robot' },
    ])
    expect(html).toContain('value="Alex Example"')
    expect(await storedSubmissions()).toHaveLength(before)
  })

  it('answers 400 without asking siteverify when there is no token', async () => {
    network.use(siteverify)
    const res = await withTurnstile(PASSING_SECRET, post(enquiry, '198.51.100.9'))
    expect(res.status).toBe(400)
    expect(verified).toHaveLength(0)
  })

  it('answers 503 with the answers kept when siteverify cannot be reached', async () => {
    network.use(http.post(SITEVERIFY, () => HttpResponse.error()))
    const res = await withTurnstile(
      PASSING_SECRET,
      post({ ...enquiry, 'cf-turnstile-response': 'token' }, '198.51.100.10'),
    )
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('value="Alex Example"')
  })
})

describe('Turnstile, when its keys are not set', () => {
  it('is left out of the page and the CSP', async () => {
    await contentChanged()
    const res = await worker.fetch(new Request(`${ORIGIN}/contact`), env, createExecutionContext())
    expect(await res.text()).not.toContain('cf-turnstile')
    expect(res.headers.get('Content-Security-Policy')).not.toContain('challenges.cloudflare.com')
  })
})
