import { createHash } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { twoTenants, useTestApp } from '@/core/testing'
import { icalUtc } from './operations/calendar/icalFormat'
import { bookingsTestKit } from './bookingsTestKit'

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string

/** Unfolds an RFC 5545 text and returns its VEVENTs as property maps (first value of each name). */
const parseCalendar = (text: string) => {
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
  const events: Record<string, string>[] = []
  let current: Record<string, string> | undefined
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {}
    else if (line === 'END:VEVENT') {
      events.push(current!)
      current = undefined
    } else if (current) {
      const at = line.indexOf(':')
      current[line.slice(0, at)] ??= line.slice(at + 1)
    }
  }
  return events
}
const uids = (events: Record<string, string>[]) => events.map((e) => e.UID).sort()

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
})

describe('public tenant feed', () => {
  it('lists upcoming classes and published events in UTC with stable UIDs, escaped text and cache headers', async () => {
    const [location] = await kit.q<{ id: string }>(
      sql`INSERT INTO locations (tenant_id, name, slug, timezone) VALUES (${A}, 'Loft', ${`loft-${Date.now()}`}, 'America/New_York') RETURNING id`,
    )
    const klass = await kit.createClass(A, { title: 'Flow, slow; deep', location: location.id, inMinutes: 26 * 60 })
    const elsewhere = await kit.createClass(A, { title: 'Elsewhere', inMinutes: 27 * 60 })
    const event = await kit.createEvent(A, { title: 'Solstice ' + 'long title '.repeat(10) })
    const draft = await kit.createEvent(A, { status: 'draft' })
    const foreign = await kit.createClass(String(cast.b.id), { title: 'Other business' })
    const slug = String(cast.a.slug)

    const res = await cast.anonymous.client.get(`/api/ical/tenant/${slug}.ics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    const text = String(res.body)
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    const events = parseCalendar(text)
    const ids = uids(events)
    expect(ids).toContain(`class-${klass.id}@atrium`)
    expect(ids).toContain(`class-${elsewhere.id}@atrium`)
    expect(ids).toContain(`event-${event.id}@atrium`)
    expect(ids).not.toContain(`event-${draft.id}@atrium`)
    expect(ids).not.toContain(`class-${foreign.id}@atrium`)
    const flow = events.find((e) => e.UID === `class-${klass.id}@atrium`)!
    expect(flow).toMatchObject({
      SUMMARY: 'Flow\\, slow\\; deep',
      DTSTART: icalUtc(new Date(String(klass.startTime))),
      DTEND: icalUtc(new Date(String(klass.endTime))),
      LOCATION: 'Loft',
      STATUS: 'CONFIRMED',
    })
    expect(flow.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/)
    expect(events.find((e) => e.UID === `event-${event.id}@atrium`)!.SUMMARY).toBe(
      'Solstice ' + 'long title '.repeat(10),
    )

    // Same UIDs on the next read; the location filter keeps only that location's classes.
    expect(uids(parseCalendar(String((await cast.anonymous.client.get(`/api/ical/tenant/${slug}`)).body)))).toEqual(ids)
    const atLoft = parseCalendar(
      String((await cast.anonymous.client.get(`/api/ical/tenant/${slug}.ics?location=${location.id}`)).body),
    )
    expect(uids(atLoft)).toEqual([`class-${klass.id}@atrium`])

    expect((await cast.anonymous.client.get('/api/ical/tenant/no-such-business.ics')).status).toBe(404)
    expect((await cast.anonymous.client.get(`/api/ical/tenant/${slug}.ics?location=nope`)).status).toBe(400)
  })
})

describe('private member feed', () => {
  it('shows only the token holder’s bookings, appointments and RSVPs; a reissued or revoked token answers 404', async () => {
    const klass = await kit.createClass(A, { capacity: 5 })
    const other = await kit.createClass(A, { capacity: 5, inMinutes: 48 * 60 })
    const event = await kit.createEvent(A)
    const mine = await cast.inA.member.client.post(`/api/classes/${klass.id}/book`)
    const rsvp = await cast.inA.member.client.post(`/api/events/${event.id}/rsvp`)
    const theirs = await cast.inA.instructor.client.post(`/api/classes/${other.id}/book`)
    const service = await kit.createService(A, [cast.inA.owner.membershipId!])
    await kit.createRule(A, cast.inA.owner.membershipId!, {
      weekday: 2,
      validFrom: '2027-03-01',
      validUntil: '2027-03-31',
    })
    const appointment = await cast.inA.member.client.post('/api/appointments/book', {
      service: service.id,
      provider: cast.inA.owner.membershipId,
      startTime: '2027-03-09T14:00:00Z',
    })
    expect([mine.status, rsvp.status, theirs.status, appointment.status]).toEqual([201, 201, 201, 201])

    const issued = await cast.inA.member.client.post('/api/ical/member-token', { tenant: String(cast.a.slug) })
    expect(issued.status).toBe(201)
    const { token, url } = issued.body
    expect(url).toMatch(new RegExp(`/api/ical/member/${token}\\.ics$`))
    const path = new URL(url).pathname
    // Only the hash is stored.
    const [stored] = await kit.q<{ ical_token_hash: string }>(
      sql`SELECT ical_token_hash FROM tenant_memberships WHERE id = ${cast.inA.member.membershipId}`,
    )
    expect(stored.ical_token_hash).toBe(createHash('sha256').update(token).digest('hex'))
    const asOwner = await cast.inA.owner.client.get(`/api/tenant-memberships/${cast.inA.member.membershipId}`)
    expect(JSON.stringify(asOwner.body)).not.toContain(stored.ical_token_hash)
    expect(asOwner.body.icalTokenHash).toBeUndefined()

    const feed = await cast.anonymous.client.get(path)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('cache-control')).toBe('private, max-age=300')
    const events = parseCalendar(String(feed.body))
    expect(uids(events)).toEqual(
      [
        `booking-${mine.body.booking.id}@atrium`,
        `rsvp-${rsvp.body.rsvp.id}@atrium`,
        `appointment-${appointment.body.appointment.id}@atrium`,
      ].sort(),
    )
    expect(events.find((e) => e.UID.startsWith('appointment-'))).toMatchObject({
      SUMMARY: 'Massage',
      DTSTART: '20270309T140000Z',
      DTEND: '20270309T150000Z',
    })
    expect(events.find((e) => e.UID === `booking-${mine.body.booking.id}@atrium`)!.DTSTART).toBe(
      icalUtc(new Date(String(klass.startTime))),
    )

    // The instructor's own token shows the instructor's booking only.
    const theirToken = (await cast.inA.instructor.client.post('/api/ical/member-token', { tenant: A })).body.token
    expect(
      uids(parseCalendar(String((await cast.anonymous.client.get(`/api/ical/member/${theirToken}.ics`)).body))),
    ).toEqual([`booking-${theirs.body.booking.id}@atrium`])

    // Reissuing revokes the old URL; revoking ends the new one.
    const again = (await cast.inA.member.client.post('/api/ical/member-token', { tenant: A })).body
    expect((await cast.anonymous.client.get(path)).status).toBe(404)
    expect((await cast.anonymous.client.get(new URL(again.url).pathname)).status).toBe(200)
    const revoked = await cast.inA.member.client.request('DELETE', '/api/ical/member-token', { tenant: A })
    expect(revoked.body).toEqual({ revoked: true })
    expect((await cast.anonymous.client.get(new URL(again.url).pathname)).status).toBe(404)

    // No membership in B → 404; anonymous → 401; a malformed token → 400.
    expect((await cast.inA.member.client.post('/api/ical/member-token', { tenant: String(cast.b.slug) })).status).toBe(
      404,
    )
    expect((await cast.anonymous.client.post('/api/ical/member-token', { tenant: A })).status).toBe(401)
    expect((await cast.anonymous.client.get('/api/ical/member/short.ics')).status).toBe(400)
  })
})
