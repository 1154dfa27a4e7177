import { describe, expect, it } from 'vitest'
import { BUDGET, BUDGET_PAGES, bundleSize, firstView } from '../../scripts/lib/weight.ts'
import { BASE_URL } from './browser.ts'

// Sizes are deterministic for a given tree, so the budget is a test; timings never are.
describe('the size budget', () => {
  it.each(BUDGET_PAGES)(
    `keeps the first view of %s within ${BUDGET.firstViewGzip} bytes gzip`,
    async (path) => {
      const weight = await firstView(BASE_URL, path)
      expect(weight.css).toBeGreaterThan(0)
      expect(weight.total).toBeLessThanOrEqual(BUDGET.firstViewGzip)
    },
  )

  it(`keeps the public Worker within ${BUDGET.workerGzip} bytes gzip`, () => {
    const { gzip } = bundleSize('wrangler.toml')
    expect(gzip).toBeGreaterThan(10_000)
    expect(gzip).toBeLessThanOrEqual(BUDGET.workerGzip)
  })
})
