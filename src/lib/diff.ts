import { diffArrays } from 'diff'

/** A run of a diff: text both sides share, or text only one side has. */
export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string }

/**
 * Most lines, both sides together, that diffLines compares. Myers' algorithm (the diff package)
 * costs O((n + m) · d) for n + m lines and d edits, so the line count bounds the cost together
 * with MAX_DIFF_EDITS: 20,000 lines and 1,000 edits took about 100 ms and a few MB at worst in
 * V8 (the engine workerd runs), well inside a Worker's CPU time and 128 MB. Bodies are capped at
 * 50,000 characters, so real pages of a few hundred lines are nowhere near it.
 */
export const MAX_DIFF_LINES = 20_000

/**
 * Most lines added plus lines removed that diffLines will work through before giving up. A diff
 * of more than about 500 changed lines is no longer readable anyway. This, not the package's
 * `timeout` option, bounds the work, since a Worker's clock stands still while it computes.
 */
export const MAX_DIFF_EDITS = 1_000

/**
 * A line diff of two texts, consecutive lines of a kind joined by '\n'; null when they are too
 * large, or too different, to compare within a Worker's budget (see MAX_DIFF_LINES).
 */
export const diffLines = (before: string, after: string): DiffPart[] | null => {
  // Unchanged text needs no diff, however long, and saying so beats "too large".
  if (before === after) return [{ kind: 'same', text: before }]
  const a = before.split('\n')
  const b = after.split('\n')
  if (a.length + b.length > MAX_DIFF_LINES) return null
  // Lines as array items rather than the package's diffLines, which keeps each '\n' on its line.
  const changes = diffArrays(a, b, { maxEditLength: MAX_DIFF_EDITS })
  if (!changes) return null
  return changes.map((c) => ({
    kind: c.added ? 'added' : c.removed ? 'removed' : 'same',
    text: c.value.join('\n'),
  }))
}
