import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inboundWebhooksTable, jobsTable, tenantsTable } from '../../db/kernelTables'
import { runSql } from '../../db/sqlFor'

export type PlatformHealth = {
  tenants: Record<string, number>
  jobs: { queued: number; running: number; failed: number; oldestQueuedAt: string | null }
  webhooks: { backlog: number; failed: number; oldestBacklogAt: string | null }
}

/** Tenants by status, the jobs queue and the inbound-webhook backlog, for platform admins. */
export const readPlatformHealth = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
): Promise<PlatformHealth> => {
  const t = tenantsTable(req)
  const j = jobsTable(req)
  const w = inboundWebhooksTable(req)
  const tenants = await runSql<{ status: string; n: number }>(
    req,
    sql`SELECT ${t.status} AS status, count(*)::int AS n FROM ${t.$table} GROUP BY 1`,
  )
  const [jobs] = await runSql<{ queued: number; running: number; failed: number; oldest: string | null }>(
    req,
    sql`SELECT count(*) FILTER (WHERE NOT coalesce(${j.hasError}, false) AND ${j.completedAt} IS NULL AND NOT coalesce(${j.processing}, false))::int AS queued,
        count(*) FILTER (WHERE coalesce(${j.processing}, false))::int AS running,
        count(*) FILTER (WHERE coalesce(${j.hasError}, false))::int AS failed,
        min(${j.createdAt}) FILTER (WHERE NOT coalesce(${j.hasError}, false) AND ${j.completedAt} IS NULL) AS oldest
      FROM ${j.$table}`,
  )
  const [webhooks] = await runSql<{ backlog: number; failed: number; oldest: string | null }>(
    req,
    sql`SELECT count(*) FILTER (WHERE ${w.status} = 'received')::int AS backlog,
        count(*) FILTER (WHERE ${w.status} = 'failed')::int AS failed,
        min(coalesce(${w.receivedAt}, ${w.createdAt})) FILTER (WHERE ${w.status} = 'received') AS oldest
      FROM ${w.$table} WHERE ${w.status} IN ('received', 'failed')`,
  )
  const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null)
  return {
    tenants: Object.fromEntries(tenants.map((row) => [row.status, row.n])),
    jobs: {
      queued: jobs?.queued ?? 0,
      running: jobs?.running ?? 0,
      failed: jobs?.failed ?? 0,
      oldestQueuedAt: iso(jobs?.oldest),
    },
    webhooks: {
      backlog: webhooks?.backlog ?? 0,
      failed: webhooks?.failed ?? 0,
      oldestBacklogAt: iso(webhooks?.oldest),
    },
  }
}
