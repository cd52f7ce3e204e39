import { sql } from '@payloadcms/db-postgres'
import { createLocalReq, type PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import { facilityTestKit } from '../facilityTestKit'
import { startFakeTrackman, type FakeTrackman } from './fakeTrackmanServer'
import { reconcileTrackmanTenant } from './reconcileTrackmanTenant'
import { syncReservationToTrackman } from './syncReservationToTrackman'
import { TrackmanError } from './trackmanClient'
import { signTimestamped } from '@/core/integrations/timestampedSignature'
import { TRACKMAN_SIGNATURE_HEADER } from './trackmanSignatureHeader'

const app = useTestApp()
let fake: FakeTrackman

beforeAll(async () => {
  fake = await startFakeTrackman()
})
afterAll(async () => {
  await fake?.close()
})

type Club = {
  kit: ReturnType<typeof facilityTestKit>
  tenant: string
  apiKey: string
  webhookSecret: string
  desk: HttpClient
  members: string[]
  bay: (trackmanBayId?: string | null) => Promise<string>
}

let counter = 0
/** A club connected to the fake Trackman (its own API key: its own venue there), with a desk clerk. */
const club = async ({ connected = true } = {}): Promise<Club> => {
  const kit = facilityTestKit(app.payload)
  const tenant = String((await createTenant(app.payload, { timezone: kit.zone })).id)
  const apiKey = `tm_key_${++counter}_${Math.random().toString(36).slice(2, 8)}`
  const webhookSecret = `tm_whsec_${Math.random().toString(36).slice(2)}`
  if (connected) {
    await app.payload.create({
      collection: 'integration-connections',
      data: {
        tenant,
        provider: 'trackman',
        status: 'connected',
        config: { baseUrl: fake.url },
        credentialsInput: { apiKey, webhookSecret },
      } as never,
    })
  }
  const desk = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
  return {
    kit,
    tenant,
    apiKey,
    webhookSecret,
    desk: (await signIn(app, desk.user.email)).client,
    members: await kit.createMembers(tenant, 6),
    bay: async (trackmanBayId = `bay-${++counter}`) => {
      const id = await kit.createBay(tenant)
      await app.payload.update({ collection: 'facility-resources', id, data: { trackmanBayId } })
      return id
    },
  }
}

const localReq = () => createLocalReq({}, app.payload) as unknown as Promise<PayloadRequest>
const fast = { timeoutMs: 300, attempts: 3 }

/** Runs the queued Trackman work of a reservation (event deliveries to the Trackman subscribers, then the sync jobs) until none is left. */
const drain = async (kit: Club['kit'], reservation: string) => {
  for (let round = 0; round < 5; round++) {
    const jobs = await kit.q<{ id: string; task_slug: string }>(
      sql`SELECT id, task_slug FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE AND (
            (task_slug = 'deliverEvent' AND input->>'subscriber' LIKE 'facility.trackman%' AND input->'event'->'data'->>'reservation' = ${reservation})
            OR (task_slug = 'trackmanSyncReservation' AND input->>'reservation' = ${reservation}))
          ORDER BY created_at`,
    )
    if (jobs.length === 0) break
    for (const job of jobs) await app.payload.jobs.runByID({ id: job.id as never })
  }
  const done = await kit.q<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND task_slug = 'trackmanSyncReservation' AND input->>'reservation' = ${reservation}`,
  )
  expect(done[0].n).toBe(0)
}

const book = async (c: Club, bay: string, day: number, from: string, to: string, member = c.members[0]) => {
  const res = await c.desk.post('/api/reservations/book', {
    resource: bay,
    startAt: c.kit.at(day, from),
    endAt: c.kit.at(day, to),
    member,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return String(res.body.id)
}

describe('Trackman sync', () => {
  it('books, moves and cancels bookings in Trackman through the jobs queue', async () => {
    const c = await club()
    const bay = await c.bay('sim-1')
    const id = await book(c, bay, 2, '10:00', '11:00')
    // Nothing is sent from the request: the booking waits for the queue.
    expect(fake.bookings(c.apiKey)).toHaveLength(0)
    await drain(c.kit, id)
    expect(fake.bookings(c.apiKey)).toEqual([
      expect.objectContaining({
        externalBookingId: id,
        bayId: 'sim-1',
        start: c.kit.at(2, '10:00'),
        end: c.kit.at(2, '11:00'),
      }),
    ])

    // Staff move it in the admin: reservation.moved → the booking's times follow.
    await app.payload.update({
      collection: 'reservations',
      id,
      data: { startAt: c.kit.at(2, '12:00'), endAt: c.kit.at(2, '13:30') },
    })
    await drain(c.kit, id)
    expect(fake.bookings(c.apiKey).map((b) => [b.externalBookingId, b.start, b.end])).toEqual([
      [id, c.kit.at(2, '12:00'), c.kit.at(2, '13:30')],
    ])

    // The member cancels: the booking is deleted in Trackman.
    expect((await c.desk.post(`/api/reservations/${id}/cancel`, {})).status).toBe(200)
    await drain(c.kit, id)
    expect(fake.bookings(c.apiKey)).toHaveLength(0)
    const [conn] = await c.kit.q<{ last_sync_at: string | null; last_error: string | null }>(
      sql`SELECT last_sync_at, last_error FROM integration_connections WHERE tenant_id = ${c.tenant} AND provider = 'trackman'`,
    )
    expect(conn.last_sync_at).not.toBeNull()
    expect(conn.last_error).toBeNull()
  }, 60_000)

  it('queues nothing for a tenant without a Trackman connection, or with the flag off', async () => {
    const c = await club({ connected: false })
    const id = await book(c, await c.bay(), 2, '10:00', '11:00')
    const q = () =>
      c.kit.q<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'trackmanSyncReservation' AND input->>'reservation' = ${id}`,
      )
    await drain(c.kit, id)
    expect((await q())[0].n).toBe(0)

    const off = await club()
    await app.payload.create({
      collection: 'feature-flags',
      data: { tenant: off.tenant, featureKey: 'facility.trackman', enabled: false } as never,
    })
    const other = await book(off, await off.bay(), 2, '10:00', '11:00')
    await drain(off.kit, other)
    expect(fake.bookings(off.apiKey)).toHaveLength(0)
  }, 60_000)

  it('a retry after a timeout creates no duplicate', async () => {
    const c = await club()
    const bay = await c.bay('sim-timeout')
    const id = await book(c, bay, 3, '09:00', '10:00')
    // Trackman stores the first create but answers after the client gave up (300 ms).
    fake.delayCreates(1, 1000)
    const req = await localReq()
    // Inside one run: the timed-out create is retried by searching first, and found.
    expect(await syncReservationToTrackman(req, { tenant: c.tenant, reservation: id }, fast)).toBe('unchanged')
    expect(fake.bookings(c.apiKey).filter((b) => b.externalBookingId === id)).toHaveLength(1)

    // Across job runs: a run that gives up on the timeout throws (the job retries later)…
    const other = await book(c, bay, 3, '11:00', '12:00')
    fake.delayCreates(1, 1000)
    await expect(
      syncReservationToTrackman(req, { tenant: c.tenant, reservation: other }, { timeoutMs: 300, attempts: 1 }),
    ).rejects.toBeInstanceOf(TrackmanError)
    // …and the retry finds what Trackman stored.
    expect(await syncReservationToTrackman(req, { tenant: c.tenant, reservation: other }, fast)).toBe('unchanged')
    expect(fake.bookings(c.apiKey).filter((b) => b.externalBookingId === other)).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 800)) // let the late answers go out
    // The queued job converges on the same booking.
    await drain(c.kit, id)
    await drain(c.kit, other)
    expect(fake.bookings(c.apiKey)).toHaveLength(2)
  }, 60_000)

  it('syncs of one reservation running at once create one booking', async () => {
    const c = await club()
    const id = await book(c, await c.bay(), 4, '10:00', '11:00')
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, async () =>
        syncReservationToTrackman(await localReq(), { tenant: c.tenant, reservation: id }, fast),
      ),
    )
    expect(outcomes.sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged'])
    expect(fake.bookings(c.apiKey).filter((b) => b.externalBookingId === id)).toHaveLength(1)
  }, 30_000)

  it('fails a sync quietly into a retry when Trackman is unreachable, and notes the error on the connection', async () => {
    const c = await club()
    await app.payload.update({
      collection: 'integration-connections',
      where: { tenant: { equals: c.tenant } },
      data: { config: { baseUrl: 'http://127.0.0.1:9' } },
    })
    const id = await book(c, await c.bay(), 2, '15:00', '16:00')
    const req = await localReq()
    await expect(
      syncReservationToTrackman(req, { tenant: c.tenant, reservation: id }, { timeoutMs: 300, attempts: 1 }),
    ).rejects.toBeInstanceOf(TrackmanError)
    const [conn] = await c.kit.q<{ last_error: string | null }>(
      sql`SELECT last_error FROM integration_connections WHERE tenant_id = ${c.tenant} AND provider = 'trackman'`,
    )
    expect(conn.last_error).toContain('unreachable')
  }, 30_000)
})

describe('Trackman session webhooks', () => {
  const deliver = async (
    c: Club,
    event: unknown,
    { secret = c.webhookSecret, timestamp }: { secret?: string; timestamp?: number } = {},
  ) => {
    const raw = JSON.stringify(event)
    const res = await fetch(`${app.baseUrl}/api/facility/trackman/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TRACKMAN_SIGNATURE_HEADER]: signTimestamped(raw, secret, timestamp),
      },
      body: raw,
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const sessionRow = async (c: Club, id: string) =>
    (
      await c.kit.q(
        sql`SELECT checked_in_at, trackman_session_id, trackman_session_started_at, trackman_session_ended_at, updated_at FROM reservations WHERE id = ${id}`,
      )
    )[0]

  it('records a session once: a replayed webhook changes nothing; a bad or stale signature is 401', async () => {
    const c = await club()
    const id = await book(c, await c.bay(), 1, '10:00', '11:00')
    const started = {
      id: `evt_${Math.random().toString(36).slice(2)}`,
      type: 'session.started',
      data: { sessionId: 'sess_1', externalBookingId: id, startedAt: c.kit.at(1, '10:02') },
    }
    const first = await deliver(c, started)
    expect(first).toEqual({ status: 200, body: { received: true, duplicate: false, applied: true } })
    const after = await sessionRow(c, id)
    expect(after.trackman_session_id).toBe('sess_1')
    expect(new Date(after.checked_in_at as string).toISOString()).toBe(c.kit.at(1, '10:02'))

    const replay = await deliver(c, started)
    expect(replay).toEqual({ status: 200, body: { received: true, duplicate: true, applied: false } })
    expect(await sessionRow(c, id)).toEqual(after)
    const [{ n }] = await c.kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM inbound_webhooks WHERE source = 'trackman' AND event_id = ${started.id}`,
    )
    expect(n).toBe(1)

    const ended = {
      id: `evt_${Math.random().toString(36).slice(2)}`,
      type: 'session.ended',
      data: { sessionId: 'sess_1', externalBookingId: id, endedAt: c.kit.at(1, '10:58') },
    }
    const wrong = await deliver(c, ended, { secret: 'not-the-secret' })
    expect(wrong.status).toBe(401)
    expect(wrong.body.error).toBe('invalid_signature')
    const stale = await deliver(c, ended, { timestamp: Math.floor(Date.now() / 1000) - 3600 })
    expect(stale.status).toBe(401)
    expect((await sessionRow(c, id)).trackman_session_ended_at).toBeNull()
    const res = await fetch(`${app.baseUrl}/api/facility/trackman/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ended),
    })
    expect(res.status).toBe(401)

    expect((await deliver(c, ended)).body.applied).toBe(true)
    expect(new Date((await sessionRow(c, id)).trackman_session_ended_at as string).toISOString()).toBe(
      c.kit.at(1, '10:58'),
    )
    // Another club's secret does not sign for this club's reservation.
    const other = await club()
    const forged = await deliver(c, { ...ended, id: 'evt_forged' }, { secret: other.webhookSecret })
    expect(forged.status).toBe(401)
  }, 60_000)

  it('refuses a body that is not a Trackman event (400)', async () => {
    const c = await club()
    const res = await deliver(c, { hello: 'world' })
    expect(res.status).toBe(400)
  })
})

describe('Trackman nightly reconcile', () => {
  it('repairs planted drift (missing, orphans, duplicates, wrong times) and a second run changes nothing', async () => {
    const c = await club()
    const [bayA, bayB] = [await c.bay('A-1'), await c.bay('B-2')]
    const keep = await book(c, bayA, 1, '10:00', '11:00', c.members[0])
    const missing = await book(c, bayA, 2, '10:00', '11:00', c.members[1])
    const wrongTimes = await book(c, bayB, 3, '18:00', '19:00', c.members[2])
    const cancelled = await book(c, bayB, 4, '08:00', '09:00', c.members[3])
    const farAway = await book(c, bayB, 12, '08:00', '09:00', c.members[4])
    const req = await localReq()
    const opts = { days: 7, ...fast }

    // First run: Trackman had nothing of ours; everything within the week is created.
    expect(await reconcileTrackmanTenant(req, c.tenant, opts)).toEqual({
      checked: 4,
      created: 4,
      updated: 0,
      deleted: 0,
    })
    expect(fake.bookings(c.apiKey).map((b) => b.externalBookingId)).not.toContain(farAway)

    // Drift: one deleted in Trackman, one moved there, one cancelled here without a sync, an
    // orphan and a duplicate of ours, and a booking made in Trackman itself (left alone).
    const remote = (external: string) => fake.bookings(c.apiKey).find((b) => b.externalBookingId === external)!
    fake.remove(c.apiKey, remote(missing).id)
    fake.plant(c.apiKey, { ...remote(wrongTimes), start: c.kit.at(3, '17:00') })
    await c.kit.q(sql`UPDATE reservations SET status = 'cancelled', access_code = NULL WHERE id = ${cancelled}`)
    fake.plant(c.apiKey, {
      externalBookingId: '00000000-0000-4000-8000-000000000001',
      bayId: 'A-1',
      userAlias: 'Ghost',
      start: c.kit.at(5, '10:00'),
      end: c.kit.at(5, '11:00'),
    })
    const { id: _dropped, ...copy } = remote(keep)
    fake.plant(c.apiKey, copy)
    const walkIn = fake.plant(c.apiKey, {
      externalBookingId: null,
      bayId: 'A-1',
      userAlias: 'Walk-in',
      start: c.kit.at(1, '14:00'),
      end: c.kit.at(1, '15:00'),
    })

    expect(await reconcileTrackmanTenant(req, c.tenant, opts)).toEqual({
      checked: 3,
      created: 1,
      updated: 1,
      deleted: 3,
    })
    const after = fake.bookings(c.apiKey)
    expect(after.map((b) => b.externalBookingId).sort()).toEqual([keep, missing, wrongTimes, null].sort())
    expect(remote(wrongTimes).start).toBe(c.kit.at(3, '18:00'))
    expect(after).toContainEqual(walkIn)

    // Idempotent: a second run finds nothing to do and calls no write.
    const writes = () => fake.calls.filter((call) => call.method !== 'GET').length
    const before = writes()
    expect(await reconcileTrackmanTenant(req, c.tenant, opts)).toEqual({
      checked: 3,
      created: 0,
      updated: 0,
      deleted: 0,
    })
    expect(writes()).toBe(before)
    expect(fake.bookings(c.apiKey)).toEqual(after)
  }, 60_000)

  it('runs nightly from the jobs queue for every connected tenant', async () => {
    const c = await club()
    const id = await book(c, await c.bay('N-1'), 2, '10:00', '11:00')
    const job = await app.payload.jobs.queue({ task: 'trackmanReconcile', input: {} })
    await app.payload.jobs.runByID({ id: job.id })
    expect(fake.bookings(c.apiKey).map((b) => b.externalBookingId)).toEqual([id])
    const [row] = await c.kit.q<{ n: number }>(sql`SELECT count(*)::int AS n FROM payload_jobs WHERE id = ${job.id}`)
    expect(row.n).toBe(0) // completed (and deleted) even though another tenant's Trackman is unreachable
  }, 60_000)
})
