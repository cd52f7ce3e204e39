import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Plugin } from 'payload'
import { subscribe } from '@/core'
import { createPerson, signIn, twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

/** Subscribes to every event so emitted events become deliverEvent jobs the tests can see. */
const eventProbe = (): Plugin => (config) =>
  subscribe(config, { name: 'test.bookingsProbe', event: '*', handler: () => undefined })
const app = useTestApp({ plugins: [eventProbe()] })
const eventsAbout = async (id: string) =>
  (
    await kit.q<{ type: string }>(
      sql`SELECT input->'event'->>'type' AS type FROM payload_jobs WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = 'test.bookingsProbe' AND input->'event'->'subject'->>'id' = ${id} ORDER BY created_at`,
    )
  ).map((r) => r.type)
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string
let B: string

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
  B = String(cast.b.id)
})

describe('booking a class', () => {
  it('confirms a member, refuses a second booking with 409 and counts the place', async () => {
    const klass = await kit.createClass(A, { capacity: 5 })
    const res = await cast.inA.member.client.post(`/api/classes/${klass.id}/book`)
    expect(res.status).toBe(201)
    expect(res.body.booking).toMatchObject({
      status: 'confirmed',
      class: klass.id,
      member: cast.inA.member.membershipId,
      paymentMethod: 'free',
      waitlistPosition: null,
    })
    const again = await cast.inA.member.client.post(`/api/classes/${klass.id}/book`)
    expect(again.status).toBe(409)
    expect(again.body.error).toBe('already_booked')
    expect(await kit.classRow(klass.id)).toMatchObject({ booked_count: '1', waitlist_count: '0' })
  })

  it('waitlists with a position when full and answers 409 when the waitlist is full too', async () => {
    const klass = await kit.createClass(A, { capacity: 1, waitlistCapacity: 1 })
    const [m1, m2, m3] = await kit.createMembers(A, 3)
    const desk = cast.inA.frontDesk.client
    const first = await desk.post(`/api/classes/${klass.id}/book`, { member: m1 })
    const second = await desk.post(`/api/classes/${klass.id}/book`, { member: m2 })
    const third = await desk.post(`/api/classes/${klass.id}/book`, { member: m3 })
    expect([first.status, second.status, third.status]).toEqual([201, 201, 409])
    expect(first.body.booking).toMatchObject({ status: 'confirmed', source: 'staff' })
    expect(second.body.booking).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect(third.body.error).toBe('class_full')
  })

  it('answers 4xx with a reason for bad input and writes nothing', async () => {
    const future = await kit.createClass(A)
    const past = await kit.createClass(A, { inMinutes: -30 })
    const far = await kit.createClass(A, { inMinutes: 40 * 24 * 60 })
    const cancelled = await kit.createClass(A)
    await app.payload.update({
      collection: 'classes' as never,
      id: cancelled.id,
      data: { status: 'cancelled' } as never,
    })
    const before = await kit.bookingCount()
    const member = cast.inA.member.client
    const cases: [string, Promise<{ status: number; body: { error?: string } }>, number, string][] = [
      ['unknown class', member.post('/api/classes/00000000-0000-4000-8000-000000000000/book'), 404, 'not_found'],
      ["other tenant's class", cast.inB.member.client.post(`/api/classes/${future.id}/book`), 404, 'not_found'],
      ['malformed id', member.post('/api/classes/not-a-uuid/book'), 400, 'invalid_input'],
      [
        'malformed member',
        cast.inA.frontDesk.client.post(`/api/classes/${future.id}/book`, { member: 'x' }),
        400,
        'invalid_input',
      ],
      ['unknown field', member.post(`/api/classes/${future.id}/book`, { seats: 3 }), 400, 'invalid_input'],
      [
        'member of another tenant',
        cast.inA.frontDesk.client.post(`/api/classes/${future.id}/book`, { member: cast.inB.member.membershipId }),
        404,
        'member_not_found',
      ],
      [
        'member booking for someone else',
        member.post(`/api/classes/${future.id}/book`, { member: cast.inA.instructor.membershipId }),
        403,
        'forbidden',
      ],
      ['past class', member.post(`/api/classes/${past.id}/book`), 409, 'class_started'],
      ['outside the booking window', member.post(`/api/classes/${far.id}/book`), 422, 'outside_booking_window'],
      ['cancelled class', member.post(`/api/classes/${cancelled.id}/book`), 409, 'class_cancelled'],
      ['anonymous', cast.anonymous.client.post(`/api/classes/${future.id}/book`), 401, 'unauthenticated'],
    ]
    for (const [label, call, status, error] of cases) {
      const res = await call
      expect({ label, status: res.status, error: res.body?.error }).toEqual({ label, status, error })
    }
    expect(await kit.bookingCount()).toBe(before)
    expect(await kit.classRow(future.id)).toMatchObject({ booked_count: '0' })
  })
})

describe('reading bookings', () => {
  it('members see only their own bookings, staff see their tenant’s', async () => {
    const klass = await kit.createClass(A, { capacity: 5 })
    const [other] = await kit.createMembers(A, 1)
    const mine = (await cast.inA.member.client.post(`/api/classes/${klass.id}/book`)).body.booking
    const theirs = (await cast.inA.frontDesk.client.post(`/api/classes/${klass.id}/book`, { member: other })).body
      .booking
    const seen = await cast.inA.member.client.get(`/api/bookings?where[class][equals]=${klass.id}&depth=0`)
    expect(seen.body.docs.map((d: { id: string }) => d.id)).toEqual([mine.id])
    expect((await cast.inA.member.client.get(`/api/bookings/${theirs.id}`)).status).toBe(404)
    const staff = await cast.inA.instructor.client.get(`/api/bookings?where[class][equals]=${klass.id}&depth=0`)
    expect(staff.body.totalDocs).toBe(2)
    expect(
      (await cast.inB.owner.client.get(`/api/bookings?where[class][equals]=${klass.id}&depth=0`)).body.totalDocs,
    ).toBe(0)
    // Status and counters are not writable through REST.
    await cast.inA.owner.client.patch(`/api/bookings/${theirs.id}`, { status: 'checked_in' })
    expect((await kit.q<{ status: string }>(sql`SELECT status FROM bookings WHERE id = ${theirs.id}`))[0].status).toBe(
      'confirmed',
    )
    expect(
      (await cast.inA.owner.client.post('/api/bookings', { tenant: A, class: klass.id, member: other })).status,
    ).toBe(403)
  })
})

describe('cancelling', () => {
  it('previews and cancels in time (cancelled), late (late_cancelled) with the fee after the free ones', async () => {
    await app.payload.update({
      collection: 'tenant-settings',
      where: { tenant: { equals: A } },
      data: {
        bookings: {
          lateCancelMinutes: 120,
          freeLateCancelsPerMonth: 1,
          lateCancelFee: { amount: 500, currency: 'USD' },
        },
      } as never,
    })
    const { membership, user } = await createPerson(app.payload, { tenant: A })
    const client = (await signIn(app, user.email)).client
    const early = await kit.createClass(A, { inMinutes: 24 * 60 })
    const late1 = await kit.createClass(A, { inMinutes: 60 })
    const late2 = await kit.createClass(A, { inMinutes: 90 })
    const ids: string[] = []
    for (const klass of [early, late1, late2])
      ids.push((await client.post(`/api/classes/${klass.id}/book`)).body.booking.id)

    const preview = await client.get(`/api/bookings/${ids[0]}/cancel-preview`)
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ lateCancel: false, fee: null, booking: { status: 'confirmed' } })
    const cancelled = await client.post(`/api/bookings/${ids[0]}/cancel`)
    expect(cancelled.body).toMatchObject({
      lateCancel: false,
      fee: null,
      booking: { status: 'cancelled', member: String(membership!.id) },
    })

    const previewLate = await client.get(`/api/bookings/${ids[1]}/cancel-preview`)
    expect(previewLate.body).toMatchObject({ lateCancel: true, fee: null, freeLateCancelsLeft: 1 })
    expect((await client.post(`/api/bookings/${ids[1]}/cancel`)).body).toMatchObject({
      lateCancel: true,
      fee: null,
      booking: { status: 'late_cancelled' },
    })
    const secondLate = await client.post(`/api/bookings/${ids[2]}/cancel`)
    expect(secondLate.body).toMatchObject({
      lateCancel: true,
      fee: { amount: 500, currency: 'USD' },
      booking: { status: 'late_cancelled', lateCancelFee: { amount: 500, currency: 'USD' } },
    })

    expect((await client.post(`/api/bookings/${ids[0]}/cancel`)).status).toBe(409)
    expect((await cast.inB.owner.client.post(`/api/bookings/${ids[0]}/cancel`)).status).toBe(404)
    expect((await cast.inA.member.client.get(`/api/bookings/${ids[0]}/cancel-preview`)).status).toBe(404)
    expect(await kit.classRow(early.id)).toMatchObject({ booked_count: '0' })
  })

  it('promotes the oldest waitlisted booking and closes the gap in positions', async () => {
    const klass = await kit.createClass(A, { capacity: 1, waitlistCapacity: 5 })
    const members = await kit.createMembers(A, 4)
    const desk = cast.inA.frontDesk.client
    const bookings = []
    for (const member of members)
      bookings.push((await desk.post(`/api/classes/${klass.id}/book`, { member })).body.booking)
    expect(bookings.map((b) => b.waitlistPosition)).toEqual([null, 1, 2, 3])
    // A waitlisted member leaves: positions close up.
    expect((await desk.post(`/api/bookings/${bookings[2].id}/cancel`)).status).toBe(200)
    // The confirmed member leaves: the oldest waitlisted one is promoted.
    const res = await desk.post(`/api/bookings/${bookings[0].id}/cancel`)
    expect(res.status).toBe(200)
    const rows = await kit.q<{
      id: string
      status: string
      waitlist_position: string | null
      promoted_at: Date | null
    }>(
      sql`SELECT id, status, waitlist_position, promoted_at FROM bookings WHERE class_id = ${klass.id} ORDER BY created_at`,
    )
    expect(rows.map((r) => [r.status, r.waitlist_position === null ? null : Number(r.waitlist_position)])).toEqual([
      ['cancelled', null],
      ['confirmed', null],
      ['cancelled', null],
      ['waitlisted', 1],
    ])
    expect(rows[1].promoted_at).not.toBeNull()
    expect(await eventsAbout(rows[1].id)).toEqual(['booking.waitlisted', 'booking.promoted'])
    expect(await eventsAbout(rows[0].id)).toEqual(['booking.created', 'booking.cancelled'])
    expect(await kit.classRow(klass.id)).toMatchObject({ booked_count: '1', waitlist_count: '1' })
  })
})

describe('check-in', () => {
  it('works for desk staff inside the window, is idempotent, and is refused outside it', async () => {
    const soon = await kit.createClass(A, { inMinutes: 30 })
    const later = await kit.createClass(A, { inMinutes: 3 * 24 * 60 })
    const [member] = await kit.createMembers(A, 1)
    const desk = cast.inA.frontDesk.client
    const booking = (await desk.post(`/api/classes/${soon.id}/book`, { member })).body.booking
    const farBooking = (await desk.post(`/api/classes/${later.id}/book`, { member })).body.booking
    expect((await cast.inA.member.client.post(`/api/bookings/${booking.id}/check-in`)).status).toBe(404)
    expect((await cast.inB.frontDesk.client.post(`/api/bookings/${booking.id}/check-in`)).status).toBe(404)
    const first = await cast.inA.instructor.client.post(`/api/bookings/${booking.id}/check-in`)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ alreadyCheckedIn: false, booking: { status: 'checked_in' } })
    const second = await desk.post(`/api/bookings/${booking.id}/check-in`)
    expect(second.body).toMatchObject({
      alreadyCheckedIn: true,
      booking: { status: 'checked_in', checkedInAt: first.body.booking.checkedInAt },
    })
    const outside = await desk.post(`/api/bookings/${farBooking.id}/check-in`)
    expect(outside.status).toBe(409)
    expect(outside.body.error).toBe('outside_check_in_window')
    expect(await eventsAbout(booking.id)).toEqual(['booking.created', 'booking.checked_in'])
  })
})

describe('classes', () => {
  it('refuse an overlapping class for the same instructor with 409', async () => {
    const owner = cast.inA.owner.client
    const start = new Date(Date.now() + 5 * 24 * 3600_000)
    start.setUTCMinutes(0, 0, 0)
    const base = {
      tenant: A,
      title: 'Power',
      instructor: cast.inA.instructor.membershipId,
      durationMinutes: 60,
      capacity: 10,
      waitlistCapacity: 0,
    }
    const first = await owner.post('/api/classes', { ...base, startTime: start.toISOString() })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body.doc.endTime).toBe(new Date(start.getTime() + 3600_000).toISOString())
    expect(first.body.doc.timezone).toBe('America/New_York')
    const clash = await owner.post('/api/classes', {
      ...base,
      startTime: new Date(start.getTime() + 30 * 60_000).toISOString(),
    })
    expect(clash.status).toBe(409)
    expect(JSON.stringify(clash.body)).toContain('already teaches')
    const after = await owner.post('/api/classes', {
      ...base,
      startTime: new Date(start.getTime() + 60 * 60_000).toISOString(),
    })
    expect(after.status).toBe(201)
    const moved = await owner.patch(`/api/classes/${after.body.doc.id}`, {
      startTime: new Date(start.getTime() + 15 * 60_000).toISOString(),
    })
    expect(moved.status).toBe(409)
  })

  it('cancelling a class cancels its bookings and frees the counters', async () => {
    const klass = await kit.createClass(A, { capacity: 1, waitlistCapacity: 2 })
    const members = await kit.createMembers(A, 2)
    for (const member of members) await cast.inA.frontDesk.client.post(`/api/classes/${klass.id}/book`, { member })
    expect(
      (await cast.inA.member.client.post(`/api/classes/${klass.id}/cancel`, { reason: 'Teacher ill' })).status,
    ).toBe(403)
    expect((await cast.inB.owner.client.post(`/api/classes/${klass.id}/cancel`)).status).toBe(404)
    const res = await cast.inA.owner.client.post(`/api/classes/${klass.id}/cancel`, { reason: 'Teacher ill' })
    expect(res.status).toBe(200)
    expect(res.body.class.status).toBe('cancelled')
    const statuses = await kit.q<{ status: string; cancellation_reason: string }>(
      sql`SELECT status, cancellation_reason FROM bookings WHERE class_id = ${klass.id}`,
    )
    expect(statuses).toEqual([
      { status: 'cancelled', cancellation_reason: 'class_cancelled' },
      { status: 'cancelled', cancellation_reason: 'class_cancelled' },
    ])
    expect(await kit.classRow(klass.id)).toMatchObject({ booked_count: '0', waitlist_count: '0', status: 'cancelled' })
    expect(await eventsAbout(klass.id)).toEqual(['class.cancelled'])
    expect((await cast.inA.owner.client.patch(`/api/classes/${klass.id}`, { status: 'scheduled' })).status).toBe(409)
    const deleted = await cast.inA.owner.client.delete(`/api/classes/${klass.id}`)
    expect(deleted.status).toBe(409)
    expect(JSON.stringify(deleted.body)).toContain('cancel it instead')
  })

  it('a job completes ended classes and marks no-shows', async () => {
    const klass = await kit.createClass(A, { inMinutes: -120 })
    const [present, absent] = await kit.createMembers(A, 2)
    await kit.q(sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, start_time, checked_in_at) VALUES
      (${A}, ${klass.id}, ${present}, 'checked_in', now(), now()), (${A}, ${klass.id}, ${absent}, 'confirmed', now(), NULL)`)
    // By id: the file's earlier events have queued many subscriber jobs ahead of it.
    const job = await app.payload.jobs.queue({ task: 'completeClasses', input: {} })
    await app.payload.jobs.runByID({ id: job.id })
    expect((await kit.classRow(klass.id)).status).toBe('completed')
    const rows = await kit.q<{ member_id: string; status: string }>(
      sql`SELECT member_id, status FROM bookings WHERE class_id = ${klass.id}`,
    )
    expect(Object.fromEntries(rows.map((r) => [r.member_id, r.status]))).toEqual({
      [present]: 'checked_in',
      [absent]: 'no_show',
    })
  })
})

describe('public schedule', () => {
  it('lists a tenant’s classes with places left in one read, and validates its query', async () => {
    const slug = String(cast.b.slug)
    const klass = await kit.createClass(B, { inMinutes: 26 * 60, capacity: 3, title: 'Schedule probe' })
    await cast.inB.member.client.post(`/api/classes/${klass.id}/book`)
    const res = await cast.anonymous.client.get(
      `/api/schedule?tenant=${slug}&from=${encodeURIComponent(new Date().toISOString())}`,
    )
    expect(res.status).toBe(200)
    const entry = res.body.classes.find((c: { id: string }) => c.id === klass.id)
    expect(entry).toMatchObject({
      title: 'Schedule probe',
      spotsLeft: 2,
      waitlistCount: 0,
      timezone: 'America/New_York',
      status: 'scheduled',
    })
    expect(res.body.classes.every((c: { id: string }) => c.id !== undefined)).toBe(true)
    expect((await cast.anonymous.client.get(`/api/schedule?tenant=${slug}&from=yesterday`)).status).toBe(400)
    expect((await cast.anonymous.client.get(`/api/schedule?tenant=${slug}&location=nope`)).status).toBe(400)
    expect((await cast.anonymous.client.get('/api/schedule?tenant=no-such-tenant')).status).toBe(404)
    const onlyA = await cast.anonymous.client.get(
      `/api/schedule?tenant=${String(cast.a.slug)}&to=${encodeURIComponent(new Date(Date.now() + 30 * 86400_000).toISOString())}`,
    )
    expect(onlyA.body.classes.some((c: { id: string }) => c.id === klass.id)).toBe(false)
  })
})
