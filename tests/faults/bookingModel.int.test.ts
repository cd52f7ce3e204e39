import { sql } from '@payloadcms/db-postgres'
import fc from 'fast-check'
import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'
import { inTransaction } from '@/core'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import { bookingsTestKit } from '@plugins/bookings/bookingsTestKit'
import { grantCredits } from '@plugins/commerce/operations/grantCredits'
import { bookingInvariants } from './bookingInvariants'

// A fast-check model of the booking desk: random mixes of book, cancel (which promotes from the
// waitlist and refunds credits when early), check-in and refund run concurrently over real HTTP;
// after each mix the invariants are checked in SQL.

const app = useTestApp()
const MEMBERS = 6
const CREDITS = 4

type Command = { op: 'book' | 'cancel' | 'checkIn' | 'refund'; member: number; klass: number }

const command = fc.record({
  op: fc.constantFrom<Command['op']>('book', 'book', 'cancel', 'checkIn', 'refund'),
  member: fc.integer({ min: 0, max: MEMBERS - 1 }),
  klass: fc.integer({ min: 0, max: 1 }),
})

describe('booking model (fast-check)', () => {
  it('keeps counters equal to rows, classes within capacity and credit ledgers equal to balances', async () => {
    const kit = bookingsTestKit(app.payload)
    const tenant = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const desk = (await signIn(app, user.email)).client
    const members = await kit.createMembers(tenant, MEMBERS)
    const req = await createLocalReq({}, app.payload)
    for (const member of members)
      await inTransaction(req, () =>
        grantCredits(req, { tenant, member, credits: CREDITS, creditType: 'class', source: 'adjustment' }),
      )
    // One class soon (check-in open, cancels are late) and one in two days (cancels refund and promote).
    const classes = [
      await kit.createClass(tenant, { capacity: 2, waitlistCapacity: 2, creditCost: 1, inMinutes: 10 }),
      await kit.createClass(tenant, { capacity: 2, waitlistCapacity: 3, creditCost: 1, inMinutes: 2 * 24 * 60 }),
    ].map((c) => String(c.id))

    const liveBooking = async (member: string, klass: string) =>
      (
        await kit.q<{ id: string }>(
          sql`SELECT id FROM bookings WHERE member_id = ${member} AND class_id = ${klass} AND status NOT IN ('cancelled', 'late_cancelled') LIMIT 1`,
        )
      )[0]?.id
    const anyBooking = async (member: string, klass: string) =>
      (
        await kit.q<{ id: string }>(
          sql`SELECT id FROM bookings WHERE member_id = ${member} AND class_id = ${klass} ORDER BY created_at DESC LIMIT 1`,
        )
      )[0]?.id
    const run = async ({ op, member: m, klass: k }: Command) => {
      const member = members[m]
      const klass = classes[k]
      if (op === 'book') return desk.post(`/api/classes/${klass}/book`, { member })
      const id = op === 'refund' ? await anyBooking(member, klass) : await liveBooking(member, klass)
      if (!id) return { status: 404, body: null }
      if (op === 'checkIn') return desk.post(`/api/bookings/${id}/check-in`)
      // A refund of a booking: its cancellation (credits back when early, forfeited when late);
      // repeated on a cancelled booking it must change nothing.
      return desk.post(`/api/bookings/${id}/cancel`)
    }

    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 4, maxLength: 12 }), async (commands) => {
        const results = await Promise.all(commands.map(run))
        for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)
        // Refusals are 4xx with a reason; a race may be told to try again (503 busy); nothing breaks.
        expect(results.filter((r) => r.status >= 500 && r.body?.error !== 'busy').map((r) => r.body)).toEqual([])
        for (const klass of classes) await bookingInvariants(kit, klass)
        const lots = await kit.q<{ lot: string; remaining: number; ledger: number; negative: number }>(sql`
          SELECT l.id AS lot, l.remaining_credits::int AS remaining, coalesce(sum(e.amount), 0)::int AS ledger,
                 count(*) FILTER (WHERE e.balance_after < 0)::int AS negative
          FROM credit_lots l LEFT JOIN credit_ledger e ON e.lot_id = l.id
          WHERE l.tenant_id = ${tenant} GROUP BY l.id`)
        expect(lots).toHaveLength(MEMBERS)
        for (const lot of lots) {
          expect(lot.ledger, `lot ${lot.lot}`).toBe(lot.remaining)
          expect(lot.remaining).toBeGreaterThanOrEqual(0)
          expect(lot.negative).toBe(0)
        }
        // Each booking's credits: spent once at most, refunded at most what was spent.
        const refs = await kit.q<{ ref: string; net: number; spends: number; refunds: number }>(sql`
          SELECT ref_id AS ref, sum(amount)::int AS net,
                 count(*) FILTER (WHERE type = 'spent_booking')::int AS spends,
                 count(*) FILTER (WHERE type = 'refund')::int AS refunds
          FROM credit_ledger WHERE tenant_id = ${tenant} AND ref_collection = 'bookings' GROUP BY ref_id`)
        for (const ref of refs) {
          expect(ref.spends, ref.ref).toBeLessThanOrEqual(1)
          expect(ref.refunds, ref.ref).toBeLessThanOrEqual(ref.spends)
          expect([0, -1], ref.ref).toContain(ref.net)
        }
      }),
      { numRuns: 12 },
    )
    console.log(`[model] 12 concurrent mixes; answers by status: ${JSON.stringify(Object.fromEntries(statuses))}`)
    // The mixes did reach the interesting states.
    expect(statuses.get(201)).toBeGreaterThan(0)
    expect(statuses.get(200)).toBeGreaterThan(0)
  }, 180_000)
})
