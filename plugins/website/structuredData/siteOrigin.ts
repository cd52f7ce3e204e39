/**
 * The canonical base URL of a tenant's site, without a trailing slash: its first own domain
 * (`https://studio.example.com`, with the protocol of `serverUrl`) when it has one, else the
 * platform's path form (`<serverUrl>/<slug>`). Canonical links, JSON-LD `url`s, robots.txt and
 * sitemaps all use it.
 */
export const siteOrigin = (
  tenant: { slug: string; domains?: ({ hostname?: string | null } | null)[] | null },
  serverUrl: string,
): string => {
  const server = new URL(serverUrl)
  const host = tenant.domains?.find((d) => d?.hostname)?.hostname
  if (host) return `${server.protocol}//${host.toLowerCase()}`
  return `${server.origin}${server.pathname.replace(/\/+$/, '')}/${tenant.slug}`
}
