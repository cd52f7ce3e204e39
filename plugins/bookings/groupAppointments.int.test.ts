import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string
let provider: string

type SlotJson = { provider: string; startTime: string; endTime: string; placesLeft: number }
const slotsOn = async (service: string, day: string) =>
  (
    await cast.anonymous.client.get(
      `/api/appointment-services/${service}/slots?from=${day}T00:00:00Z&to=${day}T23:59:00Z`,
    )
  ).body.slots as SlotJson[]
const booked = async (service: string) =>
  Number(
    (
      await kit.q<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM appointments WHERE service_id = ${service} AND status = 'booked'`,
      )
    )[0].n,
  )

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
  provider = cast.inA.instructor.membershipId!
})

describe('group appointments (capacity > 1)', () => {
  it('a slot stays bookable until its places are taken; the slots report placesLeft; overlapping starts are blocked', async () => {
    // A golf bay for 4, 60 minutes, slots every 30 minutes, Mondays 09:00–12:00 New York.
    const service = String(
      (await kit.createService(A, [provider], { title: 'Golf bay', capacity: 4, slotIntervalMinutes: 30 })).id,
    )
    await kit.createRule(A, provider, { weekday: 1, validFrom: '2027-04-05', validUntil: '2027-04-05' })
    const free = await slotsOn(service, '2027-04-05')
    expect(free.map((s) => s.startTime)).toEqual(
      ['13:00', '13:30', '14:00', '14:30', '15:00'].map((t) => `2027-04-05T${t}:00.000Z`),
    )
    expect(free.every((s) => s.placesLeft === 4)).toBe(true)

    const desk = cast.inA.frontDesk.client
    const members = await kit.createMembers(A, 5)
    const book = (member: string, startTime = '2027-04-05T14:00:00Z') =>
      desk.post('/api/appointments/book', { service, provider, startTime, member })
    const first = await book(members[0])
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect(first.body.appointment).toMatchObject({ capacity: 4, member: members[0], guest: null, status: 'booked' })
    // The 14:00 group has 3 places left; 13:30 and 14:30 overlap it and are gone.
    expect(await slotsOn(service, '2027-04-05')).toEqual([
      { provider, startTime: '2027-04-05T13:00:00.000Z', endTime: '2027-04-05T14:00:00.000Z', placesLeft: 4 },
      { provider, startTime: '2027-04-05T14:00:00.000Z', endTime: '2027-04-05T15:00:00.000Z', placesLeft: 3 },
      { provider, startTime: '2027-04-05T15:00:00.000Z', endTime: '2027-04-05T16:00:00.000Z', placesLeft: 4 },
    ])
    expect((await book(members[1], '2027-04-05T14:30:00Z')).body.error).toBe('slot_taken')
    expect((await book(members[0])).body.error).toBe('already_booked')
    for (const member of members.slice(1, 4)) expect((await book(member)).status).toBe(201)
    const full = await book(members[4])
    expect(full.status).toBe(409)
    expect(full.body.error).toBe('slot_full')
    expect((await slotsOn(service, '2027-04-05')).map((s) => s.startTime)).toEqual([
      '2027-04-05T13:00:00.000Z',
      '2027-04-05T15:00:00.000Z',
    ])
    expect(await booked(service)).toBe(4)

    // A cancelled place is free again.
    expect((await desk.post(`/api/appointments/${first.body.appointment.id}/cancel`)).status).toBe(200)
    expect(
      (await slotsOn(service, '2027-04-05')).find((s) => s.startTime === '2027-04-05T14:00:00.000Z')?.placesLeft,
    ).toBe(1)
    expect((await book(members[4])).status).toBe(201)
  })

  it('20 members booking one 4-place slot at once: exactly 4 places, 16 × 409 slot_full', async () => {
    const service = String((await kit.createService(A, [provider], { title: 'Small group', capacity: 4 })).id)
    await kit.createRule(A, provider, { weekday: 2, validFrom: '2027-04-06', validUntil: '2027-04-06' })
    const members = await kit.createMembers(A, 20)
    const desk = cast.inA.frontDesk.client
    const results = await Promise.all(
      members.map((member) =>
        desk.post('/api/appointments/book', { service, provider, startTime: '2027-04-06T13:00:00Z', member }),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(4)
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error)).toEqual(Array(16).fill('slot_full'))
    const [row] = await kit.q<{ n: number; members: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT member_id)::int AS members FROM appointments WHERE service_id = ${service} AND status = 'booked' AND start_time = '2027-04-06T13:00:00Z'`,
    )
    expect(row).toEqual({ n: 4, members: 4 })
  })

  it('the database keeps group places apart from other bookings of the provider', async () => {
    const group = String((await kit.createService(A, [provider], { title: 'Clinic', capacity: 3 })).id)
    const single = String((await kit.createService(A, [provider], { title: 'Private lesson' })).id)
    const [m1, m2, m3] = await kit.createMembers(A, 3)
    const insert = (service: string, member: string, start: string, capacity: number) =>
      kit.q(sql`INSERT INTO appointments (tenant_id, service_id, provider_id, member_id, start_time, end_time, blocked_from, blocked_until, capacity, status)
        VALUES (${A}, ${service}, ${provider}, ${member}, ${start}::timestamptz, ${start}::timestamptz + interval '1 hour', ${start}::timestamptz,
                ${start}::timestamptz + interval '1 hour', ${capacity}, 'booked')`)
    await insert(group, m1, '2027-05-03T14:00:00Z', 3)
    await insert(group, m2, '2027-05-03T14:00:00Z', 3) // a second place in the same group slot
    await expect(insert(group, m1, '2027-05-03T14:00:00Z', 3)).rejects.toMatchObject({ cause: { code: '23505' } }) // one place per member
    await expect(insert(group, m3, '2027-05-03T14:30:00Z', 3)).rejects.toMatchObject({ cause: { code: '23P01' } }) // another start, overlapping
    await expect(insert(single, m3, '2027-05-03T14:00:00Z', 1)).rejects.toMatchObject({ cause: { code: '23P01' } }) // another service
    await insert(single, m3, '2027-05-04T14:00:00Z', 1)
    await expect(insert(single, m1, '2027-05-04T14:00:00Z', 1)).rejects.toMatchObject({ cause: { code: '23505' } }) // one-on-one stays one
  })
})

describe('guest (walk-in) appointments', () => {
  it('desk staff book a guest by name and e-mail; the guest is stored, validated and visible to the tenant’s staff only', async () => {
    const service = String(
      (
        await kit.createService(A, [provider], {
          title: 'Simulator tour',
          kind: 'tour',
          price: { amount: 2500, currency: 'USD' },
        })
      ).id,
    )
    await kit.createRule(A, provider, { weekday: 3, validFrom: '2027-04-07', validUntil: '2027-04-07' })
    const ok = {
      service,
      provider,
      startTime: '2027-04-07T13:00:00Z',
      guest: { name: 'Walk In', email: ' Walk.In@Example.test ', phone: '+1 555 0100' },
    }
    const count = () => booked(service)

    const refusals: [string, Promise<{ status: number; body: { error?: string } }>, number, string][] = [
      ['a member', cast.inA.member.client.post('/api/appointments/book', ok), 403, 'forbidden'],
      ['an instructor', cast.inA.instructor.client.post('/api/appointments/book', ok), 403, 'forbidden'],
      ['another business', cast.inB.owner.client.post('/api/appointments/book', ok), 404, 'not_found'],
      [
        'a visitor (public booking off)',
        cast.anonymous.client.post('/api/appointments/book', ok, { 'x-forwarded-for': '203.0.113.1' }),
        403,
        'guest_booking_closed',
      ],
      [
        'bad e-mail',
        cast.inA.frontDesk.client.post('/api/appointments/book', { ...ok, guest: { ...ok.guest, email: 'nope' } }),
        400,
        'invalid_input',
      ],
      [
        'no name',
        cast.inA.frontDesk.client.post('/api/appointments/book', { ...ok, guest: { email: 'a@b.test' } }),
        400,
        'invalid_input',
      ],
      [
        'bad phone',
        cast.inA.frontDesk.client.post('/api/appointments/book', { ...ok, guest: { ...ok.guest, phone: 'call me' } }),
        400,
        'invalid_input',
      ],
      [
        'extra field',
        cast.inA.frontDesk.client.post('/api/appointments/book', { ...ok, guest: { ...ok.guest, user: 'x' } }),
        400,
        'invalid_input',
      ],
      [
        'member and guest',
        cast.inA.frontDesk.client.post('/api/appointments/book', { ...ok, member: cast.inA.member.membershipId }),
        400,
        'invalid_input',
      ],
    ]
    for (const [label, call, status, error] of refusals) {
      const res = await call
      expect({ label, status: res.status, error: res.body?.error }).toEqual({ label, status, error })
    }
    expect(await count()).toBe(0)

    const res = await cast.inA.frontDesk.client.post('/api/appointments/book', ok)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expect(res.body.appointment).toMatchObject({
      member: null,
      guest: { name: 'Walk In', email: 'walk.in@example.test', phone: '+1 555 0100' },
      source: 'staff',
      paymentMethod: 'drop_in',
      price: { amount: 2500, currency: 'USD' },
    })
    const id = res.body.appointment.id
    const staffView = await cast.inA.owner.client.get(`/api/appointments/${id}?depth=0`)
    expect(staffView.status).toBe(200)
    expect(staffView.body).toMatchObject({ member: null, guest: { name: 'Walk In', email: 'walk.in@example.test' } })
    expect((await cast.inB.owner.client.get(`/api/appointments/${id}`)).status).toBe(404)
    expect((await cast.inA.member.client.get(`/api/appointments/${id}`)).status).toBe(404)
    const listed = await cast.inA.member.client.get(`/api/appointments?depth=0&where[id][equals]=${id}`)
    expect(listed.body.docs).toEqual([])
    // Staff cannot rewrite the guest through REST (system-only fields); notes are fine.
    const patched = await cast.inA.frontDesk.client.patch(`/api/appointments/${id}`, {
      guest: { name: 'Someone else' },
      notes: 'first visit',
    })
    expect(patched.status).toBe(200)
    expect(patched.body.doc).toMatchObject({ guest: { name: 'Walk In' }, notes: 'first visit' })
    // The slot is taken by the guest; only the desk cancels a guest's appointment.
    expect(
      (
        await cast.inA.frontDesk.client.post('/api/appointments/book', {
          ...ok,
          guest: undefined,
          member: cast.inA.member.membershipId,
        })
      ).body.error,
    ).toBe('slot_taken')
    expect((await cast.inA.member.client.post(`/api/appointments/${id}/cancel`)).status).toBe(404)
    expect((await cast.inA.frontDesk.client.post(`/api/appointments/${id}/cancel`)).body.appointment).toMatchObject({
      status: 'cancelled',
    })
  })

  it('guests take places in a group slot like members', async () => {
    const service = String((await kit.createService(A, [provider], { title: 'Intro session', capacity: 2 })).id)
    await kit.createRule(A, provider, { weekday: 4, validFrom: '2027-04-08', validUntil: '2027-04-08' })
    const desk = cast.inA.frontDesk.client
    const slot = { service, provider, startTime: '2027-04-08T13:00:00Z' }
    expect(
      (await desk.post('/api/appointments/book', { ...slot, guest: { name: 'Ann', email: 'ann@example.test' } }))
        .status,
    ).toBe(201)
    expect(
      (await desk.post('/api/appointments/book', { ...slot, guest: { name: 'Bob', email: 'bob@example.test' } })).body
        .appointment,
    ).toMatchObject({ paymentMethod: 'free' })
    expect((await cast.inA.member.client.post('/api/appointments/book', slot)).body.error).toBe('slot_full')
    expect(await booked(service)).toBe(2)
  })

  it('visitors book intro sessions themselves only where the tenant allows it, rate limited per address', async () => {
    const tour = String((await kit.createService(A, [provider], { title: 'Intro tour', kind: 'tour' })).id)
    const lesson = String((await kit.createService(A, [provider], { title: 'Lesson', kind: 'service' })).id)
    await kit.createRule(A, provider, { weekday: 5, validFrom: '2027-04-09', validUntil: '2027-04-09' })
    const visitor = cast.anonymous.client
    const from = (ip: string) => ({ 'x-forwarded-for': ip })
    const guest = { name: 'Curious Visitor', email: 'curious@example.test' }
    const ask = (service: string, time: string, ip: string, body: Record<string, unknown> = { guest }) =>
      visitor.post(
        '/api/appointments/book',
        { service, provider, startTime: `2027-04-09T${time}:00Z`, ...body },
        from(ip),
      )

    expect((await ask(tour, '13:00', '198.51.100.1')).body.error).toBe('guest_booking_closed') // off by default
    await app.payload.update({
      collection: 'tenant-settings',
      where: { tenant: { equals: A } },
      data: { bookings: { publicGuestBooking: true } } as never,
    })

    const made = await ask(tour, '13:00', '198.51.100.2')
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body.appointment).toMatchObject({
      member: null,
      guest: { name: 'Curious Visitor', email: 'curious@example.test' },
      source: 'website',
      paymentMethod: 'free',
    })
    expect((await ask(lesson, '14:00', '198.51.100.2')).body.error).toBe('guest_booking_closed') // not an intro kind
    expect((await ask(tour, '14:00', '198.51.100.2', {})).status).toBe(401) // no guest, no account
    expect((await ask(tour, '14:00', '198.51.100.2', { guest: { name: 'x', email: 'bad' } })).status).toBe(400)
    // Other e-mails (one address holds at most 2 upcoming guest bookings; see guestBookings.int.test.ts).
    for (const time of ['14:00', '15:00'])
      expect(
        (
          await ask(tour, time, '198.51.100.2', {
            guest: { ...guest, email: `curious-${time.slice(0, 2)}@example.test` },
          })
        ).status,
      ).toBe(201)
    // Five attempts from this address reached the operation (malformed ones and anonymous ones without a guest do not count);
    // the sixth is refused before anything is looked at.
    expect((await ask(tour, '13:00', '198.51.100.2')).body.error).toBe('slot_taken')
    const limited = await ask(tour, '16:00', '198.51.100.2')
    expect(limited.status).toBe(429)
    expect(limited.body.error).toBe('rate_limited')
    expect((await ask(tour, '13:00', '198.51.100.3')).body.error).toBe('slot_taken') // another address is not limited
    expect(await booked(tour)).toBe(3)
    // Another business keeps public booking off.
    const tourB = String(
      (await kit.createService(String(cast.b.id), [cast.inB.instructor.membershipId!], { kind: 'tour' })).id,
    )
    expect(
      (
        await visitor.post(
          '/api/appointments/book',
          { service: tourB, provider: cast.inB.instructor.membershipId, startTime: '2027-04-09T13:00:00Z', guest },
          from('198.51.100.4'),
        )
      ).body.error,
    ).toBe('guest_booking_closed')
  })
})
