import type { CollectionSlug, PayloadRequest, TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, lockKey, runSql } from '@/core'
import { creditBalance } from '../operations/creditBalance'

/** Writes off what is left of one expired lot with an `expired` ledger row; returns the credits written off. */
export const expireLot = async (
  req: PayloadRequest,
  lot: { id: string; tenant_id: string; member_id: string; credit_type: string },
): Promise<number> =>
  inTransaction(req, async () => {
    await lockKey(req, `credits:${lot.member_id}`)
    const [row] = await runSql<{ written_off: number }>(
      req,
      sql`WITH old AS (SELECT id, remaining_credits FROM credit_lots WHERE id = ${lot.id} AND remaining_credits > 0 AND expires_at <= now() FOR UPDATE)
          UPDATE credit_lots l SET remaining_credits = 0, expired_at = now(), updated_at = now()
          FROM old WHERE l.id = old.id RETURNING old.remaining_credits AS written_off`,
    )
    if (!row) return 0
    const credits = Number(row.written_off)
    await req.payload.db.create({
      collection: 'credit-ledger' as CollectionSlug,
      data: {
        tenant: lot.tenant_id,
        member: lot.member_id,
        lot: lot.id,
        creditType: lot.credit_type,
        type: 'expired',
        amount: -credits,
        balanceAfter: await creditBalance(req, lot.member_id, lot.credit_type),
        refCollection: 'credit-lots',
        refId: lot.id,
        description: 'Credits expired',
      },
      req,
    })
    return credits
  })

/** Daily: every lot past its expiry with credits left is written off, one transaction per lot. */
export const expireCreditLotsTask: TaskConfig = {
  slug: 'expireCreditLots',
  schedule: [{ cron: '0 15 3 * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const lots = await runSql<{ id: string; tenant_id: string; member_id: string; credit_type: string }>(
      { payload: req.payload, transactionID: undefined },
      sql`SELECT id, tenant_id, member_id, credit_type FROM credit_lots WHERE remaining_credits > 0 AND expires_at <= now() ORDER BY expires_at LIMIT 5000`,
    )
    let credits = 0
    for (const lot of lots) {
      const own = { ...req, transactionID: undefined } as PayloadRequest
      credits += await expireLot(own, lot)
    }
    return { output: { lots: lots.length, credits } }
  },
}
