import { serveSeoFile } from '../../_lib/seoFiles'

/** Read per request (the plugin's endpoint sets the cache headers); never prerendered at build time. */
export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ tenant: string; file: string }> }

/** Sitemap file `<n>.xml` of the tenant's sitemap index (streamed). */
export async function GET(_request: Request, { params }: Context) {
  const { tenant, file } = await params
  const n = /^([1-9]\d{0,6})\.xml$/.exec(file)?.[1]
  if (!n) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return serveSeoFile(tenant, '/website/sitemap', () => ({ file: n }))
}
