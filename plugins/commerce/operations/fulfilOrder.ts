import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, runSql } from '@/core'
import { grantCredits } from './grantCredits'
import { issueGiftCard } from './issueGiftCard'
import type { PlacedOrder } from './placeOrder'
import { orderLinesTable } from './sql/ordersTable'
import { productsTable } from './sql/productsTable'

type LineRow = {
  product_id: string | null
  kind: string
  quantity: number
  unit_price: number
  total: number
  pack_credits: number | null
  pack_credit_type: string | null
  pack_validity_days: number | null
}

/**
 * What a paid order delivers, the one fulfilment code path (POS checkout, desk payment of a
 * reserved order): one gift card per gift_card unit (an `issue` transaction each), a credit lot
 * plus `earned_purchase` ledger row per credit_pack line (credits and validity from the product),
 * then the audit row and `order.paid`. Runs in the caller's transaction, after the order is paid.
 */
export const fulfilOrder = async (
  req: PayloadRequest,
  input: { tenant: string; member: string | null; order: PlacedOrder['order']; payment: string | null },
) => {
  const { order } = input
  const l = orderLinesTable(req)
  const p = productsTable(req)
  const lines = await runSql<LineRow>(
    req,
    sql`SELECT l.${l.product} AS product_id, l.${l.kind} AS kind, l.${l.quantity} AS quantity, l.${l.unitPrice} AS unit_price,
               l.${l.total} AS total, p.${p.packCredits} AS pack_credits, p.${p.packCreditType} AS pack_credit_type,
               p.${p.packValidityDays} AS pack_validity_days
        FROM ${l.$table} l LEFT JOIN ${p.$table} p ON p.${p.id} = l.${l.product} WHERE l.${l.parent} = ${order.id} ORDER BY l.${l.order}`,
  )
  const giftCards: { id: string; code: string }[] = []
  const creditLots: string[] = []
  for (const line of lines) {
    for (let n = 0; n < line.quantity && line.kind === 'gift_card'; n++) {
      giftCards.push(
        await issueGiftCard(req, {
          tenant: input.tenant,
          amount: Number(line.unit_price),
          currency: order.currency,
          order: order.id,
          buyer: input.member,
        }),
      )
    }
    if (line.kind === 'credit_pack' && input.member) {
      const days = line.pack_validity_days
      const { lot } = await grantCredits(req, {
        tenant: input.tenant,
        member: input.member,
        credits: Number(line.pack_credits) * Number(line.quantity),
        creditType: line.pack_credit_type ?? 'class',
        source: 'pack_purchase',
        expiresAt: days ? new Date(Date.now() + Number(days) * 86_400_000).toISOString() : null,
        product: line.product_id,
        order: order.id,
        pricePaid: { amount: Number(line.total), currency: order.currency },
      })
      creditLots.push(lot)
    }
  }
  const summary = { ...order, status: 'paid' }
  await audit(req, {
    category: 'billing',
    action: 'order.paid',
    tenant: input.tenant,
    resourceType: 'orders',
    resourceId: order.id,
    amount: { amount: order.total, currency: order.currency },
    after: summary,
  })
  await emit(req, {
    type: 'order.paid',
    tenant: input.tenant,
    subject: { collection: 'orders', id: order.id },
    data: { ...summary, member: input.member, payment: input.payment },
  })
  return { order: summary, payment: input.payment, giftCards, creditLots }
}
