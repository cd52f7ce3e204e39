import { createLocalReq } from 'payload'
import { loadSite, payloadInstance, type Site } from './site'

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })

/**
 * A tenant's robots.txt, sitemap file or blog feed: the website plugin's public endpoint (`GET /api<path>`)
 * invoked in-process for the site the `[tenant]` segment names (no import of plugin internals; its
 * streamed body is passed through). 404 for an unknown or closed site, or without the plugin.
 */
export const serveSeoFile = async (
  key: string,
  path: '/website/robots' | '/website/sitemap' | '/website/blog/rss',
  params: (site: Site) => Record<string, string> = () => ({}),
): Promise<Response> => {
  const site = await loadSite(key)
  if (!site || !site.open) return notFound()
  const payload = await payloadInstance()
  const endpoint = (payload.config.endpoints || []).find((e) => e.path === path && e.method === 'get')
  if (!endpoint) return notFound()
  const query = new URLSearchParams({ tenant: site.tenant.slug, ...params(site) })
  const req = await createLocalReq(
    { req: { url: `${payload.config.serverURL || 'http://localhost'}/api${path}?${query}` } },
    payload,
  )
  return endpoint.handler(req)
}
