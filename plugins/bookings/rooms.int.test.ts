import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
})

const createRoom = async (name: string) =>
  (await app.payload.create({
    collection: 'rooms' as never,
    data: { tenant: A, name } as never,
    depth: 0,
  })) as unknown as { id: string }

describe('rooms', () => {
  it('refuses (409 room_busy) overlapping classes and appointments in one room, whoever teaches', async () => {
    const room = await createRoom('Studio 1')
    const owner = cast.inA.owner.client
    const first = await owner.post('/api/classes', {
      tenant: A,
      title: 'Flow',
      room: room.id,
      startTime: '2027-03-10T14:00:00.000Z',
      durationMinutes: 60,
    })
    expect(first.status).toBe(201)
    const overlap = await owner.post('/api/classes', {
      tenant: A,
      title: 'Pilates',
      room: room.id,
      startTime: '2027-03-10T14:30:00.000Z',
      durationMinutes: 60,
    })
    expect(overlap.status).toBe(409)
    expect(overlap.body.errors?.[0]?.message).toMatch(/room is taken by "Flow"/)
    const otherRoom = await createRoom('Studio 2')
    expect(
      (
        await owner.post('/api/classes', {
          tenant: A,
          title: 'Pilates',
          room: otherRoom.id,
          startTime: '2027-03-10T14:30:00.000Z',
          durationMinutes: 60,
        })
      ).status,
    ).toBe(201)
    // Moving a class into a taken slot is refused too.
    const later = await owner.post('/api/classes', {
      tenant: A,
      title: 'Later',
      room: room.id,
      startTime: '2027-03-10T16:00:00.000Z',
      durationMinutes: 60,
    })
    expect(
      (await owner.patch(`/api/classes/${later.body.doc.id}`, { startTime: '2027-03-10T14:45:00.000Z' })).status,
    ).toBe(409)

    // An appointment service in the room: its slots skip the room's class, and booking it takes the room.
    const provider = cast.inA.instructor.membershipId!
    const service = await kit.createService(A, [provider], { room: room.id })
    await kit.createRule(A, provider, { weekday: 3, validFrom: '2027-03-01', validUntil: '2027-03-31' })
    const slots = await cast.anonymous.client.get(
      `/api/appointment-services/${service.id}/slots?from=2027-03-10T00:00:00Z&to=2027-03-11T00:00:00Z`,
    )
    expect(slots.body.slots.map((s: { startTime: string }) => s.startTime)).toEqual(['2027-03-10T15:00:00.000Z'])
    const onClass = await cast.inA.member.client.post('/api/appointments/book', {
      service: service.id,
      provider,
      startTime: '2027-03-10T14:00:00Z',
    })
    expect(onClass.status).toBe(409)
    expect(onClass.body.error).toBe('room_busy')
    const booked = await cast.inA.member.client.post('/api/appointments/book', {
      service: service.id,
      provider,
      startTime: '2027-03-10T15:00:00Z',
    })
    expect(booked.status).toBe(201)
    const [row] = await kit.q<{ room_id: string }>(
      sql`SELECT room_id FROM appointments WHERE id = ${booked.body.appointment.id}`,
    )
    expect(String(row.room_id)).toBe(room.id)
    const clash = await owner.post('/api/classes', {
      tenant: A,
      title: 'Clash',
      room: room.id,
      startTime: '2027-03-10T15:30:00.000Z',
      durationMinutes: 30,
    })
    expect(clash.status).toBe(409)
    expect(clash.body.errors?.[0]?.message).toMatch(/room is taken by "Massage"/)
  })
})
