import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Plugin } from 'payload'
import { subscribe } from '@/core'
import { twoTenants, useTestApp } from '@/core/testing'
import { freeSlots } from './operations/appointments/availabilityWindows'
import { bookingsTestKit } from './bookingsTestKit'

/** Subscribes to every event so emitted events become deliverEvent jobs the tests can see. */
const eventProbe = (): Plugin => (config) =>
  subscribe(config, { name: 'test.appointmentsProbe', event: '*', handler: () => undefined })
const app = useTestApp({ plugins: [eventProbe()] })
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string
let provider: string

const eventsAbout = async (id: string) =>
  (
    await kit.q<{ type: string }>(
      sql`SELECT input->'event'->>'type' AS type FROM payload_jobs WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = 'test.appointmentsProbe' AND input->'event'->'subject'->>'id' = ${id} ORDER BY created_at`,
    )
  ).map((r) => r.type)
const starts = (body: { slots: { startTime: string }[] }) => body.slots.map((s) => s.startTime)

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
  provider = cast.inA.instructor.membershipId!
})

describe('appointment slots', () => {
  it('expands Monday 09:00–12:00 New York on the local clock across the March DST change, minus classes with buffers', async () => {
    const service = await kit.createService(A, [provider], { bufferAfterMinutes: 15 })
    await kit.createRule(A, provider, { validFrom: '2027-03-01', validUntil: '2027-03-31' })
    const anon = cast.anonymous.client
    const res = await anon.get(
      `/api/appointment-services/${service.id}/slots?from=2027-03-08T00:00:00Z&to=2027-03-16T00:00:00Z`,
    )
    expect(res.status).toBe(200)
    // 8 March is EST (UTC−5), 15 March EDT (UTC−4): 09:00 local both times.
    expect(starts(res.body)).toEqual([
      '2027-03-08T14:00:00.000Z',
      '2027-03-08T15:00:00.000Z',
      '2027-03-08T16:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
      '2027-03-15T14:00:00.000Z',
      '2027-03-15T15:00:00.000Z',
    ])
    expect(res.body.slots[0]).toEqual({
      provider,
      startTime: '2027-03-08T14:00:00.000Z',
      endTime: '2027-03-08T15:00:00.000Z',
      placesLeft: 1,
    })

    // A class 10:00–11:00 local on the 15th takes 10:00, and 09:00 too (its 15-minute buffer after reaches 10:15).
    await kit.createClass(A, { instructor: provider, startTime: '2027-03-15T14:00:00.000Z', durationMinutes: 60 })
    const after = await anon.get(
      `/api/appointment-services/${service.id}/slots?from=2027-03-15T00:00:00Z&to=2027-03-16T00:00:00Z&provider=${provider}`,
    )
    expect(starts(after.body)).toEqual(['2027-03-15T15:00:00.000Z'])

    // An unavailable rule cuts the window; the validity dates end it.
    await kit.createRule(A, provider, {
      kind: 'unavailable',
      startLocal: '11:00',
      endLocal: '12:00',
      validFrom: '2027-03-08',
      validUntil: '2027-03-08',
    })
    const cut = await anon.get(
      `/api/appointment-services/${service.id}/slots?from=2027-03-08T00:00:00Z&to=2027-04-06T00:00:00Z`,
    )
    expect(starts(cut.body).filter((s) => s.startsWith('2027-03-08'))).toEqual([
      '2027-03-08T14:00:00.000Z',
      '2027-03-08T15:00:00.000Z',
    ])
    expect(starts(cut.body).some((s) => s >= '2027-04')).toBe(false)
  })

  it('answers 4xx for malformed queries and unknown services', async () => {
    const service = await kit.createService(A, [provider])
    const anon = cast.anonymous.client
    expect((await anon.get(`/api/appointment-services/${service.id}/slots?from=yesterday`)).status).toBe(400)
    expect(
      (
        await anon.get(
          `/api/appointment-services/${service.id}/slots?from=2027-03-01T00:00:00Z&to=2027-05-01T00:00:00Z`,
        )
      ).body.error,
    ).toBe('invalid_input')
    expect((await anon.get('/api/appointment-services/00000000-0000-4000-8000-000000000000/slots')).status).toBe(404)
    expect(
      (await anon.get(`/api/appointment-services/${service.id}/slots?provider=${cast.inA.member.membershipId}`)).body
        .error,
    ).toBe('provider_not_found')
    // Availability rules validate their times and zone; members cannot write them.
    const owner = cast.inA.owner.client
    const rule = { tenant: A, provider, weekday: 1, startLocal: '09:00', endLocal: '12:00' }
    expect((await owner.post('/api/availability-rules', { ...rule, startLocal: '13:00' })).status).toBe(400)
    expect((await owner.post('/api/availability-rules', { ...rule, startLocal: '9am' })).status).toBe(400)
    expect((await owner.post('/api/availability-rules', { ...rule, weekday: 7 })).status).toBe(400)
    expect((await owner.post('/api/availability-rules', { ...rule, timezone: 'Mars/Olympus' })).status).toBe(400)
    expect((await cast.inA.member.client.post('/api/availability-rules', rule)).status).toBe(403)
    const made = await owner.post('/api/availability-rules', rule)
    expect(made.status).toBe(201)
    expect(made.body.doc.timezone).toBe('America/New_York') // the tenant's zone by default
  })

  it("shows each active provider's public display name on the service, never the membership itself", async () => {
    const other = cast.inA.owner.membershipId!
    await kit.q(sql`UPDATE tenant_memberships SET profile_display_name = 'Pat Provider' WHERE id = ${provider}`)
    await kit.q(sql`UPDATE tenant_memberships SET profile_display_name = NULL WHERE id = ${other}`)
    const service = await kit.createService(A, [provider, other])
    const anon = cast.anonymous.client
    const read = await anon.get(`/api/appointment-services/${service.id}`)
    expect(read.status).toBe(200)
    expect(read.body.providerNames).toEqual([{ id: provider, name: 'Pat Provider' }]) // no name, not listed
    expect((await anon.get(`/api/tenant-memberships/${provider}`)).status).not.toBe(200)
    // Read-only: a manager cannot write names through it.
    await cast.inA.owner.client.patch(`/api/appointment-services/${service.id}`, {
      providerNames: [{ id: provider, name: 'Forged' }],
    })
    expect((await anon.get(`/api/appointment-services/${service.id}`)).body.providerNames).toEqual([
      { id: provider, name: 'Pat Provider' },
    ])
  })

  it('never offers the past', () => {
    const now = Date.UTC(2027, 2, 8, 15, 30)
    const windows = [{ start: Date.UTC(2027, 2, 8, 14), end: Date.UTC(2027, 2, 8, 17) }]
    const terms = { durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, slotIntervalMinutes: 30 }
    expect(freeSlots(windows, [], terms, now, Infinity).map((s) => new Date(s.start).toISOString())).toEqual([
      '2027-03-08T15:30:00.000Z',
      '2027-03-08T16:00:00.000Z',
    ])
  })
})

describe('booking an appointment', () => {
  it('books a free slot, refuses the same slot (409) and times outside availability, frees it on cancel', async () => {
    const service = await kit.createService(A, [provider], {
      bufferAfterMinutes: 15,
      price: { amount: 5000, currency: 'USD' },
    })
    await kit.createRule(A, provider, { weekday: 2, validFrom: '2027-03-01', validUntil: '2027-03-31' })
    const member = cast.inA.member.client
    const res = await member.post('/api/appointments/book', {
      service: service.id,
      provider,
      startTime: '2027-03-09T09:00:00-05:00',
    })
    expect(res.status).toBe(201)
    expect(res.body.appointment).toMatchObject({
      status: 'booked',
      service: service.id,
      provider,
      member: cast.inA.member.membershipId,
      startTime: '2027-03-09T14:00:00.000Z',
      endTime: '2027-03-09T15:00:00.000Z',
      timezone: 'America/New_York',
      price: { amount: 5000, currency: 'USD' },
      paymentMethod: 'drop_in',
      source: 'member',
    })
    const id = res.body.appointment.id
    expect(await eventsAbout(id)).toEqual(['appointment.booked'])

    const [m2] = await kit.createMembers(A, 1)
    const desk = cast.inA.frontDesk.client
    const taken = await desk.post('/api/appointments/book', {
      service: service.id,
      provider,
      startTime: '2027-03-09T14:00:00Z',
      member: m2,
    })
    expect(taken.status, JSON.stringify(taken.body)).toBe(409)
    expect(taken.body.error).toBe('slot_taken')
    // 10:00 local overlaps the first appointment's 15-minute buffer after.
    expect(
      (
        await desk.post('/api/appointments/book', {
          service: service.id,
          provider,
          startTime: '2027-03-09T15:00:00Z',
          member: m2,
        })
      ).body.error,
    ).toBe('slot_taken')
    const outside = await desk.post('/api/appointments/book', {
      service: service.id,
      provider,
      startTime: '2027-03-09T18:00:00Z',
      member: m2,
    })
    expect(outside.status).toBe(409)
    expect(outside.body.error).toBe('outside_availability')
    const slots = await member.get(
      `/api/appointment-services/${service.id}/slots?from=2027-03-09T00:00:00Z&to=2027-03-10T00:00:00Z`,
    )
    expect(starts(slots.body)).toEqual(['2027-03-09T16:00:00.000Z'])

    // Members read their own appointments only.
    const mine = await member.get('/api/appointments?depth=0')
    expect(mine.body.docs.map((d: { id: string }) => d.id)).toEqual([id])
    expect((await cast.inA.instructor.client.get(`/api/appointments/${id}`)).status).toBe(200)
    expect((await cast.inB.owner.client.get(`/api/appointments/${id}`)).status).toBe(404)

    // Someone else cannot cancel it; the member can, and the time is free again.
    expect((await cast.inB.member.client.post(`/api/appointments/${id}/cancel`)).status).toBe(404)
    const cancelled = await member.post(`/api/appointments/${id}/cancel`, { reason: 'sick' })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body.appointment).toMatchObject({ status: 'cancelled', cancellationReason: 'sick' })
    expect(cancelled.body.refund).toEqual({ credits: null, money: null })
    expect((await member.post(`/api/appointments/${id}/cancel`)).body.error).toBe('not_cancellable')
    expect(await eventsAbout(id)).toEqual(['appointment.booked', 'appointment.cancelled'])
    const again = await desk.post('/api/appointments/book', {
      service: service.id,
      provider,
      startTime: '2027-03-09T14:00:00Z',
      member: m2,
    })
    expect(again.status).toBe(201)
  })

  it('keeps a provider from being double-booked across classes and appointments (409 both ways)', async () => {
    const service = await kit.createService(A, [provider])
    await kit.createRule(A, provider, { weekday: 3, validFrom: '2027-03-01', validUntil: '2027-03-31' })
    await kit.createClass(A, { instructor: provider, startTime: '2027-03-10T14:00:00.000Z', durationMinutes: 60 })
    const member = cast.inA.member.client
    const onClass = await member.post('/api/appointments/book', {
      service: service.id,
      provider,
      startTime: '2027-03-10T14:00:00Z',
    })
    expect(onClass.status).toBe(409)
    expect(onClass.body.error).toBe('slot_taken')
    const booked = await member.post('/api/appointments/book', {
      service: service.id,
      provider,
      startTime: '2027-03-10T15:00:00Z',
    })
    expect(booked.status).toBe(201)
    const clash = await cast.inA.owner.client.post('/api/classes', {
      tenant: A,
      title: 'Clash',
      instructor: provider,
      startTime: '2027-03-10T15:30:00.000Z',
      durationMinutes: 60,
    })
    expect(clash.status, JSON.stringify(clash.body)).toBe(409)
    expect(clash.body.errors?.[0]?.message ?? clash.body.message).toMatch(/appointment/)
  })

  it('answers 4xx for bad input and writes nothing', async () => {
    const service = await kit.createService(A, [provider])
    await kit.createRule(A, provider, { weekday: 4, validFrom: '2027-03-01', validUntil: '2027-03-31' })
    const count = async () =>
      Number(
        (
          await kit.q<{ n: number }>(sql`SELECT count(*)::int AS n FROM appointments WHERE service_id = ${service.id}`)
        )[0].n,
      )
    const ok = { service: service.id, provider, startTime: '2027-03-11T14:00:00Z' }
    const member = cast.inA.member.client
    const cases: [string, Promise<{ status: number; body: { error?: string } }>, number, string][] = [
      [
        'unknown service',
        member.post('/api/appointments/book', { ...ok, service: '00000000-0000-4000-8000-000000000000' }),
        404,
        'not_found',
      ],
      ["other tenant's service", cast.inB.member.client.post('/api/appointments/book', ok), 404, 'not_found'],
      [
        'malformed time',
        member.post('/api/appointments/book', { ...ok, startTime: 'Thursday 9am' }),
        400,
        'invalid_input',
      ],
      [
        'missing provider',
        member.post('/api/appointments/book', { service: service.id, startTime: ok.startTime }),
        400,
        'invalid_input',
      ],
      [
        'provider not offering it',
        member.post('/api/appointments/book', { ...ok, provider: cast.inA.owner.membershipId }),
        422,
        'provider_not_offered',
      ],
      [
        'in the past',
        member.post('/api/appointments/book', { ...ok, startTime: '2020-03-12T14:00:00Z' }),
        409,
        'too_late',
      ],
      [
        'member booking for someone else',
        member.post('/api/appointments/book', { ...ok, member: cast.inA.instructor.membershipId }),
        403,
        'forbidden',
      ],
      ['anonymous', cast.anonymous.client.post('/api/appointments/book', ok), 401, 'unauthenticated'],
      [
        'REST create',
        member.post('/api/appointments', {
          tenant: A,
          ...ok,
          member: cast.inA.member.membershipId,
          endTime: ok.startTime,
        }),
        403,
        '',
      ],
    ]
    for (const [label, call, status, error] of cases) {
      const res = await call
      expect({ label, status: res.status, error: error ? res.body?.error : '' }).toEqual({ label, status, error })
    }
    expect(await count()).toBe(0)
  })
})

describe('completing appointments', () => {
  it('the completeClasses job completes checked-in appointments that have ended, marks the others no_show, and emits both', async () => {
    const service = await kit.createService(A, [provider])
    const insert = (from: string, to: string, checkedIn: boolean) =>
      kit.q<{
        id: string
      }>(sql`INSERT INTO appointments (tenant_id, service_id, provider_id, member_id, start_time, end_time, blocked_from, blocked_until, status, checked_in_at)
        VALUES (${A}, ${service.id}, ${provider}, ${cast.inA.member.membershipId}, now() + ${from}::interval, now() + ${to}::interval, now() + ${from}::interval,
                now() + ${to}::interval, 'booked', ${checkedIn ? sql`now()` : sql`NULL`}) RETURNING id`)
    const [attended] = await insert('-5 hours', '-4 hours', true)
    const [missed] = await insert('-2 hours', '-1 hour', false)
    const [future] = await insert('2 days', '2 days 1 hour', false)
    await app.payload.jobs.queue({ task: 'completeClasses' as never, input: {} as never })
    await app.payload.jobs.run({ limit: 10, where: { taskSlug: { equals: 'completeClasses' } } as never })
    const rows = await kit.q<{ id: string; status: string }>(
      sql`SELECT id, status FROM appointments WHERE id IN (${attended.id}, ${missed.id}, ${future.id})`,
    )
    expect(Object.fromEntries(rows.map((r) => [String(r.id), r.status]))).toEqual({
      [String(attended.id)]: 'completed',
      [String(missed.id)]: 'no_show',
      [String(future.id)]: 'booked',
    })
    expect(await eventsAbout(String(attended.id))).toEqual(['appointment.completed'])
    expect(await eventsAbout(String(missed.id))).toEqual(['appointment.no_show'])
  })
})

describe('appointments under concurrency', () => {
  it('50 members booking the same slot at once: exactly one 201, the rest 409', async () => {
    const service = await kit.createService(A, [provider])
    await kit.createRule(A, provider, { weekday: 5, validFrom: '2027-03-01', validUntil: '2027-03-31' })
    const members = await kit.createMembers(A, 50)
    const desk = cast.inA.frontDesk.client
    const results = await Promise.all(
      members.map((member) =>
        desk.post('/api/appointments/book', {
          service: service.id,
          provider,
          startTime: '2027-03-12T14:00:00Z',
          member,
        }),
      ),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(49)
    expect(new Set(results.filter((r) => r.status === 409).map((r) => r.body.error))).toEqual(new Set(['slot_taken']))
    const [row] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM appointments WHERE provider_id = ${provider} AND status = 'booked' AND start_time = '2027-03-12T14:00:00Z'`,
    )
    expect(row.n).toBe(1)
    // The exclusion constraint backs the lock: an overlapping booked row written behind the API's back is refused.
    const insert =
      kit.q(sql`INSERT INTO appointments (tenant_id, service_id, provider_id, member_id, start_time, end_time, blocked_from, blocked_until, status)
      VALUES (${A}, ${service.id}, ${provider}, ${members[0]}, '2027-03-12T14:30:00Z', '2027-03-12T15:30:00Z', '2027-03-12T14:30:00Z', '2027-03-12T15:30:00Z', 'booked')`)
    await expect(insert).rejects.toMatchObject({ cause: { code: '23P01' } })
  })
})
