import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, memberOfUser, OperationError, runSql } from '@/core'
import { holdUntil } from './holdUntil'
import { placeOrder } from './placeOrder'
import { productsTable } from './sql/productsTable'
import { reserveOrderInput, type ReserveOrderInput } from '../contract'

export { reserveOrderInput, type ReserveOrderInput }

/**
 * A signed-in member reserves products online and pays at the desk: a `pending` order (channel
 * `online`) priced by the one pricing code (`placeOrder`: snapshotted prices, server totals, stock
 * and coupon use taken now), no payment and no fulfilment until desk staff settle it
 * (`payOrder`) or cancel it (`cancelOrder`, which gives stock and coupon use back), or until its
 * hold ends (`expiresAt` = `holdUntil`: the tenant's reservation hold, or its Checkout hold for an
 * online Stripe purchase, `buyOnline`) and the expiry job cancels it. The tenant is the products'
 * when not given.
 */
export const reserveOrder = async (
  req: PayloadRequest,
  raw: ReserveOrderInput,
  hold: 'reservation' | 'checkout' = 'reservation',
) => {
  const parsed = reserveOrderInput.safeParse(raw ?? {})
  if (!parsed.success)
    throw new OperationError(
      400,
      'invalid_input',
      parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join(' '),
    )
  const input = parsed.data
  let tenant = input.tenant
  if (!tenant) {
    const p = productsTable(req)
    const [row] = await runSql<{ tenant_id: string }>(
      req,
      sql`SELECT ${p.tenant} AS tenant_id FROM ${p.$table} WHERE ${p.id} = ${input.lines[0].product} AND ${p.deletedAt} IS NULL`,
    )
    if (!row) throw new OperationError(400, 'unknown_product', `Product ${input.lines[0].product} is not sold here.`)
    tenant = String(row.tenant_id)
  }
  const member = await memberOfUser(req, tenant, 'Only members of this business can reserve here.')
  const expiresAt = await holdUntil(req, tenant, hold)
  const { order, discount, taxIncluded } = await placeOrder(req, {
    tenant,
    member: member.id,
    buyer: { email: member.email, name: member.display_name },
    lines: input.lines,
    couponCode: input.coupon,
    tax: 0,
    status: 'pending',
    channel: 'online',
    expiresAt,
  })
  await emit(req, {
    type: 'order.reserved',
    tenant,
    subject: { collection: 'orders', id: order.id },
    data: { ...order, member: member.id },
  })
  return { order: { ...order, taxIncluded, expiresAt: expiresAt.toISOString() }, discount }
}
