import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql, type SQL } from '@/core'
import type { CancelReason } from '../types'
import { endFees } from './endFees'
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
 * closure noted. Their fees and passes are settled by `endFees`; a paid fee's total is
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
 * in the admin): their fees and guest passes settled (`endFees`: passes back, pending fees voided,
 * fees paid through commerce refunded), and one `reservation.cancelled` each, a paid fee as its
 * `refundDue` (`refunded` when it was refunded here).
 */
export const settleCancelled = async (
  req: PayloadRequest,
  rows: Cancelled[],
  reason: CancelReason,
  closure: string | null,
): Promise<void> => {
  if (rows.length === 0) return
  const paid = await endFees(
    req,
    rows.map((row) => String(row.id)),
    reason === 'closure' ? 'Reservation cancelled: the club is closed' : 'Reservation cancelled',
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
        refundDue: refund ? { amount: refund.amount, currency: refund.currency } : null,
        refunded: refund?.refunded ?? false,
      },
    })
  }
}
