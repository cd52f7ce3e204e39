import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '@/core/db/startEmbeddedPostgres'
import { createPerson, createTenant, PASSWORD, signIn, startTestPayload, type TestApp } from '@/core/testing'
import { migrateTemplate } from '@/core/testing/migrateTemplate'
import { bookingsTestKit } from '@plugins/bookings/bookingsTestKit'
import { bookingInvariants } from './bookingInvariants'

// PostgreSQL restarted under load: a private embedded server (the run's is shared with other
// test files), stopped while bookings flow and started again on the same data directory.

const OUTAGE_MS = 3000
const LANES = 4
/** Far beyond any answer of a server that fails fast; only a request left hanging reaches it. */
const HUNG_MS = 10_000

type Attempt = { member: string; start: number; end: number; status: number; error?: string; bookingId?: string }

let dir: string
let port: number
let pgServer: EmbeddedPostgresHandle
let app: TestApp

const startServer = () => startEmbeddedPostgres({ dir, port, databases: [] })

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'atrium-fault-pg-'))
  port = await freePort()
  pgServer = await startServer()
  await migrateTemplate(pgServer.url('postgres'), 'atrium_tpl_restart')
  app = await startTestPayload({ pg: { serverUrl: pgServer.url('postgres'), template: 'atrium_tpl_restart' } })
}, 240_000)

afterAll(async () => {
  await app?.stop()
  await pgServer?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('PostgreSQL restarted while requests flow', () => {
  it('answers 503 quickly during the outage, recovers without a restart of the app, and writes nothing by halves', async () => {
    const kit = bookingsTestKit(app.payload)
    const tenant = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const desk = (await signIn(app, user.email)).client
    const members = await kit.createMembers(tenant, 2000)
    const klass = await kit.createClass(tenant, { capacity: 40, waitlistCapacity: 2000 })

    const attempts: Attempt[] = []
    let next = 0
    let stopFlow = false
    const lane = async () => {
      while (!stopFlow && next < members.length) {
        const member = members[next++]
        const start = Date.now()
        const res = await desk.post(`/api/classes/${klass.id}/book`, { member })
        attempts.push({
          member,
          start,
          end: Date.now(),
          status: res.status,
          error: res.body?.error,
          bookingId: res.body?.booking?.id,
        })
        // A client backs off after a 503 (fast refusals would use up the members before recovery).
        if (res.status === 503) await new Promise((r) => setTimeout(r, 20))
      }
    }
    const flow = Promise.all(Array.from({ length: LANES }, lane))

    await new Promise((r) => setTimeout(r, 1500))
    await pgServer.stop()
    const downAt = Date.now()
    // Payload's own routes too: a login during the outage is refused with 503 and says why.
    const loginStart = Date.now()
    const login = await app.http().post('/api/users/login', { email: user.email, password: PASSWORD })
    const loginMs = Date.now() - loginStart
    expect(login.status).toBe(503)
    expect(JSON.stringify(login.body)).toMatch(/database is unavailable/)
    await new Promise((r) => setTimeout(r, OUTAGE_MS - (Date.now() - downAt)))
    pgServer = await startServer()
    const upAt = Date.now()
    while (!attempts.some((a) => a.start >= upAt && a.status === 201) && Date.now() - upAt < 30_000)
      await new Promise((r) => setTimeout(r, 50))
    const recovered = attempts.find((a) => a.start >= upAt && a.status === 201)
    await new Promise((r) => setTimeout(r, 1000))
    stopFlow = true
    await flow

    const during = attempts.filter((a) => a.start >= downAt && a.end <= upAt)
    const slowest = Math.max(...during.map((a) => a.end - a.start))
    const mean = during.reduce((s, a) => s + a.end - a.start, 0) / Math.max(1, during.length)
    console.log(
      `[faults] database down ${upAt - downAt} ms: ${during.length} bookings answered meanwhile (mean ${mean.toFixed(0)} ms, slowest ${slowest} ms, login ${loginMs} ms); ` +
        `first booking confirmed ${recovered ? recovered.end - upAt : 'never'} ms after the server was back; ${attempts.length} attempts in all`,
    )

    // Fail fast, never hang, never 500.
    expect(during.length).toBeGreaterThan(0)
    expect(during.filter((a) => a.status !== 503 || a.error !== 'database_unavailable')).toEqual([])
    expect(attempts.filter((a) => a.end - a.start >= HUNG_MS)).toEqual([])
    expect(attempts.filter((a) => a.status !== 201 && a.status !== 503)).toEqual([])
    // Back without restarting the app.
    expect(recovered).toBeDefined()
    expect((await app.http().post('/api/users/login', { email: user.email, password: PASSWORD })).status).toBe(200)

    // Nothing half-written: counters equal rows, every confirmed answer is a booking.
    const confirmedIds = attempts.filter((a) => a.status === 201).map((a) => a.bookingId!)
    await bookingInvariants(kit, klass.id, { answered: confirmedIds })
    // A refused booking can be made again (or had committed just as the server went away: 409).
    const refused = attempts.filter((a) => a.status === 503)
    for (const { member } of refused) {
      const retry = await desk.post(`/api/classes/${klass.id}/book`, { member })
      expect([201, 409]).toContain(retry.status)
    }
    const booked = await bookingInvariants(kit, klass.id, { answered: confirmedIds })
    expect(booked.members).toBe(attempts.length)
    const [{ n }] = await kit.q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM bookings WHERE class_id = ${klass.id}`,
    )
    expect(n).toBe(attempts.length)
  }, 180_000)
})
