import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { availabilityBlocksTable } from './sql/availabilityBlocksTable'
import { closuresRelsTable, closuresTable } from './sql/closuresTable'

/** The advisory lock key that orders bookings against closures of a tenant. */
export const closuresLockKey = (tenant: string) => `facility-closures:${tenant}`

/**
 * 409 `closed` when a closure of the tenant covers any of [startAt, endAt) on this resource (one
 * for all resources of the resource's location, or naming it), or an availability block does.
 */
export const assertNotClosed = async (
  req: PayloadRequest,
  input: { tenant: string; resource: string; location: string | null; startAt: Date; endAt: Date },
) => {
  // Shared with other bookings, exclusive against a closure being applied (applyClosure): a closure
  // either sees this reservation committed and cancels it, or commits first and refuses it here.
  await runSql(req, sql`SELECT pg_advisory_xact_lock_shared(hashtextextended(${closuresLockKey(input.tenant)}, 0))`)
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
  const b = availabilityBlocksTable(req)
  const [blocked] = await runSql<{ type: string }>(
    req,
    sql`SELECT ${b.blockType} AS type FROM ${b.$table}
        WHERE ${b.tenant} = ${input.tenant} AND ${b.resource} = ${input.resource}
          AND ${b.startAt} < ${input.endAt.toISOString()}::timestamptz AND ${b.endAt} > ${input.startAt.toISOString()}::timestamptz
        LIMIT 1`,
  )
  if (blocked)
    throw new OperationError(409, 'closed', `This resource is blocked (${blocked.type}) for part of that time.`)
}
