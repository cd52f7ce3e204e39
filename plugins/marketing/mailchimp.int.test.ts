import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { emit } from '@/core'
import { useTestApp } from '@/core/testing'
import { mailchimpBaseUrl, subscriberHash } from './integrations/mailchimp/mailchimpClient'
import { MAILCHIMP_RESYNC_TASK, MAILCHIMP_SYNC_MEMBER_TASK } from './integrations/mailchimp/jobs/taskSlugs'
import { fakeMailchimpServer } from './integrations/mailchimp/fakeMailchimpServer'
import { marketingTestKit } from './marketingTestKit'

const app = useTestApp()
const API_KEY = 'f00dfeedf00dfeedf00dfeedf00dfeed-us21'
let fake: Awaited<ReturnType<typeof fakeMailchimpServer>>

const kit = () => marketingTestKit(app.payload)

const connect = (tenant: string, config: Record<string, unknown> = {}) =>
  app.payload.create({
    collection: 'integration-connections',
    data: {
      tenant,
      provider: 'mailchimp',
      status: 'connected',
      config: { listId: 'list1', baseUrl: fake.url, ...config },
      credentialsInput: { apiKey: API_KEY },
    },
  })

const queue = async (task: typeof MAILCHIMP_SYNC_MEMBER_TASK | typeof MAILCHIMP_RESYNC_TASK, input: object) => {
  await app.payload.jobs.queue({ task, input: input as { tenant: string; member: string } })
  await kit().runJobs()
}

beforeAll(async () => {
  fake = await fakeMailchimpServer({ apiKey: API_KEY })
})
afterAll(async () => fake?.stop())

describe('Mailchimp client', () => {
  it('hashes the lower-cased address and takes the data center from the key', () => {
    expect(subscriberHash(' Ana@Example.COM ')).toBe(subscriberHash('ana@example.com'))
    expect(subscriberHash('ana@example.com')).toMatch(/^[0-9a-f]{32}$/)
    expect(mailchimpBaseUrl('abc-us21')).toBe('https://us21.api.mailchimp.com')
    expect(mailchimpBaseUrl('abc-us21', 'http://127.0.0.1:9/')).toBe('http://127.0.0.1:9')
    expect(() => mailchimpBaseUrl('no-suffix')).toThrow(/data-center/)
  })
})

describe('Mailchimp audience sync', () => {
  let tenant: string

  beforeAll(async () => {
    tenant = await kit().studio()
    await connect(tenant)
  })

  it('upserts a consenting member once (a second sync changes nothing), and never a member without consent', async () => {
    const k = kit()
    const ana = await k.member(tenant, { consents: ['email_marketing'], profile: { displayName: 'Ana Lima' } })
    const silent = await k.member(tenant)
    await k.runJobs()
    expect(fake.member(ana.email)).toMatchObject({
      email_address: ana.email,
      status: 'subscribed',
      merge_fields: { FNAME: 'Ana', LNAME: 'Lima' },
    })
    expect(fake.member(silent.email)).toBeUndefined()

    const before = fake.state.members.size
    const puts = fake.state.requests.filter((r) => r.method === 'PUT').length
    await queue(MAILCHIMP_SYNC_MEMBER_TASK, { tenant, member: ana.id })
    await queue(MAILCHIMP_SYNC_MEMBER_TASK, { tenant, member: ana.id })
    expect(fake.state.requests.filter((r) => r.method === 'PUT').length).toBe(puts + 2)
    expect(fake.state.members.size).toBe(before)
    expect([...fake.state.members.values()].filter((m) => m.email_address === ana.email)).toHaveLength(1)
    const [connection] = await k.q<{ last_sync_at: string | null; last_error: string | null }>(
      sql`SELECT last_sync_at, last_error FROM integration_connections WHERE tenant_id = ${tenant} AND provider = 'mailchimp'`,
    )
    expect(connection.last_error).toBeNull()
  }, 60_000)

  it('a revoked consent makes the member unsubscribed (never deleted); a new consent subscribes again', async () => {
    const k = kit()
    const bo = await k.member(tenant, { consents: ['email_marketing'] })
    await k.runJobs()
    expect(fake.member(bo.email)?.status).toBe('subscribed')
    const { docs } = await app.payload.find({ collection: 'consents', where: { member: { equals: bo.id } } })
    await app.payload.update({ collection: 'consents', id: docs[0].id, data: { revokedAt: new Date().toISOString() } })
    await k.runJobs()
    expect(fake.member(bo.email)?.status).toBe('unsubscribed')
    await app.payload.create({
      collection: 'consents',
      data: { tenant, member: bo.id, type: 'email_marketing', grantedAt: new Date().toISOString() },
    })
    await k.runJobs()
    expect(fake.member(bo.email)?.status).toBe('subscribed')
  }, 60_000)

  it("sends the member's tags, and through a tag map switches mapped tags on and off", async () => {
    const k = kit()
    const cy = await k.member(tenant, { consents: ['email_marketing'] })
    await k.runJobs()
    await app.payload.update({ collection: 'tenant-memberships', id: cy.id, data: { tags: ['vip', 'early-bird'] } })
    await k.runJobs()
    expect(fake.member(cy.email)?.tags).toEqual({ vip: 'active', 'early-bird': 'active' })

    const mapped = await k.studio()
    await connect(mapped, { listId: 'list2', tagMap: { vip: 'VIP', founding: 'Founding member' } })
    const di = await k.member(mapped, { consents: ['email_marketing'] })
    await app.payload.update({ collection: 'tenant-memberships', id: di.id, data: { tags: ['vip', 'other'] } })
    await k.runJobs()
    expect(fake.member(di.email)?.tags).toEqual({ VIP: 'active', 'Founding member': 'inactive' })
    await app.payload.update({ collection: 'tenant-memberships', id: di.id, data: { tags: ['founding'] } })
    await k.runJobs()
    expect(fake.member(di.email)?.tags).toEqual({ VIP: 'inactive', 'Founding member': 'active' })
    expect(fake.state.requests.some((r) => r.path.startsWith('/3.0/lists/list2/members/'))).toBe(true)
  }, 60_000)

  it('retries a 429 after Retry-After and then succeeds', async () => {
    const k = kit()
    const ed = await k.member(tenant)
    await k.runJobs()
    fake.state.throttle = 2
    await app.payload.create({
      collection: 'consents',
      data: { tenant, member: ed.id, type: 'email_marketing', grantedAt: new Date().toISOString() },
    })
    await k.runJobs()
    expect(fake.state.requests.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(2)
    expect(fake.member(ed.email)?.status).toBe('subscribed')
    const [job] = await k.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = ${MAILCHIMP_SYNC_MEMBER_TASK} AND has_error`,
    )
    expect(job.n).toBe(0)
  }, 60_000)
})

// ---- Mailchimp plan tags ----
describe('Mailchimp plan tags', () => {
  it('syncs the member’s current plans as tags: on with the subscription, off when it changes or ends, idempotently', async () => {
    const k = kit()
    const tenant = await k.studio()
    await connect(tenant, { listId: 'plans' })
    const gold = await app.payload.create({ collection: 'membership-plans', data: { tenant, name: 'Gold' } })
    const silver = await app.payload.create({ collection: 'membership-plans', data: { tenant, name: 'Silver' } })
    const eve = await k.member(tenant, { consents: ['email_marketing'] })
    await k.runJobs()
    expect(fake.member(eve.email)?.tags).toEqual({
      'Plan: Gold': 'inactive',
      'Plan: Silver': 'inactive',
      'Past due': 'inactive',
    })
    const sub = await app.payload.create({
      collection: 'subscriptions',
      data: {
        tenant,
        member: eve.id,
        plan: gold.id,
        priceKey: 'monthly',
        provider: 'manual',
        dunningStage: 'none',
        status: 'active',
      },
    })
    const subject = { collection: 'subscriptions', id: String(sub.id) }
    await emit(await createLocalReq({}, app.payload), {
      type: 'subscription.activated',
      tenant,
      subject,
      data: { member: eve.id, plan: String(gold.id), priceKey: 'monthly', status: 'active' },
    })
    await k.runJobs()
    expect(fake.member(eve.email)?.tags).toEqual({
      'Plan: Gold': 'active',
      'Plan: Silver': 'inactive',
      'Past due': 'inactive',
    })
    // Syncing again sends the same statuses: nothing changes.
    await queue(MAILCHIMP_SYNC_MEMBER_TASK, { tenant, member: eve.id })
    await queue(MAILCHIMP_SYNC_MEMBER_TASK, { tenant, member: eve.id })
    expect(fake.member(eve.email)?.tags).toEqual({
      'Plan: Gold': 'active',
      'Plan: Silver': 'inactive',
      'Past due': 'inactive',
    })
    // A plan change switches one off and the other on.
    await k.q(sql`UPDATE subscriptions SET plan_id = ${silver.id} WHERE id = ${sub.id}`)
    await emit(await createLocalReq({}, app.payload), {
      type: 'subscription.plan_changed',
      tenant,
      subject,
      data: {
        member: eve.id,
        from: { plan: String(gold.id), priceKey: 'monthly' },
        to: { plan: String(silver.id), priceKey: 'monthly' },
      },
    })
    await k.runJobs()
    expect(fake.member(eve.email)?.tags).toEqual({
      'Plan: Gold': 'inactive',
      'Plan: Silver': 'active',
      'Past due': 'inactive',
    })
    // Paused, then canceled: no current plan.
    await k.q(sql`UPDATE subscriptions SET status = 'paused' WHERE id = ${sub.id}`)
    await emit(await createLocalReq({}, app.payload), {
      type: 'subscription.paused',
      tenant,
      subject,
      data: { member: eve.id, plan: String(silver.id), status: 'paused' },
    })
    await k.runJobs()
    expect(fake.member(eve.email)?.tags).toEqual({
      'Plan: Gold': 'inactive',
      'Plan: Silver': 'inactive',
      'Past due': 'inactive',
    })

    // A connection with plan tags off sends none.
    const quiet = await k.studio()
    await connect(quiet, { listId: 'no-plans', planTags: false })
    const plan = await app.payload.create({ collection: 'membership-plans', data: { tenant: quiet, name: 'Gold' } })
    const fay = await k.member(quiet, { consents: ['email_marketing'] })
    await app.payload.create({
      collection: 'subscriptions',
      data: {
        tenant: quiet,
        member: fay.id,
        plan: plan.id,
        priceKey: 'monthly',
        provider: 'manual',
        dunningStage: 'none',
        status: 'active',
      },
    })
    await queue(MAILCHIMP_SYNC_MEMBER_TASK, { tenant: quiet, member: fay.id })
    expect(fake.member(fay.email)?.tags ?? {}).toEqual({})
  }, 90_000)

  // mkt_rest: past due and renewal
  it('a past-due plan keeps its Plan tag and adds "Past due"; the renewal switches it off (billing events queue the sync)', async () => {
    const k = kit()
    const tenant = await k.studio()
    await connect(tenant, { listId: 'past-due' })
    const gold = await app.payload.create({ collection: 'membership-plans', data: { tenant, name: 'Gold' } })
    const gus = await k.member(tenant, { consents: ['email_marketing'] })
    const sub = await app.payload.create({
      collection: 'subscriptions',
      data: {
        tenant,
        member: gus.id,
        plan: gold.id,
        priceKey: 'monthly',
        provider: 'manual',
        dunningStage: 'none',
        status: 'active',
      },
    })
    await k.runJobs()
    expect(fake.member(gus.email)?.tags).toEqual({ 'Plan: Gold': 'active', 'Past due': 'inactive' })
    const subject = { collection: 'subscriptions', id: String(sub.id) }
    // A failed payment: billing marks it past due and emits subscription.past_due.
    await k.q(sql`UPDATE subscriptions SET status = 'past_due' WHERE id = ${sub.id}`)
    await emit(await createLocalReq({}, app.payload), {
      type: 'subscription.past_due',
      tenant,
      subject,
      data: { member: gus.id, dunningStage: 'first_notice' },
    })
    await k.runJobs()
    expect(fake.member(gus.email)?.tags).toEqual({ 'Plan: Gold': 'active', 'Past due': 'active' })
    // Paid up: the renewal (subscription.renewed) takes the tag off; the plan tag stays.
    await k.q(sql`UPDATE subscriptions SET status = 'active' WHERE id = ${sub.id}`)
    await emit(await createLocalReq({}, app.payload), {
      type: 'subscription.renewed',
      tenant,
      subject,
      data: {
        member: gus.id,
        plan: String(gold.id),
        periodStart: new Date().toISOString(),
        granted: { credits: 0, guestPasses: 0 },
      },
    })
    await k.runJobs()
    expect(fake.member(gus.email)?.tags).toEqual({ 'Plan: Gold': 'active', 'Past due': 'inactive' })
  }, 90_000)
})
// ---- /Mailchimp plan tags ----

describe('Mailchimp refusals', () => {
  it('a member Mailchimp refuses (compliance state) is noted on the connection, not retried', async () => {
    const k = kit()
    const tenant = await k.studio()
    const fy = await k.member(tenant)
    await k.runJobs()
    await connect(tenant, { listId: 'strict' })
    fake.state.compliance.add(fy.email.toLowerCase())
    await app.payload.create({
      collection: 'consents',
      data: { tenant, member: fy.id, type: 'email_marketing', grantedAt: new Date().toISOString() },
    })
    await k.runJobs()
    expect(fake.member(fy.email)).toBeUndefined()
    const [connection] = await k.q<{ last_error: string | null }>(
      sql`SELECT last_error FROM integration_connections WHERE tenant_id = ${tenant} AND provider = 'mailchimp'`,
    )
    expect(connection.last_error).toContain('Member In Compliance State')
    const jobs = await k.q<{ has_error: boolean; tried: number }>(
      sql`SELECT has_error, total_tried::int AS tried FROM payload_jobs
          WHERE task_slug = ${MAILCHIMP_SYNC_MEMBER_TASK} AND input->>'member' = ${fy.id}`,
    )
    // The one sync job finished (completed jobs are deleted): nothing failed or waits for a retry.
    expect(jobs).toEqual([])
    expect(fake.state.requests.filter((r) => r.path.startsWith('/3.0/lists/strict/') && r.status === 400)).toHaveLength(
      1,
    )
  }, 60_000)
})

describe('Mailchimp full resync', () => {
  it('syncs 200 members with at most 10 requests in flight at Mailchimp', async () => {
    const k = kit()
    const tenant = await k.studio()
    // 200 consenting members, written in bulk (the resync reads the tables; no hooks are needed).
    const members = await k.q<{ id: string; email: string }>(
      sql`WITH u AS (
            INSERT INTO users (email, name) SELECT 'bulk-' || g || '-' || ${tenant} || '@example.test', 'Bulk ' || g
            FROM generate_series(1, 200) g RETURNING id, email),
          m AS (INSERT INTO tenant_memberships (tenant_id, user_id, status) SELECT ${tenant}, u.id, 'active' FROM u RETURNING id, user_id),
          c AS (INSERT INTO consents (tenant_id, member_id, type, granted_at) SELECT ${tenant}, m.id, 'email_marketing', now() FROM m)
          SELECT m.id, u.email FROM m JOIN u ON u.id = m.user_id`,
    )
    expect(members).toHaveLength(200)
    await connect(tenant, { listId: 'big' })
    fake.state.maxInFlight = 0
    fake.state.delayMs = 15
    const before = fake.state.requests.length
    try {
      await queue(MAILCHIMP_RESYNC_TASK, { tenant })
    } finally {
      fake.state.delayMs = 0
    }
    const bigPuts = fake.state.requests.slice(before).filter((r) => r.path.startsWith('/3.0/lists/big/'))
    expect(bigPuts).toHaveLength(200)
    expect(members.every((m) => fake.member(m.email)?.status === 'subscribed')).toBe(true)
    expect(fake.state.maxInFlight).toBeLessThanOrEqual(10)
    expect(fake.state.maxInFlight).toBeGreaterThanOrEqual(5)
  }, 240_000)
})
