import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { sql } from '@payloadcms/db-postgres'
import { inboundWebhooksTable, inTransaction, runSql } from '@/core'
import { applyStripeEvent, type ApplyResult } from './applyStripeEvent'

/**
 * Processes one recorded Stripe event in its own transaction. The `inbound-webhooks` row is
 * claimed with a conditional UPDATE (received or failed → locked until commit), so a job run
 * twice applies it once; the row ends `processed`, or `ignored` when no tenant owns the account.
 * A failure rolls everything back, marks the row `failed` with the error and rethrows so the
 * jobs queue retries.
 */
export const processStripeWebhook = async (req: PayloadRequest, webhook: string): Promise<ApplyResult> => {
  try {
    return await inTransaction(req, async () => {
      const w = inboundWebhooksTable(req)
      const [row] = await runSql<{ tenant_id: string | null; payload: Stripe.Event }>(
        req,
        sql`UPDATE ${w.$table} SET ${w.attempts} = ${w.attempts} + 1, ${w.updatedAt} = now()
            WHERE ${w.id} = ${webhook} AND ${w.source} = 'stripe' AND ${w.status} IN ('received', 'failed')
            RETURNING ${w.tenant} AS tenant_id, ${w.payload} AS payload`,
      )
      if (!row) return { outcome: 'already_processed' }
      const result: ApplyResult = row.tenant_id
        ? await applyStripeEvent(req, row.tenant_id, row.payload)
        : { outcome: 'ignored', reason: 'no tenant has connected this account' }
      const status =
        result.outcome === 'ignored' || result.outcome === 'unlinked' || result.outcome === 'foreign'
          ? 'ignored'
          : 'processed'
      await runSql(
        req,
        sql`UPDATE ${w.$table} SET ${w.status} = ${status}, ${w.processedAt} = now(), ${w.error} = NULL, ${w.updatedAt} = now() WHERE ${w.id} = ${webhook}`,
      )
      return result
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const w = inboundWebhooksTable(req)
    await runSql(
      { payload: req.payload, transactionID: undefined },
      sql`UPDATE ${w.$table} SET ${w.status} = 'failed', ${w.attempts} = ${w.attempts} + 1, ${w.error} = ${message.slice(0, 2000)}, ${w.updatedAt} = now()
          WHERE ${w.id} = ${webhook} AND ${w.status} <> 'processed'`,
    )
    throw error
  }
}
