import { sql } from '@payloadcms/db-postgres'
import { createLocalReq } from 'payload'
import { describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { addDays, localDate } from '@/core'
import { facilityTestKit } from './facilityTestKit'
import { readBayGrid } from './operations/readBayGrid'

const app = useTestApp()

type Club = {
  kit: ReturnType<typeof facilityTestKit>
  tenant: string
  desk: HttpClient
  alice: { id: string; client: HttpClient }
  otherDesk: HttpClient
}
let shared: Club | undefined

/** A club in Chicago with a desk clerk and a signed-in member, and another club's desk clerk (made once: sign-ins are rate-limited). */
const club = async (): Promise<Club> => {
  if (shared) return shared
  const kit = facilityTestKit(app.payload)
  const tenant = String((await createTenant(app.payload, { timezone: kit.zone })).id)
  const other = String((await createTenant(app.payload, { timezone: kit.zone })).id)
  const desk = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
  const alice = await createPerson(app.payload, { tenant, roles: ['member'] })
  const otherDesk = await createPerson(app.payload, { tenant: other, roles: ['front_desk'] })
  shared = {
    kit,
    tenant,
    desk: (await signIn(app, desk.user.email)).client,
    alice: { id: String(alice.membership!.id), client: (await signIn(app, alice.user.email)).client },
    otherDesk: (await signIn(app, otherDesk.user.email)).client,
  }
  return shared
}

const RATES = [{ tier: null, peak: 4000, offPeak: 4000 }]

describe('moving a reservation (POST /api/reservations/:id/move)', () => {
  it('moves to another bay and time in one statement, re-windows the door code, reprices an unpaid fee and emits reservation.moved', async () => {
    const { kit, tenant, desk, alice } = await club()
    const bay = await kit.createBay(tenant, { rates: RATES })
    const other = await kit.createBay(tenant, {
      rates: [{ tier: null, peak: 6000, offPeak: 6000 }],
      bufferAfterMinutes: 10,
    })
    const booked = await desk.post('/api/reservations/book', {
      resource: bay,
      member: alice.id,
      startAt: kit.at(2, '10:00'),
      endAt: kit.at(2, '11:00'),
      participants: [{ guest: { name: 'Walker Guest' } }],
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    expect(booked.body.fee.total.amount).toBe(4000)
    const moved = await desk.post(`/api/reservations/${booked.body.id}/move`, {
      resource: other,
      startAt: kit.at(2, '14:00'),
      endAt: kit.at(2, '15:30'),
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(moved.body).toMatchObject({
      id: booked.body.id,
      resource: other,
      startAt: kit.at(2, '14:00'),
      endAt: kit.at(2, '15:30'),
      status: 'confirmed',
      accessCode: booked.body.accessCode,
      accessValidFrom: new Date(Date.parse(kit.at(2, '14:00')) - 15 * 60_000).toISOString(),
      accessValidUntil: new Date(Date.parse(kit.at(2, '15:30')) + 15 * 60_000).toISOString(),
    })
    // 1.5 h at $60 = $90 for the bay (the owner), the guest is included (per bay hour, no guest fee).
    expect(moved.body.fee).toMatchObject({ total: { amount: 9000, currency: 'USD' }, status: 'pending' })
    const [row] = await kit.q<{ blocked_until: Date; duration_minutes: number }>(
      sql`SELECT blocked_until, duration_minutes FROM reservations WHERE id = ${booked.body.id}`,
    )
    expect(new Date(row.blocked_until).toISOString()).toBe(new Date(Date.parse(kit.at(2, '15:40'))).toISOString())
    expect(Number(row.duration_minutes)).toBe(90)
    const participants = await kit.q<{ fee_amount: string }>(
      sql`SELECT fee_amount FROM reservation_participants WHERE reservation_id = ${booked.body.id} ORDER BY slot_number`,
    )
    expect(participants.map((p) => Number(p.fee_amount))).toEqual([9000, 0])
    // Emitted once (one outbox job per subscriber, Trackman's sync among them).
    const events = await kit.q<{ id: string; data: { resource: string; previous: unknown } }>(
      sql`SELECT DISTINCT input->'event'->>'id' AS id, input->'event'->'data' AS data FROM payload_jobs
          WHERE input->'event'->>'type' = 'reservation.moved' AND input->'event'->'data'->>'reservation' = ${booked.body.id}`,
    )
    expect(events).toHaveLength(1)
    expect(events[0].data).toMatchObject({
      resource: other,
      previous: { resource: bay, startAt: kit.at(2, '10:00'), endAt: kit.at(2, '11:00') },
    })
    const subscribers = await kit.q<{ subscriber: string }>(
      sql`SELECT input->>'subscriber' AS subscriber FROM payload_jobs
          WHERE input->'event'->>'type' = 'reservation.moved' AND input->'event'->'data'->>'reservation' = ${booked.body.id}`,
    )
    expect(subscribers.map((s) => s.subscriber)).toContain('facility.trackmanOnMoved')
    // The old slot is free again.
    const again = await desk.post('/api/reservations/book', {
      resource: bay,
      member: alice.id,
      startAt: kit.at(2, '10:00'),
      endAt: kit.at(2, '11:00'),
    })
    expect(again.status, JSON.stringify(again.body)).toBe(201)
  })

  it('answers 409 slot_taken when the new range collides, and leaves the reservation where it was', async () => {
    const { kit, tenant, desk, alice } = await club()
    const bay = await kit.createBay(tenant, { bufferAfterMinutes: 15 })
    const book = (from: string, to: string) =>
      desk.post('/api/reservations/book', {
        resource: bay,
        member: alice.id,
        startAt: kit.at(3, from),
        endAt: kit.at(3, to),
      })
    const first = await book('09:00', '10:00')
    const second = await book('12:00', '13:00')
    expect([first.status, second.status]).toEqual([201, 201])
    for (const [from, to] of [
      ['11:30', '12:30'], // overlaps
      ['11:00', '12:00'], // its own buffer runs into 12:00
      ['13:00', '14:00'], // inside the other's buffer
    ]) {
      const refused = await desk.post(`/api/reservations/${first.body.id}/move`, {
        startAt: kit.at(3, from),
        endAt: kit.at(3, to),
      })
      expect(refused.status, `${from}–${to}`).toBe(409)
      expect(refused.body.error).toBe('slot_taken')
    }
    const [row] = await kit.q<{ start_at: Date }>(sql`SELECT start_at FROM reservations WHERE id = ${first.body.id}`)
    expect(new Date(row.start_at).toISOString()).toBe(kit.at(3, '09:00'))
    // Rules of the target apply too.
    const offGrid = await desk.post(`/api/reservations/${first.body.id}/move`, {
      startAt: kit.at(3, '15:10'),
      endAt: kit.at(3, '16:10'),
    })
    expect([offGrid.status, offGrid.body.error]).toEqual([422, 'off_slot'])
    // Moving within its own buffer is fine (it does not collide with itself).
    const shifted = await desk.post(`/api/reservations/${first.body.id}/move`, {
      startAt: kit.at(3, '09:30'),
      endAt: kit.at(3, '10:30'),
    })
    expect(shifted.status, JSON.stringify(shifted.body)).toBe(200)
  })

  it('20 concurrent moves onto the same free slot: exactly one wins', async () => {
    const { kit, tenant, desk } = await club()
    const target = await kit.createBay(tenant)
    const members = await kit.createMembers(tenant, 20)
    const ids: string[] = []
    for (const [index, member] of members.entries()) {
      const bay = await kit.createBay(tenant)
      const r = await desk.post('/api/reservations/book', {
        resource: bay,
        member,
        startAt: kit.at(4, '08:00'),
        endAt: kit.at(4, '09:00'),
        notes: `move-race-${index}`,
      })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      ids.push(r.body.id)
    }
    const results = await Promise.all(
      ids.map((id) =>
        desk.post(`/api/reservations/${id}/move`, {
          resource: target,
          startAt: kit.at(4, '15:00'),
          endAt: kit.at(4, '16:00'),
        }),
      ),
    )
    const statuses = results.map((r) => r.status)
    expect(
      statuses.filter((s) => s === 200),
      JSON.stringify(results.find((r) => r.status !== 409)?.body),
    ).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(19)
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.error))).toEqual(new Set(['slot_taken']))
    const [row] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reservations WHERE resource_id = ${target} AND status IN ('requested', 'confirmed')`,
    )
    expect(row.n).toBe(1)
  }, 120_000)

  it('leaves a paid fee snapshot frozen', async () => {
    const { kit, tenant, desk, alice } = await club()
    const bay = await kit.createBay(tenant, { rates: RATES })
    const booked = await desk.post('/api/reservations/book', {
      resource: bay,
      member: alice.id,
      startAt: kit.at(5, '10:00'),
      endAt: kit.at(5, '11:00'),
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const [snapshot] = (
      await app.payload.find({ collection: 'fee-snapshots', where: { reservation: { equals: booked.body.id } } })
    ).docs
    await app.payload.update({
      collection: 'fee-snapshots',
      id: snapshot.id,
      data: { status: 'paid', paidAt: new Date().toISOString() },
    })
    const moved = await desk.post(`/api/reservations/${booked.body.id}/move`, {
      startAt: kit.at(5, '12:00'),
      endAt: kit.at(5, '14:00'),
    })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    expect(moved.body.fee).toMatchObject({ total: { amount: 4000, currency: 'USD' }, status: 'paid' })
    const [participant] = await kit.q<{ fee_amount: string }>(
      sql`SELECT fee_amount FROM reservation_participants WHERE reservation_id = ${booked.body.id}`,
    )
    expect(Number(participant.fee_amount)).toBe(4000)
  })

  it('is for desk staff of the business: a member gets 403, another business’s staff 404', async () => {
    const { kit, tenant, desk, alice, otherDesk } = await club()
    const bay = await kit.createBay(tenant)
    const booked = await alice.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(6, '10:00'),
      endAt: kit.at(6, '11:00'),
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const to = { startAt: kit.at(6, '12:00'), endAt: kit.at(6, '13:00') }
    const byMember = await alice.client.post(`/api/reservations/${booked.body.id}/move`, to)
    expect([byMember.status, byMember.body.error]).toEqual([403, 'forbidden'])
    const byStranger = await otherDesk.post(`/api/reservations/${booked.body.id}/move`, to)
    expect([byStranger.status, byStranger.body.error]).toEqual([404, 'not_found'])
    const [row] = await kit.q<{ start_at: Date }>(sql`SELECT start_at FROM reservations WHERE id = ${booked.body.id}`)
    expect(new Date(row.start_at).toISOString()).toBe(kit.at(6, '10:00'))
    // Desk staff decline only requests; a confirmed reservation is not one.
    const decline = await desk.post(`/api/reservations/${booked.body.id}/decline`, {})
    expect([decline.status, decline.body.error]).toEqual([409, 'not_requested'])
  })

  it('declines a request: the bay is free again and its pending fee is void', async () => {
    const { kit, tenant, desk, alice } = await club()
    const bay = await kit.createBay(tenant, { requiresApproval: true, rates: RATES })
    const slot = { resource: bay, startAt: kit.at(2, '18:00'), endAt: kit.at(2, '19:00') }
    const requested = await alice.client.post('/api/reservations/book', slot)
    expect([requested.status, requested.body.status]).toEqual([201, 'requested'])
    const declined = await desk.post(`/api/reservations/${requested.body.id}/decline`, {})
    expect(declined.status, JSON.stringify(declined.body)).toBe(200)
    expect(declined.body).toMatchObject({ status: 'declined', accessCode: null })
    const [fee] = await kit.q<{ status: string }>(
      sql`SELECT status FROM fee_snapshots WHERE reservation_id = ${requested.body.id}`,
    )
    expect(fee.status).toBe('void')
    expect((await desk.post('/api/reservations/book', { ...slot, member: alice.id })).status).toBe(201)
  })

  it("reads the staff bay grid of a day: the reservations with their party, the day's blocks and the waiting requests", async () => {
    const { kit, tenant, desk, alice } = await club()
    const bay = await kit.createBay(tenant, { name: `Grid bay ${Date.now()}`, guestFee: 1500, rates: RATES })
    const asked = await kit.createBay(tenant, { requiresApproval: true })
    const booked = await desk.post('/api/reservations/book', {
      resource: bay,
      member: alice.id,
      startAt: kit.at(7, '09:00'),
      endAt: kit.at(7, '10:00'),
      participants: [{ guest: { name: 'Gridley Guest' } }],
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const requested = await alice.client.post('/api/reservations/book', {
      resource: asked,
      startAt: kit.at(7, '12:00'),
      endAt: kit.at(7, '13:00'),
    })
    expect(requested.status, JSON.stringify(requested.body)).toBe(201)
    await app.payload.create({
      collection: 'availability-blocks',
      data: { tenant, resource: bay, startAt: kit.at(7, '15:00'), endAt: kit.at(7, '16:00'), blockType: 'maintenance' },
    })
    const date = addDays(localDate(new Date(), kit.zone), 7)
    const grid = await readBayGrid(await createLocalReq({}, app.payload), { tenant, date })
    expect(grid.zone).toBe(kit.zone)
    expect(grid.date).toBe(date)
    expect(grid.resources.map((r) => r.id)).toEqual(expect.arrayContaining([bay, asked]))
    const mine = grid.reservations.find((r) => r.id === booked.body.id)!
    expect(mine).toMatchObject({ resource: bay, status: 'confirmed', checkedIn: false, startAt: kit.at(7, '09:00') })
    expect(mine.fee).toMatchObject({ status: 'pending', currency: 'USD' })
    expect(mine.party.map((p) => [p.type, p.usesGuestPass, p.fee > 0])).toEqual([
      ['owner', false, true],
      ['guest', false, true],
    ])
    expect(mine.party[1].name).toBe('Gridley Guest')
    expect(grid.requests.map((r) => r.id)).toContain(requested.body.id)
    expect(grid.reservations.map((r) => r.id)).toContain(requested.body.id)
    expect(grid.blocks.filter((b) => b.resource === bay)).toEqual([
      expect.objectContaining({ type: 'maintenance', startAt: kit.at(7, '15:00'), endAt: kit.at(7, '16:00') }),
    ])
  })
})
