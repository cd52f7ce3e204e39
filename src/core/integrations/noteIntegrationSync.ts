import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { integrationConnectionsTable } from '../db/kernelTables'
import { runSql } from '../db/sqlFor'

/** Notes the outcome of a sync on an `integration-connections` row: `lastSyncAt` when it worked, else `lastError`. */
export const noteIntegrationSync = async (req: PayloadRequest, connection: string, error: string | null) => {
  const c = integrationConnectionsTable(req)
  await runSql(
    req,
    error === null
      ? sql`UPDATE ${c.$table} SET ${c.lastSyncAt} = now(), ${c.lastError} = NULL, ${c.updatedAt} = now() WHERE ${c.id} = ${connection}`
      : sql`UPDATE ${c.$table} SET ${c.lastError} = ${error.slice(0, 2000)}, ${c.updatedAt} = now() WHERE ${c.id} = ${connection}`,
  )
}
