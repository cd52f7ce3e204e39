import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'
import type { EventOf } from '@/core'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { useFakeStripe } from '@/core/testing/useFakeStripe'
import { facilityTestKit } from './facilityTestKit'
import { dayPassesSubscriber } from './feeSubscribers'

const WEBHOOK_SECRET = 'whsec_atrium_facility_commerce'
const app = useTestApp()
const fake = useFakeStripe(WEBHOOK_SECRET)

type Club = {
  kit: ReturnType<typeof facilityTestKit>
  tenant: string
  account: string
  desk: HttpClient
  manager: HttpClient
}
let shared: Club | undefined

/** A Chicago club with a connected Stripe account, a desk clerk and a manager, made once for the file. */
const club = async (): Promise<Club> => {
  if (shared) return shared
  const kit = facilityTestKit(app.payload)
  const tenant = String((await createTenant(app.payload, { timezone: kit.zone })).id)
  const account = `acct_facility${Math.random().toString(36).slice(2, 10)}`
  await app.payload.create({
    collection: 'integration-connections',
    data: { tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
  })
  const desk = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
  const manager = await createPerson(app.payload, { tenant, roles: ['manager'] })
  shared = {
    kit,
    tenant,
    account,
    desk: (await signIn(app, desk.user.email)).client,
    manager: (await signIn(app, manager.user.email)).client,
  }
  return shared
}

const newMember = async (tenant: string) => {
  const person = await createPerson(app.payload, { tenant, roles: ['member'] })
  return { id: String(person.membership!.id), client: (await signIn(app, person.user.email)).client }
}

/** `n` guest passes for `member`, as billing's period grant leaves them (a `guest_pass` lot). */
const grantPasses = async (tenant: string, member: string, n: number) =>
  String(
    (
      await app.payload.create({
        collection: 'credit-lots',
        data: {
          tenant,
          member,
          creditType: 'guest_pass',
          source: 'guest_pass_reset',
          initialCredits: n,
          remainingCredits: n,
        },
      })
    ).id,
  )

/** Runs the jobs queue until no Stripe event or domain-event delivery is left. */
const runJobs = async (kit: Club['kit']) => {
  for (let i = 0; i < 8; i++) {
    const [{ n }] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE
            AND task_slug IN ('processStripeEvent', 'deliverEvent')`,
    )
    if (n === 0) return
    await app.payload.jobs.run({ limit: 200 })
  }
}

const passState = async (kit: Club['kit'], lot: string) =>
  (
    await kit.q<{ remaining: number; spent: number; refunds: number }>(sql`
      SELECT (SELECT remaining_credits::int FROM credit_lots WHERE id = ${lot}) AS remaining,
             (SELECT count(*)::int FROM credit_ledger WHERE lot_id = ${lot} AND type = 'spent_booking') AS spent,
             (SELECT count(*)::int FROM credit_ledger WHERE lot_id = ${lot} AND type = 'refund') AS refunds`)
  )[0]

describe('guest passes from commerce’s credits ledger', () => {
  it('8 concurrent bookings wanting the last pass: exactly one spends it, the others pay the guest fee; cancelling gives it back once; a closure applied three times at once gives the next one back once', async () => {
    const { kit, tenant, manager } = await club()
    const alice = await newMember(tenant)
    const lot = await grantPasses(tenant, alice.id, 1)
    const bay = await kit.createBay(tenant, {
      mode: 'per_player_split',
      guestFee: 1500,
      rates: [{ tier: null, peak: 4000, offPeak: 4000 }],
    })
    const starts = ['08:00', '09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00']
    const results = await Promise.all(
      starts.map((hhmm, i) =>
        alice.client.post('/api/reservations/book', {
          resource: bay,
          startAt: kit.at(2, hhmm),
          endAt: kit.at(2, `${String(Number(hhmm.slice(0, 2)) + 1).padStart(2, '0')}:00`),
          participants: [{ guest: { name: `Guest ${i}`, email: `guest${i}@example.test` }, useGuestPass: true }],
        }),
      ),
    )
    expect(
      results.map((r) => r.status),
      JSON.stringify(results.find((r) => r.status !== 201)?.body),
    ).toEqual(starts.map(() => 201))
    const guestLines = results.map((r) =>
      (r.body.fee.lines as { feeType: string; amount: number }[]).find((l) => l.feeType.startsWith('guest')),
    )
    expect(guestLines.filter((l) => l?.feeType === 'guest_pass')).toHaveLength(1)
    expect(guestLines.filter((l) => l?.feeType === 'guest_fee')).toHaveLength(7)
    // With the pass the guest pays only their share (2000); without it the share and the $15 fee.
    expect(results.map((r) => r.body.fee.total.amount).sort()).toEqual([4000, 5500, 5500, 5500, 5500, 5500, 5500, 5500])
    expect(await passState(kit, lot)).toEqual({ remaining: 0, spent: 1, refunds: 0 })
    const [{ n }] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reservation_participants WHERE tenant_id = ${tenant} AND uses_guest_pass`,
    )
    expect(n).toBe(1)
    const winner = results.find((r) => r.body.fee.total.amount === 4000)!.body.id

    // The member cancels: the pass goes back to its lot once; a second cancel is refused and gives nothing.
    expect((await alice.client.post(`/api/reservations/${winner}/cancel`)).status).toBe(200)
    expect((await alice.client.post(`/api/reservations/${winner}/cancel`)).status).toBe(409)
    expect(await passState(kit, lot)).toEqual({ remaining: 1, spent: 1, refunds: 1 })

    // Booked again with the pass, then closed by a closure applied three times at once: back once.
    const again = await alice.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(3, '10:00'),
      endAt: kit.at(3, '11:00'),
      participants: [{ guest: { name: 'Guest again' }, useGuestPass: true }],
    })
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    expect(await passState(kit, lot)).toEqual({ remaining: 0, spent: 2, refunds: 1 })
    const closure = await manager.post('/api/closures', {
      tenant,
      reason: 'Sensor repair',
      startAt: kit.at(3, '09:00'),
      endAt: kit.at(3, '12:00'),
      affectsAllResources: false,
      resources: [bay],
    })
    expect(closure.status, JSON.stringify(closure.body)).toBe(201)
    const reruns = await Promise.all([1, 2, 3].map(() => manager.post(`/api/closures/${closure.body.doc.id}/apply`)))
    expect(reruns.map((r) => [r.status, r.body.cancelled])).toEqual([
      [200, 0],
      [200, 0],
      [200, 0],
    ])
    expect(await passState(kit, lot)).toEqual({ remaining: 1, spent: 2, refunds: 2 })
    // The ledger balances: Σ ledger rows of the lot = what is left (it had no earned row: made directly).
    const [sum] = await kit.q<{ s: number }>(
      sql`SELECT coalesce(sum(amount), 0)::int AS s FROM credit_ledger WHERE lot_id = ${lot}`,
    )
    expect(sum.s).toBe(0)
  }, 120_000)

  it('a member without passes books a guest with the guest fee; a declined request gives its pass back', async () => {
    const { kit, tenant, desk } = await club()
    const bob = await newMember(tenant)
    const bay = await kit.createBay(tenant, { guestFee: 1500, requiresApproval: true })
    const withoutPasses = await bob.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(2, '10:00'),
      endAt: kit.at(2, '11:00'),
      participants: [{ guest: { name: 'Walk' }, useGuestPass: true }],
    })
    expect(withoutPasses.status).toBe(201)
    expect(withoutPasses.body.fee.total.amount).toBe(1500)
    const lot = await grantPasses(tenant, bob.id, 2)
    const request = await bob.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(2, '12:00'),
      endAt: kit.at(2, '13:00'),
      participants: [
        { guest: { name: 'Sam' }, useGuestPass: true },
        { guest: { name: 'Kim' }, useGuestPass: true },
      ],
    })
    expect(request.status).toBe(201)
    expect(request.body.fee.total.amount).toBe(0)
    expect(await passState(kit, lot)).toEqual({ remaining: 0, spent: 2, refunds: 0 })
    expect((await desk.post(`/api/reservations/${request.body.id}/decline`)).status).toBe(200)
    expect(await passState(kit, lot)).toEqual({ remaining: 2, spent: 2, refunds: 2 })
  })
})

const feeOf = async (kit: Club['kit'], reservation: string) =>
  (
    await kit.q<{ status: string; order: string | null; payment_ref: string | null }>(
      sql`SELECT status, commerce_order AS order, payment_ref FROM fee_snapshots WHERE reservation_id = ${reservation} ORDER BY computed_at DESC LIMIT 1`,
    )
  )[0]
const orderOf = async (kit: Club['kit'], order: string) =>
  (
    await kit.q<{
      status: string
      total: number
      amount_refunded: number
      payment_id: string | null
      kind: string
      ref: string
    }>(
      sql`SELECT o.status, o.total::int AS total, o.amount_refunded::int AS amount_refunded, o.payment_id, l.kind, l.ref
          FROM orders o JOIN orders_lines l ON l._parent_id = o.id WHERE o.id = ${order}`,
    )
  )[0]

describe('reservation fees paid and refunded through commerce', () => {
  it('the desk takes cash for a fee (5 attempts at once: one order paid), order.paid marks the snapshot paid; a closure applied twice at once refunds it once', async () => {
    const { kit, tenant, desk, manager } = await club()
    const carol = await newMember(tenant)
    const bay = await kit.createBay(tenant, { rates: [{ tier: null, peak: 3000, offPeak: 3000 }] })
    const booked = await carol.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(4, '10:00'),
      endAt: kit.at(4, '11:00'),
    })
    expect(booked.status).toBe(201)
    expect(booked.body.fee).toMatchObject({ total: { amount: 3000 }, status: 'pending' })
    // A member cannot take cash.
    expect((await carol.client.post(`/api/reservations/${booked.body.id}/pay`, { method: 'cash' })).status).toBe(403)

    const attempts = await Promise.all(
      [1, 2, 3, 4, 5].map(() => desk.post(`/api/reservations/${booked.body.id}/pay`, { method: 'cash' })),
    )
    expect(attempts.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409])
    const paid = attempts.find((a) => a.status === 200)!.body
    expect(paid.orderStatus).toBe('paid')
    const snapshot = await feeOf(kit, booked.body.id)
    expect(await orderOf(kit, paid.order)).toMatchObject({ status: 'paid', total: 3000, kind: 'fee' })
    expect((await orderOf(kit, paid.order)).ref).toMatch(/^fee-snapshots:/)
    const [{ orders }] = await kit.q<{ orders: number }>(
      sql`SELECT count(*)::int AS orders FROM orders WHERE member_id = ${carol.id}`,
    )
    expect(orders).toBe(1)
    await runJobs(kit)
    expect(await feeOf(kit, booked.body.id)).toMatchObject({
      status: 'paid',
      order: paid.order,
      payment_ref: `order ${paid.number}`,
    })
    expect(snapshot.order).toBe(paid.order)
    // Paid is frozen: paying again is refused.
    expect((await carol.client.post(`/api/reservations/${booked.body.id}/pay`)).body.error).toBe('not_payable')

    // A closure over it, applied twice more at once: cancelled and refunded once.
    const closure = await manager.post('/api/closures', {
      tenant,
      reason: 'Flood',
      isFullDay: true,
      date: kit.at(4, '12:00').slice(0, 10),
      affectsAllResources: false,
      resources: [bay],
    })
    expect(closure.status, JSON.stringify(closure.body)).toBe(201)
    await Promise.all([1, 2].map(() => manager.post(`/api/closures/${closure.body.doc.id}/apply`)))
    expect((await feeOf(kit, booked.body.id)).status).toBe('refunded')
    const order = await orderOf(kit, paid.order)
    expect(order).toMatchObject({ status: 'refunded', amount_refunded: 3000 })
    const refunds = await kit.q<{ amount: number }>(
      sql`SELECT amount::int AS amount FROM payments_refunds WHERE _parent_id = ${order.payment_id}`,
    )
    expect(refunds).toEqual([{ amount: 3000 }])
    const [event] = await kit.q<{ data: { refunded: boolean; refundDue: { amount: number } } }>(
      sql`SELECT input->'event'->'data' AS data FROM payload_jobs WHERE input->>'subscriber' = 'facility.notifyCancelled'
            AND input->'event'->'data'->>'reservation' = ${booked.body.id}`,
    )
    expect(event.data).toMatchObject({ refunded: true, refundDue: { amount: 3000 } })
  }, 120_000)

  it('a member pays online through Stripe Checkout; the paid webhook (delivered 3×) marks the fee paid; their cancel refunds it to Stripe once', async () => {
    const { kit, tenant, account } = await club()
    const dana = await newMember(tenant)
    const bay = await kit.createBay(tenant, { rates: [{ tier: null, peak: 4500, offPeak: 4500 }] })
    const booked = await dana.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(5, '10:00'),
      endAt: kit.at(5, '11:00'),
    })
    expect(booked.status).toBe(201)
    const first = await dana.client.post(`/api/reservations/${booked.body.id}/pay`)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ orderStatus: 'pending', checkout: { url: expect.any(String) } })
    // Asking again reuses the pending order.
    const second = await dana.client.post(`/api/reservations/${booked.body.id}/pay`)
    expect(second.body.order).toBe(first.body.order)
    const session = fake.completeCheckout(account, second.body.checkout.id)
    const event = fake.event('checkout.session.completed', session, { account })
    expect(await Promise.all([1, 2, 3].map(() => fake.deliver(app.baseUrl, event).then((r) => r.status)))).toEqual([
      200, 200, 200,
    ])
    await runJobs(kit)
    expect(await feeOf(kit, booked.body.id)).toMatchObject({ status: 'paid', order: first.body.order })
    expect(await orderOf(kit, first.body.order)).toMatchObject({ status: 'paid', total: 4500 })

    fake.clearRequests()
    expect((await dana.client.post(`/api/reservations/${booked.body.id}/cancel`)).status).toBe(200)
    expect((await feeOf(kit, booked.body.id)).status).toBe('refunded')
    await runJobs(kit)
    const refunds = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds')
    expect(refunds).toHaveLength(1)
    expect(refunds[0].params).toMatchObject({ amount: '4500', payment_intent: session.payment_intent })
  }, 120_000)

  it('cancelling before paying cancels the fee’s pending order; a move reprices and replaces it', async () => {
    const { kit, tenant, desk } = await club()
    const erin = await newMember(tenant)
    const bay = await kit.createBay(tenant, { rates: [{ tier: null, peak: 2000, offPeak: 2000 }] })
    const booked = await erin.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(6, '10:00'),
      endAt: kit.at(6, '11:00'),
    })
    const pay = await erin.client.post(`/api/reservations/${booked.body.id}/pay`)
    expect(pay.status).toBe(200)
    const moved = await desk.post(`/api/reservations/${booked.body.id}/move`, {
      startAt: kit.at(6, '12:00'),
      endAt: kit.at(6, '14:00'),
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(moved.body.fee.total.amount).toBe(4000)
    expect((await orderOf(kit, pay.body.order)).status).toBe('canceled')
    expect((await feeOf(kit, booked.body.id)).order).toBeNull()
    const repay = await erin.client.post(`/api/reservations/${booked.body.id}/pay`)
    expect(repay.body.order).not.toBe(pay.body.order)
    expect((await orderOf(kit, repay.body.order)).total).toBe(4000)
    expect((await erin.client.post(`/api/reservations/${booked.body.id}/cancel`)).status).toBe(200)
    expect((await orderOf(kit, repay.body.order)).status).toBe('canceled')
    expect((await feeOf(kit, booked.body.id)).status).toBe('void')
  }, 120_000)
})

describe('day passes sold as commerce orders', () => {
  it('a POS sale of 2 day passes to a walk-in issues 2 passes to that guest once (order.paid handled again adds none); 5 concurrent scans of one pass admit the guest once; a member’s pass admits the guest they bring', async () => {
    const { kit, tenant, desk } = await club()
    const product = String(
      (
        await app.payload.create({
          collection: 'products',
          data: {
            tenant,
            name: 'Range day pass',
            slug: `day-pass-${Math.random().toString(36).slice(2, 8)}`,
            kind: 'day_pass',
            price: { amount: 2500, currency: 'USD' },
          },
        })
      ).id,
    )
    const email = `walkin-${Math.random().toString(36).slice(2, 8)}@example.test`
    const sale = await desk.post('/api/orders/checkout', {
      tenant,
      buyer: { email, name: 'Pat Walkin' },
      lines: [{ product, quantity: 2 }],
      payment: { provider: 'cash' },
    })
    expect(sale.status, JSON.stringify(sale.body)).toBe(201)
    const order = sale.body.order.id
    await runJobs(kit)
    const passes = async () =>
      kit.q<{ id: string; status: string; guest: string | null; member: string | null; unit: number }>(
        sql`SELECT d.id, d.status, g.email AS guest, d.member_id AS member, d.unit::int AS unit FROM day_passes d
            LEFT JOIN guests g ON g.id = d.guest_id WHERE d."order" = ${order} ORDER BY d.unit`,
      )
    expect((await passes()).map((p) => [p.unit, p.status, p.guest, p.member])).toEqual([
      [1, 'active', email, null],
      [2, 'active', email, null],
    ])
    // At-least-once delivery: the subscriber handling the same order.paid again issues nothing more.
    const event: EventOf<'order.paid'> = {
      id: 'redelivered',
      type: 'order.paid',
      version: 1,
      tenant,
      occurredAt: new Date().toISOString(),
      actor: null,
      subject: { collection: 'orders', id: order },
      data: { ...sale.body.order, member: null, payment: null },
    }
    await Promise.all(
      [1, 2, 3].map(async () => dayPassesSubscriber.handler(event, { req: await createLocalReq({}, app.payload) })),
    )
    expect(await passes()).toHaveLength(2)

    const [first] = await passes()
    const scans = await Promise.all([1, 2, 3, 4, 5].map(() => desk.post(`/api/day-passes/${first.id}/check-in`)))
    expect(scans.map((s) => s.status).sort()).toEqual([200, 409, 409, 409, 409])
    expect(new Set(scans.filter((s) => s.status === 409).map((s) => s.body.error))).toEqual(new Set(['pass_used']))
    const [checkIn] = await kit.q<{ n: number; host: string | null; pass: boolean }>(
      sql`SELECT count(*)::int AS n, min(host_id::text) AS host, bool_and(pass_spent) AS pass FROM guest_check_ins WHERE day_pass_id = ${first.id}`,
    )
    expect(checkIn).toEqual({ n: 1, host: null, pass: true })
    // The same guest's second pass the same day: already checked in, nothing spent.
    const second = (await passes())[1]
    const twice = await desk.post(`/api/day-passes/${second.id}/check-in`)
    expect([twice.status, twice.body.error]).toEqual([409, 'already_checked_in'])
    expect((await passes())[1].status).toBe('active')

    // A member buys one; it admits the guest they bring, and members cannot spend passes themselves.
    const fay = await newMember(tenant)
    const bought = await desk.post('/api/orders/checkout', {
      tenant,
      member: fay.id,
      lines: [{ product, quantity: 1 }],
      payment: { provider: 'terminal' },
    })
    expect(bought.status).toBe(201)
    await runJobs(kit)
    const [mine] = await kit.q<{ id: string; member: string }>(
      sql`SELECT id, member_id AS member FROM day_passes WHERE "order" = ${bought.body.order.id}`,
    )
    expect(mine.member).toBe(fay.id)
    const own = await fay.client.get(`/api/day-passes/${mine.id}`)
    expect(own.status).toBe(200)
    expect((await fay.client.post(`/api/day-passes/${mine.id}/check-in`, { guest: { name: 'Friend' } })).status).toBe(
      404,
    )
    const admitted = await desk.post(`/api/day-passes/${mine.id}/check-in`, { guest: { name: 'Friend of Fay' } })
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(200)
    const [hosted] = await kit.q<{ host: string }>(
      sql`SELECT host_id AS host FROM guest_check_ins WHERE id = ${admitted.body.checkIn}`,
    )
    expect(hosted.host).toBe(fay.id)
  }, 120_000)
})

describe('included minutes per tier per day (billing usage records)', () => {
  it('a tier with 90 included minutes a day: of 5 concurrent one-hour bookings exactly one is free and one half free; nothing more fits that day; a cancel gives its hour back once', async () => {
    const { kit, tenant, desk } = await club()
    const tier = await kit.createTier(tenant, `inc-${Math.random().toString(36).slice(2, 6)}`)
    await app.payload.update({ collection: 'facility-tiers', id: tier, data: { includedMinutesPerDay: 90 } })
    const [member] = await kit.createMembers(tenant, 1, tier)
    const bay = await kit.createBay(tenant, { rates: [{ tier, peak: 3000, offPeak: 3000 }] })
    const book = (from: string, to: string, day = 7) =>
      desk.post('/api/reservations/book', { resource: bay, member, startAt: kit.at(day, from), endAt: kit.at(day, to) })
    const hours = ['08:00', '10:00', '12:00', '14:00', '16:00']
    const results = await Promise.all(
      hours.map((h) => book(h, `${String(Number(h.slice(0, 2)) + 1).padStart(2, '0')}:00`)),
    )
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    const totals = results.map((r) => r.body.fee.total.amount).sort((a, b) => a - b)
    // The first to commit gets its 60 free, the next the last 30 (half an hour charged), the rest none.
    expect(totals).toEqual([0, 1500, 3000, 3000, 3000])
    const free = results.find((r) => r.body.fee.total.amount === 0)!.body
    expect(free.fee.lines[0]).toMatchObject({ feeType: 'included', amount: 0 })
    const usage = async () =>
      (
        await kit.q<{ quantity: number; targets: string[] }>(
          sql`SELECT quantity::int AS quantity, targets FROM usage_records WHERE member_id = ${member} AND feature_key = 'facility.included_minutes'`,
        )
      ).map((u) => [u.quantity, u.targets.length])
    expect(await usage()).toEqual([[90, 2]])

    // Nothing is left that day; another day has its own 90.
    expect((await book('18:00', '18:30')).body.fee.total.amount).toBe(1500)
    expect((await book('10:00', '11:00', 8)).body.fee.total.amount).toBe(0)
    expect((await usage()).sort()).toEqual([
      [60, 1],
      [90, 2],
    ])

    // Cancelled: its hour goes back once; then an hour fits again.
    expect((await desk.post(`/api/reservations/${free.id}/cancel`)).status).toBe(200)
    expect((await desk.post(`/api/reservations/${free.id}/cancel`)).status).toBe(409)
    expect((await usage()).sort()).toEqual([
      [30, 1],
      [60, 1],
    ])
    expect((await book('20:00', '21:00')).body.fee.total.amount).toBe(0)
  }, 120_000)
})
