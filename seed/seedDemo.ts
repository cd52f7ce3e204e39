import type { Payload, Where } from 'payload'
import type { Role } from '../src/core/access/roles'
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail, type DemoTenant } from './demoTenants'
import { seedLmsDemo } from './lmsDemo'
// ---- lms live lessons ----
import { seedLmsLiveDemo } from './lmsLiveDemo'
// ---- /lms live lessons ----
// ---- lms access sources ----
import { seedLmsAccessDemo } from './lmsAccessDemo'
// ---- /lms access sources ----
import { seedFacilityDemo } from './facilityDemo'
import { seedCommerceDemo } from './commerceDemo'
import { seedBillingDemo } from './billingDemo'
import { seedBookingsDemo } from './bookingsDemo'
import { seedHistoryDemo } from './historyDemo'
import { seedWebsiteDemo } from './websiteDemo'
// ---- pages ----
import { seedWebsitePagesDemo } from './websitePagesDemo'
// ---- /pages ----
import { seedMarketingDemo } from './marketingDemo'
import { seedCrmDemo } from './crmDemo'
// ---- HubSpot ----
import { seedHubspotDemo } from './hubspotDemo'
// ---- /HubSpot ----
// ---- email verification ----
import { seedEmailVerificationDemo } from './emailVerificationDemo'
// ---- /email verification ----

const findOne = async (
  payload: Payload,
  collection: 'users' | 'tenants' | 'locations' | 'tenant-memberships' | 'tenant-settings' | 'class-series',
  where: Where,
) => (await payload.find({ collection, where, limit: 1, depth: 0, pagination: false })).docs[0]

/**
 * Two weekly series per location: the first location Mon/Wed/Fri 07:00 and 18:30, the next
 * Tue/Thu/Sat 09:00 and 12:00 (one instructor teaches them all, so they must not overlap).
 * dtstart is a past Monday in local wall time; the series zone is the location's.
 */
const demoSeries = (demo: DemoTenant, locationIndex: number) => {
  const [first, second] = demo.classTitles
  const odd = locationIndex % 2 === 1
  const days = odd ? 'TU,TH,SA' : 'MO,WE,FR'
  const suffix = locationIndex === 0 ? '' : ` (${demo.locations[locationIndex].name})`
  return [
    {
      title: `${first}${suffix}`,
      rrule: `FREQ=WEEKLY;BYDAY=${days}`,
      dtstart: odd ? '2026-01-06T09:00' : '2026-01-05T07:00',
      capacity: 12,
    },
    {
      title: `${second}${suffix}`,
      rrule: `FREQ=WEEKLY;BYDAY=${days}`,
      dtstart: odd ? '2026-01-06T12:00' : '2026-01-05T18:30',
      capacity: 20,
    },
  ]
}

const ensureUser = async (
  payload: Payload,
  email: string,
  name: string,
  platformRole: 'none' | 'super_admin' = 'none',
) =>
  (await findOne(payload, 'users', { email: { equals: email } })) ??
  (await payload.create({ collection: 'users', data: { email, name, password: DEMO_PASSWORD, platformRole } }))

/**
 * Demo data: one tenant per seed system, each with an owner, front desk, instructor/coach/creator
 * and members, plus a platform admin, and eight weeks of history up to `now`. Safe to run again, or
 * on a later day: it only adds what is missing.
 */
export const seedDemo = async (
  payload: Payload,
  { now = new Date() }: { now?: Date } = {},
): Promise<{ created: number }> => {
  let created = 0
  let seriesCreated = 0
  await ensureUser(payload, PLATFORM_ADMIN_EMAIL, 'Platform Admin', 'super_admin')
  for (const demo of DEMO_TENANTS) {
    let tenant = await findOne(payload, 'tenants', { slug: { equals: demo.slug } })
    if (!tenant) {
      tenant = await payload.create({
        collection: 'tenants',
        data: { slug: demo.slug, name: demo.name, timezone: demo.timezone, currency: demo.currency, status: 'active' },
      })
      created++
    }
    const settings = await findOne(payload, 'tenant-settings', { tenant: { equals: tenant.id } })
    const settingsData = {
      branding: { platformName: demo.name, primaryColor: demo.primaryColor },
      homepage: {
        heroTitle: demo.heroTitle,
        heroSubtitle: `Demo tenant for the ${demo.source}.`,
        heroCtaLabel: 'See the schedule',
        heroCtaLink: `/${demo.slug}/schedule`,
      },
      contact: { email: demoEmail(demo.slug, 'hello') },
    }
    if (settings) await payload.update({ collection: 'tenant-settings', id: settings.id, data: settingsData })
    else await payload.create({ collection: 'tenant-settings', data: { tenant: tenant.id, ...settingsData } })

    const locationIds: string[] = []
    for (const location of demo.locations) {
      let exists = await findOne(payload, 'locations', {
        and: [{ tenant: { equals: tenant.id } }, { slug: { equals: location.slug } }],
      })
      if (!exists) {
        exists = await payload.create({
          collection: 'locations',
          data: {
            tenant: tenant.id,
            slug: location.slug,
            name: location.name,
            timezone: location.timezone,
            address: { city: location.city, region: location.region, country: location.country },
          },
        })
        created++
      }
      locationIds.push(String(exists.id))
    }
    let instructorMembership: string | undefined
    for (const person of demo.people) {
      const user = await ensureUser(payload, demoEmail(demo.slug, person.key), person.name)
      let membership = await findOne(payload, 'tenant-memberships', {
        and: [{ tenant: { equals: tenant.id } }, { user: { equals: user.id } }],
      })
      if (!membership) {
        membership = await payload.create({
          collection: 'tenant-memberships',
          data: {
            tenant: tenant.id,
            user: user.id,
            roles: person.roles as Role[],
            status: 'active',
            profile: { displayName: person.name },
          },
        })
        created++
      }
      if (person.key === 'instructor') instructorMembership = String(membership.id)
    }
    // Weekly class series per location (the bookings plugin queues their materialisation on save).
    for (const [index, locationId] of locationIds.entries()) {
      for (const series of demoSeries(demo, index)) {
        const exists = await findOne(payload, 'class-series', {
          and: [
            { tenant: { equals: tenant.id } },
            { title: { equals: series.title } },
            { 'defaults.location': { equals: locationId } },
          ],
        })
        if (exists) continue
        await payload.create({
          collection: 'class-series',
          data: {
            tenant: tenant.id,
            title: series.title,
            rrule: series.rrule,
            dtstart: series.dtstart,
            status: 'active',
            defaults: {
              location: locationId,
              instructor: instructorMembership,
              durationMinutes: 60,
              capacity: series.capacity,
              waitlistCapacity: 5,
            },
          },
        })
        created++
        seriesCreated++
      }
    }
  }
  // Materialise the new series now (the seed also runs where jobs do not, e.g. the e2e app).
  if (seriesCreated > 0) {
    await payload.jobs.run({ where: { taskSlug: { equals: 'materializeClassSeries' } }, limit: 100 })
  }
  created += (await seedCommerceDemo(payload)).created
  created += (await seedLmsDemo(payload)).created
  // The facility's week of play is booked through its endpoint, which refuses the past: it starts tomorrow
  // by the real clock, whatever `now` the history uses.
  created += (await seedFacilityDemo(payload)).created
  created += (await seedBillingDemo(payload)).created
  created += (await seedBookingsDemo(payload)).created
  // ---- lms access sources ----
  // lumen-creator's library plan (billing) and the workshop's portal window (bookings).
  created += (await seedLmsAccessDemo(payload)).created
  // ---- /lms access sources ----
  // ---- lms live lessons ----
  // lumen-creator's live-session lesson: the next "Live Core Burn" class (after the schedule exists).
  created += (await seedLmsLiveDemo(payload)).created
  // ---- /lms live lessons ----
  created += (await seedHistoryDemo(payload, { now })).created
  // After the schedule, events, courses and prices exist: the generated drafts are built from them.
  created += (await seedWebsiteDemo(payload)).created
  // ---- pages ----
  // Each tenant's About page (after its FAQs, gallery and schedule: its blocks show them).
  created += (await seedWebsitePagesDemo(payload)).created
  // ---- /pages ----
  // ---- HubSpot ----
  // fairway-club's HubSpot connection (to the local fake), before the CRM's leads and deals: they go in its outbox.
  created += (await seedHubspotDemo(payload)).created
  // ---- /HubSpot ----
  // Automation templates and each tenant's copies (after the people: their member.created events came earlier).
  created += (await seedMarketingDemo(payload)).created
  // Marketing's leads, deals, staff notes and one current banner per tenant.
  created += (await seedCrmDemo(payload)).created
  // ---- email verification ----
  // Every demo account's address is verified (the people above and the history's members).
  await seedEmailVerificationDemo(payload)
  // ---- /email verification ----
  return { created }
}
