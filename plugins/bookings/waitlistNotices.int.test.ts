import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

const app = useTestApp()
let kit: ReturnType<typeof bookingsTestKit>
let plain: string
let claiming: string
let desk: HttpClient
let claimDesk: HttpClient

type Job = { id: string; ref: string; kind: string; collection: string }
/** The queued waitlist-notice jobs naming any of `ids`. */
const noticeJobs = async (ids: string[]) =>
  kit.q<Job>(sql`SELECT id, input->>'id' AS ref, input->>'kind' AS kind, input->>'collection' AS collection FROM payload_jobs
                 WHERE task_slug = 'sendWaitlistNotice' AND completed_at IS NULL AND input->>'id' = ANY(${`{${ids.join(',')}}`}::text[]) ORDER BY created_at`)
/** Runs the jobs (the jobs runner does this after commit) and answers the mails written to any of `to` (file adapter, DATA_DIR/mail). */
const deliver = async (jobs: Job[], to: string[]) => {
  for (const job of jobs) await app.payload.jobs.runByID({ id: job.id as never })
  const dir = path.join(process.env.DATA_DIR!, 'mail')
  const mails = await Promise.all(
    (await readdir(dir)).map(
      async (f) =>
        JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { to: string; subject: string; text: string },
    ),
  )
  return mails.filter((m) => to.includes(m.to))
}
/** The members' sign-in e-mails, in the order given. */
const emailsOf = async (members: string[]) =>
  Promise.all(
    members.map(
      async (member) =>
        (
          await kit.q<{ email: string }>(
            sql`SELECT u.email FROM tenant_memberships m JOIN users u ON u.id = m.user_id WHERE m.id = ${member}`,
          )
        )[0].email,
    ),
  )
const statusesOf = async (ids: string[]) =>
  (
    await kit.q<{ id: string; status: string }>(
      sql`SELECT id, status FROM bookings WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
    )
  ).reduce<Record<string, string>>((acc, r) => ({ ...acc, [String(r.id)]: r.status }), {})

beforeAll(async () => {
  kit = bookingsTestKit(app.payload)
  plain = String((await createTenant(app.payload)).id)
  claiming = String((await createTenant(app.payload)).id)
  desk = (await signIn(app, (await createPerson(app.payload, { tenant: plain, roles: ['front_desk'] })).user.email))
    .client
  claimDesk = (
    await signIn(app, (await createPerson(app.payload, { tenant: claiming, roles: ['front_desk'] })).user.email)
  ).client
  await app.payload.update({
    collection: 'tenant-settings',
    where: { tenant: { equals: claiming } },
    data: { bookings: { claimWindowMinutes: 30 } } as never,
  })
})

describe('waitlist notices (mail through the jobs queue)', () => {
  it('5 concurrent class cancels: exactly one mail job per promoted booking, none for those still waiting; each promoted member gets one mail', async () => {
    const klass = await kit.createClass(plain, { title: 'Power flow', capacity: 5, waitlistCapacity: 10 })
    const members = await kit.createMembers(plain, 12)
    const booked: string[] = []
    for (const member of members)
      booked.push((await desk.post(`/api/classes/${klass.id}/book`, { member })).body.booking.id)
    expect(await noticeJobs(booked)).toEqual([])

    const cancels = await Promise.all(booked.slice(0, 5).map((id) => desk.post(`/api/bookings/${id}/cancel`)))
    expect(cancels.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    const firstInLine = booked.slice(5, 10)
    const statuses = await statusesOf(booked.slice(5))
    expect(
      booked
        .slice(5)
        .filter((id) => statuses[id] === 'confirmed')
        .sort(),
    ).toEqual([...firstInLine].sort())
    const jobs = await noticeJobs(booked)
    expect(jobs.map((j) => j.ref).sort()).toEqual([...firstInLine].sort())
    expect(new Set(jobs.map((j) => `${j.collection} ${j.kind}`))).toEqual(new Set(['bookings promoted']))

    const promotedEmails = await emailsOf(members.slice(5, 10))
    const waitingEmails = await emailsOf(members.slice(10))
    const mails = await deliver(jobs, [...promotedEmails, ...waitingEmails])
    expect(mails.map((m) => m.to).sort()).toEqual([...promotedEmails].sort())
    expect(mails[0].subject).toContain('you are in Power flow')
    expect(mails[0].text).toContain('moved up from the waitlist')
    expect(await noticeJobs(booked)).toEqual([])
  })

  it('concurrent RSVP cancels: one mail job per promoted RSVP, members and e-mail-only guests alike; the guest mail carries the cancel link', async () => {
    const event = await kit.createEvent(plain, { title: 'Garden party', capacity: 4, waitlistCapacity: 10 })
    const members = await kit.createMembers(plain, 7)
    const going: string[] = []
    for (const member of members.slice(0, 4))
      going.push((await desk.post(`/api/events/${event.id}/rsvp`, { member })).body.rsvp.id)
    const line: string[] = []
    line.push((await desk.post(`/api/events/${event.id}/rsvp`, { member: members[4] })).body.rsvp.id)
    const guest = await desk.post(`/api/events/${event.id}/rsvp`, {
      guest: { name: 'Gail Guest', email: `gail-${Date.now()}@example.test` },
    })
    expect(guest.body.rsvp).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    line.push(guest.body.rsvp.id)
    for (const member of members.slice(5))
      line.push((await desk.post(`/api/events/${event.id}/rsvp`, { member })).body.rsvp.id)

    const cancels = await Promise.all(going.slice(0, 3).map((id) => desk.post(`/api/event-rsvps/${id}/cancel`)))
    expect(cancels.map((r) => r.status)).toEqual([200, 200, 200])
    expect(cancels.flatMap((r) => r.body.promoted).sort()).toEqual(line.slice(0, 3).sort())
    const jobs = await noticeJobs([...going, ...line])
    expect(jobs.map((j) => j.ref).sort()).toEqual(line.slice(0, 3).sort())
    expect(new Set(jobs.map((j) => `${j.collection} ${j.kind}`))).toEqual(new Set(['event-rsvps promoted']))

    const memberEmails = await emailsOf([members[4], members[5], members[6]])
    const guestEmail = guest.body.rsvp.guest.email as string
    const mails = await deliver(jobs, [...memberEmails, guestEmail])
    expect(mails.map((m) => m.to).sort()).toEqual([memberEmails[0], memberEmails[1], guestEmail].sort())
    const guestMail = mails.find((m) => m.to === guestEmail)!
    expect(guestMail.subject).toContain('you are going to Garden party')
    expect(guestMail.text).toMatch(/\/api\/guest-bookings\/cancel\/[A-Za-z0-9_-]{43}/)
    expect(mails.find((m) => m.to !== guestEmail)!.text).not.toContain('/api/guest-bookings/cancel/')
  })

  it('with a claim window: each offer gets one mail job; a lapsed offer passes on with its own; a job for an offer claimed meanwhile sends nothing', async () => {
    const klass = await kit.createClass(claiming, { title: 'Spin', capacity: 2, waitlistCapacity: 5 })
    const members = await kit.createMembers(claiming, 5)
    const booked: string[] = []
    for (const member of members)
      booked.push((await claimDesk.post(`/api/classes/${klass.id}/book`, { member })).body.booking.id)
    const [, , w1, w2, w3] = booked
    const cancels = await Promise.all(booked.slice(0, 2).map((id) => claimDesk.post(`/api/bookings/${id}/cancel`)))
    expect(cancels.map((r) => r.status)).toEqual([200, 200])
    expect(await statusesOf([w1, w2, w3])).toEqual({ [w1]: 'offered', [w2]: 'offered', [w3]: 'waitlisted' })
    const offers = await noticeJobs(booked)
    expect(offers.map((j) => `${j.ref} ${j.kind}`).sort()).toEqual([`${w1} offered`, `${w2} offered`].sort())

    // w1 claims before its mail leaves: the job finds nothing to offer and sends nothing.
    expect((await claimDesk.post(`/api/bookings/${w1}/claim`)).status).toBe(200)
    const [e1, e2, e3] = await emailsOf(members.slice(2))
    const first = await deliver(offers, [e1, e2, e3])
    expect(first.map((m) => m.to)).toEqual([e2])
    expect(first[0].subject).toContain('a place in Spin is yours to claim')

    // w2's offer lapses: the expiry job passes the place to w3, whose offer gets exactly one job.
    await kit.q(sql`UPDATE bookings SET offer_expires_at = now() - interval '1 second' WHERE id = ${w2}`)
    await app.payload.jobs.queue({ task: 'expireWaitlistOffers' as never, input: {} as never })
    await app.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'expireWaitlistOffers' } } as never })
    expect(await statusesOf([w2, w3])).toEqual({ [w2]: 'cancelled', [w3]: 'offered' })
    const passed = await noticeJobs(booked)
    expect(passed.map((j) => `${j.ref} ${j.kind}`)).toEqual([`${w3} offered`])
    expect((await deliver(passed, [e1, e2, e3])).filter((m) => m.to === e3)).toHaveLength(1)
  })
})
