import { hasCollection } from '@/core'
import type { AppointmentService } from '@/payload-types'
import { payloadInstance, type Site } from './site'

/** An appointment service as the site reads it (depth 0; `providerNames` are the providers' public names). */
export type ServiceDoc = AppointmentService

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const idOf = (value: string | { id: string } | null | undefined) =>
  value && typeof value === 'object' ? value.id : (value ?? null)

/**
 * The tenant's active appointment services (public content, read as an anonymous visitor), or
 * only the one with `id` (null for another tenant's, an inactive one or an unknown id).
 * Null when the bookings plugin is not installed.
 */
export const loadServices = async (site: Site, id?: string): Promise<ServiceDoc[] | null> => {
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'appointment-services')) return null
  if (id !== undefined && !UUID.test(id)) return []
  const { docs } = await payload.find({
    collection: 'appointment-services',
    where: {
      and: [
        { tenant: { equals: site.tenant.id } },
        { isActive: { not_equals: false } },
        ...(id ? [{ id: { equals: id } }] : []),
      ],
    },
    sort: 'title',
    limit: 100,
    depth: 0,
    overrideAccess: false,
  })
  return docs
}

export const providerIds = (service: ServiceDoc) =>
  (service.providers ?? []).map((p) => idOf(p)).filter((p): p is string => Boolean(p))

/** The zone a service's times are shown in: its location's, else the tenant's. */
export const serviceZone = (site: Site, service: ServiceDoc) =>
  site.locations.find((l) => l.id === idOf(service.location))?.timezone ?? site.tenant.timezone

export const serviceLocation = (site: Site, service: ServiceDoc) =>
  site.locations.find((l) => l.id === idOf(service.location)) ?? null

export const servicePrice = (service: ServiceDoc) =>
  service.price?.amount != null && service.price.currency
    ? { amount: service.price.amount, currency: service.price.currency }
    : null
