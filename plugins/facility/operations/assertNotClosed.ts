import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { closuresRelsTable, closuresTable } from './sql/closuresTable'

/**
 * 409 `closed` when a closure of the tenant covers any of [startAt, endAt) on this resource: one
 * for all resources (of the resource's location, when the closure names one) or naming it.
 */
export const assertNotClosed = async (
  req: PayloadRequest,
  input: { tenant: string; resource: string; location: string | null; startAt: Date; endAt: Date },
) => {
  const c = closuresTable(req)
  const rels = closuresRelsTable(req)
  const [closed] = await runSql<{ reason: string | null }>(
    req,
    sql`SELECT c.${c.id} AS id FROM ${c.$table} c
        WHERE c.${c.tenant} = ${input.tenant}
          AND c.${c.startAt} < ${input.endAt.toISOString()}::timestamptz AND c.${c.endAt} > ${input.startAt.toISOString()}::timestamptz
          AND ((c.${c.affectsAllResources} AND (c.${c.location} IS NULL OR c.${c.location} = ${input.location}))
               OR EXISTS (SELECT 1 FROM ${rels.$table} r WHERE r.${rels.parent} = c.${c.id} AND r.${rels.resource} = ${input.resource}))
        LIMIT 1`,
  )
  if (closed) throw new OperationError(409, 'closed', 'This resource is closed for part of that time.')
}
