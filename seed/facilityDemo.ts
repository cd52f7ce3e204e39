import { createLocalReq, type Payload, type Where } from 'payload'
import { grantCreditsPort } from '@plugins/billing/contract'
import { callEndpoint } from '../src/core/http/callEndpoint'
import { callPort } from '../src/core/ports/ports'
import { addDays } from '../src/core/time/localDayBounds'
import { fromWallTime, localDate } from '../src/core/time/zonedTime'
import { demoEmail } from './demoTenants'

const CLUB = 'fairway-club'
const ZONE = 'America/Chicago'
const WEEK = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const

const TIERS = [
  { key: 'gold', name: 'Gold', bookingWindowDays: 14, sortOrder: 1 },
  // ---- facility commerce ---- Silver plays its first hour of each day free (usage records).
  { key: 'silver', name: 'Silver', bookingWindowDays: 10, sortOrder: 2, includedMinutesPerDay: 60 },
  { key: 'bronze', name: 'Bronze', bookingWindowDays: 7, sortOrder: 3 },
] as const

/** The demo members' tiers (demo people keys). */
const MEMBER_TIERS: Record<string, (typeof TIERS)[number]['key']> = {
  member1: 'gold',
  member2: 'bronze',
  member3: 'silver',
}

/** Per hour, cents: Gold included, Silver and Bronze discounted, non-members the rack rate. */
const BAY_RATES = { gold: [0, 0], silver: [1900, 1500], bronze: [3500, 2900], nonMember: [5500, 4500] }

/** A week of reservations: day offset, resource, local start, hours, owner, other players. */
const WEEK_OF_PLAY: {
  day: number
  bay: string
  at: string
  hours: number
  owner: string
  with: (string | { guest: string; pass?: boolean })[]
}[] = [
  {
    day: 1,
    bay: 'Bay 1',
    at: '09:00',
    hours: 1,
    owner: 'member1',
    with: ['member2', { guest: 'Sam Guest', pass: true }],
  },
  { day: 1, bay: 'Bay 2', at: '18:00', hours: 2, owner: 'member2', with: [] },
  { day: 2, bay: 'Bay 3', at: '07:30', hours: 1, owner: 'member3', with: [{ guest: 'Riley Guest' }] },
  {
    day: 2,
    bay: 'Putting green',
    at: '10:00',
    hours: 1,
    owner: 'member1',
    with: [{ guest: 'Sam Guest' }, { guest: 'Jo Guest' }],
  },
  { day: 3, bay: 'Bay 4', at: '17:30', hours: 1.5, owner: 'member1', with: ['member3'] },
  { day: 4, bay: 'Bay 5', at: '12:00', hours: 1, owner: 'member2', with: [{ guest: 'Pat Guest' }] },
  { day: 5, bay: 'Bay 1', at: '19:00', hours: 1, owner: 'member3', with: ['member1', 'member2'] },
  { day: 6, bay: 'Bay 2', at: '08:00', hours: 2, owner: 'member1', with: [{ guest: 'Riley Guest' }] },
  { day: 7, bay: 'Bay 3', at: '10:30', hours: 1, owner: 'member2', with: [] },
]

const first = async (
  payload: Payload,
  collection:
    | 'facility-tiers'
    | 'facility-resources'
    | 'closures'
    | 'reservations'
    | 'integration-connections'
    | 'feature-flags'
    | 'facility-imports',
  where: Where,
) => (await payload.find({ collection, where, limit: 1, depth: 0, pagination: false })).docs[0]

const instant = (now: Date, day: number, hhmm: string, plusMinutes = 0) => {
  const [year, month, date] = addDays(localDate(now, ZONE), day).split('-').map(Number)
  const [hour, minute] = hhmm.split(':').map(Number)
  return new Date(
    fromWallTime({ year, month, day: date, hour, minute }, ZONE).getTime() + plusMinutes * 60_000,
  ).toISOString()
}

/**
 * fairway-club's facility (seed 002): member tiers with peak pricing, six Trackman simulator bays
 * and a putting green at the clubhouse, the demo members' tiers, a week of reservations (some with
 * guests) booked through the facility's own endpoint as the front desk, a maintenance closure
 * of Bay 6, and a Trackman connection (flag on) pointed at the local fake on 127.0.0.1:4010. Adds only what is missing (reservations are keyed by their notes), so it can run on every start.
 */
export const seedFacilityDemo = async (payload: Payload, { now = new Date() }: { now?: Date } = {}) => {
  if (!payload.collections['facility-resources']) return { created: 0 } // facility is not installed
  let created = 0
  const tenant = (await payload.find({ collection: 'tenants', where: { slug: { equals: CLUB } }, limit: 1, depth: 0 }))
    .docs[0]
  if (!tenant) return { created }
  const inClub = { tenant: { equals: tenant.id } }
  const location = (
    await payload.find({
      collection: 'locations',
      where: { and: [inClub, { slug: { equals: 'clubhouse' } }] },
      limit: 1,
      depth: 0,
    })
  ).docs[0]

  const tiers: Record<string, string> = {}
  for (const tier of TIERS) {
    const existing = await first(payload, 'facility-tiers', { and: [inClub, { key: { equals: tier.key } }] })
    tiers[tier.key] = String(
      existing?.id ?? (await payload.create({ collection: 'facility-tiers', data: { tenant: tenant.id, ...tier } })).id,
    )
    if (!existing) created++
  }

  const members: Record<string, string> = {}
  for (const key of ['member1', 'member2', 'member3']) {
    const user = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: demoEmail(CLUB, key) } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    const membership =
      user &&
      (
        await payload.find({
          collection: 'tenant-memberships',
          where: { and: [inClub, { user: { equals: user.id } }] },
          limit: 1,
          depth: 0,
        })
      ).docs[0]
    if (!membership) continue
    members[key] = String(membership.id)
    if (!membership.facilityTier) {
      await payload.update({
        collection: 'tenant-memberships',
        id: membership.id,
        data: { facilityTier: tiers[MEMBER_TIERS[key]] },
      })
    }
  }

  const rates = (table: typeof BAY_RATES) => [
    ...TIERS.map((t) => ({ tier: tiers[t.key], peak: table[t.key][0], offPeak: table[t.key][1] })),
    { tier: null, peak: table.nonMember[0], offPeak: table.nonMember[1] },
  ]
  const resources = [
    ...[1, 2, 3, 4, 5, 6].map((n) => ({
      name: `Bay ${n}`,
      type: 'simulator_bay' as const,
      trackmanBayId: `fairway-bay-${n}`,
      description: 'Trackman simulator bay, up to four players.',
      capacity: 4,
      sortOrder: n,
      openingHours: WEEK.map((weekday) => ({ weekday, opensAt: '07:00', closesAt: '22:00' })),
      bookingRules: {
        slotMinutes: 30,
        minMinutes: 60,
        maxMinutes: 180,
        bookingWindowDays: 14,
        maxActivePerMember: 6,
        bufferAfterMinutes: 0,
      },
      pricing: {
        mode: 'per_player_split' as const,
        currency: 'USD',
        guestFee: 1500,
        rates: rates(BAY_RATES),
        peakHours: [
          {
            days: ['mon', 'tue', 'wed', 'thu', 'fri'] as ('mon' | 'tue' | 'wed' | 'thu' | 'fri')[],
            startsAt: '17:00',
            endsAt: '21:00',
          },
          { days: ['sat', 'sun'] as ('sat' | 'sun')[], startsAt: '08:00', endsAt: '12:00' },
        ],
      },
    })),
    {
      name: 'Putting green',
      type: 'green' as const,
      description: 'Indoor putting green for up to twelve.',
      capacity: 12,
      sortOrder: 7,
      openingHours: WEEK.map((weekday) => ({ weekday, opensAt: '06:00', closesAt: '20:00' })),
      bookingRules: { slotMinutes: 60, minMinutes: 60, maxMinutes: 120, bookingWindowDays: 14, maxActivePerMember: 6 },
      pricing: {
        mode: 'per_bay_hour' as const,
        currency: 'USD',
        guestFee: 1000,
        rates: rates({ gold: [0, 0], silver: [0, 0], bronze: [1000, 1000], nonMember: [2000, 1500] }),
        peakHours: [],
      },
    },
  ]
  const resourceIds: Record<string, string> = {}
  for (const resource of resources) {
    const existing = await first(payload, 'facility-resources', { and: [inClub, { name: { equals: resource.name } }] })
    resourceIds[resource.name] = String(
      existing?.id ??
        (
          await payload.create({
            collection: 'facility-resources',
            data: { tenant: tenant.id, location: location?.id, ...resource },
          })
        ).id,
    )
    if (!existing) created++
    else if ('trackmanBayId' in resource && !(existing as { trackmanBayId?: string | null }).trackmanBayId) {
      await payload.update({
        collection: 'facility-resources',
        id: existing.id,
        data: { trackmanBayId: resource.trackmanBayId },
      })
    }
  }

  // Trackman, pointed at the local fake booking API (`npx tsx plugins/facility/trackman/fakeTrackmanServer.ts`
  // listens on 127.0.0.1:4010). Bookings sync from the jobs queue, never from here: with nothing
  // listening there the sync jobs fail and retry quietly, and the nightly reconcile catches up.
  if (!(await first(payload, 'integration-connections', { and: [inClub, { provider: { equals: 'trackman' } }] }))) {
    await payload.create({
      collection: 'integration-connections',
      data: {
        tenant: tenant.id,
        provider: 'trackman',
        status: 'connected',
        config: { baseUrl: process.env.TRACKMAN_DEMO_URL || 'http://127.0.0.1:4010', note: 'The local fake Trackman.' },
        credentialsInput: { apiKey: 'demo-trackman-api-key', webhookSecret: 'demo-trackman-webhook-secret' },
      },
    })
    created++
  }
  if (!(await first(payload, 'feature-flags', { and: [inClub, { featureKey: { equals: 'facility.trackman' } }] }))) {
    await payload.create({
      collection: 'feature-flags',
      data: { tenant: tenant.id, featureKey: 'facility.trackman', enabled: true },
    })
    created++
  }

  // ---- facility commerce ----
  // Guest passes in commerce's credits ledger (as billing's period grant leaves them: member1 3,
  // member2 1; one granted per member ever, so a rerun adds none). The day pass sold at the POS is
  // commerce's demo product "Day pass" (seed/commerceDemo.ts): paying for it issues a day pass.
  const req = await createLocalReq({}, payload)
  for (const [key, credits] of [
    ['member1', 3],
    ['member2', 1],
  ] as const) {
    if (!members[key]) continue
    const grant = await callPort(req, grantCreditsPort, {
      tenant: String(tenant.id),
      member: members[key],
      credits,
      creditType: 'guest_pass',
      source: 'guest_pass_reset',
      subscription: `fairway-demo-guest-passes-${key}`,
      periodKey: 'demo',
    })
    if (grant.ok && grant.granted) created++
  }
  // ---- end facility commerce ----

  // A week of play, booked as the front desk through the facility's endpoint (rules, prices, door codes).
  const deskUser = (
    await payload.find({
      collection: 'users',
      where: { email: { equals: demoEmail(CLUB, 'frontdesk') } },
      limit: 1,
      depth: 0,
    })
  ).docs[0]
  if (deskUser) {
    for (const [index, play] of WEEK_OF_PLAY.entries()) {
      const key = `demo-week-${index + 1}`
      if (!members[play.owner] || (await first(payload, 'reservations', { and: [inClub, { notes: { equals: key } }] })))
        continue
      const booked = await callEndpoint(payload, {
        collection: 'reservations',
        path: '/book',
        method: 'post',
        user: { ...deskUser, collection: 'users' },
        body: {
          resource: resourceIds[play.bay],
          member: members[play.owner],
          startAt: instant(now, play.day, play.at),
          endAt: instant(now, play.day, play.at, play.hours * 60),
          participants: play.with.map((p) =>
            typeof p === 'string'
              ? { member: members[p] }
              : { guest: { name: p.guest }, ...(p.pass ? { useGuestPass: true } : {}) },
          ),
          notes: key,
        },
      })
      if (!booked.ok)
        throw new Error(`Seeding the demo reservation ${key} failed: ${booked.status} ${booked.body.message}`)
      created++
    }
  }

  // Bay 6 is down for maintenance for a day (no demo reservation uses it).
  const reason = 'Bay 6 projector maintenance'
  if (!(await first(payload, 'closures', { and: [inClub, { reason: { equals: reason } }] }))) {
    await payload.create({
      collection: 'closures',
      data: {
        tenant: tenant.id,
        reason,
        location: location?.id,
        isFullDay: true,
        date: addDays(localDate(now, ZONE), 3),
        affectsAllResources: false,
        resources: [resourceIds['Bay 6']],
      },
    })
    created++
  }

  // fac_trackman: one Trackman CSV import, run through its job: two past bookings matched by
  // e-mail, and a walk-in no member matches, waiting in the review queue (/admin/trackman-import).
  if (
    payload.collections['facility-imports'] &&
    !(await first(payload, 'facility-imports', { and: [inClub, { fileName: { equals: DEMO_IMPORT_FILE } }] }))
  ) {
    const csv = [
      'Booking ID,Bay,Start,End,Customer Email,Phone,Customer Name',
      `TM-DEMO-1,fairway-bay-1,${instant(now, -2, '17:00')},${instant(now, -2, '18:00')},${demoEmail(CLUB, 'member1')},,`,
      `TM-DEMO-2,fairway-bay-2,${instant(now, -1, '09:00')},${instant(now, -1, '10:30')},${demoEmail(CLUB, 'member2')},,`,
      `TM-DEMO-3,fairway-bay-3,${instant(now, -1, '12:00')},${instant(now, -1, '13:00')},jamie.visitor@example.com,+1 312 555 0199,Jamie Visitor`,
    ].join('\r\n')
    await payload.create({
      collection: 'facility-imports',
      data: { tenant: tenant.id, fileName: DEMO_IMPORT_FILE, csv, status: 'queued' },
    })
    await payload.jobs.run({ where: { taskSlug: { equals: 'facilityTrackmanImport' } }, limit: 10 })
    created++
  }
  // end fac_trackman
  return { created }
}

/** fac_trackman: the demo Trackman export's file name (the import is made once). */
const DEMO_IMPORT_FILE = 'trackman-demo-export.csv'
