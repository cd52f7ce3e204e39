import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, memberOfUser, OperationError, runSql } from '@/core'
import { startPaymentCheckoutPort } from '@plugins/commerce/contract'
import { deskOrder } from './deskOrder'
import { orderContentAmount } from './orderContentAmount'
import { ordersTable } from './sql/ordersTable'
import { STRIPE_HOLD_MARGIN_MS, STRIPE_MAX_SESSION_MS, STRIPE_MIN_SESSION_MS } from './holdUntil'

/**
 * The one Stripe Checkout of a pending order (a POS sale with provider stripe, a member's online
 * purchase, or a reservation the desk sends to Stripe): `payments.startCheckout` (billing's
 * `createPaymentCheckout`; 409 `stripe_not_configured` without a payments plugin) for the
 * order's total (what is left after a gift card), with `ref` = the order, so the completed webhook
 * settles this very order (`commerce.stripeOrder`) and `checkout.session.expired` cancels it
 * (`commerce.checkoutExpired`). Lines selling creator content (`orderContentAmount`) go along as
 * `contentAmount`: billing takes the platform fee on them (a Connect application fee). The session ends when the order's hold ends: a hold ending within
 * 24 h is first moved to at least 30 minutes away (Stripe's minimum), a longer hold (a 7-day
 * reservation) keeps Stripe's 24 h session. `payer: 'desk'`: desk staff of the order's tenant
 * (others 404); `payer: 'member'`: the member who owns the order (others 404).
 */
export const startOrderCheckout = async (req: PayloadRequest, id: string, payer: 'desk' | 'member' = 'desk') => {
  const o = ordersTable(req)
  let tenant: string
  if (payer === 'desk') tenant = await deskOrder(req, id)
  else {
    const [found] = await runSql<{ tenant_id: string; member_id: string | null }>(
      req,
      sql`SELECT ${o.tenant} AS tenant_id, ${o.member} AS member_id FROM ${o.$table} WHERE ${o.id} = ${id}`,
    )
    if (
      !found ||
      !found.member_id ||
      (await memberOfUser(req, String(found.tenant_id), 'Only members of this business can pay online here.')).id !==
        String(found.member_id)
    )
      throw new OperationError(404, 'not_found', 'Order not found.')
    tenant = String(found.tenant_id)
  }
  const [order] = await runSql<{
    status: string
    number: string
    total: number
    currency: string
    member_id: string | null
    expires_at: string | null
  }>(
    req,
    sql`SELECT ${o.status} AS status, ${o.number} AS number, ${o.total} AS total, ${o.currency} AS currency,
               ${o.member} AS member_id, ${o.expiresAt} AS expires_at
        FROM ${o.$table} WHERE ${o.id} = ${id} FOR UPDATE`,
  )
  if (order.status !== 'pending') throw new OperationError(409, 'not_pending', 'Only a pending order can be paid.')
  const now = Date.now()
  let expiresAt = order.expires_at ? new Date(order.expires_at) : null
  if (!expiresAt || expiresAt.getTime() - now > STRIPE_MAX_SESSION_MS)
    expiresAt = null // Stripe's own 24 h end first
  else if (expiresAt.getTime() - now < STRIPE_MIN_SESSION_MS + 10_000) {
    expiresAt = new Date(now + STRIPE_MIN_SESSION_MS + STRIPE_HOLD_MARGIN_MS)
    await runSql(
      req,
      sql`UPDATE ${o.$table} SET ${o.expiresAt} = ${expiresAt.toISOString()}, ${o.updatedAt} = now() WHERE ${o.id} = ${id}`,
    )
  }
  const started = await callPort(req, startPaymentCheckoutPort, {
    tenant,
    ref: { collection: 'orders', id },
    member: order.member_id ? String(order.member_id) : null,
    amount: { amount: Number(order.total), currency: order.currency },
    description: `Order ${order.number}`,
    payer,
    expiresAt,
    contentAmount: await orderContentAmount(req, tenant, id),
  })
  if (!started.ok) throw new OperationError(409, started.code, started.reason)
  return { id: started.id, url: started.url }
}
