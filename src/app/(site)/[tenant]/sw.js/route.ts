import { SERVICE_WORKER_SOURCE } from '../_lib/serviceWorker'
import { loadSite } from '../_lib/site'

type Context = { params: Promise<{ tenant: string }> }

/**
 * The site's service worker: `/<slug>/sw.js` on the platform's host (scope `/<slug>/`), `/sw.js` on
 * the tenant's own host (src/proxy.ts rewrites it here; scope `/`). Browsers check it for updates
 * on their own, so it is never cached long. 404 for an unknown site.
 */
export async function GET(_request: Request, { params }: Context) {
  const site = await loadSite((await params).tenant)
  if (!site) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return new Response(SERVICE_WORKER_SOURCE, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    },
  })
}
