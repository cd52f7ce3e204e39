import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, localDate } from '@/core'
import { createPerson, signIn, useTestApp } from '@/core/testing'
import { marketingTestKit } from './marketingTestKit'
import { nextAllowedSend } from './operations/messaging/quietHours'
import { sendAutomationStep } from './operations/messaging/sendAutomationStep'
import { logSmsAdapter } from './channels/sms/logSmsAdapter'

const app = useTestApp()
const kit = () => marketingTestKit(app.payload)

const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = ''
    req.on('data', (c) => (data += c))
    req.on('end', () => resolve(data))
  })

describe('enrolment', () => {
  it('50 concurrent deliveries of the same trigger enrol once and send one message', async () => {
    const { studio, automation, member, q, runJobs, enrolments, messageLogs, mailTo } = kit()
    const tenant = await studio()
    await automation(tenant, {
      purpose: 'transactional',
      steps: [{ channel: 'email', subject: 'Welcome {{firstName}}', body: 'Glad to have you at {{studioName}}.' }],
    })
    const m = await member(tenant)
    const [job] = await q<{ input: Record<string, unknown> }>(
      sql`SELECT input FROM payload_jobs WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = 'marketing.automations.member.created'
            AND input->'event'->'subject'->>'id' = ${m.id}`,
    )
    expect(job).toBeDefined()
    for (let i = 0; i < 49; i++)
      await app.payload.jobs.queue({ task: 'deliverEvent' as never, input: job.input as never })
    // One runner call runs the 50 deliveries at once (Promise.all over the batch).
    await app.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'deliverEvent' } } as never })
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = 'marketing.automations.member.created'
            AND input->'event'->'subject'->>'id' = ${m.id}`,
    )
    expect(n).toBe(0) // every delivery ran and succeeded (completed jobs are deleted; failed ones stay)
    expect(await enrolments(m.id)).toHaveLength(1)
    await runJobs()
    const logs = await messageLogs(m.id)
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatchObject({ channel: 'email', status: 'sent', type: 'transactional' })
    const mails = await mailTo(m.email)
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toMatch(/^Welcome /)
    expect((await enrolments(m.id))[0].status).toBe('sent')
  })

  it('re-checks the member at send time: a member frozen before the step gets nothing', async () => {
    const { studio, automation, member, runJobs, enrolments, messageLogs, q } = kit()
    const tenant = await studio()
    await automation(tenant, {
      purpose: 'transactional',
      triggerCondition: { all: [{ field: 'member.status', op: 'eq', value: 'active' }] },
      steps: [{ channel: 'in_app', subject: 'Hello', body: 'Hello' }],
    })
    const m = await member(tenant)
    await app.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'deliverEvent' } } as never })
    expect(await enrolments(m.id)).toHaveLength(1)
    await q(sql`UPDATE tenant_memberships SET status = 'frozen' WHERE id = ${m.id}`)
    await runJobs()
    expect(await messageLogs(m.id)).toHaveLength(0)
    const [log] = await q<{ status: string; result: string }>(
      sql`SELECT status::text, result FROM automation_logs WHERE member_id = ${m.id}`,
    )
    expect(log).toEqual({ status: 'skipped', result: 'member_inactive' })
  })

  it('refuses a malformed condition with a specific 400', async () => {
    const { studio } = kit()
    const tenant = await studio()
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const { client } = await signIn(app, user.email)
    const res = await client.post('/api/automations', {
      tenant,
      name: 'Bad',
      triggerEvent: 'member.created',
      triggerCondition: { all: [{ field: 'member.password', op: 'eq', value: 'x' }] },
      steps: [{ channel: 'email', body: 'x', delayMinutes: 0 }],
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/member.status, member.tags or event/)
  })
})

describe('sending rules', () => {
  it('defers a marketing send in quiet hours to 08:00 next in the member’s zone', async () => {
    const { studio, automation, member, runJobs, messageLogs, q } = kit()
    const tenant = await studio({ quiet: true })
    // A zone where it is 23:xx now (fixed offsets: Etc/GMT-5 is UTC+5).
    const offset = (((23 - new Date().getUTCHours()) % 24) + 24) % 24
    const h = offset > 12 ? offset - 24 : offset
    const zone = h === 0 ? 'Etc/GMT' : `Etc/GMT${h > 0 ? '-' : '+'}${Math.abs(h)}`
    await automation(tenant, { steps: [{ channel: 'in_app', subject: 'Hi', body: 'Evening news' }] })
    const m = await member(tenant, { profile: { timezone: zone } })
    await runJobs()
    expect(await messageLogs(m.id)).toHaveLength(0)
    const [log] = await kit().enrolments(m.id)
    const [deferred] = await q<{ wait_until: Date }>(
      sql`SELECT wait_until FROM payload_jobs WHERE task_slug = 'sendAutomationStep' AND input->>'automationLog' = ${log.id}
            AND completed_at IS NULL`,
    )
    expect(deferred).toBeDefined()
    const expected = nextAllowedSend(new Date(), zone, { start: '21:00', end: '08:00' })
    expect(new Date(deferred.wait_until).toISOString()).toBe(expected.toISOString())
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(
      new Date(deferred.wait_until),
    )
    expect(local).toBe('08:00')
  })

  it('a revoked consent blocks a marketing email but not a transactional one', async () => {
    const { studio, automation, member, runJobs, messageLogs, mailTo } = kit()
    const tenant = await studio()
    await automation(tenant, { name: 'Promo', steps: [{ channel: 'email', subject: 'Promo', body: 'Buy now' }] })
    await automation(tenant, {
      name: 'Receipt',
      purpose: 'transactional',
      steps: [{ channel: 'email', subject: 'Your account', body: 'Account details' }],
    })
    const m = await member(tenant, { consents: ['email_marketing'] })
    const consent = await app.payload.find({ collection: 'consents', where: { member: { equals: m.id } } })
    await app.payload.update({
      collection: 'consents',
      id: consent.docs[0].id,
      data: { revokedAt: new Date().toISOString() },
    })
    await runJobs()
    const logs = await messageLogs(m.id)
    expect(logs.map((l) => [l.subject, l.status, l.reason]).sort()).toEqual([
      ['Promo', 'skipped', 'no_consent'],
      ['Your account', 'sent', null],
    ])
    expect((await mailTo(m.email)).map((mail) => mail.subject)).toEqual(['Your account'])
  })

  it('caps marketing messages per member in a rolling 7 days', async () => {
    const { studio, automation, member, runJobs, messageLogs } = kit()
    const tenant = await studio()
    await app.payload.update({
      collection: 'tenant-settings',
      where: { tenant: { equals: tenant } },
      data: { marketing: { frequencyCap: 2 } },
    })
    await automation(tenant, {
      steps: [
        { channel: 'in_app', subject: 'One', body: '1' },
        { channel: 'in_app', subject: 'Two', body: '2' },
        { channel: 'in_app', subject: 'Three', body: '3' },
      ],
    })
    const m = await member(tenant)
    await runJobs()
    expect((await messageLogs(m.id)).map((l) => `${l.subject}:${l.status}:${l.reason ?? ''}`)).toEqual([
      'One:sent:',
      'Two:sent:',
      'Three:skipped:frequency_cap',
    ])
  })

  it('sends SMS through a Twilio-compatible API and logs the provider’s sid', async () => {
    const received: { url: string; auth: string; form: URLSearchParams }[] = []
    const server: Server = createServer(async (req, res) => {
      const form = new URLSearchParams(await bodyOf(req))
      received.push({ url: req.url ?? '', auth: req.headers.authorization ?? '', form })
      res.writeHead(201, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ sid: `SM${received.length}abc`, status: 'queued' }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const env = { ...process.env }
    Object.assign(process.env, {
      SMS_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      SMS_ACCOUNT_SID: 'AC123',
      SMS_AUTH_TOKEN: 'secret-token',
      SMS_FROM: '+15550001111',
    })
    try {
      const { studio, automation, member, runJobs, messageLogs } = kit()
      const tenant = await studio()
      await automation(tenant, { steps: [{ channel: 'sms', body: 'Hi {{firstName}}, see you soon' }] })
      const m = await member(tenant, {
        consents: ['sms'],
        profile: { phone: '+15552223333', displayName: 'Ada Lovelace' },
      })
      await runJobs()
      expect(received).toHaveLength(1)
      expect(received[0].url).toBe('/2010-04-01/Accounts/AC123/Messages.json')
      expect(received[0].auth).toBe(`Basic ${Buffer.from('AC123:secret-token').toString('base64')}`)
      expect(Object.fromEntries(received[0].form)).toEqual({
        To: '+15552223333',
        From: '+15550001111',
        Body: 'Hi Ada, see you soon',
      })
      const [log] = await messageLogs(m.id)
      expect(log).toMatchObject({ channel: 'sms', status: 'sent', provider: 'twilio', provider_message_id: 'SM1abc' })
    } finally {
      for (const key of ['SMS_API_URL', 'SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM']) {
        if (env[key] === undefined) delete process.env[key]
        else process.env[key] = env[key]
      }
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('a refused SMS is logged as failed with the provider’s message and counted on the enrolment', async () => {
    const server: Server = createServer(async (req, res) => {
      await bodyOf(req)
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ code: 21211, message: "The 'To' number is not a valid phone number." }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { studio, automation, member, messageLogs, enrolments, q } = kit()
    const tenant = await studio()
    await automation(tenant, {
      purpose: 'transactional',
      steps: [{ channel: 'sms', body: 'Your class moved' }],
    })
    const env = { ...process.env }
    Object.assign(process.env, {
      SMS_API_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      SMS_ACCOUNT_SID: 'AC123',
      SMS_AUTH_TOKEN: 'secret-token',
      SMS_FROM: '+15550001111',
    })
    try {
      const m = await member(tenant, { profile: { phone: '+1555' } })
      await app.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'deliverEvent' } } as never })
      await app.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'sendAutomationStep' } } as never })
      const [log] = await messageLogs(m.id)
      expect(log).toMatchObject({ channel: 'sms', status: 'failed' })
      const [row] = await q<{ error_message: string }>(sql`SELECT error_message FROM message_logs WHERE id = ${log.id}`)
      expect(row.error_message).toBe("SMS provider answered 400: The 'To' number is not a valid phone number.")
      const [enrolment] = await enrolments(m.id)
      const [counted] = await q<{ retry_count: number }>(
        sql`SELECT retry_count::int AS retry_count FROM automation_logs WHERE id = ${enrolment.id}`,
      )
      expect(counted.retry_count).toBe(1)
    } finally {
      for (const key of ['SMS_API_URL', 'SMS_ACCOUNT_SID', 'SMS_AUTH_TOKEN', 'SMS_FROM']) {
        if (env[key] === undefined) delete process.env[key]
        else process.env[key] = env[key]
      }
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('one-click unsubscribe (RFC 8058 headers) revokes the email_marketing consent', async () => {
    const { studio, automation, member, runJobs, mailTo, q } = kit()
    const tenant = await studio()
    await automation(tenant, { steps: [{ channel: 'email', subject: 'News', body: 'Our news' }] })
    const m = await member(tenant, { consents: ['email_marketing'] })
    await runJobs()
    const [mail] = await mailTo(m.email)
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const link = /^<(.+)>$/.exec(mail.headers?.['List-Unsubscribe'] ?? '')?.[1]
    expect(link).toBeDefined()
    const url = new URL(link!)
    expect(mail.text).toContain(url.search)
    const forged = await fetch(
      `${app.baseUrl}${url.pathname}?token=${encodeURIComponent(`${Buffer.from(m.id).toString('base64url')}.AAAA`)}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      },
    )
    expect(forged.status).toBe(400)
    const res = await fetch(`${app.baseUrl}${url.pathname}${url.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ unsubscribed: true, revoked: 1 })
    const rows = await q<{ revoked_at: Date | null }>(sql`SELECT revoked_at FROM consents WHERE member_id = ${m.id}`)
    expect(rows).toHaveLength(1)
    expect(rows[0].revoked_at).not.toBeNull()
    const page = await fetch(`${app.baseUrl}${url.pathname}${url.search}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<form method="post"')
  })
})

describe('notifications', () => {
  it('a member reads and marks only their own notifications, and only readAt', async () => {
    const { studio, automation, member, runJobs } = kit()
    const tenant = await studio()
    await automation(tenant, {
      purpose: 'transactional',
      steps: [{ channel: 'in_app', subject: 'Welcome', body: 'Hello {{firstName}}' }],
    })
    const a = await member(tenant)
    const b = await member(tenant)
    await runJobs()
    const asA = (await signIn(app, a.email)).client
    const asB = (await signIn(app, b.email)).client
    const mineA = await asA.get(`/api/notifications/mine?tenant=${tenant}`)
    expect(mineA.status).toBe(200)
    expect(mineA.body.unread).toBe(1)
    expect(mineA.body.docs).toHaveLength(1)
    const own = mineA.body.docs[0].id
    const mineB = await asB.get('/api/notifications/mine')
    const other = mineB.body.docs[0].id
    expect(other).not.toBe(own)
    expect((await asA.get(`/api/notifications/${other}`)).status).toBe(404)
    expect((await asA.post(`/api/notifications/${other}/read`)).status).toBe(404)
    const list = await asA.get('/api/notifications')
    expect(list.body.docs.map((d: { id: string }) => d.id)).toEqual([own])
    const read = await asA.post(`/api/notifications/${own}/read`)
    expect(read.status).toBe(200)
    expect(read.body.readAt).toBeTruthy()
    await asA.patch(`/api/notifications/${own}`, { title: 'Hacked', message: 'x' })
    const after = await app.payload.findByID({ collection: 'notifications', id: own })
    expect(after.title).toBe('Welcome')
    expect((await asA.get('/api/notifications/mine')).body.unread).toBe(0)
    expect((await asB.get('/api/notifications/mine')).body.unread).toBe(1)
    expect((await asA.post('/api/notifications', { tenant, member: a.id, title: 'Self' })).status).toBe(403)
  })
})

describe('preview and templates', () => {
  it('previews who would receive an automation today (count and first 20), staff of the tenant only', async () => {
    const { studio, automation, member } = kit()
    const tenant = await studio()
    const withConsent = await member(tenant, { consents: ['email_marketing'] })
    await member(tenant)
    const a = await automation(tenant, { steps: [{ channel: 'email', subject: 'x', body: 'x' }] })
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const staff = (await signIn(app, user.email)).client
    const res = await staff.get(`/api/automations/${a.id}/preview`)
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(1)
    expect(res.body.members.map((x: { id: string }) => x.id)).toEqual([withConsent.id])
    const other = await studio()
    const { user: stranger } = await createPerson(app.payload, { tenant: other, roles: ['manager'] })
    expect((await (await signIn(app, stranger.email)).client.get(`/api/automations/${a.id}/preview`)).status).toBe(404)
  })

  // ---- tag rules in the audience SQL ----
  it('applies tag rules in the preview’s SQL, as the send-time condition reads them', async () => {
    const { studio, automation, member } = kit()
    const tenant = await studio()
    const tagged = async (tags: string[]) => {
      const m = await member(tenant)
      if (tags.length) await app.payload.update({ collection: 'tenant-memberships', id: m.id, data: { tags } })
      return m.id
    }
    const vip = await tagged(['vip', 'yoga'])
    const yoga = await tagged(['yoga'])
    const plain = await tagged([])
    const lapsed = await tagged(['VIP']) // tags compare case-sensitively, as in the condition
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const staff = (await signIn(app, user.email)).client
    const preview = async (all: unknown[]) => {
      const a = await automation(tenant, {
        purpose: 'transactional',
        triggerCondition: { all },
        steps: [{ channel: 'in_app', subject: 'x', body: 'x' }],
      })
      const res = await staff.get(`/api/automations/${a.id}/preview`)
      expect(res.status).toBe(200)
      return [...res.body.members.map((x: { id: string }) => x.id)].sort()
    }
    const ids = (...members: string[]) => [...members].sort()
    expect(await preview([{ field: 'member.tags', op: 'contains', value: 'vip' }])).toEqual(ids(vip))
    expect(await preview([{ field: 'member.tags', op: 'eq', value: 'yoga' }])).toEqual(ids(vip, yoga))
    expect(await preview([{ field: 'member.tags', op: 'neq', value: 'yoga' }])).toEqual(ids(plain, lapsed))
    expect(await preview([{ field: 'member.tags', op: 'in', value: ['vip', 'VIP'] }])).toEqual(ids(vip, lapsed))
    expect(
      await preview([
        { field: 'member.tags', op: 'contains', value: 'yoga' },
        { field: 'member.tags', op: 'neq', value: 'vip' },
      ]),
    ).toEqual(ids(yoga))
    expect(await preview([{ field: 'member.tags', op: 'exists' }])).toEqual(ids(vip, yoga, plain, lapsed))
    expect(await preview([{ field: 'member.tags', op: 'gte', value: 1 }])).toEqual([])
    expect(await preview([{ field: 'member.status', op: 'contains', value: 'act' }])).toHaveLength(4)
  })
  // ---- /tag rules in the audience SQL ----

  it('previews and enrols a win-back (no visit in 30 days) from the hourly job', async () => {
    const { studio, automation, member, enrolments, runJobs, messageLogs } = kit()
    const tenant = await studio()
    const lapsed = await member(tenant)
    const recent = await member(tenant)
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString()
    await app.payload.update({
      collection: 'tenant-memberships',
      id: lapsed.id,
      data: { joinedAt: old, lastVisitAt: old },
    })
    await app.payload.update({
      collection: 'tenant-memberships',
      id: recent.id,
      data: { joinedAt: old, lastVisitAt: new Date().toISOString() },
    })
    await automation(tenant, {
      triggerEvent: 'time.no_visit',
      triggerDays: 30,
      purpose: 'transactional',
      steps: [{ channel: 'in_app', subject: 'We miss you', body: 'Come back' }],
    })
    await app.payload.jobs.queue({ task: 'enrolTimeTriggered' as never, input: {} as never })
    await runJobs()
    expect(await enrolments(lapsed.id)).toHaveLength(1)
    expect(await enrolments(recent.id)).toHaveLength(0)
    expect((await messageLogs(lapsed.id)).map((l) => l.status)).toEqual(['sent'])
    // The next run finds the same lapse enrolled already.
    await app.payload.jobs.queue({ task: 'enrolTimeTriggered' as never, input: {} as never })
    await runJobs()
    expect(await enrolments(lapsed.id)).toHaveLength(1)
  })

  it('copies active platform templates into a new tenant; tenants read templates but cannot write them', async () => {
    const { studio } = kit()
    const template = await app.payload.create({
      collection: 'automation-templates',
      data: {
        name: `Template ${Math.random().toString(36).slice(2, 8)}`,
        triggerEvent: 'member.created',
        status: 'active',
        cooldownDays: 0,
        purpose: 'marketing',
        steps: [{ channel: 'email', delayMinutes: 0, subject: 'Welcome', body: 'Hi' }],
      },
    })
    const tenant = await studio()
    await kit().runJobs()
    const copies = await app.payload.find({
      collection: 'automations',
      where: { and: [{ tenant: { equals: tenant } }, { template: { equals: template.id } }] },
    })
    expect(copies.docs).toHaveLength(1)
    expect(copies.docs[0]).toMatchObject({ status: 'active', name: template.name })
    const { user } = await createPerson(app.payload, { tenant, roles: ['owner'] })
    const owner = (await signIn(app, user.email)).client
    expect((await owner.get(`/api/automation-templates/${template.id}`)).status).toBe(200)
    expect((await owner.patch(`/api/automation-templates/${template.id}`, { name: 'Mine now' })).status).toBe(403)
    expect(
      (
        await owner.post('/api/automation-templates', {
          name: 'x',
          triggerEvent: 'member.created',
          steps: [{ channel: 'email', body: 'x' }],
        })
      ).status,
    ).toBe(403)
    // Later tests' tenants must not get this template's copy (it would enrol their new members too).
    await app.payload.delete({ collection: 'automation-templates', id: template.id })
  })
})

describe('quiet hours across a DST change', () => {
  it('a step due at 22:00 EDT on 31 October 2026 goes at 08:00 EST (13:00Z) on 1 November in New York', async () => {
    const { studio, automation, member, enrolments, messageLogs, q } = kit()
    const tenant = await studio({ quiet: true, timezone: 'Europe/London' })
    await automation(tenant, { steps: [{ channel: 'in_app', subject: 'Hi', body: 'News' }] })
    const m = await member(tenant, { profile: { timezone: 'America/New_York' } })
    await app.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'deliverEvent' } } as never })
    const [log] = await enrolments(m.id)
    const req = await createLocalReq({}, app.payload)
    const rules = { quietHours: { start: '21:00', end: '08:00' }, frequencyCap: 5, smsAdapter: logSmsAdapter() }
    const outcome = await sendAutomationStep(
      req,
      { automationLog: log.id, step: 0 },
      rules,
      new Date('2026-11-01T02:00:00Z'),
    )
    expect(outcome).toEqual({ status: 'deferred', until: '2026-11-01T13:00:00.000Z' })
    const waits = await q<{ wait_until: Date }>(
      sql`SELECT wait_until FROM payload_jobs WHERE task_slug = 'sendAutomationStep' AND input->>'automationLog' = ${log.id} ORDER BY wait_until DESC`,
    )
    expect(waits.map((w) => new Date(w.wait_until).toISOString())).toContain('2026-11-01T13:00:00.000Z')
    expect(await messageLogs(m.id)).toHaveLength(0)
    // At 08:00 EST it goes.
    const sent = await sendAutomationStep(
      req,
      { automationLog: log.id, step: 0 },
      rules,
      new Date('2026-11-01T13:00:00Z'),
    )
    expect(sent).toMatchObject({ status: 'sent' })
  })
})

describe('more triggers', () => {
  it('a late cancel enrols once per cancelled booking; an early cancel does not', async () => {
    const { studio, automation, member, enrolments, runJobs } = kit()
    const tenant = await studio()
    const a = await automation(tenant, {
      triggerEvent: 'booking.cancelled',
      purpose: 'transactional',
      steps: [{ channel: 'in_app', subject: 'Late cancel', body: 'A fee may apply' }],
    })
    const m = await member(tenant)
    const req = await createLocalReq({}, app.payload)
    const cancel = (late: boolean) =>
      emit(req, {
        type: 'booking.cancelled',
        tenant,
        subject: { collection: 'bookings', id: crypto.randomUUID() },
        data: { class: crypto.randomUUID(), member: m.id, late, fee: null },
      })
    await cancel(false)
    const late = await cancel(true)
    await cancel(true)
    await runJobs()
    const rows = (await enrolments(m.id)).filter((r) => r.automation_id === a.id)
    expect(rows).toHaveLength(2)
    expect(rows.map((r) => r.occurrence_key)).toContain(late.id)
  })

  it('the hourly job enrols today’s birthdays (tenant’s zone) once a year', async () => {
    const { studio, automation, member, enrolments, messageLogs, runJobs } = kit()
    const tenant = await studio({ timezone: 'Pacific/Auckland' })
    const today = localDate(new Date(), 'Pacific/Auckland')
    const born = await member(tenant)
    const other = await member(tenant)
    await app.payload.update({
      collection: 'tenant-memberships',
      id: born.id,
      data: { profile: { dateOfBirth: `1990-${today.slice(5)}T00:00:00.000Z` } },
    })
    await app.payload.update({
      collection: 'tenant-memberships',
      id: other.id,
      data: { profile: { dateOfBirth: `1990-${today.slice(5) === '01-01' ? '06-15' : '01-01'}T00:00:00.000Z` } },
    })
    await automation(tenant, {
      triggerEvent: 'time.birthday',
      purpose: 'transactional',
      steps: [{ channel: 'in_app', subject: 'Happy birthday {{firstName}}', body: 'Have a great day' }],
    })
    for (let i = 0; i < 2; i++) {
      await app.payload.jobs.queue({ task: 'enrolTimeTriggered' as never, input: {} as never })
      await runJobs()
    }
    const [enrolment] = await enrolments(born.id)
    expect(enrolment.occurrence_key).toBe(`bd:${today.slice(0, 4)}`)
    expect(await enrolments(born.id)).toHaveLength(1)
    expect(await enrolments(other.id)).toHaveLength(0)
    expect((await messageLogs(born.id)).map((l) => l.status)).toEqual(['sent'])
  })
})
