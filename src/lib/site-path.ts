// Paths from a request, made safe to send back. Browsers read `//host` and `/\host` as another
// site, and a control character (TAB, CR, LF) is dropped or splits a header; a request path can
// hold all of them once decoded, so none may reach a Location header or a canonical URL as is.

/** C0 controls and DEL. */
const CONTROL = /[\u0000-\u001f\u007f]/

/** Whether a path holds a control character: no page has one, so it is simply not found. */
export const hasControlCharacter = (path: string) => CONTROL.test(path)

/**
 * The path as one on this site: backslashes as slashes, a run of leading slashes as one, and
 * control characters removed. Resolved against the site's origin, it never leaves it.
 */
export const onSitePath = (path: string) =>
  `/${path.replace(new RegExp(CONTROL, 'g'), '').replaceAll('\\', '/').replace(/^\/+/, '')}`
