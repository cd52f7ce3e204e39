import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, DESK_ROLES, hasRoleIn, isPlatformAdmin, OperationError, runSql, type AccessUser } from '@/core'
import { payFeePort, payReservationInput, type PayReservationReply } from '../contract'
import { memberTiersTable } from './sql/facilityTiersTable'
import { feeSnapshotsTable } from './sql/feeSnapshotsTable'
import { reservationsTable } from './sql/reservationsTable'

/**
 * A reservation's pending fee paid through commerce (`facility.payFee`): its snapshot locked, an
 * order for exactly its total (one `fee` line, reused while pending), then the member's online
 * payment page — or, for desk staff, cash or the terminal at once. An unpaid order expires after
 * `holdMinutes` (commerce's expiry job cancels it; a Stripe payment arriving later is refunded),
 * and the next request opens a fresh one. The snapshot becomes `paid`
 * (and frozen) when commerce's `order.paid` for that order arrives (`facility.feePaid`). 404 for
 * anyone else's reservation; 409 `not_payable` unless the fee is pending and the reservation
 * active; commerce's refusals (409 `stripe_not_configured`, `payments_unavailable`) as they come.
 */
export const payReservationFee = async (
  req: PayloadRequest,
  id: string,
  raw: unknown,
  options: { holdMinutes: number } = { holdMinutes: 30 },
): Promise<PayReservationReply> => {
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const input = payReservationInput.parse(raw ?? {})
  const r = reservationsTable(req)
  const m = memberTiersTable(req)
  const f = feeSnapshotsTable(req)
  const [row] = await runSql<{ tenant: string; member: string; status: string; start_at: string; mine: boolean }>(
    req,
    sql`SELECT r.${r.tenant} AS tenant, r.${r.member} AS member, r.${r.status} AS status, r.${r.startAt} AS start_at,
               EXISTS (SELECT 1 FROM ${m.$table} m WHERE m.${m.id} = r.${r.member} AND m.${m.user} = ${req.user.id}) AS mine
        FROM ${r.$table} r WHERE r.${r.id} = ${id} FOR UPDATE`,
  )
  const user: AccessUser = req.user
  const staff = row && (isPlatformAdmin(user) || hasRoleIn(user, String(row.tenant), DESK_ROLES))
  if (!row || (!row.mine && !staff)) throw new OperationError(404, 'not_found', 'No such reservation.')
  if (input.method !== 'online' && !staff)
    throw new OperationError(403, 'forbidden', 'Cash and terminal payments are taken by the desk.')
  const [fee] = await runSql<{ id: string; status: string; amount: number; currency: string; order: string | null }>(
    req,
    sql`SELECT ${f.id} AS id, ${f.status} AS status, ${f.totalAmount}::int AS amount, ${f.totalCurrency} AS currency, ${f.commerceOrder} AS order
        FROM ${f.$table} WHERE ${f.reservation} = ${id} AND ${f.status} <> 'void' ORDER BY ${f.computedAt} DESC LIMIT 1 FOR UPDATE`,
  )
  if (!['requested', 'confirmed'].includes(row.status) || !fee || fee.status !== 'pending' || !(fee.amount > 0))
    throw new OperationError(
      409,
      'not_payable',
      fee?.status === 'paid' ? 'This fee is already paid.' : 'This reservation has no fee to pay.',
    )
  const paid = await callPort(req, payFeePort, {
    tenant: String(row.tenant),
    member: String(row.member),
    ref: { collection: 'fee-snapshots', id: String(fee.id) },
    amount: { amount: fee.amount, currency: fee.currency },
    description: `Bay reservation ${new Date(row.start_at).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    order: fee.order,
    holdMinutes: options.holdMinutes,
    method: input.method,
    payer: row.mine && input.method === 'online' ? 'member' : 'desk',
  })
  if (!paid.ok) throw new OperationError(409, paid.code, paid.reason)
  await runSql(
    req,
    sql`UPDATE ${f.$table} SET ${f.commerceOrder} = ${paid.order}, ${f.updatedAt} = now() WHERE ${f.id} = ${fee.id}`,
  )
  return { reservation: id, order: paid.order, number: paid.number, orderStatus: paid.status, checkout: paid.checkout }
}
