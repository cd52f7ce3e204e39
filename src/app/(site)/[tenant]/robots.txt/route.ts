import { serveSeoFile } from '../_lib/seoFiles'

type Context = { params: Promise<{ tenant: string }> }

/** The tenant's robots.txt: `/robots.txt` on its own host (src/proxy.ts), `/<slug>/robots.txt` on the platform's. */
export async function GET(_request: Request, { params }: Context) {
  return serveSeoFile((await params).tenant, '/website/robots', (site) => ({ prefix: site.base }))
}
