import { describe, expect, it } from 'vitest'
import { signIn, useTestApp } from '@/core/testing'
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail } from './demoTenants'
import { HISTORY_MEMBERS } from './historyDemo'
import { seedDemo } from './seedDemo'

const app = useTestApp()

const counts = async () =>
  Object.fromEntries(
    await Promise.all(
      (
        ['tenants', 'users', 'tenant-memberships', 'locations', 'tenant-settings', 'class-series', 'classes'] as const
      ).map(async (c) => [c, (await app.payload.count({ collection: c })).totalDocs]),
    ),
  )

// The demo is seeded once for this file's tests (a whole seed takes most of a minute); a test run
// alone seeds it itself.
let seeding: ReturnType<typeof seedDemo> | undefined
const seeded = () => (seeding ??= seedDemo(app.payload))

describe('demo seed', () => {
  it('creates one tenant per seed system with working logins, and adds nothing the second time', async () => {
    const first = await seeded()
    expect(first.created).toBeGreaterThan(20)
    const after = await counts()
    expect(after.tenants).toBe(DEMO_TENANTS.length)
    expect(after['tenant-settings']).toBe(DEMO_TENANTS.length)
    expect(after.users).toBe(
      1 + DEMO_TENANTS.reduce((n, t) => n + t.people.length, 0) + DEMO_TENANTS.length * HISTORY_MEMBERS.length,
    )
    expect(after['class-series']).toBe(2 * DEMO_TENANTS.reduce((n, t) => n + t.locations.length, 0))
    // Every demo tenant has upcoming classes in the next two weeks (materialised by the seed itself).
    for (const demo of DEMO_TENANTS) {
      const upcoming = await app.payload.count({
        collection: 'classes',
        where: {
          and: [
            { 'tenant.slug': { equals: demo.slug } },
            { startTime: { greater_than: new Date().toISOString() } },
            { startTime: { less_than: new Date(Date.now() + 14 * 86_400_000).toISOString() } },
          ],
        },
      })
      expect(upcoming.totalDocs, demo.slug).toBeGreaterThanOrEqual(4)
    }

    // The creator's catalog (seed 004): published courses with lessons, a paid course sold as a
    // product, and the demo video transcoded to HLS by the seed.
    const lumen = { 'tenant.slug': { equals: 'lumen-creator' } }
    const courses = await app.payload.find({ collection: 'courses', where: lumen, depth: 0 })
    expect(courses.docs.map((c) => [c.slug, c._status]).sort()).toEqual([
      ['core-in-three-days', 'published'],
      ['desk-reset', 'published'], // ---- series ---- a free content series of three items
      ['mobility-foundations', 'published'],
    ])
    // ---- lms live lessons ---- (8, the 3 items of the "Desk Reset" series, and the live-session lesson of "Core in Three Days")
    expect((await app.payload.count({ collection: 'lessons', where: lumen })).totalDocs).toBe(12)
    const live = await app.payload.find({
      collection: 'lessons',
      where: { and: [lumen, { itemType: { equals: 'live' } }] },
      depth: 1,
    })
    expect(live.docs.map((l) => (typeof l.liveClass === 'object' ? l.liveClass?.title : null))).toEqual([
      'Live Core Burn',
    ])
    // ---- /lms live lessons ----
    // The demo assignment: one submission waiting, one graded by the creator (its lesson, the course's last, completed).
    const submissions = (
      await app.payload.find({ collection: 'assignment-submissions', where: lumen, depth: 0 })
    ).docs.sort((x, y) => x.status.localeCompare(y.status))
    expect(submissions.map((s) => [s.status, s.points ?? null, Boolean(s.gradedBy)])).toEqual([
      ['graded', 8, true],
      ['submitted', null, false],
    ])
    const completions = await app.payload.count({
      collection: 'lesson-completions',
      where: { member: { equals: submissions[0].member } },
    })
    expect(completions.totalDocs).toBe(5)
    const video = await app.payload.find({
      collection: 'media',
      where: { and: [lumen, { kind: { equals: 'video' } }] },
    })
    expect(video.docs.map((m) => [m.status, !!m.hlsMasterPlaylistKey])).toEqual([['ready', true]])
    const product = await app.payload.find({
      collection: 'products',
      where: { and: [lumen, { kind: { equals: 'digital' } }] },
      depth: 0,
    })
    expect(product.docs.map((p) => p.lms?.course)).toEqual([
      courses.docs.find((c) => c.slug === 'core-in-three-days')!.id,
    ])
    // ---- lms access sources ----
    // A plan that includes the library (Noah subscribed) and a workshop whose portal opens a class (Iris RSVPed).
    const library = await app.payload.find({
      collection: 'membership-plans',
      where: { and: [lumen, { name: { equals: 'Lumen Library' } }] },
      depth: 0,
    })
    expect(library.docs[0]?.lms?.categories).toEqual(['Mobility'])
    const mirrored = await app.payload.find({ collection: 'content-subscriptions', where: lumen, depth: 0 })
    expect(mirrored.docs.map((d) => [d.plan, d.entitled])).toEqual([[String(library.docs[0].id), true]])
    const portal = await app.payload.find({
      collection: 'access-grants',
      where: { and: [lumen, { accessType: { equals: 'booking' } }] },
      depth: 0,
    })
    expect(portal.docs.map((g) => g.sourceCollection)).toEqual(['event-rsvps'])
    // ---- /lms access sources ----

    // The golf club's facility (seed 002): six simulator bays and a putting green, a week of
    // reservations (some with guests) with door codes, and a closure.
    const fairway = { 'tenant.slug': { equals: 'fairway-club' } }
    const resources = await app.payload.find({
      collection: 'facility-resources',
      where: fairway,
      depth: 0,
      sort: 'sortOrder',
    })
    expect(resources.docs.map((r) => r.name)).toEqual([
      'Bay 1',
      'Bay 2',
      'Bay 3',
      'Bay 4',
      'Bay 5',
      'Bay 6',
      'Putting green',
    ])
    // fac_trackman: the demo Trackman import's reservations (past, completed) are counted below.
    const reservations = await app.payload.find({
      collection: 'reservations',
      where: { and: [fairway, { importKey: { exists: false } }] },
      depth: 0,
      limit: 100,
    })
    expect(reservations.docs).toHaveLength(9)
    expect(reservations.docs.every((r) => r.status === 'confirmed' && /^\d{6}$/.test(r.accessCode ?? ''))).toBe(true)
    const guests = await app.payload.count({
      collection: 'reservation-participants',
      where: { and: [fairway, { participantType: { equals: 'guest' } }] },
    })
    expect(guests.totalDocs).toBeGreaterThanOrEqual(5)
    expect((await app.payload.count({ collection: 'closures', where: fairway })).totalDocs).toBe(1)
    // fac_trackman: one Trackman import, done: two past bookings matched by e-mail, a walk-in in review.
    const imports = await app.payload.find({ collection: 'facility-imports', where: fairway, depth: 0 })
    expect(imports.docs.map((i) => [i.status, i.created, i.unmatched])).toEqual([['done', 2, 1]])
    const imported = await app.payload.find({
      collection: 'reservations',
      where: { and: [fairway, { importKey: { exists: true } }] },
      depth: 0,
    })
    expect(imported.docs.map((r) => r.status)).toEqual(['completed', 'completed'])
    const review = await app.payload.find({
      collection: 'facility-import-rows',
      where: { and: [fairway, { status: { equals: 'pending' } }] },
      depth: 0,
    })
    expect(review.docs.map((r) => [r.outcome, (r.values as Record<string, string>)['Customer Name']])).toEqual([
      ['unmatched', 'Jamie Visitor'],
    ])
    // end fac_trackman
    // ---- facility commerce ---- guest passes in commerce's ledger (one spent by a demo booking), commerce's day pass product.
    const passes = await app.payload.find({
      collection: 'credit-lots',
      where: {
        and: [
          fairway,
          { subscription: { in: ['fairway-demo-guest-passes-member1', 'fairway-demo-guest-passes-member2'] } },
        ],
      },
      depth: 0,
    })
    expect(passes.docs.map((l) => [l.initialCredits, l.remainingCredits]).sort()).toEqual([
      [1, 1],
      [3, 2],
    ])
    const usedPass = await app.payload.count({
      collection: 'reservation-participants',
      where: { and: [fairway, { usesGuestPass: { equals: true } }] },
    })
    expect(usedPass.totalDocs).toBe(1)
    const dayPass = await app.payload.count({
      collection: 'products',
      where: { and: [fairway, { kind: { equals: 'day_pass' } }] },
    })
    expect(dayPass.totalDocs).toBe(1)
    // ---- end facility commerce ----

    // Website: every demo tenant subscribes to two topics, has two published posts, one generated
    // draft waiting for approval, FAQs and a gallery.
    for (const demo of DEMO_TENANTS) {
      const tenant = (
        await app.payload.find({ collection: 'tenants', where: { slug: { equals: demo.slug } }, limit: 1 })
      ).docs[0]
      const own = { tenant: { equals: tenant.id } }
      expect((await app.payload.count({ collection: 'seo-subscriptions', where: own })).totalDocs).toBe(2)
      const posts = await app.payload.find({ collection: 'blog-posts', where: own, draft: true, depth: 0, limit: 20 })
      expect(
        posts.docs.filter((p) => p._status === 'published'),
        demo.slug,
      ).toHaveLength(2)
      const waiting = posts.docs.filter((p) => p._status === 'draft' && p.reviewStatus === 'awaiting_approval')
      expect(waiting, demo.slug).toHaveLength(1)
      expect(waiting[0].isGenerated).toBe(true)
      expect((await app.payload.count({ collection: 'faqs', where: own })).totalDocs).toBeGreaterThanOrEqual(2)
      expect((await app.payload.count({ collection: 'gallery-items', where: own })).totalDocs).toBeGreaterThanOrEqual(2)
      // Marketing: the platform's welcome series, win-back, birthday message, credits running low and
      // class pack expiring, copied active.
      const automations = await app.payload.find({ collection: 'automations', where: own, depth: 0, limit: 10 })
      expect(automations.docs.map((a) => [a.name, a.status, Boolean(a.template)]).sort(), demo.slug).toEqual([
        ['Birthday message', 'active', true],
        ['Class pack expiring', 'active', true],
        ['Credits running low', 'active', true],
        ['Welcome series', 'active', true],
        ['Win-back', 'active', true],
      ])
    }

    const again = await seedDemo(app.payload)
    expect(again.created).toBe(0)
    expect(await counts()).toEqual(after)

    const desk = await signIn(app, demoEmail('sunrise-yoga', 'frontdesk'), DEMO_PASSWORD)
    const locations = await desk.client.get('/api/tenant-memberships?limit=100&depth=0')
    expect(locations.body.docs.length).toBe(6 + HISTORY_MEMBERS.length)
    await signIn(app, PLATFORM_ADMIN_EMAIL, DEMO_PASSWORD)
    // Two full seeds (with the website's generated drafts) on a shared machine take more than the default minute.
  }, 300_000)

  it('gives every demo tenant two appointment services with free slots this week and a published event', async () => {
    await seeded()
    for (const demo of DEMO_TENANTS) {
      const { docs: services } = await app.payload.find({
        collection: 'appointment-services',
        where: { 'tenant.slug': { equals: demo.slug } },
        depth: 0,
      })
      expect(services.map((s) => s.title).sort(), demo.slug).toEqual(['Intro call', 'Private session'])
      const session = services.find((s) => s.title === 'Private session')!
      const slots = await app.http().get(`/api/appointment-services/${session.id}/slots`)
      expect(slots.status).toBe(200)
      expect(slots.body.slots.length, demo.slug).toBeGreaterThan(0)
      const events = await app.http().get(`/api/events?where[tenant.slug][equals]=${demo.slug}&depth=0`)
      // lumen-creator also has the live workshop whose RSVPs open its course portal (lms demo).
      const statuses: string[] = events.body.docs.map((e: { status: string }) => e.status)
      expect(statuses.length, demo.slug).toBeGreaterThan(0)
      expect(new Set(statuses), demo.slug).toEqual(new Set(['published']))
    }
  }, 300_000)
})
