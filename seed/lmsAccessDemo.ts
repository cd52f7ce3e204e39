import type { Payload } from 'payload'
import { callEndpoint } from '../src/core/http/callEndpoint'
import { demoEmail } from './demoTenants'

const TENANT = 'lumen-creator'
const PLAN = 'Lumen Library'
const EVENT = 'Live core workshop'
const DAY = 86_400_000

const one = async (payload: Payload, collection: 'courses' | 'content-items', tenant: string, slug: string) =>
  (
    await payload.find({
      collection,
      where: { and: [{ tenant: { equals: tenant } }, { slug: { equals: slug } }] },
      limit: 1,
      depth: 0,
      draft: true,
    })
  ).docs[0]

/** The demo person's user and their membership of the tenant, or undefined. */
const person = async (payload: Payload, tenant: string, key: string) => {
  const user = (
    await payload.find({
      collection: 'users',
      where: { email: { equals: demoEmail(TENANT, key) } },
      limit: 1,
      depth: 0,
    })
  ).docs[0]
  if (!user) return undefined
  const membership = (
    await payload.find({
      collection: 'tenant-memberships',
      where: { and: [{ tenant: { equals: tenant } }, { user: { equals: user.id } }] },
      limit: 1,
      depth: 0,
    })
  ).docs[0]
  return membership ? { user, membership: String(membership.id) } : undefined
}

/**
 * lumen-creator's access sources (lms README, "Access sources"), through the public APIs:
 * - the plan "Lumen Library" includes the Mobility category (members-only items) and the paid
 *   course "Core in Three Days"; Noah (member2) subscribes at the desk;
 * - the event "Live core workshop" (in 10 days) has a portal: "Core day 1" (sold alone) opens for
 *   attendees from 14 days before to 7 days after; Iris (member3) RSVPs.
 * lms learns both from billing's and bookings' events (delivered by the worker); the seed also
 * writes what those subscribers would, so the demo shows it before the worker runs. Adds only what
 * is missing.
 */
export const seedLmsAccessDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!payload.collections['content-subscriptions']) return { created: 0 }
  const tenantDoc = (
    await payload.find({ collection: 'tenants', where: { slug: { equals: TENANT } }, limit: 1, depth: 0 })
  ).docs[0]
  if (!tenantDoc) return { created: 0 }
  const tenant = String(tenantDoc.id)
  let created = 0
  const core = await one(payload, 'courses', tenant, 'core-in-three-days')
  const dayOne = await one(payload, 'content-items', tenant, 'core-day-1')
  const desk = await person(payload, tenant, 'frontdesk')

  // ---- a plan that includes the library ----
  if (payload.collections['membership-plans'] && core && desk) {
    let plan = (
      await payload.find({
        collection: 'membership-plans',
        where: { and: [{ tenant: { equals: tenant } }, { name: { equals: PLAN } }] },
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    if (!plan) {
      plan = await payload.create({
        collection: 'membership-plans',
        data: {
          tenant,
          name: PLAN,
          active: true,
          description: 'Every mobility class in the library, and the Core in Three Days course.',
          prices: [
            {
              key: 'monthly',
              interval: 'month',
              intervalCount: 1,
              amount: 1900,
              currency: String(tenantDoc.currency ?? 'USD'),
              active: true,
            },
          ],
          lms: { fullCatalog: false, categories: ['Mobility'], courses: [core.id] },
        },
      })
      created++
    }
    const noah = await person(payload, tenant, 'member2')
    if (noah) {
      let sub = (
        await payload.find({
          collection: 'subscriptions',
          where: { and: [{ member: { equals: noah.membership } }, { plan: { equals: plan.id } }] },
          limit: 1,
          depth: 0,
        })
      ).docs[0]
      if (!sub) {
        const started = await callEndpoint<{ subscription: { id: string } }>(payload, {
          collection: 'subscriptions',
          path: '/manual',
          method: 'post',
          user: { ...desk.user, collection: 'users' },
          body: {
            tenant,
            member: noah.membership,
            plan: String(plan.id),
            priceKey: 'monthly',
            payment: { provider: 'terminal' },
          },
        })
        if (!started.ok)
          throw new Error(`Seeding the library subscription failed: ${started.status} ${started.body.message}`)
        created++
        sub = await payload.findByID({ collection: 'subscriptions', id: started.body.subscription.id, depth: 0 })
      }
      const mirrored = await payload.find({
        collection: 'content-subscriptions',
        where: { and: [{ tenant: { equals: tenant } }, { subscription: { equals: String(sub.id) } }] },
        limit: 1,
        depth: 0,
      })
      if (mirrored.docs.length === 0) {
        await payload.create({
          collection: 'content-subscriptions',
          data: {
            tenant,
            member: noah.membership,
            subscription: String(sub.id),
            plan: String(plan.id),
            status: sub.status,
            entitled: ['trialing', 'active', 'past_due'].includes(sub.status),
            syncedAt: new Date().toISOString(),
          },
        })
        created++
      }
    }
  }

  // ---- a portal window on an event ----
  if (payload.collections['events'] && dayOne) {
    let event = (
      await payload.find({
        collection: 'events',
        where: { and: [{ tenant: { equals: tenant } }, { title: { equals: EVENT } }] },
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    if (!event) {
      const start = new Date(Math.ceil((Date.now() + 10 * DAY) / 3_600_000) * 3_600_000)
      event = await payload.create({
        collection: 'events',
        data: {
          tenant,
          title: EVENT,
          kind: 'one_time_event',
          description: 'A live core session; attendees get Core day 1 for the weeks around it.',
          locationText: 'Online',
          deliveryMode: 'virtual',
          startTime: start.toISOString(),
          endTime: new Date(start.getTime() + 90 * 60_000).toISOString(),
          capacity: 50,
          status: 'published',
          lmsPortal: { accessBeforeDays: 14, accessAfterDays: 7, contentItems: [dayOne.id] },
        },
      })
      created++
    }
    const iris = await person(payload, tenant, 'member3')
    if (iris) {
      let rsvp = (
        await payload.find({
          collection: 'event-rsvps',
          where: { and: [{ event: { equals: event.id } }, { member: { equals: iris.membership } }] },
          limit: 1,
          depth: 0,
        })
      ).docs[0]
      if (!rsvp) {
        const placed = await callEndpoint<{ rsvp: { id: string } }>(payload, {
          collection: 'events',
          path: '/:id/rsvp',
          routeParams: { id: String(event.id) },
          method: 'post',
          user: { ...iris.user, collection: 'users' },
          body: {},
        })
        if (!placed.ok) throw new Error(`Seeding the workshop RSVP failed: ${placed.status} ${placed.body.message}`)
        created++
        rsvp = await payload.findByID({ collection: 'event-rsvps', id: placed.body.rsvp.id, depth: 0 })
      }
      const granted = await payload.find({
        collection: 'access-grants',
        where: { and: [{ member: { equals: iris.membership } }, { contentItem: { equals: dayOne.id } }] },
        limit: 1,
        depth: 0,
      })
      if (granted.docs.length === 0) {
        await payload.create({
          collection: 'access-grants',
          data: {
            tenant,
            member: iris.membership,
            contentItem: dayOne.id,
            accessType: 'booking',
            availableFrom: new Date(new Date(event.startTime).getTime() - 14 * DAY).toISOString(),
            expiresAt: new Date(new Date(event.endTime).getTime() + 7 * DAY).toISOString(),
            sourceCollection: 'event-rsvps',
            sourceId: String(rsvp.id),
          },
        })
        created++
      }
    }
  }
  return { created }
}
