import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql, type SQL } from '@/core'
import type { CancelReason } from '../types'
import { feeSnapshotsTable } from './sql/feeSnapshotsTable'
import { reservationsTable } from './sql/reservationsTable'

export type Cancelled = {
  id: string
  tenant: string
  resource: string
  member: string
  start_at: string
  end_at: string
}

/**
 * Cancels the active reservations `where` selects (a condition on the reservations table) in one
 * statement: status `cancelled`, door code cleared (it stops working at once), the reason and
 * closure noted. Their pending fee snapshots are voided; a paid one stays frozen and its total is
 * the `refundDue` of the `reservation.cancelled` event emitted for each. A reservation already
 * cancelled is not selected again, so running twice cancels (and emits) once — concurrent runs
 * included, as the UPDATE re-checks the status of a row another transaction changed.
 */
export const markCancelled = async (
  req: PayloadRequest,
  where: SQL,
  reason: CancelReason,
  closure: string | null = null,
): Promise<Cancelled[]> => {
  const r = reservationsTable(req)
  const rows = await runSql<Cancelled>(
    req,
    sql`UPDATE ${r.$table} SET ${r.status} = 'cancelled', ${r.cancelledAt} = now(), ${r.cancelReason} = ${reason}::${r.$enum.cancelReason},
          ${r.closure} = ${closure}, ${r.accessCode} = NULL, ${r.accessValidFrom} = NULL, ${r.accessValidUntil} = NULL, ${r.updatedAt} = now()
        WHERE ${r.status} IN ('requested', 'confirmed') AND ${where}
        RETURNING ${r.id} AS id, ${r.tenant} AS tenant, ${r.resource} AS resource, ${r.member} AS member, ${r.startAt} AS start_at, ${r.endAt} AS end_at`,
  )
  await settleCancelled(req, rows, reason, closure)
  return rows
}

/**
 * What follows cancelling reservations, however they were cancelled (one statement here, or staff
 * in the admin): pending fee snapshots voided, and one `reservation.cancelled` each, a paid fee as
 * its `refundDue`.
 */
export const settleCancelled = async (
  req: PayloadRequest,
  rows: Cancelled[],
  reason: CancelReason,
  closure: string | null,
): Promise<void> => {
  if (rows.length === 0) return
  const f = feeSnapshotsTable(req)
  const ids = `{${rows.map((row) => row.id).join(',')}}`
  await runSql(
    req,
    sql`UPDATE ${f.$table} SET ${f.status} = 'void', ${f.updatedAt} = now()
        WHERE ${f.reservation} = ANY(${ids}::uuid[]) AND ${f.status} = 'pending'`,
  )
  const paid = await runSql<{ reservation: string; amount: number; currency: string }>(
    req,
    sql`SELECT ${f.reservation} AS reservation, ${f.totalAmount}::int AS amount, ${f.totalCurrency} AS currency FROM ${f.$table}
        WHERE ${f.reservation} = ANY(${ids}::uuid[]) AND ${f.status} = 'paid'`,
  )
  for (const row of rows) {
    const refund = paid.find((p) => String(p.reservation) === String(row.id))
    await emit(req, {
      type: 'reservation.cancelled',
      tenant: String(row.tenant),
      subject: { collection: 'reservations', id: String(row.id) },
      data: {
        reservation: String(row.id),
        resource: String(row.resource),
        member: String(row.member),
        startAt: new Date(row.start_at).toISOString(),
        endAt: new Date(row.end_at).toISOString(),
        reason,
        closure,
        refundDue: refund ? { amount: Number(refund.amount), currency: refund.currency } : null,
      },
    })
  }
}
