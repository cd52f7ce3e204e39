import { serveSeoFile } from '../_lib/seoFiles'

/** Read per request (the plugin's endpoint sets the cache headers); never prerendered at build time. */
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ tenant: string }> }

/** The tenant's sitemap index (streamed): its files are `sitemaps/<n>.xml`, 50,000 URLs each at most. */
export async function GET(_request: Request, { params }: Context) {
  return serveSeoFile((await params).tenant, '/website/sitemap')
}
