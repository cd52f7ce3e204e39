/**
 * `npm run bench`: the booking hot path under load, printed beside baselines (figures, not
 * assertions). Seeds a realistic volume into a throwaway database (DATABASE_URL's server, else an
 * embedded PostgreSQL), serves the real Payload REST handlers over real HTTP in this process and
 * drives them from a worker thread:
 *   1. booking throughput and p50/p99 at 32 concurrent clients over many classes, beside a raw-SQL
 *      baseline of the same work (conditional UPDATE + INSERT in a transaction);
 *   2. 200 simultaneous attempts on one 20-place class: time to resolve, places confirmed;
 *   3. schedule reads (GET /api/schedule) beside the week's SELECT in raw SQL and a plain Payload
 *      REST find of the same week;
 *   4. SQL statements per request, counted at the pg driver.
 * Env: BENCH_TENANTS (200), BENCH_DAYS (365), BENCH_BOOKINGS (4000), BENCH_READS (4000); BENCH_PROFILE=1
 * writes a CPU profile of the server during the booking run (bench-book.cpuprofile).
 */
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import type { LoadJob, LoadRequest, LoadResult } from './bench/loadWorker'
import { percentile, summarize } from './bench/stats'
import { seedVolume } from './bench/seedVolume'
import { postgresCpuMs, threadCpuMs } from './bench/cpuTime'

const numberEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const TENANTS = numberEnv('BENCH_TENANTS', 200)
const DAYS = numberEnv('BENCH_DAYS', 365)
const BOOKINGS = numberEnv('BENCH_BOOKINGS', 4000)
const READS = numberEnv('BENCH_READS', 4000)
const CLIENTS = 32
const PASSWORD = 'bench-password-1'

const started = Date.now()
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`)
const withDatabase = (serverUrl: string, database: string) =>
  Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString()

// ---- database -------------------------------------------------------------------------------
let stopServer = async () => undefined as void
let serverUrl = process.env.DATABASE_URL
if (!serverUrl) {
  const { freePort, startEmbeddedPostgres } = await import('../src/core/db/startEmbeddedPostgres')
  const dir = await mkdtemp(path.join(os.tmpdir(), 'atrium-bench-pg-'))
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), throwaway: true, databases: [] })
  serverUrl = server.url('postgres')
  stopServer = server.stop
}
const database = `atrium_bench_${randomBytes(4).toString('hex')}`
const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
await admin.connect()
await admin.query(`CREATE DATABASE "${database}"`)
await admin.end()
const databaseUrl = withDatabase(serverUrl, database)
Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
  NODE_ENV: 'production',
  PAYLOAD_SECRET: randomBytes(24).toString('hex'),
  LOG_LEVEL: 'error',
  JOBS_AUTORUN: 'false',
  LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'atrium-bench-data-')),
})
log(`database ${database} on ${new URL(serverUrl).host}`)

const { getPayload } = await import('payload')
const { default: config } = await import('../payload.config')
const { startTestServer } = await import('../src/core/testing/testServer')
const { closePayload } = await import('../src/core/db/closePayload')
const payload = await getPayload({ config, cron: false })
await payload.db.migrate()
log('migrated')

// ---- volume ---------------------------------------------------------------------------------
const sqlPool = new pg.Pool({ connectionString: databaseUrl, max: CLIENTS })
const template = await payload.create({
  collection: 'users',
  data: { email: 'template@bench.test', password: PASSWORD, name: 'Template' },
})
const {
  rows: [pw],
} = await sqlPool.query('SELECT salt, hash FROM users WHERE id = $1', [template.id])
await seedVolume(
  sqlPool,
  { tenants: TENANTS, membersPerTenant: 50, hotTenantMembers: 260, days: DAYS, classesPerLocationPerDay: 2 },
  pw,
)
const counts = (
  await sqlPool.query(`SELECT (SELECT count(*) FROM tenants) AS tenants, (SELECT count(*) FROM classes) AS classes,
  (SELECT count(*) FROM bookings) AS bookings, (SELECT count(*) FROM tenant_memberships) AS members`)
).rows[0]
log(
  `volume: ${counts.tenants} tenants, ${counts.members} memberships, ${counts.classes} classes, ${counts.bookings} bookings`,
)

const server = await startTestServer(config)
// The worker registers tsx itself (loader flags do not reach worker threads on Node 20).
const workerEntry = new URL('./bench/loadWorker.ts', import.meta.url).href
const worker = new Worker(
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerEntry)}) })`,
  { eval: true },
)
const load = (job: LoadJob) =>
  new Promise<LoadResult>((resolve) => {
    worker.once('message', resolve)
    worker.postMessage(job)
  })

// Statements the server sends to PostgreSQL, counted at the driver the Postgres adapter uses.
let statements = 0
const adapterPg = createRequire(fileURLToPath(import.meta.resolve('@payloadcms/db-postgres')))('pg') as typeof pg
const clientQuery = adapterPg.Client.prototype.query
adapterPg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args)
} as typeof clientQuery
/** BENCH_PROFILE=1: a V8 CPU profile of the server's main thread during a run, saved as bench-<name>.cpuprofile. */
const startProfile = async (name: string) => {
  const { Session } = await import('node:inspector/promises')
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.start')
  return async () => {
    const { profile } = await session.post('Profiler.stop')
    const file = path.resolve(`bench-${name}.cpuprofile`)
    await writeFile(file, JSON.stringify(profile))
    session.disconnect()
    log(`CPU profile written to ${file}`)
  }
}
// Node CPU the server spends per request: the main thread's busy time (event-loop utilisation;
// the load generator runs on its own thread), independent of how busy the rest of the machine is.
const countedRun = async (job: LoadJob, profileAs?: string) => {
  statements = 0
  const stopProfile = profileAs && process.env.BENCH_PROFILE ? await startProfile(profileAs) : undefined
  const before = performance.eventLoopUtilization()
  const [serverCpu, pgCpu] = [threadCpuMs(), await postgresCpuMs(database)]
  const result = await load(job)
  const busyMs = performance.eventLoopUtilization(before).active
  const [serverCpuAfter, pgCpuAfter] = [threadCpuMs(), await postgresCpuMs(database)]
  await stopProfile?.()
  const perRequest = (ms: number) => Number((ms / job.requests.length).toFixed(2))
  return {
    result,
    statementsPerRequest: Number((statements / job.requests.length).toFixed(1)),
    nodeMsPerRequest: perRequest(busyMs),
    cpu: `server ${perRequest(serverCpuAfter - serverCpu)} + postgres ${perRequest(pgCpuAfter - pgCpu)} + load generator ${perRequest(result.cpuMs)} ms`,
  }
}

/** Real logins (Payload's password check and session), 8 at a time; returns the session tokens. */
const login = async (emails: string[]) => {
  const tokens: string[] = []
  for (let i = 0; i < emails.length; i += 8) {
    const batch = await Promise.all(
      emails.slice(i, i + 8).map(async (email) => {
        const res = await fetch(`${server.url}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: PASSWORD }),
        })
        if (res.status !== 200) throw new Error(`bench login of ${email} answered ${res.status}`)
        return ((await res.json()) as { token: string }).token
      }),
    )
    tokens.push(...batch)
  }
  return tokens
}

const report: Record<string, unknown> = {}
const print = (label: string, figures: Record<string, unknown>) => {
  report[label] = figures
  log(
    `${label}: ${Object.entries(figures)
      .map(([k, v]) => `${k}=${v}`)
      .join('  ')}`,
  )
}

// ---- 1. booking throughput ------------------------------------------------------------------
// 32 clients, each a member of one of 8 busy tenants, each booking distinct upcoming classes.
const busy = (
  await sqlPool.query(`SELECT id, slug FROM tenants WHERE slug LIKE 'bench-%' ORDER BY slug OFFSET 1 LIMIT 8`)
).rows as { id: string; slug: string }[]
const clientEmails = Array.from({ length: CLIENTS }, (_, i) => `m${10 + Math.floor(i / 8)}@${busy[i % 8].slug}.bench`)
log('logging in bench clients')
const tokens = await login(clientEmails)
const upcoming = new Map<string, string[]>()
for (const t of busy) {
  const { rows } = await sqlPool.query(
    `SELECT id FROM classes WHERE tenant_id = $1 AND status = 'scheduled' AND start_time > now() + interval '1 hour' AND start_time < now() + interval '29 days' ORDER BY start_time`,
    [t.id],
  )
  upcoming.set(
    t.id,
    rows.map((r) => r.id),
  )
}
const bookingRequests: LoadRequest[] = []
for (let round = 0; bookingRequests.length < BOOKINGS; round++) {
  let added = 0
  for (let i = 0; i < CLIENTS && bookingRequests.length < BOOKINGS; i++) {
    const classes = upcoming.get(busy[i % 8].id) ?? []
    const classId = classes[round]
    if (!classId) continue
    added++
    bookingRequests.push({
      method: 'POST',
      url: `${server.url}/api/classes/${classId}/book`,
      headers: { authorization: `JWT ${tokens[i]}`, 'content-type': 'application/json' },
      body: '{}',
    })
  }
  if (!added) break
}
log(
  `booking: ${bookingRequests.length} requests over ${new Set(bookingRequests.map((r) => r.url)).size} classes at ${CLIENTS} clients`,
)
await load({
  requests: Array.from({ length: 200 }, () => ({
    method: 'GET',
    url: `${server.url}/api/schedule?tenant=${busy[0].slug}`,
  })),
  concurrency: 8,
}) // warm-up
const booked = await countedRun({ requests: bookingRequests, concurrency: CLIENTS }, 'book')
const bookStatuses = Object.entries(
  booked.result.statuses.reduce<Record<number, number>>((acc, s) => ((acc[s] = (acc[s] ?? 0) + 1), acc), {}),
)
print('book via HTTP', {
  ...summarize(booked.result.latenciesMs, booked.result.elapsedMs),
  statuses: bookStatuses.map(([s, n]) => `${s}x${n}`).join(','),
  sqlPerRequest: booked.statementsPerRequest,
  nodeMsPerRequest: booked.nodeMsPerRequest,
  cpuPerRequest: booked.cpu,
})

// Raw-SQL baseline of the same work: conditional UPDATE + INSERT in a transaction, 32 connections.
const baselineMembers = (
  await sqlPool.query(
    `SELECT m.id, m.tenant_id FROM tenant_memberships m JOIN users u ON u.id = m.user_id WHERE u.email ~ '^m(2[0-9]|3[0-9])@bench-00[2-9]' ORDER BY m.id`,
  )
).rows as { id: string; tenant_id: string }[]
const work: { classId: string; member: string; tenant: string }[] = []
for (let round = 0; work.length < bookingRequests.length; round++) {
  let added = 0
  for (const m of baselineMembers) {
    const classId = upcoming.get(m.tenant_id)?.[round]
    if (!classId || work.length >= bookingRequests.length) continue
    added++
    work.push({ classId, member: m.id, tenant: m.tenant_id })
  }
  if (!added) break
}
{
  let next = 0
  const latencies: number[] = []
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const client = await sqlPool.connect()
      try {
        while (next < work.length) {
          const w = work[next++]
          const s = performance.now()
          await client.query('BEGIN')
          const taken = await client.query(
            `UPDATE classes SET booked_count = booked_count + 1 WHERE id = $1 AND status = 'scheduled' AND booked_count < capacity RETURNING start_time`,
            [w.classId],
          )
          if (taken.rowCount) {
            await client.query(
              `INSERT INTO bookings (tenant_id, class_id, member_id, start_time, status, payment_method, source) VALUES ($1, $2, $3, $4, 'confirmed', 'free', 'member')`,
              [w.tenant, w.classId, w.member, taken.rows[0].start_time],
            )
          }
          await client.query('COMMIT')
          latencies.push(performance.now() - s)
        }
      } finally {
        client.release()
      }
    }),
  )
  print('book raw SQL baseline', summarize(latencies, performance.now() - t0))
}
const overbooked = (
  await sqlPool.query(`SELECT count(*)::int AS n FROM classes c WHERE c.booked_count > c.capacity
  OR c.booked_count <> (SELECT count(*) FROM bookings b WHERE b.class_id = c.id AND b.status IN ('confirmed', 'checked_in'))`)
).rows[0].n
print('booking invariants', { classesOverbookedOrMiscounted: overbooked })

// ---- 2. 200 simultaneous attempts on one class ----------------------------------------------
const [hot] = (await sqlPool.query(`SELECT id FROM tenants WHERE slug = 'bench-001'`)).rows
const {
  rows: [target],
} = await sqlPool.query(
  `SELECT id, capacity FROM classes WHERE tenant_id = $1 AND status = 'scheduled' AND start_time > now() + interval '1 day' ORDER BY start_time LIMIT 1`,
  [hot.id],
)
log('logging in 200 members of bench-001')
const raceTokens = await login(Array.from({ length: 200 }, (_, i) => `m${51 + i}@bench-001.bench`))
const race = await load({
  concurrency: 200,
  requests: raceTokens.map((token) => ({
    method: 'POST',
    url: `${server.url}/api/classes/${target.id}/book`,
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: '{}',
  })),
})
const {
  rows: [raceRow],
} = await sqlPool.query(
  `SELECT booked_count::int AS booked, waitlist_count::int AS waitlisted,
          (SELECT count(*)::int FROM bookings WHERE class_id = $1 AND status = 'confirmed') AS confirmed,
          (SELECT count(DISTINCT waitlist_position)::int FROM bookings WHERE class_id = $1 AND status = 'waitlisted') AS positions
   FROM classes WHERE id = $1`,
  [target.id],
)
print('200 attempts on one class', {
  resolvedInMs: Math.round(race.elapsedMs),
  capacity: Number(target.capacity),
  confirmed: raceRow.confirmed,
  waitlisted: raceRow.waitlisted,
  distinctWaitlistPositions: raceRow.positions,
  refused: race.statuses.filter((s) => s === 409).length,
  p99: Number(percentile(race.latenciesMs, 99).toFixed(1)),
})

// ---- 3. schedule reads ----------------------------------------------------------------------
const slugs = (await sqlPool.query(`SELECT id, slug FROM tenants WHERE slug LIKE 'bench-%' ORDER BY slug`)).rows as {
  id: string
  slug: string
}[]
const monday = new Date()
monday.setUTCHours(0, 0, 0, 0)
const from = monday.toISOString()
const to = new Date(monday.getTime() + 7 * 86_400_000).toISOString()
const readRequests = (url: (t: { id: string; slug: string }) => string): LoadRequest[] =>
  Array.from({ length: READS }, (_, i) => ({ method: 'GET', url: url(slugs[i % slugs.length]) }))
const ours = await countedRun({
  requests: readRequests((t) => `${server.url}/api/schedule?tenant=${t.slug}&from=${from}&to=${to}`),
  concurrency: CLIENTS,
})
print('schedule via HTTP', {
  ...summarize(ours.result.latenciesMs, ours.result.elapsedMs),
  non200: ours.result.statuses.filter((s) => s !== 200).length,
  sqlPerRequest: ours.statementsPerRequest,
  nodeMsPerRequest: ours.nodeMsPerRequest,
  cpuPerRequest: ours.cpu,
})
{
  let next = 0
  const latencies: number[] = []
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < READS) {
        const t = slugs[next++ % slugs.length]
        const s = performance.now()
        await sqlPool.query(
          `SELECT c.*, l.name AS location_name, m.profile_display_name AS instructor_name FROM tenants t JOIN classes c ON c.tenant_id = t.id
           LEFT JOIN locations l ON l.id = c.location_id LEFT JOIN tenant_memberships m ON m.id = c.instructor_id
           WHERE t.slug = $1 AND c.start_time >= $2 AND c.start_time < $3 ORDER BY c.start_time`,
          [t.slug, from, to],
        )
        latencies.push(performance.now() - s)
      }
    }),
  )
  print('schedule raw SQL baseline', summarize(latencies, performance.now() - t0))
}
const plain = await countedRun({
  requests: readRequests(
    (t) =>
      `${server.url}/api/classes?where[tenant][equals]=${t.id}&where[startTime][greater_than_equal]=${from}&where[startTime][less_than]=${to}&limit=100&sort=startTime`,
  ).slice(0, Math.min(READS, 1000)),
  concurrency: CLIENTS,
})
print('schedule via plain Payload REST find', {
  ...summarize(plain.result.latenciesMs, plain.result.elapsedMs),
  non200: plain.result.statuses.filter((s) => s !== 200).length,
  sqlPerRequest: plain.statementsPerRequest,
  nodeMsPerRequest: plain.nodeMsPerRequest,
  cpuPerRequest: plain.cpu,
})

// ---- done -----------------------------------------------------------------------------------
console.log(
  JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, volume: counts, ...report }, null, 2),
)
await worker.terminate()
await server.close()
await sqlPool.end()
await closePayload(payload)
const dropper = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') })
await dropper.connect()
await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
await dropper.end()
await stopServer()
log('done')
process.exit(0)
