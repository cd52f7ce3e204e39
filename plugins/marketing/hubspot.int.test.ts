import { createLocalReq, type Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { Signature } from '@hubspot/api-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emit } from '@/core'
import { createPerson, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { isolationGridFor } from '@/core/testing/isolationGrid'
import { defaultHubspotOptions } from './defaults'
import { enqueueHubspot } from './integrations/hubspot/enqueueHubspot'
import { ensureHubspotProperties, HUBSPOT_PROPERTIES } from './integrations/hubspot/ensureHubspotProperties'
import { startFakeHubspot, type FakeHubspot } from './integrations/hubspot/fakeHubspotServer'
import { hubspotApi } from './integrations/hubspot/hubspotApi'
import { hubspotConnection } from './integrations/hubspot/hubspotConnection'
import { reconcileHubspotTenant } from './integrations/hubspot/reconcileHubspotTenant'
import { syncHubspotOutbox, type SyncOptions } from './integrations/hubspot/syncHubspotOutbox'
import { bucketOf } from './integrations/hubspot/tokenBucket'
import {
  HUBSPOT_SIGNATURE_HEADER,
  HUBSPOT_TIMESTAMP_HEADER,
  signHubspotRequest,
} from './integrations/hubspot/verifyHubspotSignature'
import { marketingTestKit } from './marketingTestKit'

process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '500'

const app = useTestApp()
let kit: ReturnType<typeof marketingTestKit>
let fake: FakeHubspot
const fakes: FakeHubspot[] = []

let counter = 0
/** A studio connected to `server` (its own portal id and client secret), with a signed-in manager. */
const club = async (server: FakeHubspot, config: Record<string, unknown> = {}) => {
  const tenant = await kit.studio()
  const portalId = String(900_000 + ++counter)
  const clientSecret = `hs-secret-${counter}-${Math.random().toString(36).slice(2)}`
  await app.payload.create({
    collection: 'integration-connections',
    data: {
      tenant,
      provider: 'hubspot',
      status: 'connected',
      config: { baseUrl: server.url, portalId, ...config },
      credentialsInput: { accessToken: `pat-${counter}`, clientSecret },
    },
  })
  const manager = await createPerson(app.payload, { tenant, roles: ['manager'] })
  return {
    tenant,
    portalId,
    clientSecret,
    token: `pat-${counter}`,
    manager: (await signIn(app, manager.user.email)).client,
  }
}

const options = (over: Partial<SyncOptions> = {}): SyncOptions => ({ ...defaultHubspotOptions, ...over })

const outbox = (tenant: string) =>
  kit.q<{
    id: string
    object_kind: string
    local_id: string
    status: string
    attempts: number
    version: number
    remote_id: string | null
    last_error: string | null
    state: { properties: Record<string, string> }
  }>(
    sql`SELECT id, object_kind::text, local_id, status::text, attempts::int, version::int, remote_id, last_error, state
        FROM hubspot_outbox WHERE tenant_id = ${tenant} ORDER BY created_at, local_id`,
  )

/** `n` contact rows put straight in the outbox (fake member ids: the sync pushes whatever state a row holds). */
const plantContacts = async (tenant: string, n: number, tag: string) => {
  const req = await createLocalReq({}, app.payload)
  for (let i = 0; i < n; i++) {
    const id = `${tag}-${i}`
    await enqueueHubspot(req, {
      tenant,
      kind: 'member',
      localId: id,
      state: { properties: { atrium_member_id: id, email: `${id}@example.test`, firstname: `N${i}` } },
      queue: false,
    })
  }
}

const upsertCalls = (server: FakeHubspot, type = 'contacts') =>
  server.calls.filter((c) => c.path === `/crm/v3/objects/${type}/batch/upsert`)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  kit = marketingTestKit(app.payload)
  fake = await startFakeHubspot()
  fakes.push(fake)
}, 120_000)

afterAll(async () => {
  for (const f of fakes) await f.close()
})

describe('the outbox', () => {
  it('coalesces repeated changes of one object into one row and one push of its latest state', async () => {
    const c = await club(fake)
    const req = await createLocalReq({}, app.payload)
    for (let i = 1; i <= 5; i++)
      await enqueueHubspot(req, {
        tenant: c.tenant,
        kind: 'member',
        localId: 'm-coalesce',
        state: { properties: { atrium_member_id: 'm-coalesce', email: 'co@example.test', firstname: `V${i}` } },
        queue: false,
      })
    let rows = await outbox(c.tenant)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ status: 'pending', version: 5 })
    const before = upsertCalls(fake).length
    await syncHubspotOutbox(app.payload, options({ tenant: c.tenant }))
    expect(upsertCalls(fake).length - before).toBe(1)
    expect(fake.find('contacts', 'atrium_member_id', 'm-coalesce')?.properties.firstname).toBe('V5')
    rows = await outbox(c.tenant)
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 0 })
    expect(rows[0].remote_id).toBeTruthy()
    // The same state again changes nothing; a new one makes it pending again.
    const same = { properties: { atrium_member_id: 'm-coalesce', email: 'co@example.test', firstname: 'V5' } }
    expect(
      await enqueueHubspot(req, { tenant: c.tenant, kind: 'member', localId: 'm-coalesce', state: same, queue: false }),
    ).toBe(false)
  })

  it('is filled from domain events: a member joining and changing, a lead, a deal; the queued sync sends them', async () => {
    const c = await club(fake)
    const member = await kit.member(c.tenant, { profile: { displayName: 'Ada Lovelace', phone: '+15550001' } })
    await app.payload.update({
      collection: 'tenant-memberships',
      id: member.id,
      data: { profile: { displayName: 'Ada King', phone: '+15550001' } },
    })
    const lead = await app.payload.create({
      collection: 'leads',
      data: { tenant: c.tenant, email: 'Prospect@Example.test', name: 'Pat Prospect', status: 'new', source: 'staff' },
    })
    await kit.runJobs()
    const rows = await outbox(c.tenant)
    const kinds = rows.map((r) => `${r.object_kind}:${r.local_id}`)
    expect(kinds).toContain(`member:${member.id}`)
    expect(kinds).toContain(`lead:${lead.id}`)
    // Created then changed: one row per member.
    expect(rows.filter((r) => r.local_id === member.id)).toHaveLength(1)
    expect(rows.every((r) => r.status === 'sent')).toBe(true)
    const contact = fake.find('contacts', 'atrium_member_id', member.id)
    expect(contact?.properties).toMatchObject({ firstname: 'Ada', lastname: 'King', email: member.email.toLowerCase() })
    expect(fake.find('contacts', 'email', 'prospect@example.test')?.properties.atrium_lead_id).toBe(String(lead.id))

    // A deal with line items for the member: a HubSpot deal, its line items, both associations, and its id kept.
    const deal = await app.payload.create({
      collection: 'deals',
      data: {
        tenant: c.tenant,
        name: 'Annual membership',
        member: member.id,
        stage: 'proposal',
        amount: { amount: 120000, currency: 'USD' },
        lineItems: [{ productName: 'Annual pass', quantity: 1, amount: { amount: 120000, currency: 'USD' } }],
      },
    })
    await kit.runJobs()
    const remote = fake.find('deals', 'atrium_deal_id', `deal:${deal.id}`)
    expect(remote?.properties).toMatchObject({
      dealname: 'Annual membership',
      amount: '1200.00',
      dealstage: 'presentationscheduled',
    })
    const stored = await app.payload.findByID({ collection: 'deals', id: deal.id })
    expect(stored.hubspotDealId).toBe(remote?.id)
    expect(fake.associations).toContainEqual({ from: 'deals', fromId: remote?.id, to: 'contacts', toId: contact?.id })
    const line = fake.find('line_items', 'atrium_line_item_id', `deal:${deal.id}:${stored.lineItems?.[0]?.id}`)
    expect(line?.properties).toMatchObject({ name: 'Annual pass', price: '1200.00' })
    expect(fake.associations).toContainEqual({ from: 'line_items', fromId: line?.id, to: 'deals', toId: remote?.id })
  })

  it('a paid order becomes a won deal with its line items; a booked tour a meeting; both with the member’s contact', async () => {
    const c = await club(fake)
    const member = await kit.member(c.tenant)
    const order = await app.payload.create({
      collection: 'orders',
      data: {
        tenant: c.tenant,
        number: `HS-${counter}`,
        member: member.id,
        channel: 'pos',
        status: 'paid',
        currency: 'USD',
        lines: [
          { kind: 'product', name: 'Golf glove', quantity: 2, unitPrice: 1500, discount: 0, total: 3000 },
          { kind: 'day_pass', name: 'Range day pass', quantity: 1, unitPrice: 2500, discount: 0, total: 2500 },
        ],
        subtotal: 5500,
        discountTotal: 0,
        giftCardApplied: 0,
        tax: 0,
        taxIncluded: 0,
        total: 5500,
        amountRefunded: 0,
      },
    })
    const provider = await createPerson(app.payload, { tenant: c.tenant, roles: ['instructor'] })
    const service = await app.payload.create({
      collection: 'appointment-services',
      data: { tenant: c.tenant, title: 'Club tour', kind: 'tour', durationMinutes: 30 },
    })
    const start = new Date(Date.now() + 2 * 86_400_000)
    const appointment = await app.payload.create({
      collection: 'appointments',
      data: {
        tenant: c.tenant,
        service: service.id,
        provider: provider.membership!.id,
        member: member.id,
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + 30 * 60_000).toISOString(),
        blockedFrom: start.toISOString(),
        blockedUntil: new Date(start.getTime() + 30 * 60_000).toISOString(),
        capacity: 1,
        status: 'booked',
      },
    })
    const req = await createLocalReq({}, app.payload)
    await emit(req, {
      type: 'order.paid',
      tenant: c.tenant,
      subject: { collection: 'orders', id: String(order.id) },
      data: {
        id: String(order.id),
        number: order.number,
        status: 'paid',
        currency: 'USD',
        subtotal: 5500,
        discountTotal: 0,
        giftCardApplied: 0,
        tax: 0,
        total: 5500,
        member: member.id,
        payment: null,
      },
    })
    await emit(req, {
      type: 'appointment.booked',
      tenant: c.tenant,
      subject: { collection: 'appointments', id: String(appointment.id) },
      data: {
        service: String(service.id),
        provider: String(provider.membership!.id),
        member: member.id,
        guest: false,
        startTime: appointment.startTime,
        endTime: appointment.endTime,
        paymentMethod: null,
        capacity: 1,
      },
    })
    await kit.runJobs()
    const contact = fake.find('contacts', 'atrium_member_id', member.id)
    const deal = fake.find('deals', 'atrium_deal_id', `order:${order.id}`)
    expect(deal?.properties).toMatchObject({
      dealname: `Order ${order.number}`,
      amount: '55.00',
      dealstage: 'closedwon',
    })
    const lines = fake
      .objects('line_items')
      .filter((l) => l.properties.atrium_line_item_id.startsWith(`order:${order.id}:`))
    expect(lines.map((l) => [l.properties.name, l.properties.quantity, l.properties.price]).sort()).toEqual([
      ['Golf glove', '2', '15.00'],
      ['Range day pass', '1', '25.00'],
    ])
    for (const line of lines)
      expect(fake.associations).toContainEqual({ from: 'line_items', fromId: line.id, to: 'deals', toId: deal?.id })
    expect(fake.associations).toContainEqual({ from: 'deals', fromId: deal?.id, to: 'contacts', toId: contact?.id })
    const meeting = fake.find('meetings', 'atrium_meeting_id', `tour:${appointment.id}`)
    expect(meeting?.properties).toMatchObject({ hs_meeting_title: 'Tour: Club tour', hs_meeting_outcome: 'SCHEDULED' })
    expect(fake.associations).toContainEqual({
      from: 'meetings',
      fromId: meeting?.id,
      to: 'contacts',
      toId: contact?.id,
    })
  })

  it('leaves tenants without a HubSpot connection alone', async () => {
    const tenant = await kit.studio()
    await kit.member(tenant)
    await kit.runJobs()
    expect(await outbox(tenant)).toEqual([])
  })
})

describe('the sync', () => {
  it('upserts at most 100 contacts per call on atrium_member_id', async () => {
    const c = await club(fake)
    await plantContacts(c.tenant, 250, `batch-${c.tenant.slice(0, 8)}`)
    const before = upsertCalls(fake).length
    const summary = await syncHubspotOutbox(app.payload, options({ tenant: c.tenant }))
    expect(summary.sent).toBe(250)
    const calls = upsertCalls(fake).slice(before)
    expect(calls.map((x) => x.inputs)).toEqual([100, 100, 50])
    expect(calls.every((x) => x.token === c.token)).toBe(true)
    expect((await outbox(c.tenant)).every((r) => r.status === 'sent' && r.remote_id)).toBe(true)
  })

  it('honours Retry-After on a 429 and loses nothing: every contact arrives', async () => {
    const c = await club(fake)
    const tag = `r429-${c.tenant.slice(0, 8)}`
    await plantContacts(c.tenant, 120, tag)
    fake.failNext(
      1,
      429,
      { 'retry-after': '2' },
      {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        category: 'RATE_LIMITS',
        policyName: 'TEN_SECONDLY_ROLLING',
      },
    )
    const first = await syncHubspotOutbox(app.payload, options({ tenant: c.tenant }))
    expect(first.rateLimited).toBe(100)
    expect(first.sent).toBe(0)
    const mine = () => fake.calls.filter((x) => x.token === c.token)
    const limitedAt = mine().find((x) => x.status === 429)!.at
    let rows = await outbox(c.tenant)
    // Put back untouched: pending, no attempt counted.
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true)
    // Runs started within the Retry-After wait for it (the bucket is blocked for every worker) and then send.
    for (let run = 0; run < 3 && (await outbox(c.tenant)).some((r) => r.status !== 'sent'); run++) {
      if (run > 0) await sleep(2100)
      await syncHubspotOutbox(app.payload, options({ tenant: c.tenant }))
    }
    const after = mine().filter((x) => x.at > limitedAt)
    expect(after.length).toBeGreaterThan(0)
    expect(after.every((x) => x.at >= limitedAt + 1990)).toBe(true)
    rows = await outbox(c.tenant)
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 0)).toBe(true)
    for (let i = 0; i < 120; i++) expect(fake.find('contacts', 'atrium_member_id', `${tag}-${i}`)).toBeTruthy()
  }, 30_000)

  it('never exceeds 80 % of the burst limit in any window, however many runs send at once', async () => {
    const windowMs = 2000
    const burstLimit = 20
    const { budget } = bucketOf(burstLimit, windowMs)
    expect(budget).toBe(16)
    // The fake refuses (429) anything past the budget itself, so an overrun would also show as 429s.
    const strict = await startFakeHubspot({ burstLimit: budget, windowMs })
    fakes.push(strict)
    const c = await club(strict, { burstLimit })
    const tag = `rate-${c.tenant.slice(0, 8)}`
    await plantContacts(c.tenant, 150, tag)
    const runs = await Promise.all(
      [1, 2, 3].map(() =>
        syncHubspotOutbox(app.payload, options({ tenant: c.tenant, batchSize: 5, burstWindowMs: windowMs })),
      ),
    )
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(150)
    expect(strict.calls.filter((x) => x.status === 429)).toEqual([])
    expect(strict.calls).toHaveLength(30)
    expect(strict.maxInWindow(windowMs)).toBeLessThanOrEqual(budget)
    for (let i = 0; i < 150; i++) expect(strict.find('contacts', 'atrium_member_id', `${tag}-${i}`)).toBeTruthy()
  }, 60_000)

  it('a row that keeps failing goes dead after maxAttempts; a manager retries it from the endpoint', async () => {
    const failing = await startFakeHubspot()
    fakes.push(failing)
    const c = await club(failing)
    await plantContacts(c.tenant, 1, `dead-${c.tenant.slice(0, 8)}`)
    const [row] = await outbox(c.tenant)
    const fast = options({ tenant: c.tenant, maxAttempts: 3, backoffSeconds: [0] })
    failing.failNext(3, 500)
    for (let i = 0; i < 3; i++) await syncHubspotOutbox(app.payload, fast)
    let [after] = await outbox(c.tenant)
    expect(after).toMatchObject({ status: 'dead', attempts: 3 })
    expect(after.last_error).toContain('500')
    // Dead rows are not sent by the sweep.
    const calls = failing.calls.length
    await syncHubspotOutbox(app.payload, fast)
    expect(failing.calls.length).toBe(calls)

    // Another tenant's manager and a front-desk clerk do not see it (404); the manager retries it.
    const other = await club(failing)
    expect((await other.manager.post(`/api/hubspot-outbox/${row.id}/retry`)).status).toBe(404)
    const clerk = await createPerson(app.payload, { tenant: c.tenant, roles: ['front_desk'] })
    const desk = (await signIn(app, clerk.user.email)).client
    expect((await desk.post(`/api/hubspot-outbox/${row.id}/retry`)).status).toBe(404)
    const dead = await c.manager.get(`/api/hubspot-outbox?where[status][equals]=dead`)
    expect(dead.body.docs.map((d: { id: string }) => d.id)).toEqual([row.id])
    const retried = await c.manager.post(`/api/hubspot-outbox/${row.id}/retry`)
    expect(retried.status).toBe(202)
    expect(retried.body).toMatchObject({ row: row.id, status: 'pending' })
    await kit.runJobs()
    ;[after] = await outbox(c.tenant)
    expect(after).toMatchObject({ status: 'sent', attempts: 0 })
    expect(failing.objects('contacts')).toHaveLength(1)
  })

  it('sends a batch HubSpot refuses as a whole row by row, so one bad row does not sink the rest', async () => {
    const c = await club(fake)
    const req = await createLocalReq({}, app.payload)
    const tag = `split-${c.tenant.slice(0, 8)}`
    await plantContacts(c.tenant, 3, tag)
    // A second member with the first one's e-mail: HubSpot refuses the batch (409), then that row alone.
    await enqueueHubspot(req, {
      tenant: c.tenant,
      kind: 'member',
      localId: `${tag}-dup`,
      state: { properties: { atrium_member_id: `${tag}-dup`, email: `${tag}-0@example.test` } },
      queue: false,
    })
    const summary = await syncHubspotOutbox(app.payload, options({ tenant: c.tenant }))
    expect(summary.sent).toBe(3)
    const rows = await outbox(c.tenant)
    // Whichever of the two e-mail twins went second was refused on its own; the other three arrived.
    const refused = rows.filter((r) => r.status !== 'sent')
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({ status: 'pending', attempts: 1 })
    expect([`${tag}-0`, `${tag}-dup`]).toContain(refused[0].local_id)
    expect(refused[0].last_error).toContain('409')
  })

  it('the reconcile re-queues what HubSpot lost or holds differently, and what the outbox never had', async () => {
    const c = await club(fake)
    const tag = `rec-${c.tenant.slice(0, 8)}`
    await plantContacts(c.tenant, 3, tag)
    await syncHubspotOutbox(app.payload, options({ tenant: c.tenant }))
    const lost = fake.find('contacts', 'atrium_member_id', `${tag}-0`)!
    fake.remove('contacts', lost.id)
    fake.find('contacts', 'atrium_member_id', `${tag}-1`)!.properties.firstname = 'Changed in HubSpot'
    // A member created while the tenant had no connection events (its row is missing).
    const member = await kit.member(c.tenant)
    await app.payload.delete({ collection: 'hubspot-outbox', where: { localId: { equals: member.id } } })
    const req = await createLocalReq({}, app.payload)
    const connection = (await hubspotConnection(req, c.tenant))!
    const api = hubspotApi(app.payload, connection, { windowMs: 10_000, deadline: Date.now() + 30_000 })
    const result = await reconcileHubspotTenant(req, connection, api)
    expect(result.requeued).toBe(2)
    expect(result.added).toBeGreaterThanOrEqual(1)
    await syncHubspotOutbox(app.payload, options({ tenant: c.tenant }))
    expect(fake.find('contacts', 'atrium_member_id', `${tag}-0`)).toBeTruthy()
    expect(fake.find('contacts', 'atrium_member_id', `${tag}-1`)?.properties.firstname).toBe('N1')
    expect(fake.find('contacts', 'atrium_member_id', member.id)).toBeTruthy()
  })
})

// ---- HubSpot custom properties and remote archive ----
describe('custom properties and remote archive', () => {
  it('creates the custom properties through the properties API, once, when the connection is made', async () => {
    const bare = await startFakeHubspot({ customProperties: false })
    fakes.push(bare)
    const c = await club(bare)
    const tag = `props-${c.tenant.slice(0, 8)}`
    await plantContacts(c.tenant, 1, tag)
    // Before the properties exist HubSpot refuses the upsert on atrium_member_id.
    await syncHubspotOutbox(app.payload, options({ tenant: c.tenant }))
    let [row] = await outbox(c.tenant)
    expect(row).toMatchObject({ status: 'pending', attempts: 1 })
    expect(row.last_error).toContain('400')
    // The connection's creation queued the properties' job: it creates each missing one.
    await kit.runJobs()
    const creates = () => bare.calls.filter((x) => x.method === 'POST' && x.path.startsWith('/crm/v3/properties/'))
    expect(
      creates()
        .map((x) => `${x.path} ${x.status}`)
        .sort(),
    ).toEqual(
      [
        '/crm/v3/properties/contacts 201',
        '/crm/v3/properties/contacts 201',
        '/crm/v3/properties/contacts 201',
        '/crm/v3/properties/deals 201',
        '/crm/v3/properties/line_items 201',
        '/crm/v3/properties/meetings 201',
      ].sort(),
    )
    expect(bare.properties('contacts').find((p) => p.name === 'atrium_member_id')).toMatchObject({
      hasUniqueValue: true,
      type: 'string',
      fieldType: 'text',
    })
    expect(bare.properties('contacts').find((p) => p.name === 'atrium_member_status')?.hasUniqueValue).toBe(false)
    // Ensuring again (twice at once, as two workers would) reads them and creates nothing.
    const req = await createLocalReq({}, app.payload)
    const connection = (await hubspotConnection(req, c.tenant))!
    const api = hubspotApi(app.payload, connection, { windowMs: 10_000, deadline: Date.now() + 30_000 })
    const again = await Promise.all([ensureHubspotProperties(api), ensureHubspotProperties(api)])
    expect(again.map((r) => r.created)).toEqual([[], []])
    expect(creates()).toHaveLength(6)
    // The refused row goes through now.
    await kit.q(sql`UPDATE hubspot_outbox SET next_attempt_at = now() WHERE tenant_id = ${c.tenant}`)
    await syncHubspotOutbox(app.payload, options({ tenant: c.tenant }))
    ;[row] = await outbox(c.tenant)
    expect(row.status).toBe('sent')
    expect(bare.find('contacts', 'atrium_member_id', `${tag}-0`)).toBeTruthy()

    // Two workers racing on an empty portal: each property is created once, the loser's 409 is no error.
    const empty = await startFakeHubspot({ customProperties: false })
    fakes.push(empty)
    const racing = hubspotApi(
      app.payload,
      { ...connection, id: `${connection.id}-race`, baseUrl: empty.url },
      {
        windowMs: 10_000,
        deadline: Date.now() + 30_000,
      },
    )
    const raced = await Promise.all([ensureHubspotProperties(racing), ensureHubspotProperties(racing)])
    expect(raced.flatMap((r) => r.created).sort()).toEqual(
      HUBSPOT_PROPERTIES.map((p) => `${p.objectType}.${p.name}`).sort(),
    )
    for (const type of ['contacts', 'deals', 'line_items', 'meetings'])
      expect(new Set(empty.properties(type).map((p) => p.name)).size).toBe(empty.properties(type).length)
    expect(empty.properties('contacts')).toHaveLength(3)
  }, 60_000)

  it('archives a deleted member’s and a deleted lead’s contact through the outbox (a converted lead’s stays)', async () => {
    const c = await club(fake)
    const member = await kit.member(c.tenant, { profile: { displayName: 'Gone Away' } })
    const lead = await app.payload.create({
      collection: 'leads',
      data: { tenant: c.tenant, email: `Leaving-${c.tenant.slice(0, 8)}@Example.test`, status: 'new', source: 'staff' },
    })
    const keeper = await kit.member(c.tenant)
    const converted = await app.payload.create({
      collection: 'leads',
      data: { tenant: c.tenant, email: keeper.email, status: 'converted', source: 'staff', convertedMember: keeper.id },
    })
    await kit.runJobs()
    const contact = fake.find('contacts', 'atrium_member_id', member.id)!
    const leadContact = fake.find('contacts', 'email', lead.email)!
    expect(contact).toBeTruthy()
    expect(leadContact).toBeTruthy()
    await app.payload.delete({ collection: 'tenant-memberships', id: member.id })
    await app.payload.delete({ collection: 'leads', id: lead.id })
    await app.payload.delete({ collection: 'leads', id: converted.id })
    const rows = await outbox(c.tenant)
    expect(rows.find((r) => r.local_id === member.id)).toMatchObject({
      status: 'pending',
      state: { properties: { atrium_member_id: member.id }, archive: true },
    })
    await kit.runJobs()
    expect(fake.find('contacts', 'atrium_member_id', member.id)).toBeUndefined()
    expect(fake.find('contacts', 'email', lead.email)).toBeUndefined()
    expect(fake.archived.map((a) => a.id)).toEqual(expect.arrayContaining([contact.id, leadContact.id]))
    expect(fake.find('contacts', 'email', keeper.email.toLowerCase())).toBeTruthy() // the converted lead's contact is the member's
    const after = await outbox(c.tenant)
    expect(after.find((r) => r.local_id === member.id)).toMatchObject({ status: 'sent', remote_id: contact.id })
    expect(after.find((r) => r.local_id === String(lead.id))).toMatchObject({
      status: 'sent',
      remote_id: leadContact.id,
    })
    // The reconcile does not bring archived contacts back.
    const req = await createLocalReq({}, app.payload)
    const connection = (await hubspotConnection(req, c.tenant))!
    const api = hubspotApi(app.payload, connection, { windowMs: 10_000, deadline: Date.now() + 30_000 })
    const result = await reconcileHubspotTenant(req, connection, api)
    expect(result.requeued).toBe(0)
  }, 60_000)
})
// ---- /HubSpot custom properties and remote archive ----

describe('inbound webhooks (signature v3)', () => {
  const post = async (
    c: Awaited<ReturnType<typeof club>>,
    events: unknown[],
    { secret = c.clientSecret, timestamp = Date.now() }: { secret?: string; timestamp?: number } = {},
  ) => {
    const url = `${app.baseUrl}/api/hubspot/webhook`
    const body = JSON.stringify(events)
    const signature = signHubspotRequest({ method: 'POST', uri: url, body, timestamp, clientSecret: secret })
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [HUBSPOT_SIGNATURE_HEADER]: signature,
        [HUBSPOT_TIMESTAMP_HEADER]: String(timestamp),
      },
      body,
    })
    return { status: res.status, body: await res.json() }
  }

  it('signs like HubSpot’s own SDK', () => {
    const input = {
      method: 'POST',
      uri: 'https://example.test/api/hubspot/webhook',
      body: '[{"a":1}]',
      timestamp: 1700000000000,
    }
    expect(signHubspotRequest({ ...input, clientSecret: 'shh' })).toBe(
      Signature.getSignature('POST', 'v3', {
        signature: '',
        clientSecret: 'shh',
        requestBody: input.body,
        url: input.uri,
        timestamp: input.timestamp,
      }),
    )
  })

  it('applies a lifecycle change to the lead and a stage change to the deal once; bad, stale or replayed requests change nothing', async () => {
    const c = await club(fake)
    const lead = await app.payload.create({
      collection: 'leads',
      data: {
        tenant: c.tenant,
        email: `hook-${c.portalId}@example.test`,
        name: 'Hook Lead',
        status: 'new',
        source: 'staff',
      },
    })
    const member = await kit.member(c.tenant)
    const deal = await app.payload.create({
      collection: 'deals',
      data: { tenant: c.tenant, name: 'Ten-pack', member: member.id, stage: 'qualified' },
    })
    await kit.runJobs()
    const contactId = (await outbox(c.tenant)).find((r) => r.object_kind === 'lead')?.remote_id
    const dealId = (await app.payload.findByID({ collection: 'deals', id: deal.id })).hubspotDealId
    expect(contactId).toBeTruthy()
    expect(dealId).toBeTruthy()
    const events = [
      {
        eventId: 7001 + counter * 10,
        subscriptionId: 1,
        portalId: Number(c.portalId),
        appId: 42,
        occurredAt: Date.now(),
        subscriptionType: 'contact.propertyChange',
        attemptNumber: 0,
        objectId: Number(contactId),
        propertyName: 'lifecyclestage',
        propertyValue: 'salesqualifiedlead',
        changeSource: 'CRM_UI',
      },
      {
        eventId: 7002 + counter * 10,
        subscriptionId: 2,
        portalId: Number(c.portalId),
        appId: 42,
        occurredAt: Date.now(),
        subscriptionType: 'deal.propertyChange',
        attemptNumber: 0,
        objectId: Number(dealId),
        propertyName: 'dealstage',
        propertyValue: 'closedwon',
        changeSource: 'CRM_UI',
      },
    ]
    const wrong = await post(c, events, { secret: 'not-the-secret' })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toBe('invalid_signature')
    const stale = await post(c, events, { timestamp: Date.now() - 6 * 60_000 })
    expect(stale.status).toBe(401)
    const future = await post(c, events, { timestamp: Date.now() + 6 * 60_000 })
    expect(future.status).toBe(401)
    expect((await app.payload.findByID({ collection: 'leads', id: lead.id })).status).toBe('new')

    const ok = await post(c, events)
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({ received: 2, duplicates: 0, applied: 2 })
    expect((await app.payload.findByID({ collection: 'leads', id: lead.id })).status).toBe('qualified')
    expect((await app.payload.findByID({ collection: 'deals', id: deal.id })).stage).toBe('won')

    // Staff move the lead on; a replay of the old event (HubSpot retries) changes nothing.
    await app.payload.update({ collection: 'leads', id: lead.id, data: { status: 'trial' } })
    const replay = await post(c, events)
    expect(replay.status).toBe(200)
    expect(replay.body).toEqual({ received: 2, duplicates: 2, applied: 0 })
    expect((await app.payload.findByID({ collection: 'leads', id: lead.id })).status).toBe('trial')
    const [{ n }] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM inbound_webhooks WHERE source = 'hubspot' AND tenant_id = ${c.tenant}`,
    )
    expect(n).toBe(2)

    // A portal nobody connected: 401.
    const unknown = await post({ ...c, portalId: '1' }, [{ ...events[0], portalId: 1 }])
    expect(unknown.status).toBe(401)
  })
})

describe('isolation', () => {
  it('the outbox leaks nothing of tenant B through REST, GraphQL and the Local API', async () => {
    const slugs = ['hubspot-outbox']
    const { result } = await isolationGridFor(app, slugs)
    expect(new Set(result.map((x) => x.collection))).toEqual(new Set(slugs))
    expect(result.filter((x) => !x.ok)).toEqual([])
  }, 600_000)
})

export type { Payload, HttpClient }
