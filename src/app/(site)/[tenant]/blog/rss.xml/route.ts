import { serveSeoFile } from '../../_lib/seoFiles'

/** Read per request (the plugin's endpoint sets the cache headers); never prerendered at build time. */
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ tenant: string }> }

/** The tenant's blog as RSS 2.0: the latest 20 published posts, links on the site's canonical origin. */
export async function GET(_request: Request, { params }: Context) {
  return serveSeoFile((await params).tenant, '/website/blog/rss')
}
