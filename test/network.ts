import { FetchInterceptor } from '@mswjs/interceptors/fetch'
import { InterceptorSource, defineNetwork } from 'msw/experimental'

/**
 * MSW over the global fetch, which the Worker shares with the tests (they run in one isolate).
 * msw/node also patches Node's http module, which workerd cannot load, so only fetch is
 * intercepted here. Unhandled requests fail the test rather than reach the network.
 */
export const network = defineNetwork({
  sources: [new InterceptorSource({ interceptors: [new FetchInterceptor()] })],
  onUnhandledFrame: 'error',
  // As msw/node's setupServer: no log of each mocked request, which would bury test results.
  context: { quiet: true },
})
