import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { LinkifyIt } from '../../../src/lib/no-linkify.ts'

describe('LinkifyIt (the stand-in for linkify-it)', () => {
  const linkify = new LinkifyIt()

  it('finds no links in any text', () => {
    expect(linkify.pretest()).toBe(false)
    expect(linkify.test()).toBe(false)
    expect(linkify.match()).toBeNull()
    expect(linkify.matchAtStart()).toBeNull()
  })

  it('returns itself from set(), as markdown-it chains linkify.set(options)', () => {
    expect(linkify.set()).toBe(linkify)
  })

  it('has the methods markdown-it calls on its linkify instance, as linkify-it does', () => {
    // markdown-it 15 calls test, match and matchAtStart; set is how options reach linkify-it.
    // Should an upgrade call another, the stand-in in the Worker bundle must grow it.
    const real = new MarkdownIt().linkify as unknown as Record<string, unknown>
    for (const name of ['test', 'match', 'matchAtStart', 'set']) {
      expect(typeof real[name], name).toBe('function')
      expect(typeof (linkify as unknown as Record<string, unknown>)[name], name).toBe('function')
    }
  })
})
