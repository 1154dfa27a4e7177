/**
 * One CSV field (RFC 4180): quoted, quotes doubled. A value a spreadsheet would run as a
 * formula (starting =, +, -, @, tab or carriage return) is prefixed with an apostrophe, as
 * OWASP advises against CSV injection.
 */
export const csvField = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return `"${text.replaceAll('"', '""')}"`
}

/** Rows as CSV text with CRLF line ends. */
export const toCsv = (rows: unknown[][]): string =>
  `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`
