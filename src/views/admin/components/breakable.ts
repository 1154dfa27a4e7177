import { raw } from 'hono/html'
import { escapeToBuffer } from 'hono/utils/html'

/**
 * An address (a path or slug), escaped, that may wrap after each slash or hyphen, so a long one
 * fits a phone's width. Markup, for JSX and tagged templates alike.
 */
export const breakable = (address: string) => {
  const escaped: [string] = ['']
  escapeToBuffer(address, escaped)
  return raw(escaped[0].replace(/[/-](?=.)/g, '$&<wbr/>'))
}
