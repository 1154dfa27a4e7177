import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, type Page, chromium } from 'playwright-core'

import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../scripts/lib/chromium.ts'

export { BASE_URL } from '../../scripts/lib/local-site.ts'

/** WCAG 2.2 A and AA, including the rules of earlier versions. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']

/** Launches Debian's Chromium (never a downloaded browser). */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS })

/** Runs axe with the WCAG 2.2 A/AA rules and returns the violations, summarised. */
export const axeViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }))
}

const run = promisify(execFile)

/** A message from the Nu HTML Checker. */
export type NuMessage = { type: string; message: string; url?: string; lastLine?: number }

/**
 * Checks HTML documents with the Nu HTML Checker (vnu.jar, run once for all of them) and
 * returns its errors, keyed by document name.
 */
export const nuErrors = async (documents: Record<string, string>) => {
  const dir = await mkdtemp(join(tmpdir(), 'vnu-'))
  const files = await Promise.all(
    Object.entries(documents).map(async ([name, html], i) => {
      const file = join(dir, `${i}.html`)
      await writeFile(file, html)
      return [file, name] as const
    }),
  )
  const jar = join(process.cwd(), 'node_modules/vnu-jar/build/dist/vnu.jar')
  const { stdout } = await run(
    'java',
    ['-jar', jar, '--errors-only', '--format', 'json', '--stdout', ...files.map(([f]) => f)],
    { maxBuffer: 64 * 1024 * 1024 },
  ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }))
  const names = new Map(files.map(([file, name]) => [`file:${file}`, name]))
  // vnu always prints a JSON report; anything else means it did not run, which must fail.
  const messages: NuMessage[] = JSON.parse(stdout).messages
  return messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({ page: names.get(m.url ?? '') ?? m.url, line: m.lastLine, message: m.message }))
}
