import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { createPerson, signIn, useTestApp } from '@/core/testing'
import { marketingTestKit } from './marketingTestKit'
import { startFakeHubspot, type FakeHubspot } from './integrations/hubspot/fakeHubspotServer'
import { fakeMailchimpServer } from './integrations/mailchimp/fakeMailchimpServer'
import { subscriberHash } from './integrations/mailchimp/mailchimpClient'
import { MAILCHIMP_RESYNC_TASK } from './integrations/mailchimp/jobs/taskSlugs'

// mkt_rest: GDPR erasure (anonymise a member / a lead) against the fake HubSpot and Mailchimp.
process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '500'

const app = useTestApp()
const API_KEY = 'c0ffeec0ffeec0ffeec0ffeec0ffee00-us21'
let hubspot: FakeHubspot
let mailchimp: Awaited<ReturnType<typeof fakeMailchimpServer>>
const kit = () => marketingTestKit(app.payload)

beforeAll(async () => {
  hubspot = await startFakeHubspot()
  mailchimp = await fakeMailchimpServer({ apiKey: API_KEY })
}, 120_000)
afterAll(async () => {
  await hubspot?.close()
  await mailchimp?.stop()
})

let counter = 0
/** A studio connected to both fakes, with an admin, a manager and another studio's owner signed in. */
const connectedStudio = async () => {
  const tenant = await kit().studio()
  counter++
  await app.payload.create({
    collection: 'integration-connections',
    data: {
      tenant,
      provider: 'hubspot',
      status: 'connected',
      config: { baseUrl: hubspot.url, portalId: String(800_000 + counter) },
      credentialsInput: { accessToken: `pat-erase-${counter}`, clientSecret: `secret-erase-${counter}` },
    },
  })
  await app.payload.create({
    collection: 'integration-connections',
    data: {
      tenant,
      provider: 'mailchimp',
      status: 'connected',
      config: { listId: `erase-${counter}`, baseUrl: mailchimp.url },
      credentialsInput: { apiKey: API_KEY },
    },
  })
  const client = async (roles: ('admin' | 'manager' | 'owner')[], t = tenant) =>
    (await signIn(app, (await createPerson(app.payload, { tenant: t, roles })).user.email)).client
  const other = await kit().studio()
  return {
    tenant,
    admin: await client(['admin']),
    manager: await client(['manager']),
    stranger: await client(['owner'], other),
  }
}

describe('anonymise a member (GDPR erasure)', () => {
  it('erases marketing’s records in one go, archives the HubSpot contact, deletes the Mailchimp contact for good; idempotent; 403/404', async () => {
    const k = kit()
    const s = await connectedStudio()
    const ana = await k.member(s.tenant, {
      consents: ['email_marketing'],
      profile: { displayName: 'Ana Erase', phone: '+15550001111' },
    })
    const email = ana.email.toLowerCase()
    // Marketing's records of her: a lead she converted from, a staff note, a notification, a browser, a message.
    const lead = await app.payload.create({
      collection: 'leads',
      data: {
        tenant: s.tenant,
        email,
        name: 'Ana Erase',
        status: 'converted',
        source: 'staff',
        convertedMember: ana.id,
        notes: 'Met at the fair',
      },
    })
    await app.payload.create({
      collection: 'member-notes',
      data: { tenant: s.tenant, member: ana.id, note: 'Knee injury, prefers mornings', visibility: 'staff' },
    })
    await app.payload.create({
      collection: 'notifications',
      data: { tenant: s.tenant, member: ana.id, title: 'Hi Ana', message: 'Your class is tomorrow' },
    })
    await k.q(sql`INSERT INTO push_subscriptions (tenant_id, member_id, endpoint, keys_p256dh, keys_auth, failures, created_at, updated_at)
                  VALUES (${s.tenant}, ${ana.id}, ${`https://push.example.test/${ana.id}`}, 'p256', 'auth', 0, now(), now())`)
    await k.q(sql`INSERT INTO message_logs (tenant_id, member_id, recipient, channel, direction, type, subject, body, status, created_at, updated_at)
                  VALUES (${s.tenant}, ${ana.id}, ${email}, 'email', 'outbound', 'marketing', 'Hi Ana', 'Dear Ana Erase', 'sent', now(), now())`)
    await k.runJobs()
    const contact = hubspot.find('contacts', 'atrium_member_id', ana.id)
    expect(contact).toBeTruthy()
    expect(mailchimp.member(email)?.status).toBe('subscribed')

    // Only the owner or an admin of her studio may; another studio's owner does not see her.
    const denied = await s.manager.post(`/api/privacy/members/${ana.id}/anonymise`, {})
    expect(denied.status).toBe(403)
    expect((await s.stranger.post(`/api/privacy/members/${ana.id}/anonymise`, {})).status).toBe(404)
    expect((await s.admin.post(`/api/privacy/members/00000000-0000-4000-8000-000000000000/anonymise`, {})).status).toBe(
      404,
    )

    const res = await s.admin.post(`/api/privacy/members/${ana.id}/anonymise`, {})
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      subject: 'member',
      status: 'anonymised',
      erased: { leads: 1, memberNotes: 1, pushSubscriptions: 1, account: true },
      remote: { hubspot: true, mailchimp: true },
    })
    expect(res.body.erased.messageLogs).toBeGreaterThanOrEqual(1)
    expect(res.body.erased.notifications).toBeGreaterThanOrEqual(1)
    const [m] = await k.q<{ status: string; anonymised_at: Date | null; name: string | null; phone: string | null }>(
      sql`SELECT status::text, anonymised_at, profile_display_name AS name, profile_phone AS phone FROM tenant_memberships WHERE id = ${ana.id}`,
    )
    expect(m).toMatchObject({ status: 'archived', name: null, phone: null })
    expect(m.anonymised_at).not.toBeNull()
    const [u] = await k.q<{ email: string; name: string | null }>(
      sql`SELECT email, name FROM users WHERE id = ${ana.user.id}`,
    )
    expect(u.email).toMatch(/^anonymised-.+@anonymised\.invalid$/)
    expect(u.name).toBeNull()
    const [l] = await k.q<{ email: string; name: string | null; notes: string | null; anonymised_at: Date | null }>(
      sql`SELECT email, name, notes, anonymised_at FROM leads WHERE id = ${lead.id}`,
    )
    expect(l.email).toBe(`anonymised-${lead.id}@anonymised.invalid`)
    expect(l).toMatchObject({ name: null, notes: null })
    const [note] = await k.q<{ note: string }>(sql`SELECT note FROM member_notes WHERE member_id = ${ana.id}`)
    expect(note.note).toBe('[erased]')
    const notifications = await k.q<{ title: string; message: string | null }>(
      sql`SELECT title, message FROM notifications WHERE member_id = ${ana.id}`,
    )
    expect(notifications.length).toBeGreaterThanOrEqual(1)
    for (const n of notifications) expect(n).toEqual({ title: '[erased]', message: null })
    const msgs = await k.q<{ recipient: string; subject: string | null; body: string | null }>(
      sql`SELECT recipient, subject, body FROM message_logs WHERE member_id = ${ana.id}`,
    )
    expect(msgs.length).toBeGreaterThanOrEqual(1)
    for (const msg of msgs) expect(msg).toEqual({ recipient: '[erased]', subject: null, body: null })
    const [{ n: browsers }] = await k.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM push_subscriptions WHERE member_id = ${ana.id}`,
    )
    expect(browsers).toBe(0)
    const audits = await k.q<{ action: string; details: string }>(
      sql`SELECT action, details FROM audit_logs WHERE resource_id = ${ana.id} AND action = 'member.anonymised'`,
    )
    expect(audits).toHaveLength(1)
    expect(JSON.stringify(audits)).not.toContain(email)

    // After commit the jobs do the remote part: HubSpot archives the contact, Mailchimp forgets the address.
    await k.runJobs()
    expect(hubspot.archived.map((a) => a.id)).toContain(contact!.id)
    expect(hubspot.find('contacts', 'atrium_member_id', ana.id)).toBeUndefined()
    expect(mailchimp.member(email)).toBeUndefined()
    expect(mailchimp.state.forgotten.has(subscriberHash(email))).toBe(true)
    const deletes = () => mailchimp.state.requests.filter((r) => r.path.endsWith('/actions/delete-permanent'))
    expect(deletes()).toHaveLength(1)

    // Idempotent: a second call changes nothing and queues nothing.
    const again = await s.admin.post(`/api/privacy/members/${ana.id}/anonymise`, {})
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ status: 'already_anonymised', erased: null, remote: null })
    await k.runJobs()
    expect(deletes()).toHaveLength(1)
    expect(
      await k.q(sql`SELECT 1 FROM audit_logs WHERE resource_id = ${ana.id} AND action = 'member.anonymised'`),
    ).toHaveLength(1)
    // The nightly resync never sends her again.
    const putsOfHer = () =>
      mailchimp.state.requests.filter((r) => r.method === 'PUT' && r.path.includes(subscriberHash(email))).length
    const before = putsOfHer()
    await app.payload.jobs.queue({ task: MAILCHIMP_RESYNC_TASK, input: { tenant: s.tenant } })
    await k.runJobs()
    expect(putsOfHer()).toBe(before)
    expect(mailchimp.member(email)).toBeUndefined()
  }, 180_000)

  it('anonymises a lead: its fields and messages, the HubSpot contact archived and the Mailchimp delete queued; 403/404', async () => {
    const k = kit()
    const s = await connectedStudio()
    const email = `lead-erase-${s.tenant.slice(0, 8)}@example.test`
    const lead = await app.payload.create({
      collection: 'leads',
      data: { tenant: s.tenant, email, name: 'Lee Erase', phone: '+15550002222', status: 'new', source: 'staff' },
    })
    await k.q(sql`INSERT INTO message_logs (tenant_id, lead_id, recipient, channel, direction, type, subject, body, status, created_at, updated_at)
                  VALUES (${s.tenant}, ${lead.id}, ${email}, 'email', 'outbound', 'transactional', 'Hi Lee', 'Dear Lee', 'sent', now(), now())`)
    await k.runJobs()
    const contact = hubspot.find('contacts', 'email', email)
    expect(contact).toBeTruthy()

    expect((await s.manager.post(`/api/privacy/leads/${lead.id}/anonymise`, {})).status).toBe(403)
    expect((await s.stranger.post(`/api/privacy/leads/${lead.id}/anonymise`, {})).status).toBe(404)
    const res = await s.admin.post(`/api/privacy/leads/${lead.id}/anonymise`, {})
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      subject: 'lead',
      status: 'anonymised',
      erased: { leads: 1, messageLogs: 1 },
      remote: { hubspot: true, mailchimp: true },
    })
    const [l] = await k.q<{ email: string; name: string | null; phone: string | null; status: string }>(
      sql`SELECT email, name, phone, status::text FROM leads WHERE id = ${lead.id}`,
    )
    expect(l).toEqual({ email: `anonymised-${lead.id}@anonymised.invalid`, name: null, phone: null, status: 'lost' })
    const [msg] = await k.q<{ recipient: string; body: string | null }>(
      sql`SELECT recipient, body FROM message_logs WHERE lead_id = ${lead.id}`,
    )
    expect(msg).toEqual({ recipient: '[erased]', body: null })
    await k.runJobs()
    expect(hubspot.archived.map((a) => a.id)).toContain(contact!.id)
    expect(hubspot.find('contacts', 'email', email)).toBeUndefined()
    // The outbox row keeps no address once HubSpot has archived the contact.
    const [row] = await k.q<{ status: string; state: unknown }>(
      sql`SELECT status::text, state FROM hubspot_outbox WHERE tenant_id = ${s.tenant} AND local_id = ${String(lead.id)}`,
    )
    expect(row.status).toBe('sent')
    expect(JSON.stringify(row.state)).not.toContain(email)
    // Mailchimp never had the lead: the delete is done with nothing to delete (404 is no error).
    expect(
      mailchimp.state.requests.filter((r) => r.path.endsWith(`${subscriberHash(email)}/actions/delete-permanent`)),
    ).toEqual([expect.objectContaining({ status: 404 })])
    const again = await s.admin.post(`/api/privacy/leads/${lead.id}/anonymise`, {})
    expect(again.body).toMatchObject({ status: 'already_anonymised' })
    expect(
      await k.q(sql`SELECT 1 FROM audit_logs WHERE resource_id = ${lead.id} AND action = 'lead.anonymised'`),
    ).toHaveLength(1)
  }, 180_000)
})
