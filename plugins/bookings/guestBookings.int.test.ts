import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>
let A: string
let provider: string

let ipSeq = 0
/** A fresh client address per call, so the per-address rate limit of guest bookings stays out of the way. */
const fresh = () => ({ 'x-forwarded-for': `198.18.${Math.floor(++ipSeq / 250)}.${(ipSeq % 250) + 1}` })
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const settings = (bookings: Record<string, unknown>, tenant = A) =>
  app.payload.update({
    collection: 'tenant-settings',
    where: { tenant: { equals: tenant } },
    data: { bookings } as never,
  })
/** Runs the queued confirmation job of a row and returns the mail it wrote (the file e-mail adapter, DATA_DIR/mail). */
const confirmationOf = async (id: string) => {
  const [job] = await kit.q<{ id: string; input: Record<string, unknown> }>(
    sql`SELECT id, input FROM payload_jobs WHERE task_slug = 'sendGuestConfirmation' AND input->>'id' = ${id} AND completed_at IS NULL`,
  )
  expect(job, 'a confirmation job is queued').toBeTruthy()
  await app.payload.jobs.runByID({ id: job.id as never })
  const dir = path.join(process.env.DATA_DIR!, 'mail')
  const mails = await Promise.all(
    (await readdir(dir)).map(
      async (f) =>
        JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { to: string; subject: string; text: string },
    ),
  )
  return { input: job.input, mail: mails.filter((m) => m.text.includes('/api/guest-bookings/cancel/')) }
}
const tokenIn = (text: string) => /\/api\/guest-bookings\/cancel\/([A-Za-z0-9_-]{43})/.exec(text)?.[1]

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
  A = String(cast.a.id)
  provider = cast.inA.instructor.membershipId!
})

describe('e-mail-only (guest) event RSVPs', () => {
  it('are off by default; with publicEventRsvp a visitor RSVPs by name and e-mail, gets a mail with a cancel link (only its hash stored) and cancels without login', async () => {
    const event = await kit.createEvent(A, { capacity: 5, maxGuests: 2 })
    const visitor = cast.anonymous.client
    const guest = { name: 'Gina Guest', email: 'Gina.Guest@Example.test' }
    const rsvp = (body: Record<string, unknown>) => visitor.post(`/api/events/${event.id}/rsvp`, body, fresh())

    expect((await rsvp({ guest })).body.error).toBe('guest_rsvp_closed')
    expect((await rsvp({})).status).toBe(401)
    await settings({ publicEventRsvp: true })
    expect((await rsvp({ guest: { name: '', email: 'x' } })).status).toBe(400)
    expect((await rsvp({ guest, member: cast.inA.member.membershipId })).status).toBe(400)
    expect((await rsvp({ guest, guests: 3 })).body.error).toBe('too_many_guests')
    const made = await rsvp({ guest, guests: 1 })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body.rsvp).toMatchObject({
      member: null,
      guest: { name: 'Gina Guest', email: 'gina.guest@example.test', phone: null },
      status: 'going',
      guests: 1,
      paymentMethod: 'free',
    })
    expect(JSON.stringify(made.body)).not.toMatch(/cancelToken/i)
    // One active RSVP per e-mail per event (case-insensitive).
    expect((await rsvp({ guest: { name: 'Gina again', email: 'gina.guest@example.test' } })).body.error).toBe(
      'already_rsvped',
    )
    expect(
      (
        await kit.q<{ going_count: number }>(
          sql`SELECT going_count::int AS going_count FROM events WHERE id = ${event.id}`,
        )
      )[0].going_count,
    ).toBe(2)

    // The mail goes through the jobs queue: the job's input names the row only, never a token.
    const { input, mail } = await confirmationOf(made.body.rsvp.id)
    expect(input).toMatchObject({ collection: 'event-rsvps', id: made.body.rsvp.id })
    expect(JSON.stringify(input)).not.toMatch(/[A-Za-z0-9_-]{43}/)
    const sent = mail.find((m) => m.to === 'gina.guest@example.test')!
    expect(sent.subject).toContain('Summer party')
    const token = tokenIn(sent.text)!
    expect(token).toBeTruthy()
    const [stored] = await kit.q<{ cancel_token_hash: string }>(
      sql`SELECT cancel_token_hash FROM event_rsvps WHERE id = ${made.body.rsvp.id}`,
    )
    expect(stored.cancel_token_hash).toBe(sha256(token))
    expect(JSON.stringify(stored)).not.toContain(token)
    // Staff read the guest through REST, never the hash.
    const read = await cast.inA.frontDesk.client.get(`/api/event-rsvps/${made.body.rsvp.id}`)
    expect(read.body.guest).toMatchObject({ email: 'gina.guest@example.test' })
    expect(read.body.cancelTokenHash).toBeUndefined()

    // The link: GET shows a confirmation page (a scanner opening it cancels nothing), POST cancels.
    const page = await visitor.request('GET', `/api/guest-bookings/cancel/${token}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(String(page.body)).toContain('<form method="post">')
    expect(
      (await kit.q<{ status: string }>(sql`SELECT status FROM event_rsvps WHERE id = ${made.body.rsvp.id}`))[0].status,
    ).toBe('going')
    expect((await visitor.post(`/api/guest-bookings/cancel/${'x'.repeat(10)}`)).status).toBe(400)
    expect((await visitor.post(`/api/guest-bookings/cancel/${'A'.repeat(43)}`)).status).toBe(404)
    const cancel = await visitor.post(`/api/guest-bookings/cancel/${token}`)
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200)
    expect(cancel.body).toMatchObject({
      cancelled: 'event-rsvps',
      rsvp: { status: 'cancelled', cancellationReason: 'cancelled_by_guest' },
    })
    expect(
      (
        await kit.q<{ going_count: number }>(
          sql`SELECT going_count::int AS going_count FROM events WHERE id = ${event.id}`,
        )
      )[0].going_count,
    ).toBe(0)
    expect((await visitor.post(`/api/guest-bookings/cancel/${token}`)).body.error).toBe('not_cancellable')
    const html = await visitor.request('POST', `/api/guest-bookings/cancel/${token}`, undefined, {
      accept: 'text/html',
    })
    expect(html.status).toBe(409)
    expect(String(html.body)).toContain('<h1>Nothing to cancel</h1>')
    // Cancelled, the e-mail may RSVP again.
    expect((await rsvp({ guest })).status).toBe(201)
  })

  it('drafts stay hidden from visitors, another business keeps it off, and a guest waits in line and is promoted like a member', async () => {
    await settings({ publicEventRsvp: true })
    const visitor = cast.anonymous.client
    const draft = await kit.createEvent(A, { status: 'draft' })
    expect(
      (await visitor.post(`/api/events/${draft.id}/rsvp`, { guest: { name: 'D', email: 'd@example.test' } }, fresh()))
        .status,
    ).toBe(404)
    const other = await kit.createEvent(String(cast.b.id))
    expect(
      (await visitor.post(`/api/events/${other.id}/rsvp`, { guest: { name: 'D', email: 'd@example.test' } }, fresh()))
        .body.error,
    ).toBe('guest_rsvp_closed')

    const event = await kit.createEvent(A, { capacity: 1, waitlistCapacity: 3 })
    const [m1] = await kit.createMembers(A, 1)
    const desk = cast.inA.frontDesk.client
    const first = await desk.post(`/api/events/${event.id}/rsvp`, { member: m1 })
    const waiting = await visitor.post(
      `/api/events/${event.id}/rsvp`,
      { guest: { name: 'Wendy', email: 'wendy@example.test' } },
      fresh(),
    )
    expect(waiting.body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, member: null })
    const cancel = await desk.post(`/api/event-rsvps/${first.body.rsvp.id}/cancel`)
    expect(cancel.body.promoted).toEqual([waiting.body.rsvp.id])
    // A member cannot cancel a guest's RSVP; desk staff can.
    expect((await cast.inA.member.client.post(`/api/event-rsvps/${waiting.body.rsvp.id}/cancel`)).status).toBe(404)
    expect((await desk.post(`/api/event-rsvps/${waiting.body.rsvp.id}/cancel`)).body.rsvp).toMatchObject({
      status: 'cancelled',
    })
  })

  it('20 concurrent RSVPs with one e-mail → exactly one RSVP', async () => {
    await settings({ publicEventRsvp: true })
    const event = await kit.createEvent(A, { capacity: 50 })
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        cast.anonymous.client.post(
          `/api/events/${event.id}/rsvp`,
          { guest: { name: `Racer ${i}`, email: i % 2 ? 'racer@example.test' : 'RACER@example.test' } },
          fresh(),
        ),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error)).toEqual(Array(19).fill('already_rsvped'))
    const rows = await kit.q<{ n: number; going: number }>(
      sql`SELECT count(*)::int AS n, (SELECT going_count::int FROM events WHERE id = ${event.id}) AS going FROM event_rsvps WHERE event_id = ${event.id}`,
    )
    expect(rows[0]).toEqual({ n: 1, going: 1 })
  })
})

describe('public guest appointments', () => {
  it('hold at most guestBookingsPerEmail upcoming bookings per e-mail (default 2), mail a cancel link, and the link cancels', async () => {
    await settings({ publicGuestBooking: true })
    const tour = String((await kit.createService(A, [provider], { title: 'Studio tour', kind: 'tour' })).id)
    await kit.createRule(A, provider, {
      weekday: 2,
      startLocal: '06:00',
      endLocal: '20:00',
      validFrom: '2027-05-04',
      validUntil: '2027-05-04',
    })
    const book = (time: string, email: string) =>
      cast.anonymous.client.post(
        '/api/appointments/book',
        { service: tour, provider, startTime: `2027-05-04T${time}:00Z`, guest: { name: 'Tom Tour', email } },
        fresh(),
      )
    const one = await book('13:00', 'tom@example.test')
    expect(one.status, JSON.stringify(one.body)).toBe(201)
    expect((await book('14:00', 'TOM@example.test')).status).toBe(201)
    const third = await book('15:00', 'tom@example.test')
    expect(third.status).toBe(409)
    expect(third.body).toMatchObject({ error: 'guest_limit_reached' })
    expect((await book('15:00', 'someone.else@example.test')).status).toBe(201)
    // Desk staff are not limited.
    expect(
      (
        await cast.inA.frontDesk.client.post('/api/appointments/book', {
          service: tour,
          provider,
          startTime: '2027-05-04T15:00:00Z',
          guest: { name: 'Tom', email: 'tom@example.test' },
        })
      ).status,
    ).toBe(409) // slot taken, not the limit
    const { mail } = await confirmationOf(one.body.appointment.id)
    const token = tokenIn(mail.find((m) => m.to === 'tom@example.test' && m.subject.includes('Studio tour'))!.text)!
    expect(
      (
        await kit.q<{ h: string }>(
          sql`SELECT cancel_token_hash AS h FROM appointments WHERE id = ${one.body.appointment.id}`,
        )
      )[0].h,
    ).toBe(sha256(token))
    const cancel = await cast.anonymous.client.post(`/api/guest-bookings/cancel/${token}`)
    expect(cancel.body).toMatchObject({
      cancelled: 'appointments',
      appointment: { status: 'cancelled', cancellationReason: 'cancelled_by_guest' },
    })
    expect((await book('16:00', 'tom@example.test')).status).toBe(201) // one freed
    await settings({ guestBookingsPerEmail: 3 })
    expect((await book('17:00', 'tom@example.test')).status).toBe(201)
    expect((await book('18:00', 'tom@example.test')).body.error).toBe('guest_limit_reached')
    await settings({ guestBookingsPerEmail: 2 })
  })

  it('10 concurrent bookings of different slots with one e-mail → exactly 2', async () => {
    await settings({ publicGuestBooking: true, guestBookingsPerEmail: 2 })
    const tour = String(
      (await kit.createService(A, [provider], { title: 'Race tour', kind: 'tour', slotIntervalMinutes: 60 })).id,
    )
    await kit.createRule(A, provider, {
      weekday: 3,
      startLocal: '06:00',
      endLocal: '20:00',
      validFrom: '2027-05-05',
      validUntil: '2027-05-05',
    })
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        cast.anonymous.client.post(
          '/api/appointments/book',
          {
            service: tour,
            provider,
            startTime: `2027-05-05T${String(11 + i).padStart(2, '0')}:00:00Z`,
            guest: { name: 'Rae', email: 'rae@example.test' },
          },
          fresh(),
        ),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(2)
    expect(results.filter((r) => r.status === 409).map((r) => r.body.error)).toEqual(
      Array(8).fill('guest_limit_reached'),
    )
    const [{ n }] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM appointments WHERE service_id = ${tour} AND status = 'booked'`,
    )
    expect(n).toBe(2)
  })
})
