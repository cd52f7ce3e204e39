import { randomBytes } from 'node:crypto'
import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, callPort, emit, OperationError, runSql } from '@/core'
import { refundWholePaymentPort } from '@plugins/commerce/contract'
import type {
  OrderDayPassesResult,
  PayFeeInput,
  PayFeeResult,
  RefundFeeInput,
  RefundFeeResult,
  ReleaseFeeOrderInput,
  RestoreGuestPassInput,
  RestoreGuestPassResult,
  SpendGuestPassInput,
  SpendGuestPassResult,
} from '@plugins/facility/contract'
import { debitCredits } from './debitCredits'
import { orderPaymentId } from './orderPaymentId'
import { payOrder } from './payOrder'
import { orderNumber } from './placeOrder'
import { refundCredits } from './refundCredits'
import { releaseOrder } from './releaseOrder'
import { orderLinesTable, ordersTable } from './sql/ordersTable'
import { startOrderCheckout } from './startOrderCheckout'

/**
 * facility's `facility.spendGuestPass`: one `guest_pass` credit of the host (subscription grants
 * `guest_pass_reset`, packs), spent by `debitCredits` in the booking's transaction (per-member
 * lock, lots locked, conditional UPDATE), idempotent on the participant.
 */
export const spendGuestPass = async (
  req: PayloadRequest,
  input: SpendGuestPassInput,
): Promise<SpendGuestPassResult> => {
  const spent = await debitCredits(req, {
    tenant: input.tenant,
    member: input.member,
    credits: 1,
    creditType: 'guest_pass',
    reason: 'Guest pass',
    ref: input.ref,
  })
  return spent.ok ? { spent: true } : { spent: false, reason: 'No guest passes left.' }
}

/** facility's `facility.restoreGuestPass`: the pass spent for the participant back to its lot, once (`refundCredits`). */
export const restoreGuestPass = async (
  req: PayloadRequest,
  input: RestoreGuestPassInput,
): Promise<RestoreGuestPassResult> => {
  const result = await refundCredits(req, {
    tenant: input.tenant,
    member: input.member,
    ref: input.ref,
    reason: 'Guest pass given back',
  })
  return { restored: result.ok }
}

/**
 * facility's `facility.payFee`: the fee as a pending order with one `fee` line (ref the
 * snapshot) that expires after `holdMinutes` unpaid (`expiresAt`: the expiry job cancels it), reused
 * while it is pending for the same amount and not expired (else released and replaced); then a
 * Stripe Checkout for it (`startOrderCheckout`) or the desk's cash/terminal payment (`payOrder`,
 * which fulfils it and emits `order.paid`).
 */
export const payFee = async (req: PayloadRequest, input: PayFeeInput): Promise<PayFeeResult> => {
  const o = ordersTable(req)
  let order: { id: string; number: string } | null = null
  if (input.order) {
    const [found] = await runSql<{ id: string; number: string; status: string; total: number; expired: boolean }>(
      req,
      sql`SELECT ${o.id} AS id, ${o.number} AS number, ${o.status} AS status, ${o.total} AS total,
                 coalesce(${o.expiresAt} <= now(), false) AS expired FROM ${o.$table}
          WHERE ${o.id} = ${input.order} AND ${o.tenant} = ${input.tenant} FOR UPDATE`,
    )
    // A stale order (its hold over, the expiry job not there yet) is expired now, not reused.
    if (found?.status === 'pending' && found.expired) await releaseOrder(req, String(found.id), 'expired')
    else if (found?.status === 'pending' && Number(found.total) === input.amount.amount)
      order = { id: String(found.id), number: found.number }
    else if (found?.status === 'pending') await releaseOrder(req, String(found.id), 'canceled')
    else if (found?.status === 'paid') return { ok: false, code: 'already_paid', reason: 'This fee is already paid.' }
  }
  if (!order) {
    const number = orderNumber()
    const amount = input.amount.amount
    const created = (await req.payload.db.create({
      collection: 'orders' as CollectionSlug,
      data: {
        tenant: input.tenant,
        number,
        member: input.member,
        buyer: { email: null, name: null },
        channel: 'online',
        status: 'pending',
        currency: input.amount.currency,
        lines: [
          {
            id: randomBytes(12).toString('hex'),
            kind: 'fee',
            product: null,
            name: input.description,
            ref: `${input.ref.collection}:${input.ref.id}`,
            quantity: 1,
            unitPrice: amount,
            discount: 0,
            total: amount,
          },
        ],
        subtotal: amount,
        discountTotal: 0,
        giftCardApplied: 0,
        tax: 0,
        taxIncluded: 0,
        total: amount,
        amountRefunded: 0,
        // Unpaid, it expires through the expiry job (`releaseOrder('expired')`).
        expiresAt: input.holdMinutes ? new Date(Date.now() + input.holdMinutes * 60_000).toISOString() : null,
      },
      req,
    })) as { id: string }
    order = { id: String(created.id), number }
  }
  if (input.method === 'online') {
    try {
      const checkout = await startOrderCheckout(req, order.id, input.payer)
      return { ok: true, order: order.id, number: order.number, status: 'pending', checkout }
    } catch (error) {
      if (error instanceof OperationError && error.status === 409)
        return { ok: false, code: error.code, reason: error.message }
      throw error
    }
  }
  await payOrder(req, order.id, { method: input.method })
  return { ok: true, order: order.id, number: order.number, status: 'paid', checkout: null }
}

/** facility's `facility.releaseFeeOrder`: an unpaid fee order cancelled (`releaseOrder`, once). */
export const releaseFeeOrder = async (req: PayloadRequest, input: ReleaseFeeOrderInput) => ({
  released: (await releaseOrder(req, input.order, 'canceled')) !== null,
})

/**
 * facility's `facility.refundFee`, for the system (a closure, a cancel): what is left of a paid
 * fee order is refunded once — the order row locked, its `amountRefunded` moved by one
 * conditional UPDATE, the payment refunded through `payments.refundWholePayment` (billing: a
 * `refunds[]` row, sent to Stripe after commit for a Stripe payment), `order.refunded` emitted.
 * A repeat finds nothing left (0).
 */
export const refundFee = async (req: PayloadRequest, input: RefundFeeInput): Promise<RefundFeeResult> => {
  const o = ordersTable(req)
  const [row] = await runSql<{ total: number; refunded: number; currency: string }>(
    req,
    sql`SELECT ${o.total} AS total, ${o.amountRefunded} AS refunded, ${o.currency} AS currency FROM ${o.$table}
        WHERE ${o.id} = ${input.order} AND ${o.tenant} = ${input.tenant} AND ${o.status} IN ('paid', 'partially_refunded') FOR UPDATE`,
  )
  const left = row ? Number(row.total) - Number(row.refunded) : 0
  if (!(left > 0)) return { refunded: 0 }
  const [updated] = await runSql<{ amount_refunded: number }>(
    req,
    sql`UPDATE ${o.$table} SET ${o.amountRefunded} = ${o.total}, ${o.status} = 'refunded', ${o.refundedAt} = now(),
          ${o.refundReason} = ${input.reason}, ${o.updatedAt} = now()
        WHERE ${o.id} = ${input.order} AND ${o.amountRefunded} + ${left} = ${o.total} RETURNING ${o.amountRefunded} AS amount_refunded`,
  )
  if (!updated) return { refunded: 0 }
  const payment = await orderPaymentId(req, input.order)
  if (payment) await callPort(req, refundWholePaymentPort, { tenant: input.tenant, payment, reason: input.reason })
  const result = {
    order: input.order,
    amount: left,
    amountRefunded: Number(updated.amount_refunded),
    status: 'refunded',
    restocked: false,
  }
  await audit(req, {
    category: 'billing',
    action: 'order.refunded',
    tenant: input.tenant,
    resourceType: 'orders',
    resourceId: input.order,
    amount: { amount: left, currency: row.currency },
    details: input.reason,
    after: result,
  })
  await emit(req, {
    type: 'order.refunded',
    tenant: input.tenant,
    subject: { collection: 'orders', id: input.order },
    data: { ...result, currency: row.currency, reason: input.reason },
  })
  return { refunded: left }
}

/** facility's `facility.orderDayPasses`: the day-pass lines of an order, with its member and buyer, and whether it is refunded in full. */
export const orderDayPasses = async (
  req: PayloadRequest,
  input: { tenant: string; order: string },
): Promise<OrderDayPassesResult> => {
  const o = ordersTable(req)
  const l = orderLinesTable(req)
  const [order] = await runSql<{ member_id: string | null; email: string | null; name: string | null; status: string }>(
    req,
    sql`SELECT ${o.member} AS member_id, ${o.buyerEmail} AS email, ${o.buyerName} AS name, ${o.status} AS status FROM ${o.$table}
        WHERE ${o.id} = ${input.order} AND ${o.tenant} = ${input.tenant}`,
  )
  if (!order) return { member: null, buyer: { email: null, name: null }, lines: [] }
  const lines = await runSql<{ product_id: string | null; name: string | null; quantity: number }>(
    req,
    sql`SELECT ${l.product} AS product_id, ${l.name} AS name, ${l.quantity} AS quantity FROM ${l.$table}
        WHERE ${l.parent} = ${input.order} AND ${l.kind} = 'day_pass' ORDER BY ${l.order}`,
  )
  return {
    member: order.member_id ? String(order.member_id) : null,
    buyer: { email: order.email, name: order.name },
    refunded: order.status === 'refunded',
    lines: lines.map((line) => ({
      product: line.product_id ? String(line.product_id) : null,
      name: line.name ?? 'Day pass',
      quantity: Number(line.quantity),
    })),
  }
}
