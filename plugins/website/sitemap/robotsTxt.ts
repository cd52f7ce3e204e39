/** Pages of a tenant's site that are private or per visitor: kept out of crawlers' way. */
const PRIVATE = [
  '/account',
  '/checkout',
  '/session',
  '/login',
  '/signup',
  '/join',
  '/forgot',
  '/reset',
  '/bays/confirm',
]

/**
 * A tenant's robots.txt. `prefix` is where its site sits on the host serving the file: `''` on
 * its own domain or `<slug>.<ROOT_DOMAIN>`, `/<slug>` in the platform's path form. The Sitemap
 * line names the canonical sitemap index (robots.txt may point to a sitemap on another host).
 */
export const robotsTxt = ({ prefix, sitemapUrl }: { prefix: string; sitemapUrl: string }): string =>
  [
    'User-agent: *',
    `Allow: ${prefix || '/'}`,
    ...PRIVATE.map((path) => `Disallow: ${prefix}${path}`),
    'Disallow: /admin',
    'Disallow: /api',
    '',
    `Sitemap: ${sitemapUrl}`,
    '',
  ].join('\n')
