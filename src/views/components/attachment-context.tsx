import type { AttachmentFiles } from '../../lib/attachment-links.ts'

/**
 * The library's entries for the attachments of the body being rendered. A value scoped to one
 * synchronous render rather than hono/jsx's createContext, whose import brings the client-side
 * renderer (8 KB gzip) into the public Worker: every view here is synchronous, so a render runs
 * start to finish without another request's code running in between.
 */
let current: AttachmentFiles | undefined

/**
 * Renders with `files` available to the Markdown inside (a route looks them up: see
 * routes/attachments.ts), so the views between need not pass them on. `render` must render
 * synchronously, as `c.html(<Page />)` does for synchronous components.
 */
export const withAttachments = <T,>(files: AttachmentFiles | undefined, render: () => T): T => {
  current = files
  try {
    return render()
  } finally {
    current = undefined
  }
}

/** The attachments of the body being rendered, if its route looked any up. */
export const useAttachments = () => current
