import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type Plugin } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { emit, inTransaction, runSql, subscribe, type EventOf } from '@/core'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import { isolationGridFor } from '@/core/testing/isolationGrid'
import { localReqAs } from '@/core/testing/factories'
import { lexicalParagraphs } from '@/core/text/lexicalParagraphs'
import { readLeadBoard } from './operations/crm/readLeadBoard'
import { sendDueAnnouncements } from './operations/crm/sendDueAnnouncements'
import { upsertLead } from './operations/crm/upsertLead'

process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '500'

/** What the CRM emitted, as subscribers saw it (run in this process by `runJobs`). */
const seen = {
  created: [] as EventOf<'lead.created'>[],
  converted: [] as EventOf<'lead.converted'>[],
  published: [] as EventOf<'announcement.published'>[],
}
const probe = (): Plugin => (config) =>
  subscribe(
    config,
    { name: 'test.leadCreated', event: 'lead.created', handler: (event) => void seen.created.push(event) },
    { name: 'test.leadConverted', event: 'lead.converted', handler: (event) => void seen.converted.push(event) },
    {
      name: 'test.announcementPublished',
      event: 'announcement.published',
      handler: (event) => void seen.published.push(event),
    },
  )

const app = useTestApp({ plugins: [probe()] })
const q = <Row = Record<string, unknown>>(query: Parameters<typeof runSql>[1]) =>
  runSql<Row>({ payload: app.payload, transactionID: undefined }, query)

/** Runs the queue until no domain-event delivery is left. */
const runJobs = async () => {
  for (let i = 0; i < 10; i++) {
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE AND task_slug = 'deliverEvent'`,
    )
    if (n === 0) return
    await app.payload.jobs.run({ limit: 200 })
  }
}

let tenant: string
let form: string

beforeAll(async () => {
  const created = await createTenant(app.payload)
  tenant = String(created.id)
  const made = await app.payload.create({
    collection: 'forms',
    data: {
      tenant,
      title: 'Book a trial class',
      formType: 'trial_class',
      confirmationType: 'message',
      confirmationMessage: lexicalParagraphs('Thanks, we will call you.'),
      fields: [
        { blockType: 'text', name: 'name', label: 'Your name', required: true },
        { blockType: 'email', name: 'email', label: 'E-mail', required: true },
      ],
    },
  })
  form = String(made.id)
}, 120_000)

describe('lead capture', () => {
  it('makes one lead of 20 concurrent form submissions of one address in different cases', async () => {
    const cases = ['ana@example.test', 'ANA@example.test', 'Ana@Example.Test', 'aNa@EXAMPLE.test']
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app
          .http()
          .post(
            `/api/forms/${form}/submit`,
            { data: { name: `Ana ${i}`, email: cases[i % cases.length] } },
            { 'x-forwarded-for': `198.18.0.${i + 1}` },
          ),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    await runJobs()
    const leads = await q<{ email: string; status: string; source: string; name: string }>(
      sql`SELECT email, status::text AS status, source::text AS source, name FROM leads WHERE tenant_id = ${tenant} AND lower(email) = 'ana@example.test'`,
    )
    expect(leads).toHaveLength(1)
    expect(leads[0]).toMatchObject({ email: 'ana@example.test', status: 'new', source: 'website_form' })
    expect(leads[0].name).toMatch(/^Ana \d+$/)
    expect(seen.created.filter((e) => e.data.email === 'ana@example.test')).toHaveLength(1)
  }, 120_000)

  it('upserts under 20 concurrent transactions: one insert, the rest fill gaps and keep the status', async () => {
    const reqs = await Promise.all(Array.from({ length: 20 }, () => createLocalReq({}, app.payload)))
    const outcomes = await Promise.all(
      reqs.map((req, i) =>
        inTransaction(req, () =>
          upsertLead(req, {
            tenant,
            email: i % 2 ? 'Bo@Example.test' : 'bo@example.TEST',
            name: i === 7 ? 'Bo' : null,
            phone: i === 11 ? '555-0101' : null,
            source: 'tour',
          }),
        ),
      ),
    )
    expect(outcomes.filter((o) => o.created)).toHaveLength(1)
    expect(new Set(outcomes.map((o) => o.id)).size).toBe(1)
    const [lead] = await q<{ n: number; name: string; phone: string }>(
      sql`SELECT count(*) OVER ()::int AS n, name, phone FROM leads WHERE tenant_id = ${tenant} AND lower(email) = 'bo@example.test'`,
    )
    expect(lead).toEqual({ n: 1, name: 'Bo', phone: '555-0101' })
  }, 60_000)

  it('converts the lead when a person with its e-mail joins, once, and only in that tenant', async () => {
    const other = String((await createTenant(app.payload)).id)
    for (const t of [tenant, other]) {
      const req = await createLocalReq({}, app.payload)
      await inTransaction(req, () => upsertLead(req, { tenant: t, email: 'Cy@Example.test', source: 'walk_in' }))
    }
    const { membership } = await createPerson(app.payload, { tenant, email: 'cy@example.test' })
    await runJobs()
    const rows = await q<{ tenant: string; status: string; member: string | null; converted_at: Date | null }>(
      sql`SELECT tenant_id AS tenant, status::text AS status, converted_member_id AS member, converted_at FROM leads WHERE email = 'cy@example.test'`,
    )
    expect(rows.find((r) => r.tenant === tenant)).toMatchObject({ status: 'converted', member: membership!.id })
    expect(rows.find((r) => r.tenant === tenant)?.converted_at).toBeTruthy()
    expect(rows.find((r) => r.tenant === other)).toMatchObject({ status: 'new', member: null })
    expect(seen.converted.filter((e) => e.data.email === 'cy@example.test')).toEqual([
      expect.objectContaining({
        tenant,
        data: { lead: expect.any(String), email: 'cy@example.test', member: membership!.id },
      }),
    ])
    // joining another tenant later converts that tenant's lead; the first stays as it was
    await createPerson(app.payload, { tenant: other, email: 'cy2@example.test' })
    await runJobs()
    expect(seen.converted.filter((e) => e.data.email === 'cy@example.test')).toHaveLength(1)
  }, 60_000)

  it('captures guests who RSVP or book (a tour as a tour), but not members of the tenant booking signed out', async () => {
    const { user } = await createPerson(app.payload, { tenant, email: 'already.member@example.test' })
    expect(user).toBeTruthy()
    const ids = { event: crypto.randomUUID(), service: crypto.randomUUID(), provider: crypto.randomUUID() }
    const startTime = new Date(Date.now() + 86_400_000).toISOString()
    const contact = (email: string) => ({ email, name: 'Guest Person', phone: '+15550100' })
    const req = await createLocalReq({}, app.payload)
    await inTransaction(req, async () => {
      const rsvp = {
        event: ids.event,
        member: null,
        guest: true,
        guests: 0,
        paymentMethod: null,
        startTime,
        waitlistPosition: null,
      }
      await emit(req, {
        type: 'event.rsvp_created',
        tenant,
        data: { ...rsvp, guestContact: contact('Rsvp.Guest@Example.test') },
      })
      await emit(req, {
        type: 'event.rsvp_created',
        tenant,
        data: { ...rsvp, guestContact: contact('already.member@example.test') },
      })
      const booked = {
        ...ids,
        member: null,
        guest: true,
        startTime,
        endTime: startTime,
        paymentMethod: null,
        capacity: 1,
      }
      await emit(req, {
        type: 'appointment.booked',
        tenant,
        data: { ...booked, serviceKind: 'tour', guestContact: contact('tour.guest@example.test') },
      })
      await emit(req, {
        type: 'appointment.booked',
        tenant,
        data: { ...booked, serviceKind: 'consultation', guestContact: contact('intro.guest@example.test') },
      })
      // a member's own booking carries no guest contact and makes no lead
      await emit(req, { type: 'appointment.booked', tenant, data: { ...booked, guest: false, serviceKind: 'tour' } })
    })
    await runJobs()
    const rows = await q<{ email: string; source: string; name: string | null; phone: string | null }>(
      sql`SELECT email, source::text AS source, name, phone FROM leads WHERE tenant_id = ${tenant}
            AND email IN ('rsvp.guest@example.test', 'already.member@example.test', 'tour.guest@example.test', 'intro.guest@example.test')
          ORDER BY email`,
    )
    expect(rows).toEqual([
      { email: 'intro.guest@example.test', source: 'guest_booking', name: 'Guest Person', phone: '+15550100' },
      { email: 'rsvp.guest@example.test', source: 'event_rsvp', name: 'Guest Person', phone: '+15550100' },
      { email: 'tour.guest@example.test', source: 'tour', name: 'Guest Person', phone: '+15550100' },
    ])
  }, 60_000)
})

describe('member notes', () => {
  it('hides notes from their member, shows instructors only theirs, and lets only the author or a manager edit', async () => {
    const people = {
      deskA: await createPerson(app.payload, { tenant, roles: ['front_desk'] }),
      deskB: await createPerson(app.payload, { tenant, roles: ['front_desk'] }),
      manager: await createPerson(app.payload, { tenant, roles: ['manager'] }),
      instructor: await createPerson(app.payload, { tenant, roles: ['instructor'] }),
      member: await createPerson(app.payload, { tenant }),
    }
    const as = Object.fromEntries(
      await Promise.all(Object.entries(people).map(async ([k, p]) => [k, (await signIn(app, p.user.email)).client])),
    ) as Record<keyof typeof people, ReturnType<typeof app.http>>
    const member = people.member.membership!.id
    const staffNote = await as.deskA.post('/api/member-notes', {
      tenant,
      member,
      note: 'Owes a waiver.',
      visibility: 'staff',
    })
    expect(staffNote.status, JSON.stringify(staffNote.body)).toBe(201)
    expect(staffNote.body.doc.author).toMatchObject({ id: people.deskA.membership!.id })
    const sharedNote = await as.deskA.post('/api/member-notes', {
      tenant,
      member,
      note: 'Left knee: no deep lunges.',
      visibility: 'instructors',
      pinned: true,
    })
    expect(sharedNote.status).toBe(201)
    const ids = { staff: staffNote.body.doc.id as string, shared: sharedNote.body.doc.id as string }

    // the member: nothing, by list, by id, through GraphQL, or through their own member page's join
    expect((await as.member.get('/api/member-notes')).body.docs ?? []).toEqual([])
    expect([403, 404]).toContain((await as.member.get(`/api/member-notes/${ids.staff}`)).status)
    const gql = await as.member.graphql(`{ MemberNotes { docs { id note } } }`)
    expect(gql.body.data?.MemberNotes?.docs ?? []).toEqual([])
    const gqlOne = await as.member.graphql(`query($id: String!) { MemberNote(id: $id) { id note } }`, {
      id: ids.shared,
    })
    expect(gqlOne.body.data?.MemberNote ?? null).toBeNull()
    const page = await as.member.get(`/api/tenant-memberships/${member}?depth=1`)
    expect(page.body.staffNotes?.docs ?? []).toEqual([])

    // an instructor reads only the note shared with instructors, and cannot write a staff-only note
    const seenByInstructor = await as.instructor.get(`/api/member-notes?where[member][equals]=${member}`)
    expect(seenByInstructor.body.docs.map((d: { id: string }) => d.id)).toEqual([ids.shared])
    expect([403, 404]).toContain((await as.instructor.get(`/api/member-notes/${ids.staff}`)).status)
    expect(
      (await as.instructor.post('/api/member-notes', { tenant, member, note: 'x', visibility: 'staff' })).status,
    ).toBe(403)

    // desk staff read both; the member page (join) shows them to staff
    const seenByDesk = await as.deskB.get(`/api/member-notes?where[member][equals]=${member}`)
    expect(seenByDesk.body.docs.map((d: { id: string }) => d.id).sort()).toEqual([ids.staff, ids.shared].sort())
    const staffPage = await as.deskB.get(`/api/tenant-memberships/${member}?depth=1`)
    expect(staffPage.body.staffNotes.docs).toHaveLength(2)

    // another desk clerk cannot edit or delete someone else's note; the author and a manager can
    const denied = await as.deskB.patch(`/api/member-notes/${ids.staff}`, { note: 'Rewritten by B' })
    expect([403, 404]).toContain(denied.status)
    expect([403, 404]).toContain((await as.deskB.delete(`/api/member-notes/${ids.staff}`)).status)
    const [still] = await q<{ note: string; deleted_at: Date | null }>(
      sql`SELECT note, deleted_at FROM member_notes WHERE id = ${ids.staff}`,
    )
    expect(still).toEqual({ note: 'Owes a waiver.', deleted_at: null })
    expect((await as.deskA.patch(`/api/member-notes/${ids.staff}`, { note: 'Waiver signed.' })).status).toBe(200)
    const byManager = await as.manager.patch(`/api/member-notes/${ids.staff}`, {
      note: 'Checked.',
      author: people.manager.membership!.id,
    })
    expect(byManager.status).toBe(200)
    expect(byManager.body.doc.author).toMatchObject({ id: people.deskA.membership!.id })
  }, 120_000)
})

describe('deals', () => {
  it('keeps one deal per HubSpot id per tenant and needs a member or a lead', async () => {
    const { membership } = await createPerson(app.payload, { tenant })
    const make = (hubspotDealId: string) =>
      app.payload.create({
        collection: 'deals',
        data: {
          tenant,
          name: 'Annual',
          stage: 'qualified',
          member: membership!.id,
          amount: { amount: 120000, currency: 'USD' },
          hubspotDealId,
        },
      })
    await make('hs-1')
    await expect(make('hs-1')).rejects.toThrow()
    await expect(
      app.payload.create({ collection: 'deals', data: { tenant, name: 'Nobody', stage: 'qualified' } }),
    ).rejects.toThrow(/member or a lead/)
  })
})

describe('announcements', () => {
  it('sends a scheduled announcement exactly once under concurrent job runs', async () => {
    const created = await app.payload.create({
      collection: 'announcements',
      data: {
        tenant,
        title: 'New timetable',
        body: 'From Monday.',
        status: 'scheduled',
        priority: 'normal',
        scheduledAt: new Date(Date.now() - 1000).toISOString(),
        showAsBanner: true,
      },
    })
    const reqs = await Promise.all(Array.from({ length: 10 }, () => createLocalReq({}, app.payload)))
    const runs = await Promise.all(reqs.map((req) => inTransaction(req, () => sendDueAnnouncements(req))))
    expect(runs.flat().filter((id) => id === created.id)).toHaveLength(1)
    await runJobs()
    expect(seen.published.filter((e) => e.data.announcement === created.id)).toHaveLength(1)
    const [row] = await q<{ status: string; sent_at: Date | null }>(
      sql`SELECT status::text AS status, sent_at FROM announcements WHERE id = ${created.id}`,
    )
    expect(row.status).toBe('sent')
    expect(row.sent_at).toBeTruthy()
  })

  it('shows a current banner until a member dismisses it, for that member only', async () => {
    const t = await createTenant(app.payload)
    const tid = String(t.id)
    const banner = await app.payload.create({
      collection: 'announcements',
      data: {
        tenant: tid,
        title: 'Pool closed',
        body: 'Until Friday.',
        status: 'scheduled',
        priority: 'normal',
        showAsBanner: true,
      },
    })
    const later = await app.payload.create({
      collection: 'announcements',
      data: {
        tenant: tid,
        title: 'Later',
        body: 'Not yet.',
        status: 'scheduled',
        priority: 'normal',
        showAsBanner: true,
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    })
    const req = await createLocalReq({}, app.payload)
    await inTransaction(req, () => sendDueAnnouncements(req))
    const one = await createPerson(app.payload, { tenant: tid })
    const two = await createPerson(app.payload, { tenant: tid })
    const outsider = await createPerson(app.payload, { tenant })
    const c1 = (await signIn(app, one.user.email)).client
    const c2 = (await signIn(app, two.user.email)).client
    const cOut = (await signIn(app, outsider.user.email)).client
    const ids = async (client: ReturnType<typeof app.http>) => {
      const res = await client.get(`/api/announcements/banners?tenant=${t.slug}`)
      expect(res.status).toBe(200)
      return (res.body.banners as { id: string }[]).map((b) => b.id)
    }
    expect(await ids(c1)).toEqual([banner.id])
    expect(await ids(c1)).not.toContain(later.id)
    expect((await c1.post(`/api/announcements/${banner.id}/dismiss`)).body).toEqual({
      announcement: banner.id,
      dismissed: true,
    })
    expect((await c1.post(`/api/announcements/${banner.id}/dismiss`)).status).toBe(200)
    expect(await ids(c1)).toEqual([])
    expect(await ids(c2)).toEqual([banner.id])
    const anonymous = await app.http().get(`/api/announcements/banners?tenant=${tid}`)
    expect(anonymous.body).toMatchObject({
      canDismiss: false,
      banners: [expect.objectContaining({ title: 'Pool closed' })],
    })
    expect((await app.http().post(`/api/announcements/${banner.id}/dismiss`)).status).toBe(401)
    expect((await cOut.post(`/api/announcements/${banner.id}/dismiss`)).status).toBe(403)
    expect((await c1.post(`/api/announcements/${later.id}/dismiss`)).status).toBe(200)
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notice_dismissals WHERE announcement_id = ${banner.id}`,
    )
    expect(n).toBe(1)
    expect((await app.http().get('/api/announcements/banners?tenant=no-such-tenant')).status).toBe(404)
  }, 60_000)

  it('refuses marking an announcement sent through the API', async () => {
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const client = (await signIn(app, user.email)).client
    const res = await client.post('/api/announcements', { tenant, title: 'x', body: 'y', status: 'sent' })
    expect(res.status).toBe(400)
  })

  it('announces a closure with a banner until it ends, once', async () => {
    const start = Date.now() + 2 * 86_400_000
    const closure = await app.payload.create({
      collection: 'closures',
      data: {
        tenant,
        reason: 'Floor repairs',
        startAt: new Date(start).toISOString(),
        endAt: new Date(start + 3_600_000).toISOString(),
      },
    })
    await runJobs()
    const rows = await q<{ status: string; show_as_banner: boolean; ends_at: Date; notice_type: string }>(
      sql`SELECT status::text AS status, show_as_banner, ends_at, notice_type::text AS notice_type FROM announcements WHERE source_collection = 'closures' AND source_id = ${String(closure.id)}`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'sent', show_as_banner: true, notice_type: 'closure' })
    expect(new Date(rows[0].ends_at).getTime()).toBe(start + 3_600_000)
    expect(seen.published.filter((e) => e.data.title === 'We are closed')).toHaveLength(1)
  }, 60_000)
})

describe('lead board', () => {
  it('counts leads per status with the viewer’s access, and moves one through REST for desk staff only', async () => {
    const t = String((await createTenant(app.payload)).id)
    const desk = await createPerson(app.payload, { tenant: t, roles: ['front_desk'] })
    const instructor = await createPerson(app.payload, { tenant: t, roles: ['instructor'] })
    for (const [i, status] of (['new', 'new', 'contacted', 'trial'] as const).entries())
      await app.payload.create({
        collection: 'leads',
        data: { tenant: t, email: `board${i}@example.test`, status, source: 'walk_in', owner: desk.membership!.id },
      })
    const counts = async (userId: string | number) => {
      const board = await readLeadBoard(await localReqAs(app.payload, String(userId)), t)
      return Object.fromEntries(board.columns.map((c) => [c.status, c.count]))
    }
    expect(await counts(desk.user.id)).toEqual({ new: 2, contacted: 1, qualified: 0, trial: 1, converted: 0, lost: 0 })
    await expect(counts(instructor.user.id)).rejects.toThrow(/not allowed/)
    const board = await readLeadBoard(await localReqAs(app.payload, String(desk.user.id)), t)
    const lead = board.columns[0].leads[0]
    const asDesk = (await signIn(app, desk.user.email)).client
    const asInstructor = (await signIn(app, instructor.user.email)).client
    expect([403, 404]).toContain((await asInstructor.patch(`/api/leads/${lead.id}`, { status: 'lost' })).status)
    const moved = await asDesk.patch(`/api/leads/${lead.id}`, { status: 'qualified' })
    expect(moved.status).toBe(200)
    expect((await asDesk.patch(`/api/leads/${lead.id}`, { status: 'nowhere' })).status).toBe(400)
    expect(await counts(desk.user.id)).toMatchObject({ new: 1, qualified: 1 })
  }, 60_000)
})

describe('isolation of the CRM’s collections', () => {
  it('leaks nothing of tenant B to visitors or tenant A, through REST, GraphQL and the Local API', async () => {
    const slugs = ['leads', 'member-notes', 'deals', 'announcements', 'notice-dismissals']
    const { result } = await isolationGridFor(app, slugs)
    expect(new Set(result.map((c) => c.collection))).toEqual(new Set(slugs))
    expect(result.filter((c) => !c.ok)).toEqual([])
  }, 300_000)
})
