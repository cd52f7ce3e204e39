import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, runSql } from '@/core'
import { applyRefund } from './refundPayment'
import { paymentsTable } from './sql/paymentsTable'

export type ExcessRefund = {
  refunded: number
  unrefunded: number
  refunds: { payment: string; provider: string; amount: number }[]
}

/**
 * A plan change whose credit exceeds the new price pays the excess back to the member through
 * the payments refund path (`applyRefund`: the conditional UPDATE that never refunds more than
 * was paid, `refunds[]`, audit, `payment.refunded`): the subscription's payments are taken
 * newest first, rows locked, each up to what is left on it. A desk payment's refund is recorded
 * as cash owed back at the desk; a Stripe payment's is sent to Stripe after commit by
 * `billing.stripeRefund`. Whatever no payment can carry (the member never paid that much) is
 * reported and audited as `unrefunded`, never silently dropped.
 */
export const refundPlanChangeExcess = async (
  req: PayloadRequest,
  input: { tenant: string; subscription: string; excess: number; currency: string; reason: string },
): Promise<ExcessRefund> => {
  const result: ExcessRefund = { refunded: 0, unrefunded: 0, refunds: [] }
  if (input.excess <= 0) return result
  const p = paymentsTable(req)
  const payments = await runSql<{ id: string; provider: string; left: number }>(
    req,
    sql`SELECT ${p.id} AS id, ${p.provider} AS provider, (${p.amount} - ${p.amountRefunded})::int AS left FROM ${p.$table}
        WHERE ${p.tenant} = ${input.tenant} AND ${p.refCollection} = 'subscriptions' AND ${p.refId} = ${input.subscription}
          AND ${p.status} IN ('succeeded', 'partially_refunded') AND ${p.currency} = ${input.currency} AND ${p.amount} > ${p.amountRefunded}
        ORDER BY ${p.createdAt} DESC, ${p.id} DESC FOR UPDATE`,
  )
  let owed = input.excess
  for (const payment of payments) {
    if (owed === 0) break
    const amount = Math.min(owed, Number(payment.left))
    if (amount <= 0) continue
    await applyRefund(req, { payment: String(payment.id), tenant: input.tenant, amount, reason: input.reason })
    result.refunds.push({ payment: String(payment.id), provider: payment.provider, amount })
    result.refunded += amount
    owed -= amount
  }
  result.unrefunded = owed
  if (owed > 0) {
    await audit(req, {
      category: 'billing',
      action: 'subscription.credit_unrefunded',
      tenant: input.tenant,
      resourceType: 'subscriptions',
      resourceId: input.subscription,
      amount: { amount: owed, currency: input.currency },
      details: `${input.reason}: ${owed} could not be refunded (no payment of this subscription has that much left).`,
    })
  }
  return result
}
