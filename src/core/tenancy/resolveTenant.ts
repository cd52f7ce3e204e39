import type { Payload, Where } from 'payload'
import { getEnv } from '../env'

export type TenantRef = { id: string; slug: string; name: string; status: string; timezone: string; currency: string }

const fields = { id: true, slug: true, name: true, status: true, timezone: true, currency: true } as const

const findTenant = async (payload: Payload, where: Where): Promise<TenantRef | null> => {
  const { docs } = await payload.find({
    collection: 'tenants',
    where,
    limit: 1,
    depth: 0,
    select: fields,
    overrideAccess: false,
  })
  return docs[0] ?? null
}

/** The tenant with this slug, or null. */
export const tenantBySlug = (payload: Payload, slug: string) =>
  /^[a-z0-9-]+$/.test(slug) ? findTenant(payload, { slug: { equals: slug } }) : Promise.resolve(null)

/**
 * The tenant a request is for: an explicit `x-tenant` header (slug), the tenant's own domain,
 * `<slug>.<ROOT_DOMAIN>`, or the first path segment (`/<slug>/...`, the localhost fallback).
 */
export const resolveTenant = async (
  payload: Payload,
  { headers, pathname }: { headers: Headers; pathname?: string },
): Promise<TenantRef | null> => {
  const explicit = headers.get('x-tenant')
  if (explicit) return tenantBySlug(payload, explicit.trim().toLowerCase())
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(':')[0].toLowerCase()
  if (host) {
    const byDomain = await findTenant(payload, { 'domains.hostname': { equals: host } })
    if (byDomain) return byDomain
    const root = getEnv().ROOT_DOMAIN.toLowerCase()
    if (host.endsWith(`.${root}`)) {
      const sub = host.slice(0, -(root.length + 1))
      if (!sub.includes('.')) {
        const bySub = await tenantBySlug(payload, sub)
        if (bySub) return bySub
      }
    }
  }
  const first = pathname?.split('/').filter(Boolean)[0]
  return first ? tenantBySlug(payload, first.toLowerCase()) : null
}
