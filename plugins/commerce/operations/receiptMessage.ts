import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, escapeHtml, formatMoney, runSql, tenantsTable } from '@/core'
import { paymentSummaryPort } from '@plugins/commerce/contract'
import { orderPaymentId } from './orderPaymentId'
import { giftCardsTable } from './sql/giftCardsTable'
import { orderLinesTable, ordersTable } from './sql/ordersTable'

type ReceiptOrderRow = {
  number: string
  currency: string
  subtotal: number
  discount_total: number
  gift_card_applied: number
  tax: number
  total: number
  purchased_at: string | null
  tenant_name: string
  tenant_id: string
  gift_card_code: string | null
}

const PAID_BY: Record<string, string> = { stripe: 'card (Stripe)', cash: 'cash', terminal: 'card terminal' }

/** The receipt of one order as an e-mail (subject, text, html), read in SQL; null if the order is gone. */
export const receiptMessage = async (req: Pick<PayloadRequest, 'payload' | 'transactionID'>, orderId: string) => {
  const o = ordersTable(req)
  const t = tenantsTable(req)
  const g = giftCardsTable(req)
  const l = orderLinesTable(req)
  const [order] = await runSql<ReceiptOrderRow>(
    req,
    sql`SELECT o.${o.number} AS number, o.${o.currency} AS currency, o.${o.subtotal} AS subtotal, o.${o.discountTotal} AS discount_total,
               o.${o.giftCardApplied} AS gift_card_applied, o.${o.tax} AS tax, o.${o.total} AS total, o.${o.purchasedAt} AS purchased_at,
               t.${t.name} AS tenant_name, o.${o.tenant} AS tenant_id, g.${g.code} AS gift_card_code
        FROM ${o.$table} o JOIN ${t.$table} t ON t.${t.id} = o.${o.tenant} LEFT JOIN ${g.$table} g ON g.${g.id} = o.${o.giftCard}
        WHERE o.${o.id} = ${orderId}`,
  )
  if (!order) return null
  // How it was paid: asked of the payments plugin (`payments.summary`); left out when none is installed.
  const payment = await orderPaymentId(req, orderId)
  const paidBy = payment
    ? (await callPort(req as PayloadRequest, paymentSummaryPort, { tenant: String(order.tenant_id), payment }))
        ?.provider
    : null
  const lines = await runSql<{ name: string; quantity: number; unit_price: number; discount: number; total: number }>(
    req,
    sql`SELECT ${l.name} AS name, ${l.quantity} AS quantity, ${l.unitPrice} AS unit_price, ${l.discount} AS discount, ${l.total} AS total
        FROM ${l.$table} WHERE ${l.parent} = ${orderId} ORDER BY ${l.order}`,
  )
  const currency = String(order.currency)
  const money = (value: unknown) => formatMoney({ amount: Number(value), currency })
  const rows: [string, string][] = [
    ...lines.map((l): [string, string] => [`${l.quantity} × ${l.name} @ ${money(l.unit_price)}`, money(l.total)]),
    ['Subtotal', money(order.subtotal)],
    ...(Number(order.discount_total) ? [['Discount', `−${money(order.discount_total)}`] as [string, string]] : []),
    ...(Number(order.tax) ? [['Tax', money(order.tax)] as [string, string]] : []),
    ...(Number(order.gift_card_applied)
      ? [
          [
            `Gift card${order.gift_card_code ? ` ····${String(order.gift_card_code).slice(-4)}` : ''}`,
            `−${money(order.gift_card_applied)}`,
          ] as [string, string],
        ]
      : []),
    ['Paid', money(order.total)],
    ...(paidBy ? [['Paid by', PAID_BY[paidBy] ?? paidBy] as [string, string]] : []),
  ]
  const shop = String(order.tenant_name)
  const when = new Date(String(order.purchased_at ?? new Date().toISOString())).toUTCString()
  const subject = `Your receipt from ${shop} (order ${order.number})`
  const text = [
    `${shop}`,
    `Order ${order.number} — ${when}`,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    'Thank you!',
  ].join('\n')
  const html = `<h1>${escapeHtml(shop)}</h1><p>Order ${escapeHtml(String(order.number))} — ${escapeHtml(when)}</p><table>${rows
    .map(
      ([label, value]) =>
        `<tr><td>${escapeHtml(label)}</td><td style="text-align:right">${escapeHtml(value)}</td></tr>`,
    )
    .join('')}</table><p>Thank you!</p>`
  return { subject, text, html }
}
