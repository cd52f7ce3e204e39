import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Plugin } from 'payload'
import { subscribe } from '@/core'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

/** Subscribes to every event so emitted events become deliverEvent jobs the tests can see. */
const eventProbe = (): Plugin => (config) =>
  subscribe(config, { name: 'test.attendanceProbe', event: '*', handler: () => undefined })
const app = useTestApp({ plugins: [eventProbe()] })
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string
let provider: string
let service: string

const eventsAbout = async (id: string) =>
  (
    await kit.q<{ type: string }>(
      sql`SELECT input->'event'->>'type' AS type FROM payload_jobs WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = 'test.attendanceProbe' AND input->'event'->'subject'->>'id' = ${id} ORDER BY created_at`,
    )
  ).map((r) => r.type)

/**
 * A booked appointment of the member, starting `fromNow` (an SQL interval) from now, an hour long,
 * with `who` (default: a new staff member each time, so the rows never overlap).
 */
const appointment = async (fromNow: string, who?: string) => {
  const [fresh] = who ? [who] : await kit.createMembers(A, 1)
  const [row] = await kit.q<{
    id: string
  }>(sql`INSERT INTO appointments (tenant_id, service_id, provider_id, member_id, start_time, end_time, blocked_from, blocked_until, status)
    VALUES (${A}, ${service}, ${fresh}, ${cast.inA.member.membershipId}, now() + ${fromNow}::interval, now() + ${fromNow}::interval + interval '1 hour',
            now() + ${fromNow}::interval, now() + ${fromNow}::interval + interval '1 hour', 'booked') RETURNING id`)
  return String(row.id)
}
const appointmentRow = async (id: string) =>
  (
    await kit.q<{ status: string; checked_in_at: Date | null }>(
      sql`SELECT status, checked_in_at FROM appointments WHERE id = ${id}`,
    )
  )[0]

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
  provider = cast.inA.instructor.membershipId!
  service = String((await kit.createService(A, [provider])).id)
})

describe('appointment check-in', () => {
  it('the provider or desk staff check in inside the window, idempotently; others get 404', async () => {
    const soon = await appointment('30 minutes', provider)
    expect((await cast.anonymous.client.post(`/api/appointments/${soon}/check-in`)).status).toBe(401)
    expect((await cast.inA.member.client.post(`/api/appointments/${soon}/check-in`)).status).toBe(404)
    expect((await cast.inB.owner.client.post(`/api/appointments/${soon}/check-in`)).status).toBe(404)
    expect((await cast.inA.instructor.client.post('/api/appointments/not-a-uuid/check-in')).status).toBe(400)
    expect((await appointmentRow(soon)).checked_in_at).toBeNull()

    const first = await cast.inA.instructor.client.post(`/api/appointments/${soon}/check-in`)
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    expect(first.body).toMatchObject({ alreadyCheckedIn: false, appointment: { id: soon, status: 'booked' } })
    expect(first.body.appointment.checkedInAt).toBeTruthy()
    const again = await cast.inA.frontDesk.client.post(`/api/appointments/${soon}/check-in`)
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({
      alreadyCheckedIn: true,
      appointment: { checkedInAt: first.body.appointment.checkedInAt },
    })
    expect(await eventsAbout(soon)).toEqual(['appointment.checked_in'])
    // A checked-in appointment is not a no-show.
    expect((await cast.inA.frontDesk.client.post(`/api/appointments/${soon}/no-show`)).body.error).toBe('checked_in')
  })

  it('refuses outside the check-in window (60 minutes before until the end) and for cancelled appointments', async () => {
    const later = await appointment('3 hours')
    const res = await cast.inA.frontDesk.client.post(`/api/appointments/${later}/check-in`)
    expect(res.status).toBe(409)
    expect(res.body.error).toBe('outside_check_in_window')
    const over = await appointment('-2 hours')
    expect((await cast.inA.frontDesk.client.post(`/api/appointments/${over}/check-in`)).body.error).toBe(
      'outside_check_in_window',
    )
    const cancelled = await appointment('10 minutes')
    await kit.q(sql`UPDATE appointments SET status = 'cancelled' WHERE id = ${cancelled}`)
    expect((await cast.inA.frontDesk.client.post(`/api/appointments/${cancelled}/check-in`)).body.error).toBe(
      'not_booked',
    )
    for (const id of [later, over, cancelled]) expect((await appointmentRow(id)).checked_in_at).toBeNull()
  })
})

describe('appointment no-shows', () => {
  it('desk staff or the provider mark a started, un-checked-in appointment no_show (idempotent); not before the start', async () => {
    const started = await appointment('-30 minutes')
    expect((await cast.inA.member.client.post(`/api/appointments/${started}/no-show`)).status).toBe(404)
    const marked = await cast.inA.frontDesk.client.post(`/api/appointments/${started}/no-show`)
    expect(marked.status, JSON.stringify(marked.body)).toBe(200)
    expect(marked.body).toMatchObject({ alreadyMarked: false, appointment: { status: 'no_show' } })
    expect((await cast.inA.owner.client.post(`/api/appointments/${started}/no-show`)).body).toMatchObject({
      alreadyMarked: true,
    })
    // An instructor who is not this appointment's provider has nothing to mark.
    expect((await cast.inA.instructor.client.post(`/api/appointments/${started}/no-show`)).status).toBe(404)
    expect((await appointmentRow(started)).status).toBe('no_show')
    expect(await eventsAbout(started)).toEqual(['appointment.no_show'])
    expect((await cast.inA.frontDesk.client.post(`/api/appointments/${started}/check-in`)).body.error).toBe(
      'not_booked',
    )

    const future = await appointment('2 hours', provider)
    const early = await cast.inA.instructor.client.post(`/api/appointments/${future}/no-show`)
    expect(early.status).toBe(409)
    expect(early.body.error).toBe('not_started')
    expect((await appointmentRow(future)).status).toBe('booked')
  })
})

describe('event check-in and no-shows', () => {
  it('desk staff check an RSVP in inside the window (idempotent); members, instructors and other businesses get 404', async () => {
    const event = await kit.createEvent(A, { inMinutes: 30, maxGuests: 2 })
    const rsvp = await cast.inA.member.client.post(`/api/events/${event.id}/rsvp`, { guests: 1 })
    expect(rsvp.status).toBe(201)
    const id = rsvp.body.rsvp.id
    expect((await cast.inA.member.client.post(`/api/event-rsvps/${id}/check-in`)).status).toBe(404)
    expect((await cast.inA.instructor.client.post(`/api/event-rsvps/${id}/check-in`)).status).toBe(404)
    expect((await cast.inB.owner.client.post(`/api/event-rsvps/${id}/check-in`)).status).toBe(404)
    const res = await cast.inA.frontDesk.client.post(`/api/event-rsvps/${id}/check-in`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({ alreadyCheckedIn: false, rsvp: { status: 'attended', guests: 1 } })
    expect(res.body.rsvp.checkedInAt).toBeTruthy()
    expect((await cast.inA.owner.client.post(`/api/event-rsvps/${id}/check-in`)).body).toMatchObject({
      alreadyCheckedIn: true,
    })
    expect(await eventsAbout(id)).toEqual(['event.rsvp_created', 'rsvp.checked_in'])
    // The places stay taken.
    const [row] = await kit.q<{ going_count: number }>(
      sql`SELECT going_count::int AS going_count FROM events WHERE id = ${event.id}`,
    )
    expect(row.going_count).toBe(2)

    const later = await kit.createEvent(A, { inMinutes: 3 * 24 * 60 })
    const early = await cast.inA.member.client.post(`/api/events/${later.id}/rsvp`)
    const refused = await cast.inA.frontDesk.client.post(`/api/event-rsvps/${early.body.rsvp.id}/check-in`)
    expect(refused.status).toBe(409)
    expect(refused.body.error).toBe('outside_check_in_window')
  })

  it('the completeClasses job marks going RSVPs of ended events no_show, keeps attended ones and closes the waitlist', async () => {
    const event = await kit.createEvent(A, { inMinutes: 60, capacity: 2, waitlistCapacity: 5 })
    await kit.q(
      sql`UPDATE events SET start_time = now() - interval '3 hours', end_time = now() - interval '1 hour' WHERE id = ${event.id}`,
    )
    const [m1, m2, m3] = await kit.createMembers(A, 3)
    const rsvp = async (member: string, status: string, position: number | null, eventId = String(event.id)) =>
      String(
        (
          await kit.q<{
            id: string
          }>(sql`INSERT INTO event_rsvps (tenant_id, event_id, member_id, status, guests, waitlist_position)
            VALUES (${A}, ${eventId}, ${member}, ${status}, 0, ${position}) RETURNING id`)
        )[0].id,
      )
    const missed = await rsvp(m1, 'going', null)
    const came = await rsvp(m2, 'attended', null)
    const waiting = await rsvp(m3, 'waitlisted', 1)
    await kit.q(sql`UPDATE events SET going_count = 2, waitlist_count = 1 WHERE id = ${event.id}`)
    // An RSVP of an event still running is left alone.
    const running = await kit.createEvent(A, { inMinutes: 60 })
    await kit.q(sql`UPDATE events SET start_time = now() - interval '1 hour' WHERE id = ${running.id}`)
    const stillThere = await rsvp(m1, 'going', null, String(running.id))

    await app.payload.jobs.queue({ task: 'completeClasses' as never, input: {} as never })
    await app.payload.jobs.run({ limit: 10, where: { taskSlug: { equals: 'completeClasses' } } as never })
    const rows = await kit.q<{ id: string; status: string }>(
      sql`SELECT id, status FROM event_rsvps WHERE id IN (${missed}, ${came}, ${waiting}, ${stillThere})`,
    )
    expect(Object.fromEntries(rows.map((r) => [String(r.id), r.status]))).toEqual({
      [missed]: 'no_show',
      [came]: 'attended',
      [waiting]: 'cancelled',
      [stillThere]: 'going',
    })
    const [counts] = await kit.q<{ waitlist_count: number }>(
      sql`SELECT waitlist_count::int AS waitlist_count FROM events WHERE id = ${event.id}`,
    )
    expect(counts.waitlist_count).toBe(0)
    expect(await eventsAbout(missed)).toEqual(['rsvp.no_show'])
    expect(await eventsAbout(came)).toEqual([])
  })
})
