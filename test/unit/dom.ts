// Renders hono/jsx to HTML and parses it with linkedom, so unit tests assert on the structure a
// browser would build (elements, attributes, ids) rather than on substrings of the markup.
import { parseHTML } from 'linkedom'

/**
 * The part of a DOM element the tests use. The project compiles without the DOM library (the
 * Workers types clash with it) and linkedom's own types are mostly `any`, so this says what is
 * relied on.
 */
export type DomElement = {
  readonly tagName: string
  readonly id: string
  readonly textContent: string | null
  readonly innerHTML: string
  readonly children: ArrayLike<DomElement>
  readonly parentElement: DomElement | null
  readonly classList: { contains(token: string): boolean }
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement> & Iterable<DomElement>
  closest(selectors: string): DomElement | null
}

/** The part of a parsed document the tests use. */
export type DomDocument = DomElement & {
  readonly documentElement: DomElement
  readonly body: DomElement
  readonly title: string
  getElementById(id: string): DomElement | null
}

/** Renders JSX (a hono/jsx element, possibly async) to the HTML a response would carry. */
export const render = async (node: unknown): Promise<string> => String(await node)

/** Parses a whole HTML page, doctype and all. */
export const parseDocument = (html: string) => parseHTML(html).document as unknown as DomDocument

/** Renders a whole page (a component that outputs `<html>`) into a document. */
export const renderDocument = async (node: unknown) => parseDocument(await render(node))

/**
 * Parses an HTML fragment into the body of an empty document and returns the body, so tests
 * query only what the fragment made.
 */
export const parseFragment = (html: string): DomElement =>
  parseDocument(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`).body

/** Renders a component, or any JSX, as a fragment: see parseFragment. */
export const renderFragment = async (node: unknown) => parseFragment(await render(node))

/** An element's text as a reader hears it: whitespace runs collapsed, ends trimmed. */
export const text = (element: DomElement | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

/** The first element matching `selectors`; fails the test, naming the selector, if none does. */
export const one = (root: DomElement, selectors: string): DomElement => {
  const found = root.querySelector(selectors)
  if (!found) throw new Error(`No element matches ${selectors}`)
  return found
}

/** All elements matching `selectors`, as an array. */
export const all = (root: DomElement, selectors: string): DomElement[] => [
  ...root.querySelectorAll(selectors),
]
