/**
 * Which tenant site a request's host names, for `src/proxy.ts` (no database: the site resolves
 * the key in `[tenant]/layout.tsx`). `<slug>.<ROOT_DOMAIN>` → the slug; another dotted host (a
 * tenant's own domain) → the host itself; the platform's own hosts, IP addresses and single-label
 * hosts (`localhost`, `web`) → null (path form `/<slug>/...`, admin and API).
 */
export const siteKeyForHost = (rawHost: string, rootDomain: string, platformHosts: string[] = []): string | null => {
  const host = rawHost.split(':')[0].trim().toLowerCase().replace(/\.$/, '')
  const root = rootDomain.trim().toLowerCase()
  if (!host || host === root || host === `www.${root}` || platformHosts.includes(host)) return null
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')) return null
  if (host.endsWith(`.${root}`)) {
    const label = host.slice(0, -(root.length + 1))
    return /^[a-z0-9-]+$/.test(label) ? label : null
  }
  if (!host.includes('.')) return null
  return /^[a-z0-9.-]+$/.test(host) ? host : null
}
