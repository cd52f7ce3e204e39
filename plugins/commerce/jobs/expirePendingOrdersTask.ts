import type { PayloadRequest, TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, runSql } from '@/core'
import { releaseOrder } from '../operations/releaseOrder'
import { ordersTable } from '../operations/sql/ordersTable'

/**
 * Every minute: each pending order whose hold is over (`expires_at <= now()`) is cancelled by
 * `releaseOrder('expired')` in its own transaction (stock, coupon use and gift-card amount back,
 * once; an order paid meanwhile is left alone by the conditional UPDATE).
 */
export const expirePendingOrdersTask: TaskConfig = {
  slug: 'expirePendingOrders',
  schedule: [{ cron: '0 * * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    const o = ordersTable(req)
    const due = await runSql<{ id: string }>(
      { payload: req.payload, transactionID: undefined },
      sql`SELECT ${o.id} AS id FROM ${o.$table} WHERE ${o.status} = 'pending' AND ${o.expiresAt} <= now() ORDER BY ${o.expiresAt} LIMIT 1000`,
    )
    let expired = 0
    for (const { id } of due) {
      const own = { ...req, transactionID: undefined } as PayloadRequest
      if (await inTransaction(own, () => releaseOrder(own, String(id), 'expired'))) expired++
    }
    return { output: { due: due.length, expired } }
  },
}
