import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emit, runSql } from '@/core'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { defaultWebhookOptions } from './defaults'
import { deliverDueWebhooks } from './operations/webhooks/deliverDueWebhooks'
import { outboundSubscriber } from './operations/webhooks/outboundSubscriber'
import { newSigningSecret } from './operations/webhooks/signingSecret'
import { receiver, webhookHeaders, type Receiver } from './webhooksTestKit'

const app = useTestApp()

const HOUR = 3_600_000
const q = <Row = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<Row>({ payload: app.payload, transactionID: undefined }, query)

/** Emits `member.created` for `tenant` as the app would (one deliverEvent job per subscriber). */
const emitMember = async (tenant: string, user = 'someone') => {
  const req = await createLocalReq({}, app.payload)
  return emit(req, { type: 'member.created', tenant, data: { user, roles: ['member'], status: 'active' } })
}

const runJobs = async () => {
  for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 500 })
}

/** Runs the delivery sweep as if the clock read `offset` ms from now. */
const sweep = (offset: number, options: Partial<typeof defaultWebhookOptions> = {}, endpoints?: string[]) =>
  deliverDueWebhooks(app.payload, {
    ...defaultWebhookOptions,
    ...options,
    endpoints,
    now: new Date(Date.now() + offset),
  })

const deliveriesOf = (endpoint: string) =>
  q<{ id: string; event_id: string; status: string; attempts: number }>(
    sql`SELECT id, event_id, status::text, attempts::int FROM webhook_deliveries WHERE endpoint_id = ${endpoint} ORDER BY occurred_at`,
  )

let tenantA: string
let tenantB: string
let managerA: HttpClient
let managerB: HttpClient
let staffA: HttpClient
const receivers: Receiver[] = []

const createEndpoint = async (
  url: string,
  secret: string,
  eventTypes: string[] = ['member.created'],
  isEnabled = true,
) => {
  const res = await managerA.post('/api/webhook-endpoints', {
    tenant: tenantA,
    url,
    eventTypes,
    isEnabled,
    signingSecretInput: secret,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return String(res.body.doc.id)
}

beforeAll(async () => {
  tenantA = String((await createTenant(app.payload)).id)
  tenantB = String((await createTenant(app.payload)).id)
  const a = await createPerson(app.payload, { tenant: tenantA, roles: ['manager'] })
  const b = await createPerson(app.payload, { tenant: tenantB, roles: ['manager'] })
  const s = await createPerson(app.payload, { tenant: tenantA, roles: ['front_desk'] })
  managerA = (await signIn(app, a.user.email)).client
  managerB = (await signIn(app, b.user.email)).client
  staffA = (await signIn(app, s.user.email)).client
  // The memberships' own events go out before any endpoint exists.
  await runJobs()
}, 120_000)

afterAll(async () => {
  for (const r of receivers) await r.stop()
})

describe('webhook endpoints', () => {
  it('refuse plain http outside localhost and unknown event types', async () => {
    const http = await managerA.post('/api/webhook-endpoints', { tenant: tenantA, url: 'http://example.com/hook' })
    expect(http.status).toBe(400)
    const unknown = await managerA.post('/api/webhook-endpoints', {
      tenant: tenantA,
      url: 'https://example.com/hook',
      eventTypes: ['no.such_event'],
    })
    expect(unknown.status).toBe(400)
    expect(
      (await staffA.post('/api/webhook-endpoints', { tenant: tenantA, url: 'https://example.com/x' })).status,
    ).toBe(403)
  })

  it('never return the signing secret over REST or GraphQL', async () => {
    const secret = newSigningSecret()
    const id = await createEndpoint('https://example.com/secret-test', secret, [], false)
    const raw = secret.slice(6)
    const one = await managerA.get(`/api/webhook-endpoints/${id}`)
    const list = await managerA.get('/api/webhook-endpoints?limit=100')
    const gql = await managerA.graphql(
      `{ WebhookEndpoints { docs { id url signingSecretInput signingSecretSetAt } } WebhookEndpoint(id: "${id}") { signingSecretInput } }`,
    )
    for (const body of [one.body, list.body, gql.body]) {
      const text = JSON.stringify(body)
      expect(text).not.toContain(raw)
    }
    expect(one.body.signingSecretSetAt).toBeTruthy()
    expect(gql.body.data?.WebhookEndpoints?.docs?.length).toBeGreaterThan(0)
    // A generated secret is stored too (and also never shown).
    const generated = await managerA.post('/api/webhook-endpoints', {
      tenant: tenantA,
      url: 'https://example.com/gen',
      isEnabled: false,
    })
    expect(generated.status).toBe(201)
    expect(generated.body.doc.signingSecretSetAt).toBeTruthy()
    expect(JSON.stringify(generated.body)).not.toMatch(/whsec_/)
  })
})

describe('delivery', () => {
  it('a receiver that is down for a while still gets every event once it recovers, signed, in order', async () => {
    const r = await receiver(503)
    receivers.push(r)
    const secret = newSigningSecret()
    const endpoint = await createEndpoint(r.url(), secret)
    const events = []
    for (let i = 0; i < 5; i++) {
      events.push(await emitMember(tenantA, `user-${i}`))
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await runJobs()
    let rows = await deliveriesOf(endpoint)
    expect(rows.map((row) => row.event_id)).toEqual(events.map((e) => e.id))
    // Only the oldest was tried (and failed): nothing newer overtakes it.
    expect(r.state.received.map((x) => x.headers['webhook-id'])).toEqual([events[0].id])
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: 1 })
    expect(rows.slice(1).every((row) => row.status === 'pending' && row.attempts === 0)).toBe(true)

    // Not due yet: nothing is sent.
    await sweep(0)
    expect(r.state.received).toHaveLength(1)

    // Then the receiver refuses connections.
    await r.stop()
    const refused = await sweep(2 * HOUR)
    expect(refused.failed).toBe(1)
    rows = await deliveriesOf(endpoint)
    expect(rows[0]).toMatchObject({ status: 'failed', attempts: 2 })

    // It recovers: everything arrives, oldest first, each signature verifying.
    await r.start()
    r.state.answer = 200
    const recovered = await sweep(24 * HOUR)
    expect(recovered.delivered).toBe(5)
    const ok = r.ok()
    expect(ok.map((x) => x.headers['webhook-id'])).toEqual(events.map((e) => e.id))
    const wh = new Webhook(secret)
    for (const [i, x] of ok.entries()) {
      const body = wh.verify(x.body, webhookHeaders(x)) as { id: string; type: string; data: { user: string } }
      expect(body).toMatchObject({ id: events[i].id, type: 'member.created', data: { user: `user-${i}` } })
    }
    expect(new Webhook(newSigningSecret()).verify.bind(null, ok[0].body, webhookHeaders(ok[0]))).toThrow()
    rows = await deliveriesOf(endpoint)
    expect(rows.every((row) => row.status === 'delivered')).toBe(true)
    const [e] = await q<{ failures: number }>(
      sql`SELECT consecutive_failures::int AS failures FROM webhook_endpoints WHERE id = ${endpoint}`,
    )
    expect(e.failures).toBe(0)
  }, 120_000)

  it('the same event handled twice (or ten times at once) makes one delivery per endpoint', async () => {
    const r = await receiver(200)
    receivers.push(r)
    const endpoint = await createEndpoint(r.url(), newSigningSecret())
    const all = await createEndpoint(r.url('/all'), newSigningSecret(), [])
    const other = await createEndpoint(r.url('/other'), newSigningSecret(), ['member.archived'])
    const event = {
      id: crypto.randomUUID(),
      type: 'member.created' as const,
      version: 1,
      tenant: tenantA,
      occurredAt: new Date().toISOString(),
      actor: null,
      subject: null,
      data: { user: 'dup', roles: ['member'], status: 'active' },
    }
    await Promise.all(
      Array.from({ length: 10 }, async () =>
        outboundSubscriber.handler(event, { req: await createLocalReq({}, app.payload) }),
      ),
    )
    await outboundSubscriber.handler(event, { req: await createLocalReq({}, app.payload) })
    expect(await deliveriesOf(endpoint)).toHaveLength(1)
    expect(await deliveriesOf(all)).toHaveLength(1)
    expect(await deliveriesOf(other)).toHaveLength(0)
    await runJobs()
    await sweep(0)
    expect(r.ok().filter((x) => x.headers['webhook-id'] === event.id)).toHaveLength(2)
  }, 60_000)

  it('concurrent delivery runs send each event once, in order', async () => {
    const r = await receiver(200)
    receivers.push(r)
    const secret = newSigningSecret()
    const endpoint = await createEndpoint(r.url('/concurrent'), secret)
    const events = []
    for (let i = 0; i < 8; i++) {
      events.push(await emitMember(tenantA, `c-${i}`))
      await new Promise((resolve) => setTimeout(resolve, 3))
    }
    await app.payload.jobs.run({ limit: 500, where: { taskSlug: { equals: 'deliverEvent' } } })
    await Promise.all(Array.from({ length: 6 }, () => sweep(0, {}, [endpoint])))
    const got = r.ok().map((x) => x.headers['webhook-id'])
    expect(got).toEqual(events.map((e) => e.id))
    expect((await deliveriesOf(endpoint)).every((row) => row.status === 'delivered')).toBe(true)
  }, 60_000)

  it('disables an endpoint after repeated failures, and a replay sends a delivery again', async () => {
    const r = await receiver(500)
    receivers.push(r)
    const secret = newSigningSecret()
    const endpoint = await createEndpoint(r.url(), secret)
    const events = [await emitMember(tenantA, 'x1'), await emitMember(tenantA, 'x2'), await emitMember(tenantA, 'x3')]
    // Fan out only (the delivery job runs with the test's small limits below).
    const options = { maxAttempts: 2, disableAfterFailures: 3 }
    await app.payload.jobs.run({ limit: 500, queue: 'default', where: { taskSlug: { equals: 'deliverEvent' } } })
    await sweep(0, options)
    await sweep(1 * 24 * HOUR, options)
    let rows = await deliveriesOf(endpoint)
    expect(rows.map((row) => row.status)).toEqual(['dead', 'pending', 'pending'])
    await sweep(2 * 24 * HOUR, options)
    const [disabled] = await q<{ enabled: boolean; disabled_at: Date | null; failures: number }>(
      sql`SELECT is_enabled AS enabled, disabled_at, consecutive_failures::int AS failures FROM webhook_endpoints WHERE id = ${endpoint}`,
    )
    expect(disabled).toMatchObject({ enabled: false, failures: 3 })
    expect(disabled.disabled_at).not.toBeNull()
    const emitted = await q<{ type: string }>(
      sql`SELECT DISTINCT input->'event'->>'type' AS type FROM payload_jobs
          WHERE input->'event'->'data'->>'endpoint' = ${endpoint}`,
    )
    expect(emitted.map((e) => e.type).sort()).toEqual(['webhook.delivery_failed', 'webhook.endpoint_disabled'])
    // Disabled: nothing more is tried.
    const tried = r.state.received.length
    await sweep(3 * 24 * HOUR, options)
    expect(r.state.received).toHaveLength(tried)

    // Another tenant can neither read nor replay the log.
    rows = await deliveriesOf(endpoint)
    const dead = rows[0].id
    expect((await managerB.get(`/api/webhook-deliveries/${dead}`)).status).toBe(404)
    expect((await managerB.get(`/api/webhook-deliveries?where[endpoint][equals]=${endpoint}`)).body.docs).toHaveLength(
      0,
    )
    expect((await managerB.post(`/api/webhook-deliveries/${dead}/replay`)).status).toBe(404)
    expect((await staffA.post(`/api/webhook-deliveries/${dead}/replay`)).status).toBe(404)
    expect((await app.http().post(`/api/webhook-deliveries/${dead}/replay`)).status).toBe(401)
    expect((await managerA.get(`/api/webhook-deliveries/${dead}`)).body.status).toBe('dead')

    // The manager switches it back on and replays the dead one: everything goes out, in order.
    const enabled = await managerA.patch(`/api/webhook-endpoints/${endpoint}`, { isEnabled: true })
    expect(enabled.status).toBe(200)
    expect(enabled.body.doc.consecutiveFailures).toBe(0)
    r.state.answer = 200
    const replay = await managerA.post(`/api/webhook-deliveries/${dead}/replay`)
    expect(replay.status).toBe(202)
    expect(replay.body).toMatchObject({ delivery: dead, status: 'pending' })
    await sweep(4 * 24 * HOUR, options)
    expect(r.ok().map((x) => x.headers['webhook-id'])).toEqual(events.map((e) => e.id))
    // Replaying a delivered one sends it once more.
    expect((await managerA.post(`/api/webhook-deliveries/${dead}/replay`)).status).toBe(202)
    await runJobs()
    expect(r.ok().map((x) => x.headers['webhook-id'])).toEqual([...events.map((e) => e.id), events[0].id])
    for (const x of r.ok()) expect(() => new Webhook(secret).verify(x.body, webhookHeaders(x))).not.toThrow()
  }, 120_000)

  it('rotates the secret with an overlap: both secrets verify until it ends', async () => {
    const r = await receiver(200)
    receivers.push(r)
    const oldSecret = newSigningSecret()
    const endpoint = await createEndpoint(r.url(), oldSecret)
    expect((await managerB.post(`/api/webhook-endpoints/${endpoint}/rotate-secret`, {})).status).toBe(404)
    expect((await staffA.post(`/api/webhook-endpoints/${endpoint}/rotate-secret`, {})).status).toBe(404)
    const rotated = await managerA.post(`/api/webhook-endpoints/${endpoint}/rotate-secret`, { overlapHours: 2 })
    expect(rotated.status).toBe(200)
    const newSecret: string = rotated.body.secret
    expect(newSecret).toMatch(/^whsec_/)
    expect(new Date(rotated.body.previousValidUntil).getTime()).toBeGreaterThan(Date.now() + HOUR)
    // The new secret is not readable afterwards.
    expect(JSON.stringify((await managerA.get(`/api/webhook-endpoints/${endpoint}`)).body)).not.toContain(
      newSecret.slice(6),
    )

    const during = await emitMember(tenantA, 'during')
    await runJobs()
    await sweep(0)
    const first = r.ok().find((x) => x.headers['webhook-id'] === during.id)!
    expect(String(first.headers['webhook-signature']).split(' ')).toHaveLength(2)
    expect(() => new Webhook(newSecret).verify(first.body, webhookHeaders(first))).not.toThrow()
    expect(() => new Webhook(oldSecret).verify(first.body, webhookHeaders(first))).not.toThrow()

    // After the overlap only the new secret signs.
    const after = await emitMember(tenantA, 'after')
    await app.payload.jobs.run({ limit: 500, where: { taskSlug: { equals: 'deliverEvent' } } })
    await sweep(3 * HOUR)
    const second = r.ok().find((x) => x.headers['webhook-id'] === after.id)!
    expect(String(second.headers['webhook-signature']).split(' ')).toHaveLength(1)
    expect(() => new Webhook(newSecret).verify(second.body, webhookHeaders(second))).not.toThrow()
    expect(() => new Webhook(oldSecret).verify(second.body, webhookHeaders(second))).toThrow()
  }, 60_000)
})
