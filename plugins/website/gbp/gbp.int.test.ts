import { randomBytes } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { isolationGridFor } from '@/core/testing/isolationGrid'
import { startFakeGbp, type FakeGbp } from './fakeGbpServer'
import { GbpCallError } from './gbpApi'
import { GBP_SYNC_TASK } from './jobs/gbpSyncTask'
import { GbpBusy, syncGbpPost } from './jobs/syncGbpPost'

process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '500'

const app = useTestApp()
const TOKEN = `ya29.${randomBytes(8).toString('hex')}`
const REFRESH = { refreshToken: 'rt-1', clientId: 'client-1', clientSecret: 'secret-1' }
let fake: FakeGbp

const q = <Row = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<Row>({ payload: app.payload, transactionID: undefined }, query)

let counter = 0
/**
 * A club in Berlin with one location mapped to its own Business Profile location (so the fake's
 * calls of one test are told apart by path), and a signed-in manager.
 */
const club = async (
  options: { connect?: boolean; credentials?: Record<string, string>; config?: Record<string, unknown> } = {},
) => {
  const tenant = String((await createTenant(app.payload, { timezone: 'Europe/Berlin' })).id)
  const location = String(
    (
      await app.payload.create({
        collection: 'locations',
        data: { tenant, name: 'Mitte', slug: `mitte-${++counter}`, timezone: 'Europe/Berlin' },
      })
    ).id,
  )
  const gbpLocation = String(7000 + counter)
  if (options.connect !== false)
    await app.payload.create({
      collection: 'integration-connections',
      data: {
        tenant,
        provider: 'google_business_profile',
        status: 'connected',
        config: { baseUrl: fake.url, accountId: '4242', locations: { [location]: gbpLocation }, ...options.config },
        credentialsInput: options.credentials ?? { accessToken: TOKEN },
      },
    })
  const manager = await createPerson(app.payload, { tenant, roles: ['manager'] })
  const { client } = await signIn(app, manager.user.email)
  return { tenant, location, parent: `accounts/4242/locations/${gbpLocation}`, manager: client }
}

/** A published event at the location, created by the manager through REST: 12 March 2030, 18:00–20:30 in Berlin. */
const createEvent = async (manager: HttpClient, c: { tenant: string; location: string }, over = {}) => {
  const res = await manager.post('/api/events', {
    tenant: c.tenant,
    title: 'Full moon run',
    description: 'Five easy kilometres by the river.',
    location: c.location,
    startTime: '2030-03-12T17:00:00.000Z',
    endTime: '2030-03-12T19:30:00.000Z',
    status: 'published',
    ...over,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return String(res.body.doc.id)
}

const runJobs = async () => {
  for (let round = 0; round < 6; round++) {
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE AND processing IS NOT TRUE
            AND (wait_until IS NULL OR wait_until <= now())`,
    )
    if (n === 0) return
    await app.payload.jobs.run({ limit: 100 })
  }
}

const callsAt = (parent: string, method?: string) =>
  fake.calls.filter((c) => c.path.startsWith(`/v4/${parent}`) && (!method || c.method === method))
const postsAt = (parent: string) => [...fake.posts.values()].filter((p) => p.name.startsWith(`${parent}/`))
const rowsOf = (tenant: string) =>
  q<{ local_id: string; state: string; remote_name: string | null; last_error: string | null; gbp_location: string }>(
    sql`SELECT local_id, state::text, remote_name, last_error, gbp_location FROM gbp_posts WHERE tenant_id = ${tenant} ORDER BY created_at`,
  )
const queuedFor = (id: string) =>
  q(sql`SELECT id FROM payload_jobs WHERE task_slug = ${GBP_SYNC_TASK} AND input->>'id' = ${id}`)

beforeAll(async () => {
  fake = await startFakeGbp({ accessToken: TOKEN, ...REFRESH })
}, 120_000)
afterAll(async () => {
  await fake.close()
})

describe('Google Business Profile posts of events', () => {
  it('creates an EVENT post (bearer token, path, wall-clock schedule in the location’s zone), patches changes, deletes on cancel', async () => {
    const c = await club()
    const id = await createEvent(c.manager, c)
    expect(await queuedFor(id)).toHaveLength(1)
    await runJobs()

    const [create] = callsAt(c.parent, 'POST')
    expect(create.status).toBe(200)
    expect(create.path).toBe(`/v4/${c.parent}/localPosts`)
    expect(create.body).toMatchObject({
      languageCode: 'en',
      topicType: 'EVENT',
      summary: 'Five easy kilometres by the river.',
      event: {
        title: 'Full moon run',
        schedule: {
          startDate: { year: 2030, month: 3, day: 12 },
          startTime: { hours: 18, minutes: 0 },
          endDate: { year: 2030, month: 3, day: 12 },
          endTime: { hours: 20, minutes: 30 },
        },
      },
      callToAction: { actionType: 'LEARN_MORE' },
    })
    expect(String((create.body as { callToAction: { url: string } }).callToAction.url)).toMatch(
      new RegExp(`/events/${id}$`),
    )
    const [row] = await rowsOf(c.tenant)
    expect(row).toMatchObject({ local_id: id, state: 'posted', gbp_location: c.parent, last_error: null })
    expect(postsAt(c.parent).map((p) => p.name)).toEqual([row.remote_name])

    // An edit of the title and time: one PATCH naming the changed fields, no second post.
    expect(
      (
        await c.manager.patch(`/api/events/${id}`, {
          title: 'Full moon run (new time)',
          startTime: '2030-03-12T18:00:00.000Z',
        })
      ).status,
    ).toBe(200)
    await runJobs()
    const patches = callsAt(c.parent, 'PATCH')
    expect(patches).toHaveLength(1)
    expect(patches[0].path).toBe(`/v4/${row.remote_name}`)
    expect(patches[0].query.updateMask).toBe('event')
    expect(fake.posts.get(row.remote_name!)).toMatchObject({
      event: { title: 'Full moon run (new time)', schedule: { startTime: { hours: 19, minutes: 0 } } },
    })

    // A change Google does not show (capacity): no call at all.
    expect((await c.manager.patch(`/api/events/${id}`, { capacity: 40 })).status).toBe(200)
    await runJobs()
    expect(callsAt(c.parent, 'PATCH')).toHaveLength(1)

    // Cancelled through the bookings endpoint: the post is deleted.
    expect((await c.manager.post(`/api/events/${id}/cancel`, { reason: 'storm' })).status).toBe(200)
    await runJobs()
    expect(callsAt(c.parent, 'DELETE').map((d) => d.path)).toEqual([`/v4/${row.remote_name}`])
    expect(postsAt(c.parent)).toHaveLength(0)
    expect(await rowsOf(c.tenant)).toMatchObject([{ state: 'deleted', remote_name: null }])
    expect(callsAt(c.parent, 'POST')).toHaveLength(1)
  })

  it('deletes the post of a deleted event, and of an event taken back to draft', async () => {
    const c = await club()
    const gone = await createEvent(c.manager, c, { title: 'Open day' })
    const back = await createEvent(c.manager, c, { title: 'Trial week' })
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(2)
    expect((await c.manager.delete(`/api/events/${gone}`)).status).toBe(200)
    expect((await c.manager.patch(`/api/events/${back}`, { status: 'draft' })).status).toBe(200)
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(0)
    expect(callsAt(c.parent, 'DELETE')).toHaveLength(2)
    expect((await rowsOf(c.tenant)).map((r) => r.state)).toEqual(['deleted', 'deleted'])
  })

  it('a create whose answer is lost (timeout) is found on the retry, not created again', async () => {
    const c = await club({ config: { timeoutMs: 300 } })
    const id = await createEvent(c.manager, c)
    fake.delayNext(1500)
    const error = await syncGbpPost(app.payload, { tenant: c.tenant, kind: 'event', id }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(GbpCallError)
    expect(error).toMatchObject({ retryable: true, outcomeUnknown: true })
    expect(await rowsOf(c.tenant)).toMatchObject([{ state: 'creating', remote_name: null }])
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(postsAt(c.parent)).toHaveLength(1) // Google did make it

    const retried = await syncGbpPost(app.payload, { tenant: c.tenant, kind: 'event', id })
    expect(retried).toMatchObject({ created: 0, adopted: 1 })
    expect(callsAt(c.parent, 'POST')).toHaveLength(1)
    expect(postsAt(c.parent)).toHaveLength(1)
    expect(await rowsOf(c.tenant)).toMatchObject([{ state: 'posted', remote_name: postsAt(c.parent)[0].name }])
    // The job queued by the create runs too: nothing more is created.
    await runJobs()
    expect(callsAt(c.parent, 'POST')).toHaveLength(1)
  })

  it('runs at once for one event create one post (refresh-token credentials)', async () => {
    const c = await club({ credentials: REFRESH, config: { tokenUrl: fake.tokenUrl } })
    const id = await createEvent(c.manager, c)
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => syncGbpPost(app.payload, { tenant: c.tenant, kind: 'event', id })),
    )
    const created = results.filter((r) => r.status === 'fulfilled' && r.value.created === 1)
    expect(created).toHaveLength(1)
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(GbpBusy)
    await runJobs()
    expect(callsAt(c.parent, 'POST')).toHaveLength(1)
    expect(postsAt(c.parent)).toHaveLength(1)
    expect(await rowsOf(c.tenant)).toHaveLength(1)
    expect(fake.calls.some((call) => call.path === '/token' && call.status === 200)).toBe(true)
  })

  it('429 and 5xx are retried (the job backs off); other 4xx are recorded and not retried', async () => {
    const c = await club()
    const id = await createEvent(c.manager, c)
    fake.failNext(429)
    await expect(syncGbpPost(app.payload, { tenant: c.tenant, kind: 'event', id })).rejects.toMatchObject({
      status: 429,
      retryable: true,
    })
    expect((await rowsOf(c.tenant))[0].last_error).toMatch(/429/)
    fake.failNext(503)
    await expect(syncGbpPost(app.payload, { tenant: c.tenant, kind: 'event', id })).rejects.toMatchObject({
      status: 503,
    })
    expect(await syncGbpPost(app.payload, { tenant: c.tenant, kind: 'event', id })).toMatchObject({ created: 1 })
    expect(postsAt(c.parent)).toHaveLength(1)

    // Refused (400): recorded on the row and the connection, the job does not throw.
    const other = await createEvent(c.manager, c, { title: 'Swim' })
    fake.failNext(400)
    expect(await syncGbpPost(app.payload, { tenant: c.tenant, kind: 'event', id: other })).toMatchObject({
      refused: 1,
    })
    const refused = (await rowsOf(c.tenant)).find((r) => r.local_id === other)
    expect(refused).toMatchObject({ state: 'failed', remote_name: null })
    expect(refused?.last_error).toMatch(/400/)
    const [connection] = await q<{ last_error: string | null }>(
      sql`SELECT last_error FROM integration_connections WHERE tenant_id = ${c.tenant}`,
    )
    expect(connection.last_error).toMatch(/400/)

    // Through the queue: a 503 leaves the job to be retried later with backoff.
    await runJobs()
    const third = await createEvent(c.manager, c, { title: 'Yoga' })
    fake.failNext(503)
    await runJobs()
    const [job] = await q<{ has_error: boolean | null; total_tried: number; wait_until: string | null }>(
      sql`SELECT has_error, total_tried::int AS total_tried, wait_until FROM payload_jobs WHERE task_slug = ${GBP_SYNC_TASK} AND input->>'id' = ${third}`,
    )
    expect(job.total_tried).toBeGreaterThanOrEqual(1)
    expect(job.has_error).not.toBe(true)
    expect(new Date(String(job.wait_until)).getTime()).toBeGreaterThan(Date.now())
  })

  it('without a connection (or with a disconnected one) nothing is queued', async () => {
    const none = await club({ connect: false })
    const id = await createEvent(none.manager, none)
    expect(await queuedFor(id)).toHaveLength(0)

    const off = await club()
    await q(sql`UPDATE integration_connections SET status = 'disconnected' WHERE tenant_id = ${off.tenant}`)
    const offId = await createEvent(off.manager, off)
    expect(await queuedFor(offId)).toHaveLength(0)
    expect(await syncGbpPost(app.payload, { tenant: off.tenant, kind: 'event', id: offId })).toMatchObject({
      created: 0,
    })
    expect(callsAt(off.parent)).toHaveLength(0)

    // A draft is not queued either; an event at an unmapped location is queued but posts nothing.
    const c = await club()
    const draft = await createEvent(c.manager, c, { status: 'draft' })
    expect(await queuedFor(draft)).toHaveLength(0)
    const elsewhere = await createEvent(c.manager, c, { location: null, locationText: 'The park' })
    expect(await queuedFor(elsewhere)).toHaveLength(1)
    await runJobs()
    expect(callsAt(c.parent)).toHaveLength(0)
    expect(await rowsOf(c.tenant)).toHaveLength(0)
  })

  it('a wrong token is refused by Google and recorded', async () => {
    const c = await club({ credentials: { accessToken: 'stale' } })
    const id = await createEvent(c.manager, c)
    expect(await syncGbpPost(app.payload, { tenant: c.tenant, kind: 'event', id })).toMatchObject({ refused: 1 })
    expect((await rowsOf(c.tenant))[0]).toMatchObject({ state: 'failed' })
    expect((await rowsOf(c.tenant))[0].last_error).toMatch(/401/)
    expect(postsAt(c.parent)).toHaveLength(0)
  })
})

const jobsFor = (id: string) =>
  q<{
    id: string
    completed_at: string | null
    has_error: boolean | null
    wait_until: string | null
    input: Record<string, unknown>
  }>(
    sql`SELECT id, completed_at, has_error, wait_until, input FROM payload_jobs WHERE task_slug = ${GBP_SYNC_TASK} AND input->>'id' = ${id} ORDER BY created_at`,
  )

describe('Retry-After and the Retry button', () => {
  it('a 429 with Retry-After (seconds) queues the retry no earlier than that; then it posts', async () => {
    const c = await club()
    const id = await createEvent(c.manager, c)
    fake.failNext(429, 1, { 'retry-after': '120' })
    await runJobs()
    const limited = callsAt(c.parent).find((call) => call.status === 429)!
    // The limited run ended (completed jobs are deleted) after queueing its retry: one job left, waiting.
    const jobs = await jobsFor(id)
    expect(jobs).toHaveLength(1)
    const [retry] = jobs
    expect(retry).toMatchObject({ completed_at: null })
    expect(retry.has_error).not.toBe(true)
    expect(retry.input).toMatchObject({ tenant: c.tenant, kind: 'event', id, deferrals: 1 })
    // Not before Google's 120 s (exponential backoff alone would have retried after 10 s).
    expect(new Date(String(retry.wait_until)).getTime()).toBeGreaterThanOrEqual(limited.at + 119_000)
    expect(new Date(String(retry.wait_until)).getTime()).toBeLessThanOrEqual(limited.at + 125_000)
    await runJobs()
    expect(callsAt(c.parent, 'POST').filter((call) => call.status === 200)).toHaveLength(0)
    // Once that time has come (moved here to now), the retry posts.
    await q(sql`UPDATE payload_jobs SET wait_until = now() WHERE id = ${retry.id}`)
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(1)
    expect(await rowsOf(c.tenant)).toMatchObject([{ state: 'posted', last_error: null }])
  })

  it('a 503 with Retry-After as an HTTP date waits until that date', async () => {
    const c = await club()
    const id = await createEvent(c.manager, c)
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000)
    fake.failNext(503, 1, { 'retry-after': at.toUTCString() })
    await runJobs()
    const [retry, ...more] = await jobsFor(id)
    expect(more).toHaveLength(0)
    expect(retry.input).toMatchObject({ deferrals: 1 })
    expect(new Date(String(retry.wait_until)).getTime()).toBe(at.getTime())
    expect(postsAt(c.parent)).toHaveLength(0)
    // Without Retry-After the job itself is retried with its backoff (no second job).
    const other = await createEvent(c.manager, c, { title: 'Swim' })
    fake.failNext(503)
    await runJobs()
    const [backoff, ...none] = await jobsFor(other)
    expect(none).toHaveLength(0)
    expect(backoff.input.deferrals ?? null).toBeNull()
  })

  it('a failed post is retried from its Retry endpoint by a manager of its tenant only', async () => {
    const c = await club()
    const id = await createEvent(c.manager, c)
    fake.failNext(400)
    await runJobs()
    const { body } = await c.manager.get(`/api/gbp-posts?where[localId][equals]=${id}`)
    const [row] = body.docs as { id: string; state: string }[]
    expect(row.state).toBe('failed')
    expect(postsAt(c.parent)).toHaveLength(0)

    const other = await club()
    expect((await other.manager.post(`/api/gbp-posts/${row.id}/retry`)).status).toBe(404)
    const clerk = await createPerson(app.payload, { tenant: c.tenant, roles: ['front_desk'] })
    expect((await (await signIn(app, clerk.user.email)).client.post(`/api/gbp-posts/${row.id}/retry`)).status).toBe(404)
    expect((await app.http().post(`/api/gbp-posts/${row.id}/retry`)).status).toBe(401)
    expect(await jobsFor(id)).toHaveLength(0)

    const retried = await c.manager.post(`/api/gbp-posts/${row.id}/retry`)
    expect(retried.status).toBe(202)
    expect(retried.body).toMatchObject({ post: row.id, state: 'pending', job: expect.any(String) })
    expect((await rowsOf(c.tenant))[0]).toMatchObject({ state: 'pending', last_error: null })
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(1)
    expect((await rowsOf(c.tenant))[0]).toMatchObject({ state: 'posted' })
    // Only a failed post is retried.
    const again = await c.manager.post(`/api/gbp-posts/${row.id}/retry`)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: 'not_failed' })
  })
})

describe('Google Business Profile OFFER posts of advertised coupons', () => {
  const offer = (over: Record<string, unknown> = {}) => ({
    code: `WINTER${++counter}`,
    name: 'Winter: 20 % off the first month',
    type: 'percent',
    value: 20,
    advertise: true,
    startsAt: '2030-12-01T00:00:00.000Z',
    expiresAt: '2030-12-31T22:00:00.000Z',
    offerDescription: 'Join before the new year and save.',
    offerTerms: 'New members only.',
    ...over,
  })

  it('creates one OFFER post per Business location, patches changes, deletes when disabled or deleted', async () => {
    const defaultLocation = String(9000 + counter)
    const c = await club({ config: { defaultLocation } })
    const second = `accounts/4242/locations/${defaultLocation}`
    const created = await c.manager.post('/api/coupons', { tenant: c.tenant, ...offer() })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const coupon = String(created.body.doc.id)
    const code = String(created.body.doc.code)
    await runJobs()
    for (const parent of [c.parent, second]) {
      const [post] = postsAt(parent)
      expect(postsAt(parent)).toHaveLength(1)
      expect(post).toMatchObject({
        topicType: 'OFFER',
        summary: 'Join before the new year and save.',
        event: {
          title: 'Winter: 20 % off the first month',
          // Wall clock of the tenant's zone (Berlin): 1 Dec 01:00 – 31 Dec 23:00.
          schedule: {
            startDate: { year: 2030, month: 12, day: 1 },
            startTime: { hours: 1, minutes: 0 },
            endDate: { year: 2030, month: 12, day: 31 },
            endTime: { hours: 23, minutes: 0 },
          },
        },
        offer: { couponCode: code, termsConditions: 'New members only.' },
      })
      expect(String((post.offer as { redeemOnlineUrl: string }).redeemOnlineUrl)).toMatch(
        new RegExp(`/pricing\\?offer=${coupon}$`),
      )
    }
    expect((await rowsOf(c.tenant)).map((r) => r.state)).toEqual(['posted', 'posted'])
    // Its end is synced again: a job waits until just after expiresAt.
    const ends = (await jobsFor(coupon)).filter((j) => !j.completed_at)
    expect(ends.length).toBeGreaterThanOrEqual(1)
    expect(ends.every((j) => new Date(String(j.wait_until)).getTime() === Date.parse('2030-12-31T22:00:01.000Z'))).toBe(
      true,
    )

    // New terms: one PATCH per post naming only `offer`; a value change Google does not show sends nothing.
    expect((await c.manager.patch(`/api/coupons/${coupon}`, { offerTerms: 'New members, once.' })).status).toBe(200)
    await runJobs()
    const patches = fake.calls.filter(
      (call) =>
        call.method === 'PATCH' &&
        call.path.includes('/localPosts/') &&
        [c.parent, second].some((p) => call.path.startsWith(`/v4/${p}`)),
    )
    expect(patches.map((p) => p.query.updateMask)).toEqual(['offer', 'offer'])
    expect(postsAt(c.parent)[0]).toMatchObject({ offer: { termsConditions: 'New members, once.' } })
    expect((await c.manager.patch(`/api/coupons/${coupon}`, { value: 25 })).status).toBe(200)
    await runJobs()
    expect(
      fake.calls.filter((call) => call.method === 'PATCH' && call.path.startsWith(`/v4/${c.parent}`)),
    ).toHaveLength(1)

    // Disabled: both posts deleted; enabled again: posted again; the coupon deleted: gone.
    expect((await c.manager.patch(`/api/coupons/${coupon}`, { active: false })).status).toBe(200)
    await runJobs()
    expect([...postsAt(c.parent), ...postsAt(second)]).toHaveLength(0)
    expect((await rowsOf(c.tenant)).map((r) => r.state)).toEqual(['deleted', 'deleted'])
    expect((await c.manager.patch(`/api/coupons/${coupon}`, { active: true })).status).toBe(200)
    await runJobs()
    expect([...postsAt(c.parent), ...postsAt(second)]).toHaveLength(2)
    expect((await c.manager.delete(`/api/coupons/${coupon}`)).status).toBe(200)
    await runJobs()
    expect([...postsAt(c.parent), ...postsAt(second)]).toHaveLength(0)
  })

  it('no longer advertised → deleted; an offer that ended is deleted by the job at its end', async () => {
    const c = await club()
    const plain = await c.manager.post('/api/coupons', { tenant: c.tenant, ...offer({ advertise: false }) })
    expect(plain.status).toBe(201)
    await runJobs()
    expect(await jobsFor(String(plain.body.doc.id))).toHaveLength(0)

    const made = await c.manager.post('/api/coupons', { tenant: c.tenant, ...offer() })
    const coupon = String(made.body.doc.id)
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(1)
    expect((await c.manager.patch(`/api/coupons/${coupon}`, { advertise: false })).status).toBe(200)
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(0)

    // Ends in 2 s: posted now, deleted by the sync queued for its end.
    const soon = await c.manager.post('/api/coupons', {
      tenant: c.tenant,
      ...offer({
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        expiresAt: new Date(Date.now() + 2_000).toISOString(),
      }),
    })
    expect(soon.status, JSON.stringify(soon.body)).toBe(201)
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 3_500))
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(0)
    expect((await rowsOf(c.tenant)).filter((r) => r.local_id === String(soon.body.doc.id))).toMatchObject([
      { state: 'deleted' },
    ])
  })

  it('its last use spent → deleted; the use given back by a cancelled order → posted again', async () => {
    const c = await club()
    const product = await c.manager.post('/api/products', {
      tenant: c.tenant,
      name: 'Mat',
      slug: `mat-${++counter}`,
      kind: 'retail',
      price: { amount: 4000, currency: 'USD' },
    })
    expect(product.status, JSON.stringify(product.body)).toBe(201)
    const made = await c.manager.post('/api/coupons', {
      tenant: c.tenant,
      ...offer({
        maxUses: 1,
        startsAt: new Date(Date.now() - 86_400_000).toISOString(),
        expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      }),
    })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(1)

    const member = await createPerson(app.payload, { tenant: c.tenant, roles: ['member'] })
    const { client } = await signIn(app, member.user.email)
    const reserved = await client.post('/api/orders/reserve', {
      tenant: c.tenant,
      lines: [{ product: product.body.doc.id, quantity: 1 }],
      coupon: String(made.body.doc.code),
    })
    expect(reserved.status, JSON.stringify(reserved.body)).toBe(201)
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(0)

    const cancelled = await c.manager.post(`/api/orders/${reserved.body.order.id}/cancel`, {})
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    await runJobs()
    expect(postsAt(c.parent)).toHaveLength(1)
  })

  it('an advertised coupon needs a name, a start and an expiry after it', async () => {
    const c = await club()
    for (const over of [{ name: '' }, { startsAt: null }, { expiresAt: '2030-11-01T00:00:00.000Z' }]) {
      const res = await c.manager.post('/api/coupons', { tenant: c.tenant, ...offer(over) })
      expect(res.status, JSON.stringify(over)).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(/advertised offer/)
    }
  })
})

describe('isolation of gbp-posts', () => {
  it('leaks nothing of tenant B to visitors or tenant A, through REST, GraphQL and the Local API', async () => {
    const { result } = await isolationGridFor(app, ['gbp-posts'])
    expect(new Set(result.map((c) => c.collection))).toEqual(new Set(['gbp-posts']))
    expect(result.filter((c) => !c.ok)).toEqual([])
  }, 300_000)
})
