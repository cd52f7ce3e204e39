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
 *   4. SQL statements per request, counted at the pg driver;
 *   5. the staff home's read functions on the largest tenant;
 *   6. the same booking, one-class race, schedule and plain REST runs through the production build
 *      (`next start`, a separate process) with autocannon as the load generator, then the member
 *      site's home, schedule and pricing pages and a signed-in account page; optionally two web
 *      processes, the jobs worker and a round-robin proxy (BENCH_WEB_PROCESSES=2);
 *   7. the website (issue 16): the blog list and sitemap index through the REST handlers, the time
 *      to generate a sitemap of BENCH_SITEMAP_URLS (50,000) URLs, and through `next start` the blog
 *      list and post pages, sitemap.xml and a 50,000-URL sitemap file.
 * Env: BENCH_TENANTS (200), BENCH_DAYS (365), BENCH_BOOKINGS (4000), BENCH_READS (4000);
 * BENCH_POSTS (30 published posts), BENCH_SITEMAP_URLS (50000);
 * BENCH_NEXT=0 skips next start; BENCH_BUILD=auto (build when missing or older than the sources) |
 * always | reuse; BENCH_WEB_PROCESSES (1); BENCH_PROFILE=1 writes CPU profiles of the in-process
 * server (bench-book.cpuprofile) and of a next start server under the booking load (bench-profiles/).
 * BENCH_MARKETING=1 runs the marketing part instead (scripts/bench/marketing.ts: audience preview on
 * 50,000 members, event → enrolment throughput, the time-trigger job).
 * BENCH_FACILITY=1 runs the facility part instead (scripts/bench/facility.ts: a day's availability
 * of 20 bays in ms and SQL statements, booking throughput on distinct bays beside a hot-bay burst).
 * BENCH_LMS=1 runs the lms part instead (scripts/bench/lms.ts: the access decision's SQL statements
 * and ms, in process and per HTTP request; a signed HLS segment through next start beside the same
 * file as a static asset).
 */
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import type { LoadJob, LoadRequest, LoadResult } from './bench/loadWorker'
import { percentile, summarize } from './bench/stats'
import { seedVolume } from './bench/seedVolume'
import { postgresCpuMs, threadCpuMs } from './bench/cpuTime'
import { openBenchDatabase } from './bench/benchDatabase'

// ---- marketing ----
if (process.env.BENCH_MARKETING === '1') {
  const { runMarketingBench } = await import('./bench/marketing')
  await runMarketingBench()
  process.exit(0)
}
// ---- /marketing ----
// ---- lms ----
if (process.env.BENCH_LMS === '1') {
  const { runLmsBench } = await import('./bench/lms')
  await runLmsBench()
  process.exit(0)
}
// ---- /lms ----

// fac_walkin: facility (issue 15)
if (process.env.BENCH_FACILITY === '1') {
  const { runFacilityBench } = await import('./bench/facility')
  await runFacilityBench()
  process.exit(0)
}
// end fac_walkin

const numberEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const TENANTS = numberEnv('BENCH_TENANTS', 200)
const DAYS = numberEnv('BENCH_DAYS', 365)
const BOOKINGS = numberEnv('BENCH_BOOKINGS', 4000)
const READS = numberEnv('BENCH_READS', 4000)
const CLIENTS = 32
const PASSWORD = 'bench-password-1'

const started = Date.now()
const log = (line: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`)

// ---- database -------------------------------------------------------------------------------
const { database, databaseUrl, label, drop } = await openBenchDatabase('atrium_bench')
log(`database ${label}`)

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
const clientEmails = Array.from(
  { length: CLIENTS },
  (_, i) => `m${10 + Math.floor(i / busy.length)}@${busy[i % busy.length].slug}.bench`,
)
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
    const classes = upcoming.get(busy[i % busy.length].id) ?? []
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

// ---- 4. the staff home's reads (issue 13) ----------------------------------------------------
// Each read function behind an admin home widget, on the largest tenant (bench-001), timed over
// repeated calls from the pool (warm, as a home screen opened again and again is).
{
  const { readStaffDay } = await import('../plugins/bookings/operations/staff/readStaffDay')
  const { readMembersAtRisk } = await import('../plugins/bookings/operations/staff/readMembersAtRisk')
  const { readRevenue } = await import('../plugins/billing/operations/readRevenue')
  const { readPaymentProblems } = await import('../plugins/billing/operations/readPaymentProblems')
  const { readNewMembers } = await import('../src/core/admin/home/readNewMembers')
  const { readPlatformHealth } = await import('../src/core/admin/home/readPlatformHealth')
  const req = { payload, transactionID: undefined }
  const tenant = String(hot.id)
  const sizes = (
    await sqlPool.query(
      `SELECT (SELECT count(*) FROM tenant_memberships WHERE tenant_id = $1)::int AS members,
              (SELECT count(*) FROM bookings WHERE tenant_id = $1)::int AS bookings,
              (SELECT count(*) FROM payments WHERE tenant_id = $1)::int AS payments,
              (SELECT count(*) FROM payments)::int AS "allPayments"`,
      [tenant],
    )
  ).rows[0]
  log(
    `staff home on bench-001: ${sizes.members} members, ${sizes.bookings} bookings, ${sizes.payments} payments (${sizes.allPayments} in all)`,
  )
  const reads: [string, () => Promise<unknown>][] = [
    ['readStaffDay', () => readStaffDay(req, { tenant })],
    ['readMembersAtRisk', () => readMembersAtRisk(req, { tenant })],
    ['readRevenue', () => readRevenue(req, { tenant })],
    ['readPaymentProblems', () => readPaymentProblems(req, { tenant })],
    ['readNewMembers', () => readNewMembers(req, { tenant })],
    ['readPlatformHealth', () => readPlatformHealth(req)],
  ]
  const home: Record<string, string> = {}
  for (const [name, read] of reads) {
    await read() // warm: plans and pages cached
    const times: number[] = []
    statements = 0
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now()
      await read()
      times.push(performance.now() - t0)
    }
    home[name] =
      `p50 ${percentile(times, 50).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms, ${statements / 20} SQL`
  }
  print('staff home reads (bench-001)', home)
}

// ---- 7. website (issue 16): the blog, sitemap.xml, and a sitemap index of 50,000+ URLs -------
// Published posts on bench-001 (through Payload, as the site reads them); the blog list and the
// sitemap index through the real REST handlers beside a plain Payload REST find of one post; then a
// separate open tenant with BENCH_SITEMAP_URLS events: the time to generate its whole sitemap
// (index + every file, through the streams the endpoint serves) and to serve its first file.
const POSTS = numberEnv('BENCH_POSTS', 30)
const SITEMAP_URLS = numberEnv('BENCH_SITEMAP_URLS', 50_000)
const SITEMAP_TENANT = 'bench-sitemap'
const website = await import('./bench/website')
const websiteReads = Math.min(READS, 2000)
log(`website: ${POSTS} published posts on bench-001`)
const postSlugs = await website.seedBlogPosts(payload, String(hot.id), POSTS)
const blogPages = Math.max(1, Math.ceil(POSTS / 10))
const websiteRun = async (label: string, url: (i: number) => string, requests = websiteReads) => {
  const run = await countedRun({
    requests: Array.from({ length: requests }, (_, i) => ({ method: 'GET', url: url(i) })),
    concurrency: CLIENTS,
  })
  print(label, {
    ...summarize(run.result.latenciesMs, run.result.elapsedMs),
    non200: run.result.statuses.filter((s) => s !== 200).length,
    sqlPerRequest: run.statementsPerRequest,
    nodeMsPerRequest: run.nodeMsPerRequest,
    cpuPerRequest: run.cpu,
  })
}
await websiteRun(
  'blog list via HTTP (GET /api/website/blog)',
  (i) => `${server.url}/api/website/blog?tenant=bench-001&page=${1 + (i % blogPages)}`,
)
await websiteRun(
  'blog post via plain Payload REST find (baseline)',
  (i) =>
    `${server.url}/api/blog-posts?where[tenant][equals]=${hot.id}&where[slug][equals]=${postSlugs[i % postSlugs.length]}&limit=1&depth=1`,
)
await websiteRun(
  'sitemap index via HTTP (GET /api/website/sitemap)',
  () => `${server.url}/api/website/sitemap?tenant=bench-001`,
)
log(`website: ${SITEMAP_URLS} upcoming events on ${SITEMAP_TENANT}`)
{
  const scale = await website.sitemapAtScale(payload, SITEMAP_TENANT, SITEMAP_URLS)
  print(`sitemap of ${scale.urls} URLs generated (index + ${scale.files} files, in process)`, {
    ms: Math.round(scale.ms),
    urlsPerSecond: scale.urlsPerSecond,
    mb: Number((scale.bytes / 1_048_576).toFixed(1)),
  })
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    const res = await fetch(`${server.url}/api/website/sitemap?tenant=${SITEMAP_TENANT}&file=1`)
    bytes = (await res.arrayBuffer()).byteLength
    times.push(performance.now() - t0)
  }
  print(`sitemap file 1 of ${SITEMAP_TENANT} via HTTP (5 sequential)`, {
    p50: Number(percentile(times, 50).toFixed(1)),
    max: Number(Math.max(...times).toFixed(1)),
    mb: Number((bytes / 1_048_576).toFixed(1)),
  })
}

// web_rest: the publish-time near-duplicate check against BENCH_DUPLICATE_POSTS other tenants' posts (LSH index)
{
  const DUPLICATE_POSTS = numberEnv('BENCH_DUPLICATE_POSTS', 100_000)
  log(`website: ${DUPLICATE_POSTS} other tenants' posts for the near-duplicate check`)
  const dup = await website.duplicateCheckAtScale(payload, String(hot.id), DUPLICATE_POSTS)
  print(`near-duplicate check per publication, ${dup.posts} other tenants' posts (${dup.checks} checks)`, {
    meanMs: dup.meanMs,
    maxMs: dup.maxMs,
    fullScanMs: dup.fullScanMs,
    nearCopyCaught: dup.nearCopyCaught,
  })
}
// end web_rest

// ---- 5. the production server: next start, load from autocannon in this (separate) process ----
const NEXT = process.env.BENCH_NEXT !== '0'
const WEB_PROCESSES = numberEnv('BENCH_WEB_PROCESSES', 1)
if (NEXT) {
  const prod = await import('./bench/productionServer')
  const { cannon } = await import('./bench/cannon')
  const { freePort } = await import('../src/core/db/startEmbeddedPostgres')
  prod.ensureBuild(process.env.BENCH_BUILD ?? 'auto', log)
  // The build's cached pages and data are of an earlier run's database (same slugs, other ids).
  const { DATABASE_IDENTITY_SQL, forgetNextCachesOfOtherDatabase } = await import('./nextCaches')
  await forgetNextCachesOfOtherDatabase((await sqlPool.query(DATABASE_IDENTITY_SQL)).rows[0].identity)
  const serverEnv = { ...process.env, LOG_LEVEL: 'error', JOBS_AUTORUN: 'false' }

  // Unused booking pairs for each run: 32 clients over 8 tenants not booked above (groups of 8 from bench-010).
  let group = 0
  const bookingRun = async (base: string) => {
    const tenants = (
      await sqlPool.query(`SELECT id, slug FROM tenants WHERE slug LIKE 'bench-%' ORDER BY slug OFFSET $1 LIMIT 8`, [
        9 + 8 * group++,
      ])
    ).rows as { id: string; slug: string }[]
    const clientTokens = await login(
      Array.from({ length: CLIENTS }, (_, i) => `m${10 + Math.floor(i / 8)}@${tenants[i % 8].slug}.bench`),
    )
    const classesOf = new Map<string, string[]>()
    for (const t of tenants)
      classesOf.set(
        t.id,
        (
          await sqlPool.query(
            `SELECT id FROM classes WHERE tenant_id = $1 AND status = 'scheduled' AND start_time > now() + interval '1 hour' AND start_time < now() + interval '29 days' ORDER BY start_time`,
            [t.id],
          )
        ).rows.map((r) => r.id as string),
      )
    const requests: LoadRequest[] = []
    for (let round = 0; requests.length < BOOKINGS; round++) {
      let added = 0
      for (let i = 0; i < CLIENTS && requests.length < BOOKINGS; i++) {
        const classId = classesOf.get(tenants[i % 8].id)?.[round]
        if (!classId) continue
        added++
        requests.push({
          method: 'POST',
          url: `${base}/api/classes/${classId}/book`,
          headers: { authorization: `JWT ${clientTokens[i]}`, 'content-type': 'application/json' },
          body: '{}',
        })
      }
      if (!added) break
    }
    return requests
  }
  const statusList = (statuses: number[]) =>
    Object.entries(statuses.reduce<Record<number, number>>((acc, s) => ((acc[s] = (acc[s] ?? 0) + 1), acc), {}))
      .map(([s, n]) => `${s}x${n}`)
      .join(',')
  const raceTokens200 = raceTokens
  let raceClass = 1

  const measure = async (label: string, base: string, pids: number[]) => {
    const cpu = () => pids.reduce((sum, pid) => sum + prod.processCpuMs(pid), 0)
    const rss = () => pids.reduce((sum, pid) => sum + prod.rssMb(pid), 0)
    const run = async (name: string, requests: LoadRequest[], connections: number) => {
      const [serverBefore, pgBefore] = [cpu(), await postgresCpuMs(database)]
      const result = await cannon(base, requests, connections)
      const [serverAfter, pgAfter] = [cpu(), await postgresCpuMs(database)]
      const per = (ms: number) => (ms / requests.length).toFixed(2)
      print(`${label}: ${name}`, {
        ...summarize(result.latenciesMs, result.elapsedMs),
        statuses: statusList(result.statuses),
        cpuPerRequest: `server ${per(serverAfter - serverBefore)} + postgres ${per(pgAfter - pgBefore)} + autocannon ${per(result.cpuMs)} ms`,
        rssMb: rss(),
      })
      return result
    }
    // Warm-up: the routes' first requests load their code.
    await cannon(
      base,
      Array.from({ length: 400 }, (_, i) => ({
        method: 'GET' as const,
        url: `${base}/api/schedule?tenant=${slugs[i % slugs.length].slug}`,
      })),
      8,
    )
    await run('book', await bookingRun(base), CLIENTS)
    const overbookedNow = (
      await sqlPool.query(`SELECT count(*)::int AS n FROM classes c WHERE c.booked_count > c.capacity
      OR c.booked_count <> (SELECT count(*) FROM bookings b WHERE b.class_id = c.id AND b.status IN ('confirmed', 'checked_in'))`)
    ).rows[0].n
    // 200 attempts on one 20-place class (the next unused class of bench-001, same 200 members).
    const {
      rows: [one],
    } = await sqlPool.query(
      `SELECT id, capacity FROM classes WHERE tenant_id = $1 AND status = 'scheduled' AND start_time > now() + interval '1 day' ORDER BY start_time OFFSET $2 LIMIT 1`,
      [hot.id, raceClass++],
    )
    const raced = await cannon(
      base,
      raceTokens200.map((token) => ({
        method: 'POST' as const,
        url: `${base}/api/classes/${one.id}/book`,
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: '{}',
      })),
      200,
    )
    const {
      rows: [counted],
    } = await sqlPool.query(
      `SELECT (SELECT count(*)::int FROM bookings WHERE class_id = $1 AND status = 'confirmed') AS confirmed,
              (SELECT count(*)::int FROM bookings WHERE class_id = $1 AND status = 'waitlisted') AS waitlisted`,
      [one.id],
    )
    print(`${label}: 200 attempts on one class`, {
      resolvedInMs: Math.round(raced.elapsedMs),
      capacity: Number(one.capacity),
      confirmed: counted.confirmed,
      waitlisted: counted.waitlisted,
      statuses: statusList(raced.statuses),
      classesOverbookedOrMiscounted: overbookedNow,
    })
    await run(
      'schedule',
      readRequests((t) => `${base}/api/schedule?tenant=${t.slug}&from=${from}&to=${to}`),
      CLIENTS,
    )
    await run(
      'plain Payload REST find',
      readRequests(
        (t) =>
          `${base}/api/classes?where[tenant][equals]=${t.id}&where[startTime][greater_than_equal]=${from}&where[startTime][less_than]=${to}&limit=100&sort=startTime`,
      ).slice(0, Math.min(READS, 1000)),
      CLIENTS,
    )
    // Site pages, each request sent once.
    const pages = (url: (i: number) => string, n = Math.min(READS, 1000)) =>
      Array.from({ length: n }, (_, i) => ({ method: 'GET' as const, url: url(i) }))
    // The member site (issue 12): public pages as visitors get them (served from Next's cache
    // after each tenant's first visit), over ten tenants, and a member's own account page (rendered
    // per request, signed in by the session cookie).
    const sites = slugs.slice(0, 10).map((t) => `${base}/${t.slug}`)
    const sitePages = [
      ['site home page', ''],
      ['site schedule page', '/schedule'],
      ['site pricing page', '/pricing'],
    ] as const
    // Each page's first visit renders it (one after another, timed); the runs then measure the cache.
    const firstVisits: number[] = []
    for (const site of sites)
      for (const [, suffix] of sitePages) {
        const t0 = performance.now()
        await fetch(`${site}${suffix}`).then((answer) => answer.arrayBuffer())
        firstVisits.push(performance.now() - t0)
      }
    print(`${label}: site pages, first visit (rendered)`, {
      pages: firstVisits.length,
      p50: percentile(firstVisits, 50).toFixed(0),
      max: Math.max(...firstVisits).toFixed(0),
    })
    for (const [name, suffix] of sitePages)
      await run(
        name,
        pages((i) => `${sites[i % sites.length]}${suffix}`),
        CLIENTS,
      )
    await run(
      'site account page (signed in)',
      raceTokens200.slice(0, 100).flatMap((token) =>
        Array.from({ length: 5 }, () => ({
          method: 'GET' as const,
          url: `${base}/bench-001/account`,
          headers: { cookie: `payload-token=${token}` },
        })),
      ),
      16,
    )
    // The website (issue 16): the tenant site's blog pages and sitemaps as visitors get them.
    await run(
      'blog list page',
      pages((i) => `${base}/bench-001/blog${i % blogPages ? `?page=${1 + (i % blogPages)}` : ''}`),
      CLIENTS,
    )
    await run(
      'blog post page',
      pages((i) => `${base}/bench-001/blog/${postSlugs[i % postSlugs.length]}`),
      CLIENTS,
    )
    await run(
      'sitemap.xml',
      pages(() => `${base}/bench-001/sitemap.xml`),
      CLIENTS,
    )
    await run(
      `sitemap.xml of ${SITEMAP_TENANT} (index)`,
      pages(() => `${base}/${SITEMAP_TENANT}/sitemap.xml`, 200),
      8,
    )
    await run(
      `sitemaps/1.xml of ${SITEMAP_TENANT} (50,000 URLs)`,
      pages(() => `${base}/${SITEMAP_TENANT}/sitemaps/1.xml`, 20),
      4,
    )
  }

  if (process.env.BENCH_PROFILE) {
    // A CPU profile of a next start server under the booking load alone (profiling slows it: figures apart).
    const dir = path.resolve('bench-profiles')
    const next = await prod.startNext(await freePort(), serverEnv, dir)
    await cannon(
      next.url,
      Array.from({ length: 400 }, (_, i) => ({
        method: 'GET' as const,
        url: `${next.url}/api/schedule?tenant=${slugs[i % slugs.length].slug}`,
      })),
      8,
    )
    const profiled = await cannon(next.url, await bookingRun(next.url), CLIENTS)
    print('next start, profiled: book', summarize(profiled.latenciesMs, profiled.elapsedMs))
    await prod.stopAll()
    log(`CPU profile of next start under the booking load written to ${dir}/`)
  }

  {
    const next = await prod.startNext(await freePort(), serverEnv)
    log(`next start (1 web process) at ${next.url}, pid ${next.child.pid}`)
    await measure('next start', next.url, [next.child.pid!])
    await prod.stopAll()
  }
  if (WEB_PROCESSES > 1) {
    const webs = []
    for (let i = 0; i < WEB_PROCESSES; i++) webs.push(await prod.startNext(await freePort(), serverEnv))
    const worker = prod.startWorker(serverEnv)
    const proxy = await prod.startProxy(
      await freePort(),
      webs.map((w) => w.url),
      serverEnv,
    )
    log(`${WEB_PROCESSES} web processes + worker behind the proxy at ${proxy.url}`)
    await measure(`${WEB_PROCESSES} × next start + worker + proxy`, proxy.url, [
      ...webs.map((w) => w.child.pid!),
      worker.pid!,
      proxy.child.pid!,
    ])
    await prod.stopAll()
  }
}

// ---- done -----------------------------------------------------------------------------------
console.log(
  JSON.stringify({ machine: { cpus: os.cpus().length, node: process.version }, volume: counts, ...report }, null, 2),
)
await worker.terminate()
await server.close()
await sqlPool.end()
await closePayload(payload)
await drop()
log('done')
process.exit(0)
