import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string
let provider: string

const places = async (service: string, startTime: string) =>
  Number(
    (
      await kit.q<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM appointments WHERE service_id = ${service} AND start_time = ${startTime}::timestamptz AND status = 'booked'`,
      )
    )[0].n,
  )

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
  provider = cast.inA.instructor.membershipId!
})

describe('lowering an appointment service’s capacity', () => {
  it('is refused with 409 naming the first future slot that has more places booked; lowering to what is booked works', async () => {
    const service = String((await kit.createService(A, [provider], { title: 'Golf bay', capacity: 4 })).id)
    await kit.createRule(A, provider, {
      weekday: 1,
      startLocal: '08:00',
      endLocal: '18:00',
      validFrom: '2027-06-07',
      validUntil: '2027-06-07',
    })
    const members = await kit.createMembers(A, 5)
    const desk = cast.inA.frontDesk.client
    const book = (member: string, startTime: string) =>
      desk.post('/api/appointments/book', { service, provider, startTime, member })
    // Later slot (15:00 New York) 3 places, earlier slot (10:00) 3 places, another 1 place.
    for (const m of members.slice(0, 3)) expect((await book(m, '2027-06-07T19:00:00Z')).status).toBe(201)
    for (const m of members.slice(2, 5)) expect((await book(m, '2027-06-07T14:00:00Z')).status).toBe(201)
    expect((await book(members[0], '2027-06-07T16:00:00Z')).status).toBe(201)

    const owner = cast.inA.owner.client
    const refused = await owner.patch(`/api/appointment-services/${service}`, { capacity: 2 })
    expect(refused.status).toBe(409)
    const message = JSON.stringify(refused.body)
    expect(message).toContain('Monday, June 7, 2027 at 10:00 AM (EDT)') // the first conflicting slot, in the provider's zone
    expect(message).toContain('already has 3 places booked')
    expect(
      (
        await kit.q<{ capacity: number }>(
          sql`SELECT capacity::int AS capacity FROM appointment_services WHERE id = ${service}`,
        )
      )[0].capacity,
    ).toBe(4)

    const lowered = await owner.patch(`/api/appointment-services/${service}`, { capacity: 3 })
    expect(lowered.status, message).toBe(200)
    expect(lowered.body.doc.capacity).toBe(3)
    // Raising and other edits are not checked against bookings.
    expect((await owner.patch(`/api/appointment-services/${service}`, { title: 'Golf bay 2' })).status).toBe(200)
    // Cancelling places lets it drop.
    const rows = await kit.q<{ id: string }>(
      sql`SELECT id FROM appointments WHERE service_id = ${service} AND status = 'booked' AND start_time > '2027-06-07T13:00:00Z' ORDER BY start_time, id`,
    )
    for (const r of rows) expect((await desk.post(`/api/appointments/${r.id}/cancel`)).status).toBe(200)
    expect((await owner.patch(`/api/appointment-services/${service}`, { capacity: 1 })).status).toBe(200)
  })

  it('a capacity cut racing a booking of the last places: never both (places never exceed the capacity)', async () => {
    const service = String((await kit.createService(A, [provider], { title: 'Race bay', capacity: 4 })).id)
    await kit.createRule(A, provider, {
      weekday: 2,
      startLocal: '08:00',
      endLocal: '18:00',
      validFrom: '2027-06-08',
      validUntil: '2027-06-08',
    })
    const desk = cast.inA.frontDesk.client
    const owner = cast.inA.owner.client
    const outcomes: string[] = []
    for (const [round, hour] of [13, 14, 15, 16, 17, 18].entries()) {
      expect((await owner.patch(`/api/appointment-services/${service}`, { capacity: 4 })).status).toBe(200)
      const startTime = `2027-06-08T${hour}:00:00Z`
      const members = await kit.createMembers(A, 4)
      for (const m of members.slice(0, 2))
        expect((await desk.post('/api/appointments/book', { service, provider, startTime, member: m })).status).toBe(
          201,
        )
      const [cut, third, fourth] = await Promise.all([
        owner.patch(`/api/appointment-services/${service}`, { capacity: 2 }),
        desk.post('/api/appointments/book', { service, provider, startTime, member: members[2] }),
        desk.post('/api/appointments/book', { service, provider, startTime, member: members[3] }),
      ])
      const booked = [third, fourth].filter((r) => r.status === 201).length
      const capacity = Number(
        (await kit.q<{ c: number }>(sql`SELECT capacity::int AS c FROM appointment_services WHERE id = ${service}`))[0]
          .c,
      )
      expect(await places(service, startTime)).toBe(2 + booked)
      expect(2 + booked, `round ${round}`).toBeLessThanOrEqual(capacity)
      if (cut.status === 200) expect([third.body.error, fourth.body.error]).toEqual(['slot_full', 'slot_full'])
      else expect(cut.status).toBe(409)
      outcomes.push(cut.status === 200 ? 'cut' : `booked ${booked}`)
      // Leave the slot clean for the next round (refuse-or-succeed only matters for this slot).
      for (const r of await kit.q<{ id: string }>(
        sql`SELECT id FROM appointments WHERE service_id = ${service} AND start_time = ${startTime}::timestamptz AND status = 'booked'`,
      )) {
        expect((await desk.post(`/api/appointments/${r.id}/cancel`)).status).toBe(200)
      }
    }
    expect(outcomes).toHaveLength(6)
  })
})
