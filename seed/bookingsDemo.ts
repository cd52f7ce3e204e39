import type { CollectionSlug, Payload, RequiredDataFromCollectionSlug, Where } from 'payload'
import { fromWallTime, localDate } from '../src/core/time/zonedTime'
import { DEMO_TENANTS, demoEmail } from './demoTenants'

const first = async (payload: Payload, collection: CollectionSlug, where: Where) =>
  (await payload.find({ collection, where, limit: 1, depth: 0, pagination: false })).docs[0]

/**
 * Appointments and events for every demo tenant: two services offered by the demo instructor/coach
 * (a paid private session with a buffer, a free intro call), their weekly availability at the first
 * location outside the demo classes (Mon/Wed/Fri 10:00–16:00, Tue/Thu 14:00–18:00 local), and one
 * published event two weeks ahead at 18:00 local. Adds only what is missing.
 */
export const seedBookingsDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!payload.collections['classes']) return { created: 0 } // bookings is not installed
  let created = 0
  for (const demo of DEMO_TENANTS) {
    const tenant = await first(payload, 'tenants', { slug: { equals: demo.slug } })
    if (!tenant) continue
    const user = await first(payload, 'users', { email: { equals: demoEmail(demo.slug, 'instructor') } })
    const provider =
      user &&
      (await first(payload, 'tenant-memberships', {
        and: [{ tenant: { equals: tenant.id } }, { user: { equals: user.id } }],
      }))
    const location = await first(payload, 'locations', {
      and: [{ tenant: { equals: tenant.id } }, { slug: { equals: demo.locations[0].slug } }],
    })
    if (!provider || !location) continue

    const services: Omit<RequiredDataFromCollectionSlug<'appointment-services'>, 'tenant'>[] = [
      {
        title: 'Private session',
        kind: 'service',
        durationMinutes: 60,
        bufferAfterMinutes: 15,
        slotIntervalMinutes: 30,
        price: { amount: 7500, currency: demo.currency },
      },
      {
        title: 'Intro call',
        kind: 'consultation',
        durationMinutes: 30,
        slotIntervalMinutes: 30,
        deliveryMode: 'virtual',
      },
    ]
    for (const service of services) {
      if (
        await first(payload, 'appointment-services', {
          and: [{ tenant: { equals: tenant.id } }, { title: { equals: service.title } }],
        })
      )
        continue
      await payload.create({
        collection: 'appointment-services',
        data: {
          tenant: tenant.id,
          ...service,
          providers: [provider.id],
          location: location.id,
          bookingWindowDays: 30,
          minNoticeMinutes: 120,
          isActive: true,
        },
      })
      created++
    }
    const hasRules = await first(payload, 'availability-rules', { provider: { equals: provider.id } })
    if (!hasRules) {
      const week = [
        ...[1, 3, 5].map((weekday) => ({ weekday, startLocal: '10:00', endLocal: '16:00' })),
        ...[2, 4].map((weekday) => ({ weekday, startLocal: '14:00', endLocal: '18:00' })),
      ]
      for (const rule of week) {
        await payload.create({
          collection: 'availability-rules',
          data: {
            tenant: tenant.id,
            provider: provider.id,
            location: location.id,
            kind: 'available',
            ...rule,
          },
        })
        created++
      }
    }
    const title = `${demo.name} open house`
    if (!(await first(payload, 'events', { and: [{ tenant: { equals: tenant.id } }, { title: { equals: title } }] }))) {
      const zone = demo.locations[0].timezone
      const [year, month, day] = localDate(new Date(Date.now() + 14 * 86_400_000), zone)
        .split('-')
        .map(Number)
      const start = fromWallTime({ year, month, day, hour: 18, minute: 0 }, zone)
      await payload.create({
        collection: 'events',
        data: {
          tenant: tenant.id,
          title,
          kind: 'one_time_event',
          description: 'Meet the team, try a short class and bring a friend.',
          location: location.id,
          startTime: start.toISOString(),
          endTime: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
          capacity: 40,
          maxGuests: 1,
          rsvpDeadline: new Date(start.getTime() - 3_600_000).toISOString(),
          status: 'published',
        },
      })
      created++
    }
  }
  return { created }
}
