import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { isolationGridFor } from '@/core/testing/isolationGrid'
import { twilioSmsAdapter } from './channels/sms/twilioSmsAdapter'
import { marketingTestKit } from './marketingTestKit'
import { memberFacts } from './operations/messaging/memberFacts'
import { sendMessage } from './operations/messaging/sendMessage'

const EMAIL_SECRET = 'email-events-secret'
const AUTH_TOKEN = 'twilio-auth-token'
process.env.EMAIL_WEBHOOK_SECRET = EMAIL_SECRET
process.env.SMS_AUTH_TOKEN = AUTH_TOKEN

const app = useTestApp()
const kit = () => marketingTestKit(app.payload)

/** A Twilio-compatible Messages API: answers every send with a new message sid. */
let twilio: Server
let twilioUrl: string
let sids = 0
beforeAll(async () => {
  twilio = createServer((req, res) => {
    req.resume()
    req.on('end', () =>
      res
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify({ sid: `SM${++sids}${Date.now()}` })),
    )
  })
  await new Promise<void>((resolve) => twilio.listen(0, '127.0.0.1', resolve))
  twilioUrl = `http://127.0.0.1:${(twilio.address() as AddressInfo).port}`
})
afterAll(async () => {
  twilio.closeAllConnections()
  await new Promise<void>((resolve) => twilio.close(() => resolve()))
})

const send = async (
  member: string,
  channel: 'email' | 'sms',
  type: 'marketing' | 'transactional' = 'transactional',
) => {
  const req = await createLocalReq({}, app.payload)
  const facts = await memberFacts(req, member)
  return sendMessage(req, {
    member: facts!,
    channel,
    type,
    subject: 'Hello',
    body: 'Hi there',
    smsAdapter: twilioSmsAdapter({
      baseUrl: twilioUrl,
      accountSid: 'AC1',
      authToken: AUTH_TOKEN,
      from: '+15550000000',
    }),
    frequencyCap: 100,
  })
}

const providerIdOf = async (messageLog: string) =>
  (await kit().q<{ pid: string }>(sql`SELECT provider_message_id AS pid FROM message_logs WHERE id = ${messageLog}`))[0]
    .pid
const logOf = async (messageLog: string) =>
  (
    await kit().q<{ status: string; error_message: string | null; delivered_at: string | null }>(
      sql`SELECT status::text, error_message, delivered_at FROM message_logs WHERE id = ${messageLog}`,
    )
  )[0]
const suppressionsOf = (address: string) =>
  kit().q<{ tenant: string; channel: string; reason: string; message_log_id: string | null }>(
    sql`SELECT tenant_id AS tenant, channel::text, reason::text, message_log_id FROM suppressions WHERE address = ${address} ORDER BY created_at`,
  )

// ---- mail delivery events ----
const signEmail = (raw: string, secret = EMAIL_SECRET, t = Math.floor(Date.now() / 1000)) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex')}`
const postEmailEvents = async (body: unknown, signature?: string) => {
  const raw = JSON.stringify(body)
  const res = await fetch(`${app.baseUrl}/api/message-logs/email-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-atrium-signature': signature ?? signEmail(raw) },
    body: raw,
  })
  return { status: res.status, body: await res.json() }
}

describe('mail delivery events and suppression', () => {
  it('a hard bounce marks the message bounced and suppresses the address in its tenant, for every later message', async () => {
    const k = kit()
    const tenant = await k.studio()
    const other = await k.studio()
    const ana = await k.member(tenant, { consents: ['email_marketing'] })
    const sent = await send(ana.id, 'email')
    expect(sent.status).toBe('sent')
    if (sent.status !== 'sent') return
    const messageId = await providerIdOf(sent.messageLog)

    const delivered = { id: `evt-${crypto.randomUUID()}`, type: 'delivered', messageId }
    expect((await postEmailEvents(delivered, signEmail(JSON.stringify(delivered), 'wrong'))).status).toBe(401)
    const old = signEmail(JSON.stringify(delivered), EMAIL_SECRET, Math.floor(Date.now() / 1000) - 3600)
    expect((await postEmailEvents(delivered, old)).status).toBe(401)
    expect(await postEmailEvents(delivered)).toMatchObject({ status: 200, body: { applied: 1 } })
    expect((await logOf(sent.messageLog)).status).toBe('delivered')

    const bounce = {
      id: `evt-${crypto.randomUUID()}`,
      type: 'bounced',
      bounceType: 'hard',
      messageId: `<${messageId}>`,
      reason: '550 5.1.1 user unknown',
    }
    const first = await postEmailEvents({ events: [bounce] })
    expect(first).toMatchObject({ status: 200, body: { received: 1, applied: 1, suppressed: 1, duplicates: 0 } })
    expect(await logOf(sent.messageLog)).toMatchObject({
      status: 'bounced',
      error_message: 'hard bounce: 550 5.1.1 user unknown',
    })
    expect(await suppressionsOf(ana.email.toLowerCase())).toEqual([
      { tenant, channel: 'email', reason: 'hard_bounce', message_log_id: sent.messageLog },
    ])
    // The same event again: recorded once, nothing changes.
    expect((await postEmailEvents({ events: [bounce] })).body).toMatchObject({
      duplicates: 1,
      applied: 0,
      suppressed: 0,
    })
    expect(
      await k.q(
        sql`SELECT status::text, tenant_id AS tenant FROM inbound_webhooks WHERE source = 'email' AND event_id = ${bounce.id}`,
      ),
    ).toEqual([{ status: 'processed', tenant }])
    // A late "delivered" never moves the message back.
    await postEmailEvents({ id: `evt-${crypto.randomUUID()}`, type: 'delivered', messageId })
    expect((await logOf(sent.messageLog)).status).toBe('bounced')

    // Nothing more goes to the address in that tenant, transactional or marketing.
    expect(await send(ana.id, 'email', 'transactional')).toMatchObject({ status: 'skipped', reason: 'suppressed' })
    expect(await send(ana.id, 'email', 'marketing')).toMatchObject({ status: 'skipped', reason: 'suppressed' })
    // Another tenant's member with the same person's address is not suppressed.
    const membership = await app.payload.create({
      collection: 'tenant-memberships',
      data: { tenant: other, user: ana.user.id, roles: ['member'], status: 'active' },
    })
    expect(await send(String(membership.id), 'email')).toMatchObject({ status: 'sent' })
  }, 60_000)

  it('a soft bounce only marks the message; a complaint suppresses; bad input is refused', async () => {
    const k = kit()
    const tenant = await k.studio()
    const bo = await k.member(tenant)
    const first = await send(bo.id, 'email')
    if (first.status !== 'sent') throw new Error('not sent')
    const soft = await postEmailEvents({
      id: `evt-${crypto.randomUUID()}`,
      type: 'bounced',
      bounceType: 'soft',
      messageId: await providerIdOf(first.messageLog),
    })
    expect(soft.body).toMatchObject({ applied: 1, suppressed: 0 })
    expect((await logOf(first.messageLog)).status).toBe('bounced')
    expect(await suppressionsOf(bo.email.toLowerCase())).toEqual([])

    const second = await send(bo.id, 'email')
    if (second.status !== 'sent') throw new Error('not sent')
    const complaint = await postEmailEvents({
      id: `evt-${crypto.randomUUID()}`,
      type: 'complained',
      messageId: await providerIdOf(second.messageLog),
      reason: 'abuse',
    })
    expect(complaint.body).toMatchObject({ applied: 1, suppressed: 1 })
    expect(await suppressionsOf(bo.email.toLowerCase())).toMatchObject([{ tenant, reason: 'complaint' }])

    expect((await postEmailEvents({ id: 'x', type: 'exploded', messageId: 'm' })).status).toBe(400)
    const unknown = await postEmailEvents({
      id: `evt-${crypto.randomUUID()}`,
      type: 'bounced',
      messageId: 'nobody@nowhere',
    })
    expect(unknown.body).toMatchObject({ unknown: 1, suppressed: 0 })
    const raw = 'not json'
    const res = await fetch(`${app.baseUrl}/api/message-logs/email-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-atrium-signature': signEmail(raw) },
      body: raw,
    })
    expect(res.status).toBe(400)
  }, 60_000)
})

// ---- SMS webhooks ----
/** Twilio's signature, computed here independently: base64 HMAC-SHA1 of the URL + sorted name/value pairs. */
const twilioSign = (url: string, params: Record<string, string>) =>
  createHmac('sha1', AUTH_TOKEN)
    .update(
      url +
        Object.keys(params)
          .sort()
          .map((k) => k + params[k])
          .join(''),
    )
    .digest('base64')

const postSms = async (
  path: '/api/sms/inbound' | '/api/sms/status',
  params: Record<string, string>,
  signature?: string,
) => {
  const url = `${app.baseUrl}${path}`
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature ?? twilioSign(url, params),
    },
    body: new URLSearchParams(params).toString(),
  })
  const text = await res.text()
  return { status: res.status, text, json: () => JSON.parse(text) }
}

const smsConsents = (member: string) =>
  kit().q<{ revoked: boolean; source: string | null }>(
    sql`SELECT revoked_at IS NOT NULL AS revoked, source FROM consents WHERE member_id = ${member} AND type = 'sms' ORDER BY created_at, revoked_at NULLS LAST`,
  )

describe('SMS keywords and status callbacks', () => {
  it('STOP revokes the sms consent in every tenant where the number is a member, START re-opens it; replays change nothing', async () => {
    const k = kit()
    const a = await k.studio()
    const b = await k.studio()
    const phone = `+1555${String(Date.now()).slice(-7)}`
    const inA = await k.member(a, {
      consents: ['sms'],
      profile: { phone: `${phone.slice(0, 2)} (${phone.slice(2, 5)}) ${phone.slice(5)}` },
    })
    const inB = await k.member(b, { consents: ['sms'], profile: { phone } })
    const bystander = await k.member(a, { consents: ['sms'], profile: { phone: '+15559999999' } })
    await k.runJobs()

    const stop = {
      MessageSid: `SM${crypto.randomUUID().replace(/-/g, '')}`,
      From: phone,
      To: '+15550000000',
      Body: ' Stop ',
      AccountSid: 'AC1',
    }
    expect((await postSms('/api/sms/inbound', stop, 'bogus')).status).toBe(401)
    const tampered = await postSms(
      '/api/sms/inbound',
      { ...stop, Body: 'START' },
      twilioSign(`${app.baseUrl}/api/sms/inbound`, stop),
    )
    expect(tampered.status).toBe(401)
    const res = await postSms('/api/sms/inbound', stop)
    expect(res.status).toBe(200)
    expect(res.text).toContain('<Response>')
    expect(await smsConsents(inA.id)).toEqual([{ revoked: true, source: null }])
    expect(await smsConsents(inB.id)).toEqual([{ revoked: true, source: null }])
    expect(await smsConsents(bystander.id)).toEqual([{ revoked: false, source: null }])
    expect((await suppressionsOf(phone)).map((s) => [s.tenant, s.reason]).sort()).toEqual(
      [
        [a, 'sms_opt_out'],
        [b, 'sms_opt_out'],
      ].sort(),
    )
    const [revokedEvents] = await k.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'deliverEvent' AND input->'event'->>'type' = 'consent.revoked'
            AND input->'event'->'data'->>'member' IN (${inA.id}, ${inB.id})`,
    )
    expect(revokedEvents.n).toBeGreaterThan(0)
    // Nothing goes to the number now, not even transactional texts.
    expect(await send(inA.id, 'sms', 'transactional')).toMatchObject({ status: 'skipped', reason: 'suppressed' })

    // Twilio retries the same message: recorded once, nothing more happens.
    expect((await postSms('/api/sms/inbound', stop)).status).toBe(200)
    expect(await smsConsents(inA.id)).toHaveLength(1)

    const start = { ...stop, MessageSid: `SM${crypto.randomUUID().replace(/-/g, '')}`, Body: 'unstop' }
    expect((await postSms('/api/sms/inbound', start)).status).toBe(200)
    expect(await smsConsents(inA.id)).toEqual([
      { revoked: true, source: null },
      { revoked: false, source: 'sms_keyword' },
    ])
    expect((await smsConsents(inB.id)).filter((c) => !c.revoked)).toHaveLength(1)
    expect(await suppressionsOf(phone)).toEqual([])
    expect(await send(inA.id, 'sms', 'marketing')).toMatchObject({ status: 'sent' })
  }, 60_000)

  it("a number owned by a tenant's sms connection scopes STOP to that tenant", async () => {
    const k = kit()
    const a = await k.studio()
    const b = await k.studio()
    const own = `+1444${String(Date.now()).slice(-7)}`
    await app.payload.create({
      collection: 'integration-connections',
      data: {
        tenant: a,
        provider: 'sms',
        status: 'connected',
        config: { from: own },
        credentialsInput: { authToken: 'x' },
      },
    })
    const phone = `+1666${String(Date.now()).slice(-7)}`
    const inA = await k.member(a, { consents: ['sms'], profile: { phone } })
    const inB = await k.member(b, { consents: ['sms'], profile: { phone } })
    const stop = { MessageSid: `SM${crypto.randomUUID().replace(/-/g, '')}`, From: phone, To: own, Body: 'STOPALL' }
    expect((await postSms('/api/sms/inbound', stop)).status).toBe(200)
    expect(await smsConsents(inA.id)).toEqual([{ revoked: true, source: null }])
    expect(await smsConsents(inB.id)).toEqual([{ revoked: false, source: null }])
    expect((await suppressionsOf(phone)).map((s) => s.tenant)).toEqual([a])
  }, 60_000)

  it('status callbacks move the message forward only, and 30005 suppresses the number', async () => {
    const k = kit()
    const tenant = await k.studio()
    const phone = `+1777${String(Date.now()).slice(-7)}`
    const cy = await k.member(tenant, { profile: { phone } })
    const first = await send(cy.id, 'sms')
    if (first.status !== 'sent') throw new Error('not sent')
    const sid = await providerIdOf(first.messageLog)
    const delivered = { MessageSid: sid, MessageStatus: 'delivered', AccountSid: 'AC1', To: phone }
    expect((await postSms('/api/sms/status', delivered)).json()).toMatchObject({ kind: 'status', applied: true })
    expect((await logOf(first.messageLog)).delivered_at).not.toBeNull()
    const late = { MessageSid: sid, MessageStatus: 'sent', AccountSid: 'AC1', To: phone }
    expect((await postSms('/api/sms/status', late)).json()).toMatchObject({ applied: false })
    expect((await logOf(first.messageLog)).status).toBe('delivered')
    expect((await postSms('/api/sms/status', delivered)).json()).toMatchObject({ duplicate: true })

    const second = await send(cy.id, 'sms')
    if (second.status !== 'sent') throw new Error('not sent')
    const failed = {
      MessageSid: await providerIdOf(second.messageLog),
      MessageStatus: 'undelivered',
      ErrorCode: '30005',
      AccountSid: 'AC1',
      To: phone,
    }
    expect((await postSms('/api/sms/status', failed)).json()).toMatchObject({ applied: true, suppressed: true })
    expect(await logOf(second.messageLog)).toMatchObject({
      status: 'failed',
      error_message: 'SMS undelivered (error 30005)',
    })
    expect(await suppressionsOf(phone)).toMatchObject([
      { tenant, reason: 'sms_undeliverable', message_log_id: second.messageLog },
    ])
    expect(await send(cy.id, 'sms')).toMatchObject({ status: 'skipped', reason: 'suppressed' })
    // A failure without a suppressing code only marks the message.
    expect(
      (await postSms('/api/sms/status', { ...failed, MessageSid: 'SMunknown', ErrorCode: '30007' })).json(),
    ).toMatchObject({
      applied: false,
      suppressed: false,
    })
  }, 60_000)
})

describe('isolation of suppressions', () => {
  it('leaks nothing of tenant B to visitors or tenant A, through REST, GraphQL and the Local API', async () => {
    const { result } = await isolationGridFor(app, ['suppressions'])
    expect(new Set(result.map((c) => c.collection))).toEqual(new Set(['suppressions']))
    expect(result.filter((c) => !c.ok)).toEqual([])
  }, 600_000)
})
