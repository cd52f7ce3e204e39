/**
 * The facility part of the bench (`BENCH_FACILITY=1 npm run bench`, run instead of the booking
 * parts; figures, not assertions). On a throwaway database (DATABASE_URL's server, else an embedded
 * PostgreSQL): one club (America/Chicago) with BENCH_FACILITY_BAYS (20) simulator bays open
 * 06:00–23:00 in 30-minute slots, BENCH_FACILITY_MEMBERS (64) members logged in for real, the
 * Payload REST handlers served over real HTTP in this process, driven by autocannon (cannon.ts):
 *   1. a day's availability (`GET /api/facility-resources/availability`, public) of the 20 bays,
 *      empty and after the bookings of part 2: ms p50/p95 and SQL statements per request, counted
 *      at the pg driver; and the staff bay grid's read (`readBayGrid`) of the same day;
 *   2. booking throughput: BENCH_FACILITY_BOOKINGS (400) `POST /api/reservations/book`, each on a
 *      distinct (bay, start) of tomorrow, at BENCH_FACILITY_CONNECTIONS (32) connections, while a
 *      hot-bay burst of BENCH_FACILITY_BURST (100) requests for one bay and slot runs beside them
 *      at 16 more: bookings per second, p50/p99, statements per booking; the burst must end with
 *      exactly one reservation (the exclusion constraint decides, the rest 409 `slot_taken`).
 */
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { cannon } from './cannon'
import type { LoadRequest } from './loadWorker'
import { percentile, summarize } from './stats'
import { openBenchApp } from './benchApp'

const numberEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const BAYS = numberEnv('BENCH_FACILITY_BAYS', 20)
const MEMBERS = numberEnv('BENCH_FACILITY_MEMBERS', 64)
const BOOKINGS = numberEnv('BENCH_FACILITY_BOOKINGS', 400)
const BURST = numberEnv('BENCH_FACILITY_BURST', 100)
const READS = numberEnv('BENCH_FACILITY_READS', 100)
const CONNECTIONS = numberEnv('BENCH_FACILITY_CONNECTIONS', 32)
const ZONE = 'America/Chicago'
const PASSWORD = 'bench-password-1'

export const runFacilityBench = async () => {
  const { drop, log, payload, sqlPool, q } = await openBenchApp('facility', 'atrium_bench_fac')

  const { createLocalReq } = await import('payload')
  const { startTestServer } = await import('../../src/core/testing/testServer')
  const { closePayload } = await import('../../src/core/db/closePayload')
  const { addDays, fromWallTime, localDate } = await import('../../src/core')
  const { readBayGrid } = await import('../../plugins/facility/operations/readBayGrid')

  // ---- volume: a club, its bays (and one hot bay for the burst) and members sharing one password hash
  const tenant = await payload.create({
    collection: 'tenants',
    data: {
      name: 'Bench club',
      slug: `bench-fac-${randomBytes(3).toString('hex')}`,
      timezone: ZONE,
      currency: 'USD',
      status: 'active',
    },
  })
  const t = String(tenant.id)
  const bay = async (name: string) =>
    String(
      (
        await payload.create({
          collection: 'facility-resources',
          data: {
            tenant: t,
            name,
            type: 'simulator_bay',
            capacity: 4,
            openingHours: (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((weekday) => ({
              weekday,
              opensAt: '06:00',
              closesAt: '23:00',
            })),
            bookingRules: {
              slotMinutes: 30,
              minMinutes: 30,
              maxMinutes: 240,
              bufferBeforeMinutes: 0,
              bufferAfterMinutes: 0,
              bookingWindowDays: 14,
              requiresApproval: false,
            },
            pricing: {
              mode: 'per_player_split',
              currency: 'USD',
              guestFee: 1500,
              rates: [{ tier: null, peak: 4500, offPeak: 2900 }],
              peakHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], startsAt: '17:00', endsAt: '21:00' }],
            },
          },
        })
      ).id,
    )
  const bays: string[] = []
  for (let i = 1; i <= BAYS; i++) bays.push(await bay(`Bay ${i}`))
  const hot = await bay('Hot bay')
  const template = await payload.create({
    collection: 'users',
    data: { email: 'template@fac.bench', password: PASSWORD, name: 'Template' },
  })
  const [pw] = await q<{ salt: string; hash: string }>('SELECT salt, hash FROM users WHERE id = $1', [template.id])
  await q(
    `INSERT INTO users (email, name, salt, hash) SELECT 'golfer-' || g || '@fac.bench', 'Golfer ' || g, $2, $3 FROM generate_series(1, $1::int) g`,
    [MEMBERS, pw.salt, pw.hash],
  )
  await q(
    `INSERT INTO tenant_memberships (tenant_id, user_id, status, profile_display_name, joined_at)
     SELECT $1, id, 'active', name, now() FROM users WHERE email LIKE 'golfer-%@fac.bench'`,
    [t],
  )
  // The users' tenant list mirrors their memberships (as seedVolume writes it).
  await q(
    `INSERT INTO users_tenants (_order, _parent_id, id, tenant_id)
     SELECT 1, m.user_id, md5(m.id::text), m.tenant_id FROM tenant_memberships m WHERE m.tenant_id = $1`,
    [t],
  )
  await q(
    `INSERT INTO tenant_memberships_roles ("order", parent_id, value) SELECT 1, id, 'member' FROM tenant_memberships WHERE tenant_id = $1`,
    [t],
  )
  await q('ANALYZE')
  log(`volume: ${BAYS} bays + a hot bay, ${MEMBERS} members`)

  // Statements the server sends to PostgreSQL, counted at the driver the Postgres adapter uses.
  let statements = 0
  const adapterPg = createRequire(fileURLToPath(import.meta.resolve('@payloadcms/db-postgres')))('pg') as typeof pg
  const clientQuery = adapterPg.Client.prototype.query
  adapterPg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof clientQuery

  const server = await startTestServer(payload.config)
  const tokens: string[] = []
  for (let i = 1; i <= MEMBERS; i += 8) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(8, MEMBERS - i + 1) }, async (_, k) => {
        const res = await fetch(`${server.url}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `golfer-${i + k}@fac.bench`, password: PASSWORD }),
        })
        if (res.status !== 200) throw new Error(`bench login answered ${res.status}`)
        return ((await res.json()) as { token: string }).token
      }),
    )
    tokens.push(...batch)
  }
  log(`${tokens.length} members logged in`)

  const day = addDays(localDate(new Date(), ZONE), 1)
  const [year, month, date] = day.split('-').map(Number)
  const at = (minutesFromSix: number) =>
    new Date(fromWallTime({ year, month, day: date, hour: 6, minute: 0 }, ZONE).getTime() + minutesFromSix * 60_000)

  // ---- 1. a day's availability (sequential: ms and statements per request)
  const availability = async (what: string) => {
    const url = `${server.url}/api/facility-resources/availability?tenant=${t}&date=${day}`
    const first = await fetch(url) // warm-up
    if (first.status !== 200) throw new Error(`availability answered ${first.status}`)
    const body = (await first.json()) as { resources: { slots: { free: boolean }[] }[] }
    const free = body.resources.reduce((n, r) => n + r.slots.filter((s) => s.free).length, 0)
    const times: number[] = []
    statements = 0
    for (let i = 0; i < READS; i++) {
      const t0 = performance.now()
      const res = await fetch(url)
      await res.arrayBuffer()
      times.push(performance.now() - t0)
    }
    log(
      `availability of ${body.resources.length} resources (${what}, ${free} free slots): p50=${percentile(times, 50).toFixed(1)} ms  p95=${percentile(times, 95).toFixed(1)} ms  statements/request=${(statements / READS).toFixed(1)}  (${READS} reads)`,
    )
    const req = await createLocalReq({}, payload)
    statements = 0
    const g0 = performance.now()
    const grid = await readBayGrid(req, { tenant: t, date: day })
    log(
      `staff bay grid read (${what}): ${grid.reservations.length} reservations in ${(performance.now() - g0).toFixed(1)} ms, ${statements} statements`,
    )
  }
  await availability('empty day')

  // ---- 2. booking throughput on distinct bays beside a hot-bay burst
  const slotsPerBay = (23 - 6) * 2
  const distinct: LoadRequest[] = Array.from(
    { length: Math.min(BOOKINGS, BAYS * slotsPerBay) },
    (_, i): LoadRequest => ({
      method: 'POST',
      url: `${server.url}/api/reservations/book`,
      headers: { authorization: `JWT ${tokens[i % tokens.length]}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        resource: bays[i % BAYS],
        startAt: at(Math.floor(i / BAYS) * 30).toISOString(),
        endAt: at(Math.floor(i / BAYS) * 30 + 30).toISOString(),
      }),
    }),
  )
  const burst: LoadRequest[] = Array.from(
    { length: BURST },
    (_, i): LoadRequest => ({
      method: 'POST',
      url: `${server.url}/api/reservations/book`,
      headers: { authorization: `JWT ${tokens[i % tokens.length]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ resource: hot, startAt: at(11 * 60).toISOString(), endAt: at(12 * 60).toISOString() }),
    }),
  )
  // One booking first, on its own: a refusal here is a set-up error, shown with its answer.
  const sample = distinct.pop()!
  const first = await fetch(sample.url, { method: 'POST', headers: sample.headers, body: sample.body })
  if (first.status !== 201) throw new Error(`a sample booking answered ${first.status}: ${await first.text()}`)
  statements = 0
  const [spread, raced] = await Promise.all([
    cannon(server.url, distinct, CONNECTIONS),
    cannon(server.url, burst, Math.min(16, BURST)),
  ])
  const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length
  const perBooking = statements / (distinct.length + burst.length)
  log(
    `distinct bays: ${JSON.stringify(summarize(spread.latenciesMs, spread.elapsedMs))}  201=${count(spread.statuses, 201)} other=${spread.statuses.length - count(spread.statuses, 201)}`,
  )
  log(
    `hot-bay burst of ${BURST}: resolved in ${raced.elapsedMs.toFixed(0)} ms  201=${count(raced.statuses, 201)} 409=${count(raced.statuses, 409)} other=${raced.statuses.length - count(raced.statuses, 201) - count(raced.statuses, 409)}  p99=${percentile(raced.latenciesMs, 99).toFixed(1)} ms`,
  )
  log(`statements per booking request (both runs): ${perBooking.toFixed(1)}`)
  const [{ held }] = await q<{ held: number }>(
    `SELECT count(*)::int AS held FROM reservations WHERE resource_id = $1 AND status IN ('requested', 'confirmed')`,
    [hot],
  )
  if (held !== 1) throw new Error(`the hot bay holds ${held} reservations (expected exactly 1)`)
  log('hot bay: exactly one reservation')

  await availability('after the bookings')

  log('cleaning up')
  await server.close()
  await sqlPool.end()
  await closePayload(payload)
  await drop()
  log('done')
}
