import { Hono } from 'hono/tiny'
import { bodyLimit } from 'hono/body-limit'
import { csrf } from 'hono/csrf'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import type { AppEnv } from './env.ts'
import { ADMIN_FORM_MAX_BYTES } from './http/admin-form.ts'
import { notFound, onError } from './http/errors.tsx'
import { setBookmarkCookie } from './http/d1-session.ts'
import { database } from './middleware/db.ts'
import { securityHeaders } from './middleware/security-headers.ts'
import { admin } from './routes/admin/index.tsx'

/**
 * The staff area, a Worker of its own: the public Worker forwards /admin to it through a
 * service binding. Keeping sign-in, editing and the inbox out of the public Worker keeps that
 * one small (fast cold starts) and leaves the code visitors reach with no staff features at all.
 */
const app = new Hono<AppEnv>()

app.use(requestId())
app.use(securityHeaders())
app.use(csrf())
// Staff forms are a few fields of text: anything larger is refused before it is read, as the
// public forms are (sign-in is reachable without signing in).
app.use(
  bodyLimit({
    maxSize: ADMIN_FORM_MAX_BYTES,
    onError: () => {
      throw new HTTPException(413)
    },
  }),
)
app.use(database({ start: 'first-primary', returnBookmark: setBookmarkCookie }))
app.route('/admin', admin)
app.notFound(notFound)
app.onError(onError)

export default app
