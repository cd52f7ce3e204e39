import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type PayloadRequest } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { homeLayout } from '@/core/admin/home/homeLayout'
import { readNewMembers } from '@/core/admin/home/readNewMembers'
import { readPlatformHealth } from '@/core/admin/home/readPlatformHealth'
import { runSql } from '@/core'
import { createPerson, twoTenants, useTestApp } from '@/core/testing'
import { readMembersAtRisk } from '@plugins/bookings/operations/staff/readMembersAtRisk'
import { readStaffDay } from '@plugins/bookings/operations/staff/readStaffDay'
import { readPaymentProblems } from '@plugins/billing/operations/readPaymentProblems'
import { readRevenue } from '@plugins/billing/operations/readRevenue'

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let system: Pick<PayloadRequest, 'payload' | 'transactionID'>
const q = <Row = Record<string, unknown>>(query: ReturnType<typeof sql>) => runSql<Row>(system, query)
const DAY = 86_400_000

beforeAll(async () => {
  cast = await twoTenants(app)
  system = { payload: app.payload, transactionID: undefined }
})

/** A Local API request of `userId` with the admin's tenant selector set to `tenant`. */
const reqAs = async (userId: string, tenant?: string) => {
  const user = await app.payload.findByID({ collection: 'users', id: userId, depth: 1 })
  const headers = new Headers(tenant ? { cookie: `payload-tenant=${tenant}` } : {})
  return createLocalReq({ user: { ...user, collection: 'users' } as never, req: { headers } as never }, app.payload)
}
const slugsOf = async (userId: string, tenant?: string) =>
  homeLayout({ req: await reqAs(userId, tenant) }).map((w) => w.widgetSlug)

describe('staff home', () => {
  it("shows each person the panels of their role in the chosen tenant, Payload's cards last", async () => {
    const a = String(cast.a.id)
    // The facility's panel is in the layout of desk roles; it renders nothing for a tenant without bays.
    expect(await slugsOf(cast.inA.owner.userId!, a)).toEqual([
      'bookings-today',
      'facility-bays-today',
      'billing-revenue',
      'billing-payment-problems',
      'bookings-members-at-risk',
      'new-members',
      'collections',
    ])
    expect(await slugsOf(cast.inA.frontDesk.userId!, a)).toEqual([
      'bookings-today',
      'facility-bays-today',
      'billing-payment-problems',
      'bookings-members-at-risk',
      'new-members',
      'collections',
    ])
    expect(await slugsOf(cast.inA.instructor.userId!, a)).toEqual(['bookings-today', 'collections'])
    // A cookie naming another tenant is ignored: the owner of A still gets A's panels, B's owner B's.
    expect(await slugsOf(cast.inB.owner.userId!, a)).toContain('billing-revenue')
    expect(await slugsOf(cast.platformAdmin.userId!)).toEqual(['platform-health', 'collections'])
  })

  it("reads today's classes with booked, waitlisted and checked-in counts, and an instructor's own day", async () => {
    const tenant = String(cast.a.id)
    const now = new Date()
    const make = (title: string, instructor: string | undefined, minutes: number) =>
      app.payload.create({
        collection: 'classes',
        data: {
          tenant,
          title,
          instructor,
          startTime: new Date(now.getTime() + minutes * 60_000).toISOString(),
          durationMinutes: 45,
          capacity: 3,
          waitlistCapacity: 2,
        } as never,
        depth: 0,
      })
    // Today in the tenant's zone: a minute from now is today unless it is 23:59 there.
    const mine = await make('Home: mine', cast.inA.instructor.membershipId, 1)
    const other = await make('Home: other', undefined, 2)
    const members = await Promise.all([1, 2, 3, 4].map(() => createPerson(app.payload, { tenant, roles: ['member'] })))
    await q(sql`UPDATE classes SET booked_count = 3, waitlist_count = 1 WHERE id = ${mine.id}`)
    for (const [i, m] of members.entries())
      await q(
        sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, start_time, checked_in_at, waitlist_position)
          VALUES (${tenant}, ${mine.id}, ${m.membership!.id}, ${i < 2 ? 'checked_in' : i < 3 ? 'confirmed' : 'waitlisted'},
            ${mine.startTime}, ${i < 2 ? now.toISOString() : null}, ${i === 3 ? 1 : null})`,
      )
    const day = await readStaffDay(system, { tenant, now })
    const row = day.classes.find((c) => c.id === mine.id)
    expect(row).toMatchObject({ title: 'Home: mine', capacity: 3, booked: 3, waitlisted: 1, checkedIn: 2 })
    expect(day.classes.some((c) => c.id === other.id)).toBe(true)
    const own = await readStaffDay(system, { tenant, now, staffMember: cast.inA.instructor.membershipId })
    expect(own.classes.map((c) => c.id)).toEqual([mine.id])
    // Tomorrow's day does not show today's classes; B's day shows none of A's.
    expect(
      (await readStaffDay(system, { tenant, now: new Date(now.getTime() + DAY) })).classes.map((c) => c.id),
    ).not.toContain(mine.id)
    expect((await readStaffDay(system, { tenant: String(cast.b.id), now })).classes).toEqual([])
  })

  it('finds members with no visit in 30 days, most recently lapsed first', async () => {
    const tenant = String(cast.b.id)
    const now = new Date()
    const old = (days: number) => new Date(now.getTime() - days * DAY).toISOString()
    const person = async (name: string, joinedDaysAgo: number) => {
      const { membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
      await q(
        sql`UPDATE tenant_memberships SET joined_at = ${old(joinedDaysAgo)}, profile_display_name = ${name} WHERE id = ${membership!.id}`,
      )
      return String(membership!.id)
    }
    const lapsed = await person('Lapsed Lena', 90)
    const never = await person('Never Nora', 60)
    const regular = await person('Regular Rob', 90)
    await person('Newcomer Ned', 3)
    const klass = await app.payload.create({
      collection: 'classes',
      data: {
        tenant,
        title: 'Past',
        startTime: old(40),
        durationMinutes: 60,
        capacity: 10,
        waitlistCapacity: 0,
      } as never,
      depth: 0,
    })
    const recent = await app.payload.create({
      collection: 'classes',
      data: {
        tenant,
        title: 'Recent',
        startTime: old(5),
        durationMinutes: 60,
        capacity: 10,
        waitlistCapacity: 0,
      } as never,
      depth: 0,
    })
    await q(sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, start_time, checked_in_at)
      VALUES (${tenant}, ${klass.id}, ${lapsed}, 'checked_in', ${old(40)}, ${old(40)}),
             (${tenant}, ${recent.id}, ${regular}, 'checked_in', ${old(5)}, ${old(5)})`)
    const risk = await readMembersAtRisk(system, { tenant, now })
    expect(risk.members.map((m) => m.id)).toEqual([lapsed, never])
    expect(risk.count).toBe(2)
    expect(risk.members[0].lastVisit).toBe(old(40))
  })

  it("adds up today's and this week's revenue net of refunds, and lists what to chase", async () => {
    const tenant = String(cast.b.id)
    const member = cast.inB.member.membershipId!
    const pay = (amount: number, status: string, amountRefunded = 0, failureReason?: string) =>
      app.payload.create({
        collection: 'payments',
        data: {
          tenant,
          member,
          purpose: 'other',
          provider: 'cash',
          amount: { amount, currency: 'USD' },
          amountRefunded,
          status,
          failureReason,
        } as never,
        depth: 0,
      })
    await pay(2500, 'succeeded')
    await pay(1000, 'partially_refunded', 400)
    const failed = await pay(3000, 'failed', 0, 'card_declined')
    const revenue = await readRevenue(system, { tenant })
    expect(revenue.today).toEqual({ amount: 3100, currency: 'USD' })
    expect(revenue.week.amount).toBeGreaterThanOrEqual(3100)
    expect(revenue.paymentsToday).toBe(2)
    expect((await readRevenue(system, { tenant: String(cast.a.id) })).today.amount).toBe(0)

    const plan = await app.payload.create({
      collection: 'membership-plans',
      data: {
        tenant,
        name: 'Unlimited',
        active: true,
        prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 9900, currency: 'USD', active: true }],
      } as never,
      depth: 0,
    })
    const subscription = await app.payload.create({
      collection: 'subscriptions',
      data: { tenant, member, plan: plan.id, priceKey: 'monthly', status: 'past_due', provider: 'manual' } as never,
      depth: 0,
    })
    const problems = await readPaymentProblems(system, { tenant })
    expect(problems.failed.count).toBe(1)
    expect(problems.failed.items[0]).toMatchObject({ id: failed.id, reason: 'card_declined', amount: { amount: 3000 } })
    expect(problems.pastDue.items.map((s) => s.id)).toEqual([subscription.id])
    expect(problems.pastDue.items[0].plan).toBe('Unlimited')
  })

  it('counts new members of one tenant, and the platform health', async () => {
    const tenant = String(cast.a.id)
    const before = (await readNewMembers(system, { tenant })).count
    await createPerson(app.payload, { tenant, roles: ['member'] })
    await createPerson(app.payload, { tenant, roles: ['front_desk'] }) // staff are not sign-ups
    expect((await readNewMembers(system, { tenant })).count).toBe(before + 1)
    const health = await readPlatformHealth(system)
    expect(Object.values(health.tenants).reduce((n, v) => n + v, 0)).toBeGreaterThanOrEqual(2)
    expect(health.jobs.queued).toBeGreaterThanOrEqual(0)
    expect(health.webhooks.backlog).toBe(0)
  })

  it("puts a member's bookings, payments and credits on their page, for their own tenant's desk only", async () => {
    const tenant = String(cast.a.id)
    const { membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
    const member = String(membership!.id)
    const klass = await app.payload.create({
      collection: 'classes',
      data: {
        tenant,
        title: 'Page probe',
        startTime: new Date(Date.now() + DAY).toISOString(),
        durationMinutes: 60,
        capacity: 5,
        waitlistCapacity: 0,
      } as never,
      depth: 0,
    })
    await q(sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, start_time)
      VALUES (${tenant}, ${klass.id}, ${member}, 'confirmed', ${klass.startTime})`)
    await app.payload.create({
      collection: 'payments',
      data: {
        tenant,
        member,
        purpose: 'other',
        provider: 'cash',
        amount: { amount: 1800, currency: 'USD' },
        status: 'succeeded',
      } as never,
    })
    await app.payload.create({
      collection: 'credit-lots',
      data: { tenant, member, creditType: 'class', initialCredits: 5, remainingCredits: 4 } as never,
    })
    const page = await cast.inA.frontDesk.client.get(`/api/tenant-memberships/${member}?depth=0`)
    expect(page.status).toBe(200)
    expect(page.body.bookings.docs).toHaveLength(1)
    expect(page.body.payments.docs).toHaveLength(1)
    expect(page.body.creditLots.docs).toHaveLength(1)
    expect(page.body.subscriptions.docs).toHaveLength(0)
    // The desk of tenant B cannot open the page, nor find A's member among its own.
    expect((await cast.inB.frontDesk.client.get(`/api/tenant-memberships/${member}?depth=0`)).status).toBe(404)
    // Another member of A sees only their own page, and its lists hold only their own documents.
    const own = await cast.inA.member.client.get(`/api/tenant-memberships/${cast.inA.member.membershipId}?depth=0`)
    expect(own.status).toBe(200)
    expect(own.body.bookings.docs.every((b: { member: string }) => b.member === cast.inA.member.membershipId)).toBe(
      true,
    )
  })
})
