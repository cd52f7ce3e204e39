/**
 * The marketing part of the bench (`BENCH_MARKETING=1 npm run bench`, run instead of the booking
 * parts; figures, not assertions). On a throwaway database (DATABASE_URL's server, else an
 * embedded PostgreSQL) with one tenant of BENCH_MARKETING_MEMBERS (50,000) members:
 *   1. the audience preview (`GET /api/automations/:id/preview`, real HTTP) of a marketing
 *      automation and of a "no visit in 30 days" one: p50/max of BENCH_MARKETING_PREVIEWS runs;
 *   2. event → enrolment throughput: BENCH_MARKETING_EVENTS (1,000) `booking.checked_in` events
 *      ("first visit" trigger) emitted, then the jobs queue run until every delivery is done:
 *      enrolments per second and the first steps queued;
 *   3. with BENCH_MARKETING_TIME_JOB=1, the hourly time-trigger job (`enrolTimeTriggered`) enrolling
 *      the "no visit" audience (a third of the members: minutes on 50,000).
 */
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { percentile } from './stats'
import { openBenchApp } from './benchApp'

const numberEnv = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const MEMBERS = numberEnv('BENCH_MARKETING_MEMBERS', 50_000)
const PREVIEWS = numberEnv('BENCH_MARKETING_PREVIEWS', 10)
const EVENTS = numberEnv('BENCH_MARKETING_EVENTS', 1000)

export const runMarketingBench = async () => {
  const { drop, log, payload, sqlPool, q } = await openBenchApp('marketing', 'atrium_bench_mk')

  const { createLocalReq } = await import('payload')
  const { startTestServer } = await import('../../src/core/testing/testServer')
  const { closePayload } = await import('../../src/core/db/closePayload')
  const { emit } = await import('../../src/core')
  const { enrolTimeTriggered } = await import('../../plugins/marketing/operations/automations/enrolTimeTriggered')

  // ---- volume: one tenant of MEMBERS members, half with e-mail consent, a third never visited lately
  const password = 'bench-password-1'
  const tenant = await payload.create({
    collection: 'tenants',
    data: {
      name: 'Bench marketing',
      slug: `bench-mk-${randomBytes(3).toString('hex')}`,
      timezone: 'America/New_York',
      currency: 'USD',
      status: 'active',
    },
  })
  const t = String(tenant.id)
  await q(
    `INSERT INTO users (email, name) SELECT 'mk-' || g || '@bench.test', 'Member ' || g FROM generate_series(1, $1::int) g`,
    [MEMBERS],
  )
  await q(
    `INSERT INTO tenant_memberships (tenant_id, user_id, status, joined_at, last_visit_at)
     SELECT $1, u.id, 'active', now() - interval '400 days',
            CASE WHEN row_number() OVER (ORDER BY u.id) % 3 = 0 THEN now() - interval '45 days' ELSE now() - interval '2 days' END
     FROM users u WHERE u.email LIKE 'mk-%@bench.test'`,
    [t],
  )
  await q(
    `INSERT INTO tenant_memberships_roles ("order", parent_id, value) SELECT 1, id, 'member' FROM tenant_memberships WHERE tenant_id = $1`,
    [t],
  )
  await q(
    `INSERT INTO consents (tenant_id, member_id, type, granted_at)
     SELECT $1, id, 'email_marketing', now() FROM tenant_memberships WHERE tenant_id = $1 AND (('x' || substr(id::text, 1, 8))::bit(32)::int % 2) = 0`,
    [t],
  )
  await q('ANALYZE')
  log(`volume: ${MEMBERS} members in one tenant`)

  const manager = await payload.create({
    collection: 'users',
    data: { email: 'manager@bench.test', password, name: 'Manager' },
  })
  await payload.create({
    collection: 'tenant-memberships',
    data: { tenant: t, user: manager.id, status: 'active', roles: ['manager'] },
  })
  const automation = (data: {
    name: string
    triggerEvent: 'booking.checked_in' | 'time.no_visit'
    triggerDays?: number
  }) =>
    payload.create({
      collection: 'automations',
      data: {
        tenant: t,
        purpose: 'marketing',
        status: 'active',
        cooldownDays: 0,
        steps: [{ delayMinutes: 0, channel: 'in_app', subject: 'Hi', body: 'Hello {{firstName}}' }],
        ...data,
      },
    })
  const firstVisit = await automation({ name: 'First visit', triggerEvent: 'booking.checked_in' })
  const winBack = await automation({ name: 'Win back', triggerEvent: 'time.no_visit', triggerDays: 30 })

  const server = await startTestServer(payload.config)
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'manager@bench.test', password }),
  })
  const { token } = (await login.json()) as { token: string }

  // ---- 1. audience preview
  for (const a of [firstVisit, winBack]) {
    const times: number[] = []
    let count = 0
    for (let i = 0; i <= PREVIEWS; i++) {
      const t0 = performance.now()
      const res = await fetch(`${server.url}/api/automations/${a.id}/preview`, {
        headers: { authorization: `JWT ${token}` },
      })
      const body = (await res.json()) as { count: number }
      if (res.status !== 200) throw new Error(`preview answered ${res.status}`)
      if (i > 0) times.push(performance.now() - t0) // the first is a warm-up
      count = body.count
    }
    log(
      `preview "${a.name}" over ${MEMBERS} members: count=${count}  p50=${percentile(times, 50).toFixed(0)} ms  max=${Math.max(...times).toFixed(0)} ms  (${PREVIEWS} runs)`,
    )
  }

  // ---- 2. event → enrolment
  const members = await q<{ id: string }>(
    `SELECT id FROM tenant_memberships WHERE tenant_id = $1 AND user_id <> $2 ORDER BY id LIMIT $3`,
    [t, manager.id, EVENTS],
  )
  await q(`DELETE FROM payload_jobs`)
  const req = await createLocalReq({}, payload)
  const e0 = performance.now()
  for (const m of members)
    await emit(req, {
      type: 'booking.checked_in',
      tenant: t,
      data: { class: m.id, member: m.id },
    })
  const emitted = performance.now() - e0
  const r0 = performance.now()
  for (let round = 0; round < 1000; round++) {
    const [{ n }] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'deliverEvent' AND completed_at IS NULL AND has_error IS NOT TRUE`,
    )
    if (n === 0) break
    await payload.jobs.run({ limit: 200, where: { taskSlug: { equals: 'deliverEvent' } } })
  }
  const ran = performance.now() - r0
  const [{ enrolled }] = await q<{ enrolled: number }>(
    `SELECT count(*)::int AS enrolled FROM automation_logs WHERE automation_id = $1`,
    [firstVisit.id],
  )
  const [{ queued }] = await q<{ queued: number }>(
    `SELECT count(*)::int AS queued FROM payload_jobs WHERE task_slug = 'sendAutomationStep'`,
  )
  log(
    `event → enrolment: ${members.length} events emitted in ${emitted.toFixed(0)} ms; deliveries run in ${ran.toFixed(0)} ms → ${enrolled} enrolments (${((enrolled / ran) * 1000).toFixed(0)}/s), ${queued} first steps queued`,
  )

  // ---- 3. the hourly time-trigger job (opt-in)
  if (process.env.BENCH_MARKETING_TIME_JOB === '1') {
    const j0 = performance.now()
    const { enrolled: timeEnrolled } = await enrolTimeTriggered(await createLocalReq({}, payload))
    const jobMs = performance.now() - j0
    log(
      `time triggers: enrolTimeTriggered enrolled ${timeEnrolled} ("no visit in 30 days") in ${jobMs.toFixed(0)} ms (${((timeEnrolled / jobMs) * 1000).toFixed(0)}/s)`,
    )
  }

  log('cleaning up')
  await server.close()
  await sqlPool.end()
  await closePayload(payload)
  await drop()
  log('done')
}
