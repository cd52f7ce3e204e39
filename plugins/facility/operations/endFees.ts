import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, runSql } from '@/core'
import { refundFeePort, releaseFeeOrderPort, releaseIncludedMinutesPort, restoreGuestPassPort } from '../contract'
import { countedMinutes } from './countedMinutes'
import { feeSnapshotsTable } from './sql/feeSnapshotsTable'
import { reservationParticipantsTable } from './sql/reservationParticipantsTable'
import { reservationsTable } from './sql/reservationsTable'

export type EndedFee = { reservation: string; amount: number; currency: string; refunded: boolean }

/**
 * What the fees and passes of reservations that just stopped being active (cancelled by the member,
 * staff or a closure; declined) become, in the transaction that ended them — so exactly once, as
 * only that transaction moved their status:
 * - each guest pass spent for them goes back to the host (`facility.restoreGuestPass`, commerce's
 *   ledger: once per participant), and included minutes counted for the owner to their day
 *   (`facility.releaseIncludedMinutes`, billing's usage records: once per reservation);
 * - a pending snapshot is voided and its unpaid commerce order released (`facility.releaseFeeOrder`);
 * - a snapshot paid through a commerce order is refunded (`facility.refundFee`) and becomes
 *   `refunded`; one paid at the club (no order) stays `paid`, its total due back at the desk.
 * Returns the paid snapshots (their total, and whether it was refunded here).
 */
export const endFees = async (req: PayloadRequest, ids: string[], reason: string): Promise<EndedFee[]> => {
  if (ids.length === 0) return []
  const list = `{${ids.join(',')}}`
  const p = reservationParticipantsTable(req)
  const r = reservationsTable(req)
  const passes = await runSql<{ id: string; tenant: string; host: string }>(
    req,
    sql`SELECT p.${p.id} AS id, r.${r.tenant} AS tenant, r.${r.member} AS host FROM ${p.$table} p
        JOIN ${r.$table} r ON r.${r.id} = p.${p.reservation}
        WHERE p.${p.reservation} = ANY(${list}::uuid[]) AND p.${p.usesGuestPass} ORDER BY p.${p.id}`,
  )
  for (const pass of passes)
    await callPort(req, restoreGuestPassPort, {
      tenant: String(pass.tenant),
      member: String(pass.host),
      ref: { collection: 'reservation-participants', id: String(pass.id) },
    })

  // Included minutes counted for the owner's part (the snapshot's `policy.includedMinutes`) go back.
  const f = feeSnapshotsTable(req)
  const included = await runSql<{ id: string; tenant: string; member: string; minutes: number }>(
    req,
    sql`SELECT r.${r.id} AS id, r.${r.tenant} AS tenant, r.${r.member} AS member, max(${countedMinutes(f, 's')}) AS minutes
        FROM ${r.$table} r JOIN ${f.$table} s ON s.${f.reservation} = r.${r.id}
        WHERE r.${r.id} = ANY(${list}::uuid[]) GROUP BY r.${r.id}, r.${r.tenant}, r.${r.member}
        HAVING max(${countedMinutes(f, 's')}) > 0`,
  )
  for (const row of included)
    await callPort(req, releaseIncludedMinutesPort, {
      tenant: String(row.tenant),
      member: String(row.member),
      minutes: Number(row.minutes),
      ref: { collection: 'reservations', id: String(row.id) },
    })

  const voided = await runSql<{ tenant: string; order: string | null }>(
    req,
    sql`UPDATE ${f.$table} SET ${f.status} = 'void', ${f.updatedAt} = now()
        WHERE ${f.reservation} = ANY(${list}::uuid[]) AND ${f.status} = 'pending'
        RETURNING ${f.tenant} AS tenant, ${f.commerceOrder} AS order`,
  )
  for (const row of voided) {
    if (!row.order) continue
    const tenant = String(row.tenant)
    // Paid in the meantime (its `order.paid` not applied yet): not released, so it is refunded.
    if (!(await callPort(req, releaseFeeOrderPort, { tenant, order: row.order })).released)
      await callPort(req, refundFeePort, { tenant, order: row.order, reason })
  }

  const paid = await runSql<{
    id: string
    tenant: string
    reservation: string
    amount: number
    currency: string
    order: string | null
  }>(
    req,
    sql`SELECT ${f.id} AS id, ${f.tenant} AS tenant, ${f.reservation} AS reservation, ${f.totalAmount}::int AS amount,
               ${f.totalCurrency} AS currency, ${f.commerceOrder} AS order
        FROM ${f.$table} WHERE ${f.reservation} = ANY(${list}::uuid[]) AND ${f.status} = 'paid' ORDER BY ${f.id} FOR UPDATE`,
  )
  const ended: EndedFee[] = []
  for (const row of paid) {
    let refunded = false
    if (row.order) {
      const result = await callPort(req, refundFeePort, { tenant: String(row.tenant), order: row.order, reason })
      if (result.refunded > 0) {
        await runSql(
          req,
          sql`UPDATE ${f.$table} SET ${f.status} = 'refunded', ${f.updatedAt} = now() WHERE ${f.id} = ${row.id} AND ${f.status} = 'paid'`,
        )
        refunded = true
      }
    }
    ended.push({ reservation: String(row.reservation), amount: Number(row.amount), currency: row.currency, refunded })
  }
  return ended
}
