import { serveSeoFile } from '../_lib/seoFiles'

/** Read per request (the plugin's endpoint sets the cache headers); never prerendered at build time. */
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ tenant: string }> }

/** The tenant's robots.txt: `/robots.txt` on its own host (src/proxy.ts), `/<slug>/robots.txt` on the platform's. */
export async function GET(_request: Request, { params }: Context) {
  return serveSeoFile((await params).tenant, '/website/robots', (site) => ({ prefix: site.base }))
}
