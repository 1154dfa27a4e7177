import { describe, expect, it } from 'vitest'
import { postForm, sameSiteHeaders } from '../helpers.ts'

/** A /64 of its own for each test (rate-limit state outlives a test file), as `prefix:n`. */
const freshPrefix = () => {
  const hex = () => Math.floor(Math.random() * 0x10000).toString(16)
  return `2001:db8:${hex()}:${hex()}`
}

/** The statuses of `count` POSTs, each from a different address in the same /64. */
const rotatingBurst = async (path: string, count: number) => {
  const prefix = freshPrefix()
  const statuses: number[] = []
  for (let i = 0; i < count; i++) {
    // Written differently each time too: the key must not depend on the spelling.
    const address = i % 2 ? `${prefix}:0:0:0:${i.toString(16)}` : `${prefix.toUpperCase()}::${i}`
    statuses.push((await postForm(path, {}, sameSiteHeaders(address))).status)
  }
  return statuses
}

describe('rate limits key IPv6 clients by their /64', () => {
  // An empty form is refused before any password is checked, so the burst is cheap.
  it('throttles sign-in attempts from one /64 however many of its addresses they use', async () => {
    const statuses = await rotatingBurst('/admin/sign-in', 25)
    // The limiter counts in fixed one-minute windows, so a burst may straddle two of them.
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(10)
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(20)
  })

  it('throttles contact form POSTs from one /64 the same way', async () => {
    const statuses = await rotatingBurst('/contact', 25)
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(10)
    expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(20)
  })

  it('keeps different /64s apart', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await postForm('/admin/sign-in', {}, sameSiteHeaders(`${freshPrefix()}::1`))).status,
      )
    }
    expect(statuses).not.toContain(429)
  })
})
