import config from '@payload-config'
import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import { createLocalReq, getPayload, type Payload } from 'payload'
import { resolveTenant, SITE_TENANTS_TAG, siteTag, tenantBySlug, type TenantRef } from '@/core'
import type { Schedule, ScheduleEntry } from '@plugins/bookings/contract'
import { openingHoursOf, type OpeningHoursRow } from './openingHours'

/** Statuses in which a tenant's site is open (schedule shown, booking possible later). */
const OPEN = new Set(['active', 'trial'])

export type SiteLocation = {
  id: string
  name: string
  /** Its page: `/locations/<slug>` (pages). */
  slug: string | null
  timezone: string
  address: {
    line1?: string | null
    line2?: string | null
    city?: string | null
    region?: string | null
    postalCode?: string | null
    country?: string | null
  } | null
  /** Its opening hours (the website plugin's `openingHours[]`; none without it). */
  openingHours: OpeningHoursRow[]
}

export type Site = {
  tenant: TenantRef
  /** The `[tenant]` segment this site was reached by (slug or own host): form actions send it back. */
  key: string
  /** Prefix of the site's links: `/<slug>` in the path form, `` when served on its own host. */
  base: string
  open: boolean
  name: string
  primaryColor: string | null
  heroTitle: string | null
  heroSubtitle: string | null
  heroCtaLabel: string | null
  heroCtaLink: string | null
  contactEmail: string | null
  contactPhone: string | null
  locations: SiteLocation[]
}

/** A link inside the site: `href(site, '/schedule')` → `/<slug>/schedule`, or `/schedule` on the tenant's own host. */
export const href = (site: Pick<Site, 'base'>, path = ''): string => `${site.base}${path}` || '/'

/** A stored link of the form `/<slug>/...` (e.g. the hero's call to action) rewritten for the current base. */
export const localLink = (site: Pick<Site, 'base' | 'tenant'>, link: string): string => {
  const prefix = `/${site.tenant.slug}`
  if (link === prefix || link.startsWith(`${prefix}/`) || link.startsWith(`${prefix}?`))
    return href(site, link.slice(prefix.length))
  return link
}

export const payloadInstance = cache(async (): Promise<Payload> => getPayload({ config }))

const HEX = /^#[0-9a-fA-F]{3,8}$/

/**
 * The tenant a `[tenant]` segment names: a slug (path form, and `<slug>.<ROOT_DOMAIN>` rewritten by
 * `src/proxy.ts`) or a host (a tenant's own domain, rewritten by the proxy). Null when unknown.
 */
const tenantForKey = async (payload: Payload, key: string): Promise<TenantRef | null> => {
  const value = decodeURIComponent(key).toLowerCase()
  if (/^[a-z0-9-]+$/.test(value)) return tenantBySlug(payload, value)
  if (/^[a-z0-9.-]+\.[a-z]{2,63}$/.test(value)) return resolveTenant(payload, { headers: new Headers({ host: value }) })
  return null
}

type SiteData = Omit<Site, 'key' | 'base'>

/** Thrown inside the cached lookup so that unknown slugs and hosts are never cached. */
class UnknownSite extends Error {}

/** The tenant a key names, cached (tag `site:tenants`) for known tenants only. */
const cachedTenant = async (key: string): Promise<TenantRef | null> => {
  try {
    return await unstable_cache(
      async () => {
        const tenant = await tenantForKey(await payloadInstance(), key)
        if (!tenant) throw new UnknownSite()
        return tenant
      },
      ['atrium-site-tenant', key],
      { tags: [SITE_TENANTS_TAG] },
    )()
  } catch (error) {
    if (error instanceof UnknownSite) return null
    throw error
  }
}

/** A tenant's settings and locations, read as an anonymous visitor (`overrideAccess: false`). */
const readSiteData = async (tenant: TenantRef): Promise<SiteData> => {
  const payload = await payloadInstance()
  const [settings, locations] = await Promise.all([
    payload.find({
      collection: 'tenant-settings',
      where: { tenant: { equals: tenant.id } },
      limit: 1,
      depth: 0,
      overrideAccess: false,
      select: {
        branding: { platformName: true, primaryColor: true },
        homepage: true,
        contact: { email: true, phone: true },
      },
    }),
    payload.find({
      collection: 'locations',
      where: { and: [{ tenant: { equals: tenant.id } }, { isActive: { not_equals: false } }] },
      sort: 'name',
      limit: 50,
      depth: 0,
      overrideAccess: false,
      select: { name: true, slug: true, timezone: true, address: true, openingHours: true },
    }),
  ])
  const s = settings.docs[0] as
    | {
        branding?: { platformName?: string | null; primaryColor?: string | null }
        homepage?: {
          heroTitle?: string | null
          heroSubtitle?: string | null
          heroCtaLabel?: string | null
          heroCtaLink?: string | null
        }
        contact?: { email?: string | null; phone?: string | null }
      }
    | undefined
  const color = s?.branding?.primaryColor
  return {
    tenant,
    open: OPEN.has(tenant.status),
    name: s?.branding?.platformName || tenant.name,
    primaryColor: color && HEX.test(color) ? color : null,
    heroTitle: s?.homepage?.heroTitle ?? null,
    heroSubtitle: s?.homepage?.heroSubtitle ?? null,
    heroCtaLabel: s?.homepage?.heroCtaLabel ?? null,
    heroCtaLink: s?.homepage?.heroCtaLink ?? null,
    contactEmail: s?.contact?.email ?? null,
    contactPhone: s?.contact?.phone ?? null,
    locations: locations.docs.map((doc) => ({
      id: String(doc.id),
      name: String(doc.name),
      slug: doc.slug ?? null,
      timezone: String(doc.timezone ?? tenant.timezone),
      address: (doc.address as SiteLocation['address']) ?? null,
      openingHours: openingHoursOf(doc),
    })),
  }
}

/**
 * Everything the tenant's pages share: the tenant, its settings and its locations, public data
 * only (no request data is read, so cached pages may use it). Cached in Next's data cache under
 * `site:tenants` and `site:<tenant id>`, which `siteChanged` invalidates. A key with a dot is a
 * host the proxy rewrote (`<slug>.<ROOT_DOMAIN>` or the tenant's own domain): links then omit
 * the slug. Null for an unknown slug or host.
 */
export const loadSite = cache(async (rawKey: string): Promise<Site | null> => {
  const key = decodeURIComponent(rawKey).toLowerCase()
  const tenant = await cachedTenant(key)
  if (!tenant) return null
  const data = await unstable_cache(() => readSiteData(tenant), ['atrium-site-data', tenant.id], {
    tags: [siteTag(tenant.id)],
  })()
  return { ...data, key, base: key.includes('.') ? '' : `/${tenant.slug}` }
})

/**
 * Marks the page being rendered as showing these tags' content, so that `siteChanged` (through
 * `revalidateTag`) re-renders it. The page reads that content fresh when it renders.
 */
export const showsTags = async (...tags: string[]): Promise<void> => {
  await unstable_cache(async () => true, ['atrium-site-tags', ...tags], { tags })()
}

/**
 * The tenant's public schedule between two instants, through the app's own public
 * `GET /api/schedule` endpoint invoked in-process with an anonymous local request (no HTTP
 * round trip, no import of plugin internals, and the same data and access as the REST API).
 * Null when no schedule endpoint is installed or it refused.
 */
export const readPublicSchedule = async (tenantSlug: string, from: Date, to: Date): Promise<ScheduleEntry[] | null> => {
  const payload = await payloadInstance()
  const endpoint = (payload.config.endpoints || []).find((e) => e.path === '/schedule' && e.method === 'get')
  if (!endpoint) return null
  const query = new URLSearchParams({ tenant: tenantSlug, from: from.toISOString(), to: to.toISOString() })
  const url = `${payload.config.serverURL || 'http://localhost'}/api/schedule?${query}`
  const req = await createLocalReq({ req: { url } }, payload)
  const response = await endpoint.handler(req)
  if (!response.ok) return null
  const body = (await response.json()) as Partial<Schedule>
  return body.classes ?? []
}
