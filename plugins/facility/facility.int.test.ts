import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { facilityTestKit } from './facilityTestKit'

const app = useTestApp()

type Club = {
  kit: ReturnType<typeof facilityTestKit>
  tenant: string
  desk: HttpClient
  manager: HttpClient
  alice: { id: string; client: HttpClient }
  bob: { id: string; client: HttpClient }
}
let shared: Club | undefined

/**
 * A club in Chicago with a desk clerk, a manager and two signed-in members, made once for the file
 * (sign-ins are rate-limited per address); each test books its own bays.
 */
const club = async (): Promise<Club> => {
  if (shared) return shared
  const kit = facilityTestKit(app.payload)
  const tenant = String((await createTenant(app.payload, { timezone: kit.zone })).id)
  const desk = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
  const manager = await createPerson(app.payload, { tenant, roles: ['manager'] })
  const alice = await createPerson(app.payload, { tenant, roles: ['member'] })
  const bob = await createPerson(app.payload, { tenant, roles: ['member'] })
  shared = {
    kit,
    tenant,
    desk: (await signIn(app, desk.user.email)).client,
    manager: (await signIn(app, manager.user.email)).client,
    alice: { id: String(alice.membership!.id), client: (await signIn(app, alice.user.email)).client },
    bob: { id: String(bob.membership!.id), client: (await signIn(app, bob.user.email)).client },
  }
  return shared
}

/** A fresh signed-in member of the club. */
const newMember = async (tenant: string) => {
  const person = await createPerson(app.payload, { tenant, roles: ['member'] })
  return { id: String(person.membership!.id), client: (await signIn(app, person.user.email)).client }
}

describe('facility reservations', () => {
  it('50 simultaneous requests for one bay and slot make exactly one reservation', async () => {
    const { kit, tenant, desk } = await club()
    const bay = await kit.createBay(tenant)
    const members = await kit.createMembers(tenant, 50)
    const slot = { resource: bay, startAt: kit.at(2, '10:00'), endAt: kit.at(2, '11:00') }
    const results = await Promise.all(members.map((member) => desk.post('/api/reservations/book', { ...slot, member })))
    const statuses = results.map((r) => r.status).sort()
    expect(
      statuses.filter((s) => s === 201),
      JSON.stringify(results.find((r) => r.status !== 409)?.body),
    ).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(49)
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.error))).toEqual(new Set(['slot_taken']))
    const [row] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reservations WHERE resource_id = ${bay} AND status IN ('requested', 'confirmed')`,
    )
    expect(row.n).toBe(1)
    expect(
      (await kit.q<{ n: number }>(sql`SELECT count(*)::int AS n FROM reservations WHERE resource_id = ${bay}`))[0].n,
    ).toBe(1)
  }, 120_000)

  it('refuses overlapping-but-not-equal ranges and ranges inside the buffers', async () => {
    const { kit, tenant, alice, bob } = await club()
    const bay = await kit.createBay(tenant, { bufferAfterMinutes: 15 })
    const book = (client: typeof alice.client, from: string, to: string) =>
      client.post('/api/reservations/book', { resource: bay, startAt: kit.at(3, from), endAt: kit.at(3, to) })
    expect((await book(alice.client, '10:00', '11:00')).status).toBe(201)
    for (const [from, to] of [
      ['10:30', '11:30'], // overlaps the end
      ['09:30', '10:30'], // overlaps the start
      ['10:00', '10:30'], // inside
      ['09:30', '11:30'], // around
      ['11:00', '12:00'], // inside the 15-minute buffer after 11:00
      ['09:00', '10:00'], // its own buffer runs into 10:00
    ]) {
      const refused = await book(bob.client, from, to)
      expect(refused.status, `${from}–${to}`).toBe(409)
      expect(refused.body).toEqual({
        error: 'slot_taken',
        message: 'This resource is already reserved for part of that time (buffers included).',
      })
    }
    expect((await book(bob.client, '11:30', '12:30')).status).toBe(201)
    expect((await book(bob.client, '08:30', '09:30')).status).toBe(201)
  })

  it("checks the resource's rules in the club's zone, capacity, closures and each member's cap", async () => {
    const { kit, tenant, manager } = await club()
    const alice = await newMember(tenant)
    const bay = await kit.createBay(tenant, { capacity: 2, maxActivePerMember: 2, bookingWindowDays: 5 })
    const book = (body: Record<string, unknown>) =>
      alice.client.post('/api/reservations/book', { resource: bay, ...body })
    const refusal = async (body: Record<string, unknown>) => {
      const r = await book(body)
      return [r.status, r.body.error]
    }
    expect(await refusal({ startAt: kit.at(2, '05:00'), endAt: kit.at(2, '06:00') })).toEqual([
      422,
      'outside_opening_hours',
    ])
    expect(await refusal({ startAt: kit.at(2, '22:30'), endAt: kit.at(2, '23:30') })).toEqual([
      422,
      'outside_opening_hours',
    ])
    expect(await refusal({ startAt: kit.at(2, '10:10'), endAt: kit.at(2, '11:10') })).toEqual([422, 'off_slot'])
    expect(await refusal({ startAt: kit.at(2, '10:00'), endAt: kit.at(2, '15:00') })).toEqual([422, 'invalid_duration'])
    expect(await refusal({ startAt: kit.at(8, '10:00'), endAt: kit.at(8, '11:00') })).toEqual([
      422,
      'outside_booking_window',
    ])
    expect(await refusal({ startAt: kit.at(2, '11:00'), endAt: kit.at(2, '10:00') })).toEqual([400, 'invalid_input'])
    expect(
      await refusal({
        startAt: kit.at(2, '10:00'),
        endAt: kit.at(2, '11:00'),
        participants: [{ guest: { name: 'Gus' } }, { guest: { name: 'Gil' } }],
      }),
    ).toEqual([422, 'over_capacity'])

    const closure = await manager.post('/api/closures', {
      tenant,
      reason: 'Aeration',
      startAt: kit.at(2, '12:00'),
      endAt: kit.at(2, '14:00'),
      affectsAllResources: false,
      resources: [bay],
    })
    expect(closure.status, JSON.stringify(closure.body)).toBe(201)
    expect(await refusal({ startAt: kit.at(2, '13:30'), endAt: kit.at(2, '14:30') })).toEqual([409, 'closed'])

    // A gold tier books further ahead than the resource's 5 days.
    const gold = await kit.createTier(tenant, 'gold-window', 10)
    await app.payload.update({ collection: 'tenant-memberships', id: alice.id, data: { facilityTier: gold } })
    expect((await book({ startAt: kit.at(8, '10:00'), endAt: kit.at(8, '11:00') })).status).toBe(201)
    expect((await book({ startAt: kit.at(2, '08:00'), endAt: kit.at(2, '09:00') })).status).toBe(201)
    expect(await refusal({ startAt: kit.at(3, '08:00'), endAt: kit.at(3, '09:00') })).toEqual([409, 'too_many_active'])
  })

  it('prices the party at booking and freezes the fee snapshot once paid', async () => {
    const { kit, tenant, alice, bob } = await club()
    const gold = await kit.createTier(tenant, 'gold')
    const bronze = await kit.createTier(tenant, 'bronze')
    await app.payload.update({ collection: 'tenant-memberships', id: alice.id, data: { facilityTier: bronze } })
    await app.payload.update({ collection: 'tenant-memberships', id: bob.id, data: { facilityTier: gold } })
    const bay = await kit.createBay(tenant, {
      mode: 'per_player_split',
      guestFee: 1000,
      rates: [
        { tier: gold, peak: 0, offPeak: 0 },
        { tier: bronze, peak: 2900, offPeak: 2900 },
        { tier: null, peak: 4500, offPeak: 4500 },
      ],
    })
    const booked = await alice.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(2, '10:00'),
      endAt: kit.at(2, '11:00'),
      participants: [
        { member: bob.id },
        { guest: { name: 'Gus Guest', email: 'GUS@example.test' }, useGuestPass: true },
      ],
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    // Bronze: a third of $29; Gold: $0; the guest: a third of $45 plus the guest fee (no pass without commerce's port).
    expect(booked.body.fee.lines.map((l: { amount: number }) => l.amount)).toEqual([967, 0, 1500 + 1000])
    expect(booked.body.fee).toMatchObject({ total: { amount: 3467, currency: 'USD' }, status: 'pending' })
    const participants = await kit.q<{
      slot_number: number
      participant_type: string
      fee_amount: string
      tier_key: string | null
    }>(
      sql`SELECT slot_number, participant_type, fee_amount, tier_key FROM reservation_participants WHERE reservation_id = ${booked.body.id} ORDER BY slot_number`,
    )
    expect(
      participants.map((p) => [Number(p.slot_number), p.participant_type, Number(p.fee_amount), p.tier_key]),
    ).toEqual([
      [1, 'owner', 967, 'bronze'],
      [2, 'member', 0, 'gold'],
      [3, 'guest', 2500, null],
    ])
    const [guest] = await kit.q<{ email: string }>(
      sql`SELECT g.email FROM guests g JOIN reservation_participants p ON p.guest_id = g.id WHERE p.reservation_id = ${booked.body.id}`,
    )
    expect(guest.email).toBe('gus@example.test')

    const [snapshot] = (
      await app.payload.find({ collection: 'fee-snapshots', where: { reservation: { equals: booked.body.id } } })
    ).docs
    await app.payload.update({
      collection: 'fee-snapshots',
      id: snapshot.id,
      data: { status: 'paid', paidAt: new Date().toISOString() },
    })
    // A later price change never alters it; editing its amounts is refused.
    await app.payload.update({
      collection: 'facility-resources',
      id: bay,
      data: { pricing: { mode: 'per_player_split', rates: [{ tier: null, peak: 9900, offPeak: 9900 }] } },
    })
    await expect(
      app.payload.update({
        collection: 'fee-snapshots',
        id: snapshot.id,
        data: { total: { amount: 1, currency: 'USD' } },
      }),
    ).rejects.toThrow(/frozen/)
    const after = await app.payload.findByID({ collection: 'fee-snapshots', id: snapshot.id })
    expect(after.total).toMatchObject({ amount: 3467, currency: 'USD' })
    expect(after.status).toBe('paid')
    const refunded = await app.payload.update({
      collection: 'fee-snapshots',
      id: snapshot.id,
      data: { status: 'refunded' },
    })
    expect(refunded.status).toBe('refunded')
  })

  it('gives each reservation a unique door code that works from start − 15 min to end + 15 min and stops after cancel', async () => {
    const { kit, tenant, alice, bob, desk } = await club()
    const bay = await kit.createBay(tenant, { rates: [{ tier: null, peak: 4500, offPeak: 4500 }] })
    const booked = []
    for (let i = 0; i < 6; i++) {
      const r = await alice.client.post('/api/reservations/book', {
        resource: bay,
        startAt: kit.at(2, `${String(8 + i).padStart(2, '0')}:00`),
        endAt: kit.at(2, `${String(8 + i).padStart(2, '0')}:30`),
      })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      booked.push(r.body)
    }
    const codes = booked.map((b) => b.accessCode)
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true)
    expect(new Set(codes).size).toBe(codes.length)
    const first = booked[0]
    expect(Date.parse(first.accessValidFrom)).toBe(Date.parse(first.startAt) - 15 * 60_000)
    expect(Date.parse(first.accessValidUntil)).toBe(Date.parse(first.endAt) + 15 * 60_000)

    const check = async (at: number) =>
      (
        await desk.post('/api/reservations/access-check', {
          tenant,
          code: first.accessCode,
          at: new Date(at).toISOString(),
        })
      ).body
    expect(await check(Date.parse(first.startAt) - 10 * 60_000)).toEqual({
      valid: true,
      reservation: first.id,
      reason: 'ok',
    })
    expect((await check(Date.parse(first.startAt) - 20 * 60_000)).reason).toBe('outside_window')

    expect((await bob.client.post(`/api/reservations/${first.id}/cancel`)).status).toBe(404)
    const cancelled = await alice.client.post(`/api/reservations/${first.id}/cancel`)
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    expect(cancelled.body).toMatchObject({ status: 'cancelled', accessCode: null, accessValidFrom: null })
    expect(cancelled.body.fee.status).toBe('void')
    expect(await check(Date.parse(first.startAt))).toEqual({ valid: false, reservation: null, reason: 'unknown_code' })
    expect((await alice.client.post(`/api/reservations/${first.id}/cancel`)).body.error).toBe('not_active')
    // The freed slot can be booked again.
    const again = await bob.client.post('/api/reservations/book', {
      resource: bay,
      startAt: first.startAt,
      endAt: first.endAt,
    })
    expect(again.status).toBe(201)
  })

  it('holds the bay for a request until staff approve it, then gives it a door code', async () => {
    const { kit, tenant, alice, bob, desk } = await club()
    const bay = await kit.createBay(tenant, { requiresApproval: true })
    const slot = { resource: bay, startAt: kit.at(2, '10:00'), endAt: kit.at(2, '11:00') }
    const requested = await alice.client.post('/api/reservations/book', slot)
    expect(requested.body).toMatchObject({ status: 'requested', accessCode: null })
    expect((await bob.client.post('/api/reservations/book', slot)).status).toBe(409)
    expect((await alice.client.post(`/api/reservations/${requested.body.id}/approve`)).status).toBe(404)
    const approved = await desk.post(`/api/reservations/${requested.body.id}/approve`)
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body.status).toBe('confirmed')
    expect(approved.body.accessCode).toMatch(/^\d{6}$/)
  })

  it('a closure cancels exactly the overlapping reservations, once, even when run twice', async () => {
    const { kit, tenant, manager, desk } = await club()
    const bayA = await kit.createBay(tenant)
    const bayB = await kit.createBay(tenant)
    const bayC = await kit.createBay(tenant)
    const members = await kit.createMembers(tenant, 5)
    const book = async (bay: string, member: string, from: string, to: string) => {
      const r = await desk.post('/api/reservations/book', {
        resource: bay,
        member,
        startAt: kit.at(4, from),
        endAt: kit.at(4, to),
      })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      return r.body.id as string
    }
    const before = await book(bayA, members[0], '08:00', '09:00') // ends as the closure starts
    const overlapStart = await book(bayC, members[1], '08:30', '09:30')
    const inside = await book(bayA, members[2], '10:00', '11:00')
    const after = await book(bayA, members[3], '12:00', '13:00') // starts as it ends
    const otherBay = await book(bayB, members[4], '10:00', '11:00')

    const closure = await manager.post('/api/closures', {
      tenant,
      reason: 'Simulator service',
      startAt: kit.at(4, '09:00'),
      endAt: kit.at(4, '12:00'),
      affectsAllResources: false,
      resources: [bayA, bayC],
    })
    expect(closure.status, JSON.stringify(closure.body)).toBe(201)
    const statuses = async () =>
      Object.fromEntries(
        (
          await kit.q<{ id: string; status: string; access_code: string | null; closure_id: string | null }>(
            sql`SELECT id, status, access_code, closure_id FROM reservations WHERE id = ANY(${ids}::uuid[])`,
          )
        ).map((r) => [r.id, [r.status, r.access_code === null, r.closure_id]]),
      )
    const id = closure.body.doc.id
    const ids = `{${[before, overlapStart, inside, after, otherBay].join(',')}}`
    const expected = {
      [before]: ['confirmed', false, null],
      [overlapStart]: ['cancelled', true, id],
      [inside]: ['cancelled', true, id],
      [after]: ['confirmed', false, null],
      [otherBay]: ['confirmed', false, null],
    }
    expect(await statuses()).toEqual(expected)
    const events = async () =>
      (
        await kit.q<{ reservation: string }>(
          sql`SELECT input->'event'->'data'->>'reservation' AS reservation FROM payload_jobs
              WHERE input->>'subscriber' = 'facility.notifyCancelled'
                AND input->'event'->'data'->>'reservation' = ANY(${ids}::text[])`,
        )
      )
        .map((r) => r.reservation)
        .sort()
    expect(await events()).toEqual([overlapStart, inside].sort())

    // Run twice more (at once): nothing more is cancelled, no event repeats.
    const reruns = await Promise.all([
      manager.post(`/api/closures/${id}/apply`),
      manager.post(`/api/closures/${id}/apply`),
    ])
    expect(reruns.map((r) => [r.status, r.body.cancelled])).toEqual([
      [200, 0],
      [200, 0],
    ])
    expect(await statuses()).toEqual(expected)
    expect(await events()).toEqual([overlapStart, inside].sort())
    const saved = await app.payload.findByID({ collection: 'closures', id })
    expect(saved.cancelledCount).toBe(2)
    // One closure block per affected resource; deleting the closure removes them.
    const blocks = async () =>
      (await kit.q<{ resource_id: string }>(sql`SELECT resource_id FROM availability_blocks WHERE closure_id = ${id}`))
        .map((b) => b.resource_id)
        .sort()
    expect(await blocks()).toEqual([bayA, bayC].sort())

    // The member hears of it through the jobs queue.
    const jobs = await kit.q<{ id: string }>(
      sql`SELECT id FROM payload_jobs WHERE input->>'subscriber' = 'facility.notifyCancelled' AND input->'event'->'data'->>'reservation' = ANY(${ids}::text[])`,
    )
    for (const job of jobs) await app.payload.jobs.runByID({ id: job.id as never })
    const emails = await kit.q<{ email: string }>(
      sql`SELECT u.email FROM tenant_memberships m JOIN users u ON u.id = m.user_id WHERE m.id IN (${members[1]}, ${members[2]})`,
    )
    const dir = path.join(process.env.DATA_DIR!, 'mail')
    const mails = await Promise.all(
      (await readdir(dir)).map(
        async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { to: string; text: string },
      ),
    )
    const notices = mails.filter((m) => emails.some((e) => e.email === m.to))
    expect(notices).toHaveLength(2)
    expect(notices[0].text).toContain('because the club is closed then')

    expect((await manager.delete(`/api/closures/${id}`)).status).toBe(200)
    const [left] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM availability_blocks WHERE resource_id IN (${bayA}, ${bayC})`,
    )
    expect(left.n).toBe(0)
  })

  it('a closure saved while bookings race leaves no active reservation inside it', async () => {
    const { kit, tenant, manager, desk } = await club()
    const bay = await kit.createBay(tenant)
    const members = await kit.createMembers(tenant, 16)
    const hours = ['07:00', '07:30', '08:00', '08:30', '09:00', '09:30', '10:00', '10:30']
    const bookings = members.map((member, i) =>
      desk.post('/api/reservations/book', {
        resource: bay,
        member,
        startAt: kit.at(5, hours[i % hours.length]),
        endAt: kit.at(5, hours[(i % hours.length) + 1] ?? '11:00'),
      }),
    )
    const closure = manager.post('/api/closures', {
      tenant,
      reason: 'Storm',
      startAt: kit.at(5, '06:00'),
      endAt: kit.at(5, '12:00'),
      affectsAllResources: false,
      resources: [bay],
    })
    const [saved] = await Promise.all([closure, ...bookings])
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    const [row] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM reservations WHERE resource_id = ${bay} AND status IN ('requested', 'confirmed')`,
    )
    expect(row.n).toBe(0)
  })

  it('staff cancelling in the admin clear the door code, void the fee and emit reservation.cancelled', async () => {
    const { kit, tenant, alice, desk } = await club()
    const bay = await kit.createBay(tenant, { rates: [{ tier: null, peak: 4500, offPeak: 4500 }] })
    const booked = await alice.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(2, '20:00'),
      endAt: kit.at(2, '21:00'),
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    const patched = await desk.patch(`/api/reservations/${booked.body.id}`, { status: 'cancelled' })
    expect(patched.status, JSON.stringify(patched.body)).toBe(200)
    expect(patched.body.doc).toMatchObject({ status: 'cancelled', cancelReason: 'staff' })
    expect(patched.body.doc.accessCode ?? null).toBeNull()
    const [fee] = await kit.q<{ status: string }>(
      sql`SELECT status FROM fee_snapshots WHERE reservation_id = ${booked.body.id}`,
    )
    expect(fee.status).toBe('void')
    const events = await kit.q<{ reason: string }>(
      sql`SELECT input->'event'->'data'->>'reason' AS reason FROM payload_jobs
          WHERE input->>'subscriber' = 'facility.notifyCancelled' AND input->'event'->'data'->>'reservation' = ${booked.body.id}`,
    )
    expect(events.map((e) => e.reason)).toEqual(['staff'])
  })

  it('refuses bookings over a maintenance block', async () => {
    const { kit, tenant, alice } = await club()
    const bay = await kit.createBay(tenant)
    await app.payload.create({
      collection: 'availability-blocks',
      data: { tenant, resource: bay, startAt: kit.at(6, '10:00'), endAt: kit.at(6, '12:00'), blockType: 'maintenance' },
    })
    const refused = await alice.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(6, '11:30'),
      endAt: kit.at(6, '12:30'),
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toEqual({
      error: 'closed',
      message: 'This resource is blocked (maintenance) for part of that time.',
    })
    expect(
      (
        await alice.client.post('/api/reservations/book', {
          resource: bay,
          startAt: kit.at(6, '12:00'),
          endAt: kit.at(6, '13:00'),
        })
      ).status,
    ).toBe(201)
  })

  it('checks a party in at the desk: each guest once per local day', async () => {
    const { kit, tenant, alice, desk } = await club()
    const bay = await kit.createBay(tenant)
    const booked = await alice.client.post('/api/reservations/book', {
      resource: bay,
      startAt: kit.at(1, '15:00'),
      endAt: kit.at(1, '16:00'),
      participants: [{ guest: { name: 'Gwen Guest', email: 'gwen@example.test' } }, { guest: { name: 'Hal Guest' } }],
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    expect((await alice.client.post(`/api/reservations/${booked.body.id}/check-in`)).status).toBe(404)
    const first = await desk.post(`/api/reservations/${booked.body.id}/check-in`)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ participants: 3, guestsCheckedIn: 2 })
    const again = await desk.post(`/api/reservations/${booked.body.id}/check-in`)
    expect(again.body).toMatchObject({ participants: 3, guestsCheckedIn: 0 })
    const [rows] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM guest_check_ins WHERE reservation_id = ${booked.body.id}`,
    )
    expect(rows.n).toBe(2)
  })

  it('a full-day closure runs local midnight to midnight, 23 hours on a spring-forward day', async () => {
    const { tenant, manager } = await club()
    const closure = await manager.post('/api/closures', {
      tenant,
      reason: 'Tournament',
      isFullDay: true,
      date: '2027-03-14',
    })
    expect(closure.status, JSON.stringify(closure.body)).toBe(201)
    expect([closure.body.doc.startAt, closure.body.doc.endAt]).toEqual([
      '2027-03-14T06:00:00.000Z',
      '2027-03-15T05:00:00.000Z',
    ])
  })
})
