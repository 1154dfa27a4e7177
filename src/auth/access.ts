// Cloudflare Access: every request Access lets through carries a JWT in Cf-Access-Jwt-Assertion,
// signed with the team's keys. Checking it here means a request that bypassed Access (for
// example straight to *.workers.dev) is refused.
import { createRemoteJWKSet, jwtVerify } from 'jose'

/** Access settings, when both are configured. */
export type AccessConfig = { teamDomain: string; audience: string }

/** Access settings from the environment, or null when Access is not in use. */
export const accessConfig = (env: { ACCESS_TEAM_DOMAIN?: string; ACCESS_AUD?: string }) =>
  env.ACCESS_TEAM_DOMAIN && env.ACCESS_AUD
    ? {
        teamDomain: env.ACCESS_TEAM_DOMAIN.replace(/^https:\/\//, '').replace(/\/$/, ''),
        audience: env.ACCESS_AUD,
      }
    : null

// One key set per team domain for the life of the isolate; jose caches and refreshes the keys.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>()

/** The verified email address in an Access JWT, or null if the token is missing or invalid. */
export const verifyAccessJwt = async (config: AccessConfig, token: string | undefined) => {
  if (!token) return null
  let keys = keySets.get(config.teamDomain)
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`https://${config.teamDomain}/cdn-cgi/access/certs`))
    keySets.set(config.teamDomain, keys)
  }
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: `https://${config.teamDomain}`,
      audience: config.audience,
      algorithms: ['RS256'],
    })
    return typeof payload.email === 'string' ? payload.email.toLowerCase() : null
  } catch {
    return null
  }
}
