import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { lockKey, OperationError, runSql } from '@/core'
import { closuresLockKey } from './assertNotClosed'
import { markCancelled } from './markCancelled'
import { availabilityBlocksTable } from './sql/availabilityBlocksTable'
import { closuresRelsTable, closuresTable } from './sql/closuresTable'
import { facilityResourcesTable } from './sql/facilityResourcesTable'
import { reservationsTable } from './sql/reservationsTable'

/**
 * Cancels the active reservations a closure overlaps — on all resources (of its location, when it
 * names one) or on the resources it names — once: a reservation already cancelled is not touched
 * again, so applying it twice cancels nothing more. Writes one `closure` availability block per
 * affected resource. Returns how many reservations it cancelled this time.
 */
export const applyClosure = async (req: PayloadRequest, closure: string): Promise<number> => {
  const c = closuresTable(req)
  const rels = closuresRelsTable(req)
  const res = facilityResourcesTable(req)
  const r = reservationsTable(req)
  const [row] = await runSql<{
    id: string
    tenant: string
    start_at: string | null
    end_at: string | null
    all: boolean
    location: string | null
  }>(
    req,
    sql`SELECT ${c.id} AS id, ${c.tenant} AS tenant, ${c.startAt} AS start_at, ${c.endAt} AS end_at,
               coalesce(${c.affectsAllResources}, false) AS all, ${c.location} AS location
        FROM ${c.$table} WHERE ${c.id} = ${closure}`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'No such closure.')
  if (!row.start_at || !row.end_at) return 0
  // Waits for bookings that already checked closures, and holds new ones until this one commits.
  await lockKey(req, closuresLockKey(String(row.tenant)))
  const from = new Date(row.start_at).toISOString()
  const until = new Date(row.end_at).toISOString()
  const resources = row.all
    ? sql`SELECT ${res.id} FROM ${res.$table} WHERE ${res.tenant} = ${row.tenant} AND ${res.deletedAt} IS NULL
            AND (${row.location}::uuid IS NULL OR ${res.location} = ${row.location})`
    : sql`SELECT ${rels.resource} FROM ${rels.$table} WHERE ${rels.parent} = ${closure} AND ${rels.resource} IS NOT NULL`
  const affected = sql`${r.resource} IN (${resources})`
  // Its blocks: one per affected resource, rewritten on every save (the window or resources may have changed).
  const b = availabilityBlocksTable(req)
  await runSql(req, sql`DELETE FROM ${b.$table} WHERE ${b.closure} = ${closure}`)
  await runSql(
    req,
    sql`INSERT INTO ${b.$table} (${b.tenant}, ${b.resource}, ${b.startAt}, ${b.endAt}, ${b.blockType}, ${b.closure})
        SELECT ${row.tenant}, id, ${from}::timestamptz, ${until}::timestamptz, 'closure', ${closure} FROM (${resources}) AS affected(id)`,
  )
  const cancelled = await markCancelled(
    req,
    sql`${r.tenant} = ${row.tenant} AND ${r.startAt} < ${until}::timestamptz AND ${r.endAt} > ${from}::timestamptz AND ${affected}`,
    'closure',
    closure,
  )
  if (cancelled.length > 0)
    await runSql(
      req,
      sql`UPDATE ${c.$table} SET ${c.cancelledCount} = coalesce(${c.cancelledCount}, 0) + ${cancelled.length} WHERE ${c.id} = ${closure}`,
    )
  return cancelled.length
}
