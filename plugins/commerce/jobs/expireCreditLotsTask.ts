import type { CollectionSlug, PayloadRequest, TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, lockKey, runSql } from '@/core'
import { creditBalance } from '../operations/creditBalance'
import { creditLotsTable } from '../operations/sql/creditLotsTable'

type DueLot = { id: string; tenant_id: string; member_id: string; credit_type: string }

/** Writes off what is left of one expired lot with an `expired` ledger row; returns the credits written off. */
export const expireLot = async (req: PayloadRequest, lot: DueLot): Promise<number> =>
  inTransaction(req, async () => {
    await lockKey(req, `credits:${lot.member_id}`)
    const c = creditLotsTable(req)
    const [row] = await runSql<{ written_off: number }>(
      req,
      sql`WITH old AS (SELECT ${c.id} AS id, ${c.remainingCredits} AS remaining FROM ${c.$table}
                       WHERE ${c.id} = ${lot.id} AND ${c.remainingCredits} > 0 AND ${c.expiresAt} <= now() FOR UPDATE)
          UPDATE ${c.$table} l SET ${c.remainingCredits} = 0, ${c.expiredAt} = now(), ${c.updatedAt} = now()
          FROM old WHERE l.${c.id} = old.id RETURNING old.remaining AS written_off`,
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
    const c = creditLotsTable(req)
    const lots = await runSql<DueLot>(
      { payload: req.payload, transactionID: undefined },
      sql`SELECT ${c.id} AS id, ${c.tenant} AS tenant_id, ${c.member} AS member_id, ${c.creditType} AS credit_type FROM ${c.$table}
          WHERE ${c.remainingCredits} > 0 AND ${c.expiresAt} <= now() ORDER BY ${c.expiresAt} LIMIT 5000`,
    )
    let credits = 0
    for (const lot of lots) {
      const own = { ...req, transactionID: undefined } as PayloadRequest
      credits += await expireLot(own, lot)
    }
    return { output: { lots: lots.length, credits } }
  },
}
