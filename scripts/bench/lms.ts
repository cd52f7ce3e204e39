/**
 * The lms part of the bench (issue 14; `BENCH_LMS=1 npm run bench`, run instead of the booking
 * parts; figures, not assertions). On a throwaway database (DATABASE_URL's server, else an
 * embedded PostgreSQL) with one creator tenant of BENCH_LMS_MEMBERS (2,000) members, half of them
 * holding a purchased grant on a paid content item:
 *   1. the access decision (`mayAccess`, the one operation the site, the API and media delivery
 *      use) called in process for BENCH_LMS_DECISIONS (2,000) member/item pairs: SQL statements
 *      per decision (counted at the pg driver, as the booking bench does) and ms p50/p95/p99;
 *   2. the same decision per request through real HTTP (`GET /api/content-items/:id/view`, the
 *      member's JWT; the in-process REST handlers): statements per request, p50/p99, requests/s;
 *   3. with BENCH_NEXT≠0, through the production server (`next start`, scripts/bench/productionServer.ts;
 *      autocannon in this process): BENCH_LMS_SEGMENTS (2,000) fetches of one HLS segment of
 *      BENCH_LMS_SEGMENT_KB (1,024) KiB through the signed media route
 *      (`GET /api/media/:id/hls/720p_00001.ts?token=…`, verified without a database read) beside the
 *      same bytes served as a plain static file from public/ (written there for the run, removed after).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { mkdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import { openBenchApp } from './benchApp'
import { percentile, summarize } from './stats'

const numberEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const MEMBERS = numberEnv('BENCH_LMS_MEMBERS', 2000)
const DECISIONS = numberEnv('BENCH_LMS_DECISIONS', 2000)
const READS = numberEnv('BENCH_LMS_READS', 2000)
const SEGMENTS = numberEnv('BENCH_LMS_SEGMENTS', 2000)
const SEGMENT_KB = numberEnv('BENCH_LMS_SEGMENT_KB', 1024)
const CONNECTIONS = 16
const PASSWORD = 'bench-password-1'

/** `jobs` run with at most `width` at a time; each result's latency in ms. */
const pooled = async (count: number, width: number, job: (i: number) => Promise<void>) => {
  const latencies: number[] = []
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next++
        const t = performance.now()
        await job(i)
        latencies.push(performance.now() - t)
      }
    }),
  )
  return { latencies, elapsedMs: performance.now() - t0 }
}

export const runLmsBench = async () => {
  const report: Record<string, unknown> = {}
  const print = (label: string, figures: Record<string, unknown>) => {
    report[label] = figures
    log(
      `${label}: ${Object.entries(figures)
        .map(([k, v]) => `${k}=${v}`)
        .join('  ')}`,
    )
  }
  const { drop, log, payload, sqlPool, q } = await openBenchApp('lms', 'atrium_bench_lms')

  const { createLocalReq } = await import('payload')
  const { startTestServer } = await import('../../src/core/testing/testServer')
  const { closePayload } = await import('../../src/core/db/closePayload')
  const { signMediaToken } = await import('../../src/core/media/signMediaToken')
  const { hlsDirOf } = await import('../../src/core/media/hlsDirOf')
  const { mayAccess } = await import('../../plugins/lms/operations/mayAccess')
  const { markdownToLexical } = await import('../../plugins/website/writer/markdownToLexical')

  // ---- volume: one creator tenant, MEMBERS members (real password hashes), a paid written item, half granted
  const tenant = await payload.create({
    collection: 'tenants',
    data: {
      name: 'Bench creator',
      slug: `bench-lms-${randomBytes(3).toString('hex')}`,
      timezone: 'America/New_York',
      currency: 'USD',
      status: 'active',
    },
  })
  const t = String(tenant.id)
  const template = await payload.create({
    collection: 'users',
    data: { email: 'lms-template@bench.test', password: PASSWORD, name: 'Template' },
  })
  const [pw] = await q<{ salt: string; hash: string }>('SELECT salt, hash FROM users WHERE id = $1', [template.id])
  await q(
    `INSERT INTO users (email, name, salt, hash, email_verified_at)
     SELECT 'lms-' || g || '@bench.test', 'Learner ' || g, $2, $3, now() FROM generate_series(1, $1::int) g`,
    [MEMBERS, pw.salt, pw.hash],
  )
  await q(
    `INSERT INTO tenant_memberships (tenant_id, user_id, status, joined_at)
     SELECT $1, u.id, 'active', now() - interval '30 days' FROM users u WHERE u.email ~ '^lms-[0-9]+@bench[.]test$'`,
    [t],
  )
  await q(
    `INSERT INTO tenant_memberships_roles ("order", parent_id, value) SELECT 1, id, 'member' FROM tenant_memberships WHERE tenant_id = $1`,
    [t],
  )
  const item = await payload.create({
    collection: 'content-items',
    data: {
      tenant: t,
      title: 'Bench lesson notes',
      slug: 'bench-notes',
      contentType: 'written',
      visibility: 'purchased_only',
      price: { amount: 1500, currency: 'USD' },
      body: markdownToLexical('## Notes\n\nWhat the lesson covers, in writing.'),
      _status: 'published',
    },
  })
  const members = await q<{ id: string; email: string; n: number }>(
    `SELECT m.id::text AS id, u.email, row_number() OVER (ORDER BY u.email)::int AS n
     FROM tenant_memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND u.email ~ '^lms-[0-9]+@bench[.]test$' ORDER BY u.email`,
    [t],
  )
  await q(
    `INSERT INTO access_grants (tenant_id, member_id, content_item_id, access_type, granted_at)
     SELECT $1, m.id, $2, 'purchased', now() - interval '1 day'
     FROM tenant_memberships m JOIN users u ON u.id = m.user_id
     WHERE m.tenant_id = $1 AND u.email ~ '^lms-[0-9]+@bench[.]test$' AND (substring(u.email from 'lms-(\\d+)@')::int % 2) = 0`,
    [t, item.id],
  )
  await q('ANALYZE')
  log(`volume: ${members.length} members, ${MEMBERS >> 1} grants on one paid item`)

  // Statements the server sends to PostgreSQL, counted at the driver the Postgres adapter uses.
  let statements = 0
  const adapterPg = createRequire(fileURLToPath(import.meta.resolve('@payloadcms/db-postgres')))('pg') as typeof pg
  const clientQuery = adapterPg.Client.prototype.query
  adapterPg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof clientQuery

  // ---- 1. the access decision in process
  {
    const req = await createLocalReq({}, payload)
    const reasons = new Map<string, number>()
    for (let i = 0; i < 50; i++)
      await mayAccess(req, {
        member: members[i % members.length].id,
        target: { collection: 'content-items', id: item.id },
      })
    statements = 0
    const times: number[] = []
    for (let i = 0; i < DECISIONS; i++) {
      const t0 = performance.now()
      const decision = await mayAccess(req, {
        member: members[i % members.length].id,
        target: { collection: 'content-items', id: item.id },
      })
      times.push(performance.now() - t0)
      reasons.set(decision.reason, (reasons.get(decision.reason) ?? 0) + 1)
    }
    print('access decision in process (mayAccess, content item)', {
      decisions: DECISIONS,
      statementsPerDecision: Number((statements / DECISIONS).toFixed(2)),
      p50: Number(percentile(times, 50).toFixed(2)),
      p95: Number(percentile(times, 95).toFixed(2)),
      p99: Number(percentile(times, 99).toFixed(2)),
      reasons: [...reasons].map(([r, n]) => `${r}x${n}`).join(','),
    })
  }

  // ---- 2. the decision per request over real HTTP (in-process REST handlers)
  const server = await startTestServer(payload.config)
  {
    const sample = members.slice(0, Math.min(64, members.length))
    const tokens: string[] = []
    for (const m of sample) {
      const res = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: m.email, password: PASSWORD }),
      })
      if (res.status !== 200) throw new Error(`bench login of ${m.email} answered ${res.status}`)
      tokens.push(((await res.json()) as { token: string }).token)
    }
    const statuses = new Map<number, number>()
    const view = (i: number) =>
      fetch(`${server.url}/api/content-items/${item.id}/view`, {
        headers: { authorization: `JWT ${tokens[i % tokens.length]}` },
      }).then(async (res) => {
        await res.arrayBuffer()
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      })
    await pooled(100, 8, view)
    statuses.clear()
    statements = 0
    const { latencies, elapsedMs } = await pooled(READS, 8, view)
    print('access decision per request via HTTP (GET /api/content-items/:id/view)', {
      ...summarize(latencies, elapsedMs),
      statementsPerRequest: Number((statements / READS).toFixed(1)),
      statuses: [...statuses].map(([s, n]) => `${s}x${n}`).join(','),
    })
  }
  await server.close()

  // ---- 3. signed segment delivery through next start beside a static file
  if (process.env.BENCH_NEXT !== '0') {
    const prod = await import('./productionServer')
    const { cannon } = await import('./cannon')
    const { freePort } = await import('../../src/core/db/startEmbeddedPostgres')
    prod.ensureBuild(process.env.BENCH_BUILD ?? 'auto', log)
    const media = randomUUID()
    const bytes = randomBytes(SEGMENT_KB * 1024)
    const dir = hlsDirOf(payload, t, media)
    await mkdir(dir, { recursive: true })
    await writeFile(path.join(dir, '720p_00001.ts'), bytes)
    // next start lists public/ when it starts: the file is written before it.
    const publicDir = path.resolve(import.meta.dirname, '../../public/bench-lms')
    await mkdir(publicDir, { recursive: true })
    const staticName = `segment-${randomBytes(4).toString('hex')}.ts`
    await writeFile(path.join(publicDir, staticName), bytes)
    try {
      const next = await prod.startNext(await freePort(), { ...process.env, LOG_LEVEL: 'error', JOBS_AUTORUN: 'false' })
      log(`next start at ${next.url}, pid ${next.child.pid}`)
      const token = signMediaToken({ media: { id: media, tenant: t }, subject: members[0].id, ttlSeconds: 3600 })
      const signed = `${next.url}/api/media/${media}/hls/720p_00001.ts?token=${token}`
      const plain = `${next.url}/bench-lms/${staticName}`
      for (const url of [signed, plain]) {
        const res = await fetch(url)
        const body = Buffer.from(await res.arrayBuffer())
        if (res.status !== 200 || body.length !== bytes.length)
          log(`warning: ${url.replace(/token=[^&]+/, 'token=…')} answered ${res.status} with ${body.length} bytes`)
      }
      const run = async (name: string, url: string) => {
        await cannon(
          next.url,
          Array.from({ length: 50 }, () => ({ method: 'GET' as const, url })),
          4,
        ) // warm-up
        const cpu0 = prod.processCpuMs(next.child.pid!)
        const result = await cannon(
          next.url,
          Array.from({ length: SEGMENTS }, () => ({ method: 'GET' as const, url })),
          CONNECTIONS,
        )
        const cpu = prod.processCpuMs(next.child.pid!) - cpu0
        const ok = result.statuses.filter((s) => s === 200).length
        print(name, {
          ...summarize(result.latenciesMs, result.elapsedMs),
          ok,
          MiBPerSecond: Number(((ok * bytes.length) / 1_048_576 / (result.elapsedMs / 1000)).toFixed(1)),
          serverCpuMsPerRequest: Number((cpu / SEGMENTS).toFixed(2)),
        })
      }
      await run(`next start: signed HLS segment (${SEGMENT_KB} KiB, token verified, no DB read)`, signed)
      await run(`next start: the same file as a static asset from public/`, plain)
      await prod.stopAll()
    } finally {
      await rm(publicDir, { recursive: true, force: true })
    }
  }

  console.log(JSON.stringify({ lms: { members: MEMBERS, ...report } }, null, 2))
  await sqlPool.end()
  await closePayload(payload)
  await drop()
  log('done')
}
