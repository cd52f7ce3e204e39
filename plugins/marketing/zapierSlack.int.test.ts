import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emit, runSql } from '@/core'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { receiver, type Receiver } from './webhooksTestKit'

const app = useTestApp()

const q = <Row = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<Row>({ payload: app.payload, transactionID: undefined }, query)

const emitMember = async (
  tenant: string,
  user: string,
  type: 'member.created' | 'member.archived' = 'member.created',
) => {
  const req = await createLocalReq({}, app.payload)
  return emit(req, { type, tenant, data: { user, roles: ['member'], status: 'active' } })
}

const runJobs = async () => {
  for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 500 })
}

let tenantA: string
let tenantB: string
let keyA: HttpClient
let keyB: HttpClient
let weakKeyA: HttpClient
const receivers: Receiver[] = []

const apiKey = async (owner: HttpClient, tenant: string, roles: string[]) => {
  const key = `zap-${crypto.randomUUID()}`
  const res = await owner.post('/api/api-clients', { tenant, name: 'Zapier', roles, enableAPIKey: true, apiKey: key })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return app.http({ apiKey: key })
}

beforeAll(async () => {
  tenantA = String((await createTenant(app.payload, { name: 'Lotus Loft' })).id)
  tenantB = String((await createTenant(app.payload)).id)
  const ownerA = (
    await signIn(app, (await createPerson(app.payload, { tenant: tenantA, roles: ['owner'] })).user.email)
  ).client
  const ownerB = (
    await signIn(app, (await createPerson(app.payload, { tenant: tenantB, roles: ['owner'] })).user.email)
  ).client
  keyA = await apiKey(ownerA, tenantA, ['manager'])
  weakKeyA = await apiKey(ownerA, tenantA, ['support'])
  keyB = await apiKey(ownerB, tenantB, ['manager'])
  await runJobs()
}, 120_000)

afterAll(async () => {
  for (const r of receivers) await r.stop()
})

describe('Zapier REST hooks', () => {
  it('subscribe, sample list, unsubscribe with the tenant API key', async () => {
    const r = await receiver(200)
    receivers.push(r)
    expect((await app.http().post('/api/zapier/hooks', { hookUrl: r.url(), event: 'member.created' })).status).toBe(401)
    expect((await keyA.post('/api/zapier/hooks', { hookUrl: r.url(), event: 'no.such' })).status).toBe(400)
    expect((await keyA.post('/api/zapier/hooks', { hookUrl: 'not a url', event: 'member.created' })).status).toBe(400)
    expect((await weakKeyA.post('/api/zapier/hooks', { hookUrl: r.url(), event: 'member.created' })).status).toBe(403)

    // Before any real event: one example built from the event's schema.
    const example = await keyA.get('/api/zapier/samples/member.created')
    expect(example.status).toBe(200)
    expect(example.body).toHaveLength(1)
    expect(example.body[0]).toMatchObject({ type: 'member.created', data: { user: expect.any(String) } })
    expect(Array.isArray(example.body[0].data.roles)).toBe(true)

    const sub = await keyA.post('/api/zapier/hooks', { hookUrl: r.url('/zap'), event: 'member.created' })
    expect(sub.status, JSON.stringify(sub.body)).toBe(201)
    const id: string = sub.body.id
    const [row] = await q<{ source: string; tenant: string }>(
      sql`SELECT source::text, tenant_id AS tenant FROM webhook_endpoints WHERE id = ${id}`,
    )
    expect(row).toEqual({ source: 'zapier', tenant: tenantA })

    await emitMember(tenantA, 'first')
    await new Promise((resolve) => setTimeout(resolve, 5))
    await emitMember(tenantA, 'second')
    await emitMember(tenantA, 'ignored', 'member.archived')
    await emitMember(tenantB, 'other-tenant')
    await runJobs()
    expect(r.ok().map((x) => JSON.parse(x.body).data.user)).toEqual(['first', 'second'])

    // Real payloads now, latest first; another tenant's key sees none of them.
    const samples = await keyA.get('/api/zapier/samples/member.created')
    expect(samples.body.map((s: { data: { user: string } }) => s.data.user)).toEqual(['second', 'first'])
    const samplesB = await keyB.get('/api/zapier/samples/member.created')
    expect(JSON.stringify(samplesB.body)).not.toMatch(/first|second/)

    expect((await keyB.delete(`/api/zapier/hooks/${id}`)).status).toBe(404)
    expect((await keyA.delete(`/api/zapier/hooks/not-an-id`)).status).toBe(404)
    expect((await keyA.delete(`/api/zapier/hooks/${id}`)).status).toBe(200)
    expect(await q(sql`SELECT 1 FROM webhook_endpoints WHERE id = ${id}`)).toHaveLength(0)
    await emitMember(tenantA, 'after-unsubscribe')
    await runJobs()
    expect(r.ok()).toHaveLength(2)
  }, 60_000)

  it('a 410 Gone from the hook URL removes the subscription', async () => {
    const r = await receiver(410)
    receivers.push(r)
    const sub = await keyA.post('/api/zapier/hooks', { hookUrl: r.url('/gone'), event: 'member.created' })
    expect(sub.status).toBe(201)
    await emitMember(tenantA, 'gone')
    await runJobs()
    expect(r.state.received).toHaveLength(1)
    expect(await q(sql`SELECT 1 FROM webhook_endpoints WHERE id = ${sub.body.id}`)).toHaveLength(0)
    expect(await q(sql`SELECT 1 FROM webhook_deliveries WHERE endpoint_id = ${sub.body.id}`)).toHaveLength(0)
  }, 60_000)
})

describe('Slack', () => {
  it("posts the chosen events to the tenant's incoming webhook", async () => {
    const slack = await receiver(200, 'ok')
    receivers.push(slack)
    await app.payload.create({
      collection: 'integration-connections',
      data: {
        tenant: tenantA,
        provider: 'slack',
        status: 'connected',
        config: { events: ['member.created'] },
        credentialsInput: { webhookUrl: slack.url('/services/T000/B000/XXXX') },
      },
    })
    await emitMember(tenantA, 'slacky')
    await emitMember(tenantA, 'not-chosen', 'member.archived')
    await emitMember(tenantB, 'other-tenant')
    await runJobs()
    expect(slack.state.received).toHaveLength(1)
    const [post] = slack.state.received
    expect(post.path).toBe('/services/T000/B000/XXXX')
    expect(post.headers['content-type']).toContain('application/json')
    const message = JSON.parse(post.body)
    expect(message.text).toBe('Lotus Loft: member created')
    expect(message.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn' } })
    expect(JSON.stringify(message.blocks)).toContain('slacky')
  }, 60_000)

  it('retries when Slack fails, and posts once it answers', async () => {
    const slack = await receiver(500, 'internal_error')
    receivers.push(slack)
    const tenant = String((await createTenant(app.payload, { name: 'Birdie Barn' })).id)
    await app.payload.create({
      collection: 'integration-connections',
      data: {
        tenant,
        provider: 'slack',
        status: 'connected',
        config: { events: ['member.created'] },
        credentialsInput: { webhookUrl: slack.url('/services/T1/B1/Y') },
      },
    })
    await runJobs()
    await emitMember(tenant, 'retry-me')
    await runJobs()
    const failed = slack.state.received.length
    expect(failed).toBeGreaterThan(0)
    const [job] = await q<{ has_error: boolean; tried: number }>(
      sql`SELECT has_error, total_tried::int AS tried FROM payload_jobs WHERE task_slug = 'postSlackMessage'
          AND input->'event'->>'tenant' = ${tenant} AND input->'event'->'data'->>'user' = 'retry-me'`,
    )
    expect(job.tried).toBeGreaterThan(0)
    slack.state.answer = 200
    await q(sql`UPDATE payload_jobs SET wait_until = now() WHERE task_slug = 'postSlackMessage'`)
    await runJobs()
    expect(slack.ok()).toHaveLength(1)
    expect(JSON.parse(slack.ok()[0].body).text).toBe('Birdie Barn: member created')
  }, 60_000)
})
