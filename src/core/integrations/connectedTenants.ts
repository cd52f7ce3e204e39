import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import type { IntegrationConnection } from '@/payload-types'
import { integrationConnectionsTable } from '../db/kernelTables'
import { runSql } from '../db/sqlFor'

/** Tenants whose `integration-connections` row for `provider` is connected (syncs and reconciles visit each). */
export const connectedTenants = async (
  req: PayloadRequest,
  provider: IntegrationConnection['provider'],
): Promise<string[]> => {
  const c = integrationConnectionsTable(req)
  const rows = await runSql<{ tenant_id: string }>(
    req,
    sql`SELECT ${c.tenant} AS tenant_id FROM ${c.$table}
        WHERE ${c.provider} = ${provider} AND ${c.status} = 'connected' ORDER BY ${c.tenant}`,
  )
  return rows.map((r) => String(r.tenant_id))
}
