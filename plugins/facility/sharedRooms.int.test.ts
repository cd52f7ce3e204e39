import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { facilityClub, type FacilityClub } from './facilityTestKit'

const app = useTestApp()
let shared: FacilityClub | undefined
const club = async () => (shared ??= await facilityClub(app))

/** A bookings room and a facility resource of type room that is it. */
const sharedRoom = async (c: FacilityClub, name: string) => {
  const room = String((await app.payload.create({ collection: 'rooms', data: { tenant: c.tenant, name } })).id)
  const resource = await c.kit.createBay(c.tenant, { name: `${name} (hire)`, type: 'room', room })
  return { room, resource }
}

const errorOf = (res: { body: { message?: string; errors?: { message: string }[] } }) =>
  res.body.message ?? res.body.errors?.[0]?.message ?? ''

describe('a facility room shared with classes and appointments', () => {
  it('a class refuses an overlapping (not equal) reservation with 409 room_busy naming it, and a reservation refuses an overlapping class; back-to-back is fine; moves and cancels count', async () => {
    const c = await club()
    const { room, resource } = await sharedRoom(c, `Studio ${Math.random().toString(36).slice(2, 6)}`)
    const member = await c.newMember()
    const klass = (title: string, hhmm: string, minutes = 60) =>
      c.manager.post('/api/classes', {
        tenant: c.tenant,
        title,
        room,
        startTime: c.kit.at(3, hhmm),
        durationMinutes: minutes,
      })
    const book = (from: string, to: string) =>
      member.client.post('/api/reservations/book', { resource, startAt: c.kit.at(3, from), endAt: c.kit.at(3, to) })

    expect((await klass('Flow Yoga', '10:00')).status).toBe(201)
    const clash = await book('10:30', '11:30')
    expect(clash.status).toBe(409)
    expect(clash.body.error).toBe('room_busy')
    expect(clash.body.message).toMatch(/room is taken by "Flow Yoga" at .*overlaps this reservation/)
    const touching = await book('11:00', '12:00')
    expect(touching.status, JSON.stringify(touching.body)).toBe(201)

    const over = await klass('Pilates', '11:30')
    expect(over.status).toBe(409)
    expect(errorOf(over)).toMatch(/room is taken by "a reservation of .*\(hire\)" at .*overlaps this class/)
    expect((await klass('Barre', '12:00')).status).toBe(201)

    // Moving the reservation onto the class is refused; cancelling it frees the room for a class.
    const moved = await c.desk.post(`/api/reservations/${touching.body.id}/move`, {
      startAt: c.kit.at(3, '09:30'),
      endAt: c.kit.at(3, '10:30'),
    })
    expect([moved.status, moved.body.error]).toEqual([409, 'room_busy'])
    expect((await member.client.post(`/api/reservations/${touching.body.id}/cancel`)).status).toBe(200)
    expect((await klass('Pilates', '11:30', 30)).status).toBe(201)

    // A resource that is not linked is not affected by the room's classes.
    const bay = await c.kit.createBay(c.tenant)
    expect(
      (
        await member.client.post('/api/reservations/book', {
          resource: bay,
          startAt: c.kit.at(3, '10:00'),
          endAt: c.kit.at(3, '11:00'),
        })
      ).status,
    ).toBe(201)
    // Only a room resource can be linked.
    const wrong = await c.manager.patch(`/api/facility-resources/${bay}`, { room })
    expect(wrong.status, JSON.stringify(wrong.body)).toBe(400)
  }, 120_000)

  it('12 reservations and 12 classes of overlapping times in one room, all at once: exactly one of the 24 is written', async () => {
    const c = await club()
    const { room, resource } = await sharedRoom(c, `Hall ${Math.random().toString(36).slice(2, 6)}`)
    const members = await Promise.all(Array.from({ length: 12 }, () => c.newMember()))
    // Every range below overlaps every other (all within 14:00–15:30, one hour long), none equal across kinds.
    const starts = ['14:00', '14:30']
    const attempts = await Promise.all([
      ...members.map((m, i) =>
        m.client.post('/api/reservations/book', {
          resource,
          startAt: c.kit.at(5, starts[i % 2]),
          endAt: new Date(Date.parse(c.kit.at(5, starts[i % 2])) + 3_600_000).toISOString(),
        }),
      ),
      ...Array.from({ length: 12 }, (_, i) =>
        c.manager.post('/api/classes', {
          tenant: c.tenant,
          title: `Class ${i}`,
          room,
          startTime: new Date(Date.parse(c.kit.at(5, '14:15')) + (i % 3) * 5 * 60_000).toISOString(),
          durationMinutes: 60,
        }),
      ),
    ])
    const statuses = attempts.map((a) => a.status)
    expect(
      statuses.filter((s) => s === 201),
      JSON.stringify(statuses),
    ).toHaveLength(1)
    expect(
      statuses.filter((s) => s !== 201 && s !== 409),
      JSON.stringify(attempts.find((a) => a.status >= 500)?.body),
    ).toEqual([])
    const [{ reservations, classes }] = await c.kit.q<{ reservations: number; classes: number }>(sql`
      SELECT (SELECT count(*)::int FROM reservations WHERE resource_id = ${resource} AND status IN ('requested', 'confirmed')) AS reservations,
             (SELECT count(*)::int FROM classes WHERE room_id = ${room} AND status <> 'cancelled') AS classes`)
    expect(reservations + classes).toBe(1)
  }, 180_000)
})
