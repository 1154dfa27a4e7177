import adminWorker from '../src/admin.tsx'
import publicWorker from '../src/index.tsx'

/**
 * The Worker the tests run: both of the site's Workers in one, wired as in production. Every
 * request goes to the public Worker, whose ADMIN service binding reaches the admin app here.
 * (vitest.config.ts points the real ADMIN binding back at this Worker, which is never used.)
 */
export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const admin = {
      fetch: (req: Request) => adminWorker.fetch(req, env, ctx),
    } as unknown as Fetcher
    return publicWorker.fetch(request, { ...env, ADMIN: admin }, ctx)
  },
  scheduled: publicWorker.scheduled,
}
