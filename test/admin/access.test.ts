import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { SignJWT, exportJWK, generateKeyPair } from 'jose'
import { http, HttpResponse } from 'msw'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import worker from '../worker.ts'
import { auditEntries, createStaff, sessionCookie } from '../admin-helpers.ts'
import { ORIGIN } from '../helpers.ts'
import { network } from '../network.ts'

const TEAM = 'soca-test.cloudflareaccess.com'
const AUD = 'a1b2c3d4e5f6aud'
let privateKey: CryptoKey
let otherKey: CryptoKey

beforeAll(async () => {
  // Locally generated keys stand in for the team's; MSW serves the public one as the JWKS.
  const pair = await generateKeyPair('RS256', { extractable: true })
  privateKey = pair.privateKey
  otherKey = (await generateKeyPair('RS256')).privateKey
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }
  await network.enable()
  network.use(
    http.get(`https://${TEAM}/cdn-cgi/access/certs`, () => HttpResponse.json({ keys: [jwk] })),
  )
  await createStaff({ email: 'agent@example.com', role: 'publisher', totp: false })
  await createStaff({ email: 'gone@example.com', role: 'editor', totp: false })
  await env.DB.prepare("UPDATE staff SET active = 0 WHERE email = 'gone@example.com'").run()
})
afterAll(() => network.disable())

const token = (
  claims: { email: string; aud?: string; iss?: string; exp?: string },
  key = privateKey,
) =>
  new SignJWT({ email: claims.email })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setIssuer(claims.iss ?? `https://${TEAM}`)
    .setAudience(claims.aud ?? AUD)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '5m')
    .sign(key)

/** A request to the Worker with Access configured. */
const viaAccess = async (path: string, headers: Record<string, string> = {}) => {
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(new URL(path, ORIGIN), { headers, redirect: 'manual' }),
    { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

describe('Cloudflare Access sign-in', () => {
  it('lets in a valid Access JWT for an active staff member, and starts an audited session', async () => {
    const res = await viaAccess('/admin', {
      'Cf-Access-Jwt-Assertion': await token({ email: 'Agent@example.com' }),
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Signed in as agent (publisher)')
    expect(sessionCookie(res)).toBeDefined()
    expect((await auditEntries()).at(-1)).toMatchObject({
      action: 'sign-in',
      detail: 'via Cloudflare Access',
    })
  })

  it.each([
    ['no token', undefined],
    ['a token for another audience', { email: 'agent@example.com', aud: 'someone-else' }],
    [
      'a token from another issuer',
      { email: 'agent@example.com', iss: 'https://evil.cloudflareaccess.com' },
    ],
    ['an expired token', { email: 'agent@example.com', exp: '-1m' }],
  ] as const)('refuses %s with 401', async (_, claims) => {
    const headers: Record<string, string> = claims
      ? { 'Cf-Access-Jwt-Assertion': await token(claims) }
      : {}
    const res = await viaAccess('/admin', headers)
    expect(res.status).toBe(401)
    expect(res.headers.get('Cache-Control')).toBe('no-store')
  })

  it('refuses a token signed with another key', async () => {
    const res = await viaAccess('/admin', {
      'Cf-Access-Jwt-Assertion': await token({ email: 'agent@example.com' }, otherKey),
    })
    expect(res.status).toBe(401)
  })

  it('refuses an identity with no active staff account with 403, audited', async () => {
    for (const email of ['stranger@example.com', 'gone@example.com']) {
      const res = await viaAccess('/admin', { 'Cf-Access-Jwt-Assertion': await token({ email }) })
      expect(res.status).toBe(403)
      expect((await auditEntries()).at(-1)).toMatchObject({
        action: 'sign-in.refused',
        target: email,
      })
    }
  })

  it('does not accept a session cookie without the Access JWT', async () => {
    const first = await viaAccess('/admin', {
      'Cf-Access-Jwt-Assertion': await token({ email: 'agent@example.com' }),
    })
    const res = await viaAccess('/admin', { Cookie: sessionCookie(first)! })
    expect(res.status).toBe(401)
  })

  it('turns the password sign-in off', async () => {
    const res = await viaAccess('/admin/sign-in', {
      'Cf-Access-Jwt-Assertion': await token({ email: 'agent@example.com' }),
    })
    expect(await res.text()).toContain('Staff sign in through Cloudflare Access')
  })
})
