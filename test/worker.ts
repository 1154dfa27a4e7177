import adminWorker from '../src/admin.tsx'
import publicWorker from '../src/index.tsx'

/**
 * The Worker the tests run: both of the site's Workers in one. In production /admin reaches the
 * admin Worker through the public Worker's ADMIN service binding; here ADMIN points back at this
 * Worker, which sends /admin to the admin app (test/routes/admin-forwarding.test.ts checks the
 * forwarding itself).
 */
export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const { pathname } = new URL(request.url)
    if (pathname === '/admin' || pathname.startsWith('/admin/')) return adminWorker.fetch(request, env, ctx)
    return publicWorker.fetch(request, env, ctx)
  },
  scheduled: publicWorker.scheduled,
}
