import type { Payload } from 'payload'
import { getEnv } from '@/core'
import { siteOrigin } from '../structuredData/siteOrigin'
import type { SitemapContext } from './types'

/** Statuses in which a tenant's site is public. */
const OPEN = new Set(['active', 'trial'])

/**
 * The sitemap context of the tenant with this slug (read as an anonymous visitor), or null when
 * there is none or its site is closed (suspended, archived).
 */
export const sitemapContext = async (
  payload: Payload,
  slug: string,
  now = new Date(),
): Promise<SitemapContext | null> => {
  if (!/^[a-z0-9-]+$/.test(slug)) return null
  const { docs } = await payload.find({
    collection: 'tenants',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    select: { slug: true, status: true, domains: true },
  })
  const tenant = docs[0]
  if (!tenant || !OPEN.has(String(tenant.status))) return null
  return {
    payload,
    tenant: { id: String(tenant.id), slug: tenant.slug },
    origin: siteOrigin({ slug: tenant.slug, domains: tenant.domains }, getEnv().SERVER_URL),
    now,
    memo: new Map(),
  }
}
