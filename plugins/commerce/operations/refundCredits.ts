import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, lockKey, runSql } from '@/core'
import type { RefundCreditsInput, RefundCreditsResult } from '@plugins/bookings/contract'
import { creditBalance } from './creditBalance'
import { creditLedgerTable, creditLotsTable } from './sql/creditLotsTable'

/**
 * The `credits.refund` port: gives back exactly the credits spent for `ref`, to the lots they
 * came from, once. A repeated call changes nothing and answers with the credits given back the
 * first time.
 */
export const refundCredits = async (req: PayloadRequest, input: RefundCreditsInput): Promise<RefundCreditsResult> =>
  inTransaction(req, async () => {
    await lockKey(req, `credits:${input.member}`)
    const l = creditLedgerTable(req)
    const c = creditLotsTable(req)
    const rows = await runSql<{ lot_id: string; amount: number; type: string; credit_type: string; member_id: string }>(
      req,
      sql`SELECT ${l.lot} AS lot_id, ${l.amount} AS amount, ${l.type} AS type, ${l.creditType} AS credit_type, ${l.member} AS member_id
          FROM ${l.$table}
          WHERE ${l.tenant} = ${input.tenant} AND ${l.refCollection} = ${input.ref.collection} AND ${l.refId} = ${input.ref.id}
            AND ${l.type} IN ('spent_booking', 'refund')`,
    )
    const refunded = rows.filter((row) => row.type === 'refund')
    if (refunded.length > 0) return { ok: true, credits: refunded.reduce((sum, row) => sum + Number(row.amount), 0) }
    const spends = rows.filter((row) => row.type === 'spent_booking' && row.member_id === input.member)
    if (spends.length === 0) return { ok: false, code: 'no_spend', reason: 'No credits were spent for this booking.' }
    let total = 0
    for (const spend of spends) {
      const credits = -Number(spend.amount)
      const updated = await runSql<{ id: string }>(
        req,
        sql`UPDATE ${c.$table} SET ${c.remainingCredits} = ${c.remainingCredits} + ${credits}, ${c.updatedAt} = now()
            WHERE ${c.id} = ${spend.lot_id} AND ${c.remainingCredits} + ${credits} <= ${c.initialCredits} RETURNING ${c.id} AS id`,
      )
      if (updated.length === 0) throw new Error(`Credit lot ${spend.lot_id} cannot take back ${credits} credits`)
      total += credits
      await req.payload.db.create({
        collection: 'credit-ledger' as CollectionSlug,
        data: {
          tenant: input.tenant,
          member: input.member,
          lot: spend.lot_id,
          creditType: spend.credit_type,
          type: 'refund',
          amount: credits,
          balanceAfter: await creditBalance(req, input.member, spend.credit_type),
          refCollection: input.ref.collection,
          refId: input.ref.id,
          description: input.reason,
          createdBy: req.user?.collection === 'users' ? req.user.id : null,
        },
        req,
      })
    }
    return { ok: true, credits: total }
  })
