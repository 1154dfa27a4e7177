import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { ORIGIN, captureLogs, contentChanged } from '../helpers.ts'
import worker from '../worker.ts'
import { sitemapPaths, versionExpires } from './faults.ts'

afterEach(() => vi.restoreAllMocks())

/** These tests request every page, on a machine shared with other test runs. */
const SLOW = 60_000

let pages: string[]

beforeAll(async () => {
  await contentChanged()
  pages = await sitemapPaths()
})

/**
 * A GET through both Workers. Cache writes run after the response (waitUntil): one that fails
 * there is counted in `background`, as it reaches no visitor.
 */
const get = async (path: string, background: unknown[]) => {
  const ctx = createExecutionContext()
  const res = await worker.fetch(new Request(new URL(path, ORIGIN)), env, ctx)
  await waitOnExecutionContext(ctx).catch((err: unknown) => background.push(err))
  return res
}

/** Makes the Cache API's `match`, `put` or both throw, as an edge cache outage would. */
const cacheFails = (methods: ('match' | 'put')[]) => {
  const cache = caches.default
  for (const method of methods)
    vi.spyOn(cache, method).mockRejectedValue(new Error(`Cache API ${method} failed`))
  return cache
}

describe('when the Cache API fails', () => {
  it.each([[['match'] as const], [['put'] as const], [['match', 'put'] as const]])(
    'serves every public page from D1 with a 200 when %s throws',
    async (methods) => {
      captureLogs()
      const cache = cacheFails([...methods])
      const problems: string[] = []
      const background: unknown[] = []
      for (const path of pages) {
        // Every request reads the content version as well as the page, as one does once this
        // location's copy of the version is 5 seconds old.
        await versionExpires()
        const res = await get(path, background)
        const html = await res.text()
        if (res.status !== 200) problems.push(`${path}: ${res.status}`)
        else if (!html.includes('</html>')) problems.push(`${path}: not a whole page`)
      }
      expect(problems).toEqual([])
      // The stubs were reached: the requests really went through a failing cache.
      for (const method of methods) expect(cache[method]).toHaveBeenCalled()
    },
    SLOW,
  )
})
