import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createTenant, useTestApp } from '@/core/testing'
import { faultProbePlugin, PROBE_SUBSCRIBERS, PROBE_TABLES } from './faultProbePlugin'
import { startAppProcess } from './startAppProcess'

// The jobs worker SIGKILLed while it delivers a batch of events, then started again.

const app = useTestApp({ plugins: [faultProbePlugin()] })
const EVENTS = 40
const waitFor = async (check: () => Promise<boolean>, ms: number) => {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) return false
    await new Promise((r) => setTimeout(r, 25))
  }
  return true
}

describe('worker killed mid-batch', () => {
  it('delivers every committed event to each subscriber once after a restart', async () => {
    const q = <T>(query: ReturnType<typeof sql>) => runSql<T>({ payload: app.payload, transactionID: undefined }, query)
    for (const statement of PROBE_TABLES) await q(statement)
    const count = async (query: ReturnType<typeof sql>) => (await q<{ n: number }>(query))[0].n
    const tenant = String((await createTenant(app.payload)).id)
    const locations: string[] = []
    for (let i = 0; i < EVENTS; i++) {
      const location = await app.payload.create({
        collection: 'locations',
        data: { tenant, name: `Room ${i}`, slug: `room-${i}`, timezone: 'Europe/Paris' },
      })
      locations.push(String(location.id))
    }
    const expected = EVENTS * PROBE_SUBSCRIBERS.length
    // The probe's own jobs (other plugins may subscribe to every event, e.g. marketing's outbound webhooks).
    const probeJobs = sql`SELECT count(*)::int AS n FROM payload_jobs
      WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = ANY(${`{${PROBE_SUBSCRIBERS.join(',')}}`}::text[])`
    expect(await count(probeJobs)).toBe(expected)

    // Each delivery takes 300 ms: the worker is killed with a batch in its hands.
    const lease = { JOBS_LEASE_SECONDS: '2' }
    const worker = await startAppProcess('worker', app.databaseUrl, { FAULT_PROBE_DELAY_MS: '300', ...lease })
    expect(
      await waitFor(async () => (await count(sql`SELECT count(*)::int AS n FROM fault_attempts`)) >= 3, 60_000),
    ).toBe(true)
    await worker.kill()
    const stuck = await count(sql`SELECT count(*)::int AS n FROM payload_jobs WHERE processing`)
    const doneAtKill = await count(sql`SELECT count(*)::int AS n FROM fault_effects`)
    expect(stuck).toBeGreaterThan(0)
    expect(doneAtKill).toBeLessThan(expected)

    const restarted = Date.now()
    const again = await startAppProcess('worker', app.databaseUrl, { FAULT_PROBE_DELAY_MS: '0', ...lease })
    try {
      const drained = await waitFor(
        async () =>
          (await count(sql`SELECT count(*)::int AS n FROM fault_effects`)) === expected &&
          (await count(sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'deliverEvent'`)) === 0,
        90_000,
      )
      const attempts = await count(sql`SELECT count(*)::int AS n FROM fault_attempts`)
      console.log(
        `[faults] worker killed with ${stuck} deliveries in flight (${doneAtKill}/${expected} effects done); ` +
          `all delivered ${Date.now() - restarted} ms after the restart began (${attempts} committed deliveries)`,
      )
      expect(drained).toBe(true)
    } finally {
      await again.kill()
    }
    // Every committed event reached each subscriber, and each effect happened once.
    const perLocation = await q<{ location_id: string; subscribers: string[] }>(
      sql`SELECT location_id, array_agg(subscriber ORDER BY subscriber) AS subscribers FROM fault_effects GROUP BY location_id`,
    )
    expect(perLocation.map((r) => r.location_id).sort()).toEqual([...locations].sort())
    for (const row of perLocation) expect(row.subscribers).toEqual([...PROBE_SUBSCRIBERS].sort())
    expect(await count(sql`SELECT count(*)::int AS n FROM payload_jobs WHERE has_error`)).toBe(0)
  }, 240_000)
})
