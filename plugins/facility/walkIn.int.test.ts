import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'
import { addDays, localDate } from '@/core'
import { useTestApp } from '@/core/testing'
import { facilityClub, type FacilityClub } from './facilityTestKit'
import { readBayGrid } from './operations/readBayGrid'

const app = useTestApp()
let shared: FacilityClub | undefined
const club = async () => (shared ??= await facilityClub(app))
const gridOf = async (c: FacilityClub, days: number) =>
  readBayGrid(await createLocalReq({}, app.payload), {
    tenant: c.tenant,
    date: addDays(localDate(new Date(), c.kit.zone), days),
  })

describe('a walk-in party booked by the desk on the bay grid', () => {
  it('lead + a named + two counted guests at the non-member rate (not the clerk’s tier), paid in cash at the desk, frozen, shown on the grid and checked in', async () => {
    const c = await club()
    const gold = await c.kit.createTier(c.tenant, `gold-${Math.random().toString(36).slice(2, 6)}`)
    const bay = await c.kit.createBay(c.tenant, {
      capacity: 4,
      mode: 'per_player_split',
      guestFee: 1500,
      rates: [
        { tier: null, peak: 4500, offPeak: 4500 },
        { tier: gold, peak: 0, offPeak: 0 },
      ],
    })
    // Everyone in the club is Gold — the desk clerk too: a walk-in must not ride on the clerk's free rate.
    await c.kit.q(sql`UPDATE tenant_memberships SET facility_tier_id = ${gold} WHERE tenant_id = ${c.tenant}`)
    const body = {
      resource: bay,
      startAt: c.kit.at(2, '10:00'),
      endAt: c.kit.at(2, '11:00'),
      lead: { name: 'Walter Walkin', email: 'Walter.Walkin@example.test', phone: '+1 312 555 0100' },
      guests: [{ name: 'Wendy Walkin' }],
      extraGuests: 2,
      payment: 'cash',
    }

    // Bigger than the bay, or booked by a member: refused, nothing written.
    const big = await c.desk.post('/api/reservations/walk-in', { ...body, extraGuests: 3 })
    expect([big.status, big.body.error]).toEqual([422, 'over_capacity'])
    expect(big.body.message).toMatch(/takes up to 4 players; this party is 5/)
    const member = await c.newMember()
    const refused = await member.client.post('/api/reservations/walk-in', body)
    expect([refused.status, refused.body.error]).toEqual([403, 'forbidden'])
    const bad = await c.desk.post('/api/reservations/walk-in', { ...body, lead: { name: '' } })
    expect([bad.status, bad.body.error]).toEqual([400, 'invalid_input'])

    const booked = await c.desk.post('/api/reservations/walk-in', body)
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    expect(booked.body).toMatchObject({
      status: 'confirmed',
      walkIn: { lead: 'Walter Walkin', players: 4 },
      payment: { orderStatus: 'paid' },
    })
    expect(booked.body.accessCode).toMatch(/^\d{6}$/)
    // The same pricing engine: 1/4 of $45 each at the non-member rate, no guest fee on a walk-in party.
    expect(booked.body.fee.total).toEqual({ amount: 4500, currency: 'USD' })
    expect(booked.body.fee.lines.map((l: { feeType: string; amount: number }) => [l.feeType, l.amount])).toEqual([
      ['share', 1125],
      ['share', 1125],
      ['share', 1125],
      ['share', 1125],
    ])
    const id = String(booked.body.id)
    const party = await c.kit.q<{ slot: number; type: string; name: string; guest: string | null; fee: number }>(
      sql`SELECT slot_number::int AS slot, participant_type AS type, display_name AS name, guest_id AS guest, fee_amount::int AS fee
          FROM reservation_participants WHERE reservation_id = ${id} ORDER BY slot_number`,
    )
    expect(party.map((p) => [p.slot, p.type, p.name, p.fee])).toEqual([
      [1, 'guest', 'Walter Walkin', 1125],
      [2, 'guest', 'Wendy Walkin', 1125],
      [3, 'guest', "Walter Walkin's guest 3", 1125],
      [4, 'guest', "Walter Walkin's guest 4", 1125],
    ])
    const [lead] = await c.kit.q<{ email: string; phone: string }>(
      sql`SELECT email, phone FROM guests WHERE id = ${party[0].guest}`,
    )
    expect(lead).toEqual({ email: 'walter.walkin@example.test', phone: '+1 312 555 0100' })

    // Paid through commerce's desk payment: one paid order of one fee line; order.paid marks the snapshot paid.
    const [order] = await c.kit.q<{ status: string; total: number; kind: string }>(
      sql`SELECT o.status, o.total::int AS total, l.kind FROM orders o JOIN orders_lines l ON l._parent_id = o.id
          WHERE o.id = ${booked.body.payment.order}`,
    )
    expect(order).toEqual({ status: 'paid', total: 4500, kind: 'fee' })
    await c.runJobs()
    const snapshot = async () =>
      (
        await c.kit.q<{ status: string; total: number; order: string }>(
          sql`SELECT status, total_amount::int AS total, commerce_order AS order FROM fee_snapshots
              WHERE reservation_id = ${id} AND status <> 'void'`,
        )
      )[0]
    expect(await snapshot()).toEqual({ status: 'paid', total: 4500, order: booked.body.payment.order })
    // Frozen: paying again is refused, and a move (another bay, other prices) leaves the paid fee as it was.
    expect((await c.desk.post(`/api/reservations/${id}/pay`, { method: 'cash' })).body.error).toBe('not_payable')
    const cheaper = await c.kit.createBay(c.tenant, {
      capacity: 4,
      mode: 'per_player_split',
      rates: [{ tier: null, peak: 2000, offPeak: 2000 }],
    })
    const moved = await c.desk.post(`/api/reservations/${id}/move`, {
      resource: cheaper,
      startAt: c.kit.at(2, '12:00'),
      endAt: c.kit.at(2, '13:00'),
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(await snapshot()).toMatchObject({ status: 'paid', total: 4500 })

    // The grid names the lead; the slot is taken for everyone else.
    const grid = await gridOf(c, 2)
    const row = grid.reservations.find((r) => r.id === id)!
    expect(row).toMatchObject({ owner: 'Walter Walkin (walk-in)', walkIn: true, fee: { status: 'paid', total: 4500 } })
    expect(row.party.map((p) => p.type)).toEqual(['guest', 'guest', 'guest', 'guest'])
    const clash = await c.desk.post('/api/reservations/walk-in', {
      ...body,
      resource: cheaper,
      startAt: c.kit.at(2, '12:30'),
      endAt: c.kit.at(2, '13:30'),
    })
    expect([clash.status, clash.body.error]).toEqual([409, 'slot_taken'])

    // Check-in admits the whole party once, with no member host; a second check-in adds nobody.
    const checkIn = await c.desk.post(`/api/reservations/${id}/check-in`)
    expect(checkIn.status, JSON.stringify(checkIn.body)).toBe(200)
    expect(checkIn.body).toMatchObject({ participants: 4, guestsCheckedIn: 4 })
    expect((await c.desk.post(`/api/reservations/${id}/check-in`)).body.guestsCheckedIn).toBe(0)
    const checkIns = await c.kit.q<{ host: string | null }>(
      sql`SELECT host_id AS host FROM guest_check_ins WHERE reservation_id = ${id}`,
    )
    expect(checkIns).toHaveLength(4)
    expect(checkIns.every((x) => x.host === null)).toBe(true)
  }, 120_000)

  it('unpaid, the fee stays due and a move reprices the party at the non-member rate of the new bay (no guest fee)', async () => {
    const c = await club()
    const bay = await c.kit.createBay(c.tenant, {
      mode: 'per_bay_hour',
      guestFee: 1500,
      rates: [{ tier: null, peak: 6000, offPeak: 6000 }],
    })
    const other = await c.kit.createBay(c.tenant, {
      mode: 'per_bay_hour',
      guestFee: 1500,
      rates: [{ tier: null, peak: 3000, offPeak: 3000 }],
    })
    const booked = await c.desk.post('/api/reservations/walk-in', {
      resource: bay,
      startAt: c.kit.at(5, '15:00'),
      endAt: c.kit.at(5, '16:00'),
      lead: { name: 'Pat Passerby' },
      extraGuests: 1,
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    expect(booked.body.payment).toBeNull()
    // The bay at the non-member rate for the lead, the other player included.
    expect(booked.body.fee).toMatchObject({ total: { amount: 6000 }, status: 'pending' })
    const moved = await c.desk.post(`/api/reservations/${booked.body.id}/move`, {
      resource: other,
      startAt: c.kit.at(5, '15:00'),
      endAt: c.kit.at(5, '16:00'),
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(moved.body.fee).toMatchObject({ total: { amount: 3000 }, status: 'pending' })
    expect(moved.body.fee.lines.map((l: { feeType: string; amount: number }) => [l.feeType, l.amount])).toEqual([
      ['bay', 3000],
      ['included', 0],
    ])
    // Paid later at the desk (terminal) through the same path.
    const paid = await c.desk.post(`/api/reservations/${booked.body.id}/pay`, { method: 'terminal' })
    expect([paid.status, paid.body.orderStatus]).toEqual([200, 'paid'])
  }, 120_000)
})

describe('the bay grid of a room shared with classes and appointments', () => {
  it('returns the room’s classes of the day (not cancelled ones) on the linked resource only', async () => {
    const c = await club()
    const room = String(
      (await app.payload.create({ collection: 'rooms', data: { tenant: c.tenant, name: `Studio ${Date.now()}` } })).id,
    )
    const hall = await c.kit.createBay(c.tenant, { name: `Hall ${Date.now()}`, type: 'room', room })
    const bay = await c.kit.createBay(c.tenant)
    const klass = (title: string, hhmm: string) =>
      c.manager.post('/api/classes', {
        tenant: c.tenant,
        title,
        room,
        startTime: c.kit.at(6, hhmm),
        durationMinutes: 45,
      })
    const burn = await klass('Live Core Burn', '09:00')
    expect(burn.status, JSON.stringify(burn.body)).toBe(201)
    const gone = await klass('Cancelled Flow', '13:00')
    expect(gone.status).toBe(201)
    const classId = String(gone.body.doc?.id ?? gone.body.id)
    await c.kit.q(sql`UPDATE classes SET status = 'cancelled' WHERE id = ${classId}`)
    // Another day's class is not that day's.
    expect(
      (
        await c.manager.post('/api/classes', {
          tenant: c.tenant,
          title: 'Tomorrow',
          room,
          startTime: c.kit.at(7, '09:00'),
          durationMinutes: 30,
        })
      ).status,
    ).toBe(201)

    const grid = await gridOf(c, 6)
    expect(grid.roomBusy).toEqual([
      {
        resource: hall,
        kind: 'class',
        title: 'Live Core Burn',
        startAt: c.kit.at(6, '09:00'),
        endAt: c.kit.at(6, '09:45'),
      },
    ])
    expect(grid.roomBusy.some((b) => b.resource === bay)).toBe(false)
    // What the grid shows is what booking refuses.
    const refused = await c.desk.post('/api/reservations/walk-in', {
      resource: hall,
      startAt: c.kit.at(6, '09:30'),
      endAt: c.kit.at(6, '10:30'),
      lead: { name: 'Rita Room' },
    })
    expect([refused.status, refused.body.error]).toEqual([409, 'room_busy'])
    expect(refused.body.message).toMatch(/"Live Core Burn"/)
  }, 120_000)
})
