import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, escapeHtml, formatMoney, runSql } from '@/core'
import { paymentSummaryPort } from '@plugins/commerce/contract'
import { orderPaymentId } from './orderPaymentId'

const PAID_BY: Record<string, string> = { stripe: 'card (Stripe)', cash: 'cash', terminal: 'card terminal' }

/** The receipt of one order as an e-mail (subject, text, html), read in SQL; null if the order is gone. */
export const receiptMessage = async (req: Pick<PayloadRequest, 'payload' | 'transactionID'>, orderId: string) => {
  const [order] = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT o.number, o.currency, o.subtotal, o.discount_total, o.gift_card_applied, o.tax, o.total, o.purchased_at, t.name AS tenant_name,
               o.tenant_id, g.code AS gift_card_code
        FROM orders o JOIN tenants t ON t.id = o.tenant_id LEFT JOIN gift_cards g ON g.id = o.gift_card_id
        WHERE o.id = ${orderId}`,
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
    sql`SELECT name, quantity, unit_price, discount, total FROM orders_lines WHERE _parent_id = ${orderId} ORDER BY _order`,
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
