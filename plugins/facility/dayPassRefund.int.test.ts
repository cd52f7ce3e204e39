import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'
import type { EventOf } from '@/core'
import { useTestApp } from '@/core/testing'
import { facilityClub, type FacilityClub } from './facilityTestKit'
import { dayPassesRefundedSubscriber, dayPassesSubscriber } from './feeSubscribers'

const app = useTestApp()
let shared: FacilityClub | undefined
const club = async () => (shared ??= await facilityClub(app))

/** A cash sale of `quantity` day passes to a walk-in at the desk; returns the order id. */
const sell = async (c: FacilityClub, product: string, quantity: number) => {
  const sale = await c.desk.post('/api/orders/checkout', {
    tenant: c.tenant,
    buyer: { email: `walkin-${Math.random().toString(36).slice(2, 8)}@example.test`, name: 'Pat Walkin' },
    lines: [{ product, quantity }],
    payment: { provider: 'cash' },
  })
  expect(sale.status, JSON.stringify(sale.body)).toBe(201)
  return String(sale.body.order.id)
}

const passesOf = (c: FacilityClub, order: string) =>
  c.kit.q<{ id: string; status: string; voided_at: string | null }>(
    sql`SELECT id, status, voided_at FROM day_passes WHERE "order" = ${order} ORDER BY unit`,
  )

/** The `order.refunded` queued for facility's subscriber (read before the queue runs: delivered jobs are deleted). */
const refundedEvent = async (c: FacilityClub, order: string) => {
  const [row] = await c.kit.q<{ event: EventOf<'order.refunded'> }>(
    sql`SELECT input->'event' AS event FROM payload_jobs WHERE input->>'subscriber' = 'facility.dayPassesRefunded'
          AND input->'event'->'data'->>'order' = ${order} LIMIT 1`,
  )
  return row.event
}

describe('day passes of a refunded order are voided', () => {
  it('a full refund voids the unused passes once (redelivered 3× at once: nothing more), a used pass stays used; scanning a void pass is 409 pass_void', async () => {
    const c = await club()
    const product = await c.dayPassProduct()
    const order = await sell(c, product, 3)
    await c.runJobs()
    const issued = await passesOf(c, order)
    expect(issued.map((p) => p.status)).toEqual(['active', 'active', 'active'])
    const used = await c.desk.post(`/api/day-passes/${issued[0].id}/check-in`)
    expect(used.status, JSON.stringify(used.body)).toBe(200)

    const refund = await c.desk.post(`/api/orders/${order}/refund`, { reason: 'Rained out' })
    expect(refund.status, JSON.stringify(refund.body)).toBe(200)
    const event = await refundedEvent(c, order) // as queued (a delivered job is deleted)
    await c.runJobs()
    const after = await passesOf(c, order)
    expect(after.map((p) => p.status)).toEqual(['used', 'void', 'void'])
    expect(after[0].voided_at).toBeNull()

    // At-least-once delivery: the same event handled three more times at once changes nothing.
    await Promise.all(
      [1, 2, 3].map(async () =>
        dayPassesRefundedSubscriber.handler(event, { req: await createLocalReq({}, app.payload) }),
      ),
    )
    expect(await passesOf(c, order)).toEqual(after)

    const scan = await c.desk.post(`/api/day-passes/${after[1].id}/check-in`)
    expect([scan.status, scan.body.error]).toEqual([409, 'pass_void'])
    expect(scan.body.message).toMatch(/void.*refunded/)
    const [{ n }] = await c.kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM guest_check_ins WHERE day_pass_id = ANY(${`{${after.map((p) => p.id).join(',')}}`}::uuid[])`,
    )
    expect(n).toBe(1)
  }, 120_000)

  it('a partial refund leaves the passes; a refund handled before its order.paid issues the passes void; a scan racing the void either admits or is refused, never both', async () => {
    const c = await club()
    const product = await c.dayPassProduct()

    const partly = await sell(c, product, 2)
    await c.runJobs()
    expect((await c.desk.post(`/api/orders/${partly}/refund`, { amount: 1000, reason: 'Goodwill' })).status).toBe(200)
    await c.runJobs()
    expect((await passesOf(c, partly)).map((p) => p.status)).toEqual(['active', 'active'])

    // Refunded before the queue delivered its order.paid: the late delivery issues void passes.
    const late = await sell(c, product, 1)
    expect((await c.desk.post(`/api/orders/${late}/refund`, { reason: 'Wrong product' })).status).toBe(200)
    const [{ data }] = await c.kit.q<{ data: EventOf<'order.paid'>['data'] }>(
      sql`SELECT input->'event'->'data' AS data FROM payload_jobs WHERE input->>'subscriber' = 'facility.dayPasses'
            AND input->'event'->'data'->>'id' = ${late} LIMIT 1`,
    )
    const paid: EventOf<'order.paid'> = {
      id: 'late-paid',
      type: 'order.paid',
      version: 1,
      tenant: c.tenant,
      occurredAt: new Date().toISOString(),
      actor: null,
      subject: { collection: 'orders', id: late },
      data,
    }
    await dayPassesSubscriber.handler(paid, { req: await createLocalReq({}, app.payload) })
    expect((await passesOf(c, late)).map((p) => p.status)).toEqual(['void'])
    await c.runJobs()
    expect((await passesOf(c, late)).map((p) => p.status)).toEqual(['void'])

    // A scan and the void at the same moment: exactly one of them takes the pass.
    const race = await sell(c, product, 1)
    await c.runJobs()
    const [pass] = await passesOf(c, race)
    expect((await c.desk.post(`/api/orders/${race}/refund`, { reason: 'Changed mind' })).status).toBe(200)
    const event = await refundedEvent(c, race)
    const [scan] = await Promise.all([
      c.desk.post(`/api/day-passes/${pass.id}/check-in`),
      dayPassesRefundedSubscriber.handler(event, { req: await createLocalReq({}, app.payload) }),
    ])
    const [final] = await passesOf(c, race)
    if (scan.status === 200) expect(final.status).toBe('used')
    else {
      expect([scan.status, scan.body.error]).toEqual([409, 'pass_void'])
      expect(final.status).toBe('void')
    }
    await c.runJobs()
    expect((await passesOf(c, race))[0].status).toBe(final.status)
  }, 120_000)
})
