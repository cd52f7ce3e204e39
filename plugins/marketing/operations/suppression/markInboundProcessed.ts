import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inboundWebhooksTable, runSql } from '@/core'

/** Notes on core's `inbound-webhooks` row that the event was applied (or had nothing to change). */
export const markInboundProcessed = async (
  req: PayloadRequest,
  id: string,
  status: 'processed' | 'ignored',
  tenant: string | null = null,
) => {
  const w = inboundWebhooksTable(req)
  await runSql(
    req,
    sql`UPDATE ${w.$table} SET ${w.status} = ${status}, ${w.tenant} = COALESCE(${w.tenant}, ${tenant}::uuid),
               ${w.processedAt} = now(), ${w.updatedAt} = now() WHERE ${w.id} = ${id}`,
  )
}
