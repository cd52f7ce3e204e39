import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { newAccessCode } from './accessCode'
import { reservationsTable } from './sql/reservationsTable'

/**
 * A door code no active reservation of the tenant holds (the partial unique index on
 * (tenant, access code) of active reservations backs it against a concurrent draw).
 */
export const uniqueAccessCode = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  tenant: string,
  digits: number,
): Promise<string> => {
  const candidates = Array.from({ length: 8 }, () => newAccessCode(digits))
  const r = reservationsTable(req)
  const taken = await runSql<{ code: string }>(
    req,
    sql`SELECT ${r.accessCode} AS code FROM ${r.$table}
        WHERE ${r.tenant} = ${tenant} AND ${r.accessCode} = ANY(${`{${candidates.join(',')}}`}::text[])
          AND ${r.status} IN ('requested', 'confirmed')`,
  )
  const free = candidates.find((code) => !taken.some((t) => t.code === code))
  if (!free) throw new OperationError(503, 'busy', 'No free door code right now; try again.')
  return free
}
