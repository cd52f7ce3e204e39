import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import type { FeeLine, ReservationReply } from '../contract'
import { feeSnapshotsTable } from './sql/feeSnapshotsTable'
import { reservationsTable } from './sql/reservationsTable'

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** A reservation as the booking, approval and cancel endpoints answer it, with its current fee snapshot. */
export const reservationReply = async (req: PayloadRequest, id: string): Promise<ReservationReply> => {
  const r = reservationsTable(req)
  const f = feeSnapshotsTable(req)
  const [row] = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT r.${r.id} AS id, r.${r.tenant} AS tenant, r.${r.resource} AS resource, r.${r.member} AS member, r.${r.startAt} AS start_at,
               r.${r.endAt} AS end_at, r.${r.status} AS status, r.${r.accessCode} AS access_code, r.${r.accessValidFrom} AS valid_from,
               r.${r.accessValidUntil} AS valid_until, f.${f.totalAmount}::int AS total, f.${f.totalCurrency} AS currency,
               f.${f.status} AS fee_status, f.${f.lines} AS lines
        FROM ${r.$table} r
        LEFT JOIN LATERAL (SELECT * FROM ${f.$table} s WHERE s.${f.reservation} = r.${r.id} ORDER BY (s.${f.status} = 'void'), s.${f.computedAt} DESC LIMIT 1) f ON true
        WHERE r.${r.id} = ${id}`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'No such reservation.')
  return {
    id: String(row.id),
    tenant: String(row.tenant),
    resource: String(row.resource),
    member: String(row.member),
    startAt: iso(row.start_at)!,
    endAt: iso(row.end_at)!,
    status: String(row.status),
    accessCode: (row.access_code as string | null) ?? null,
    accessValidFrom: iso(row.valid_from),
    accessValidUntil: iso(row.valid_until),
    fee:
      row.total === null || row.total === undefined
        ? null
        : {
            total: { amount: Number(row.total), currency: String(row.currency) },
            status: String(row.fee_status),
            lines: (row.lines as FeeLine[] | null) ?? [],
          },
  }
}
