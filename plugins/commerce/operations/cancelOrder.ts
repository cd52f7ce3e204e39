import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, OperationError, runSql } from '@/core'
import { deskOrder } from './deskOrder'
import { restockOrder } from './restockOrder'

/**
 * Desk staff cancel an unpaid (`pending`) order: `canceled` by one conditional UPDATE (once), its
 * quantities back in stock (`restockOrder`) and its coupon use given back (the redemption row is
 * deleted and the coupon's use count decremented). 409 `not_pending` otherwise.
 */
export const cancelOrder = async (req: PayloadRequest, id: string) => {
  const tenant = await deskOrder(req, id)
  const [row] = await runSql<{ member_id: string | null; number: string }>(
    req,
    sql`UPDATE orders SET status = 'canceled', updated_at = now() WHERE id = ${id} AND status = 'pending' RETURNING member_id, number`,
  )
  if (!row) throw new OperationError(409, 'not_pending', 'Only a pending (unpaid) order can be canceled.')
  const restocked = await restockOrder(req, id)
  const released = await runSql<{ coupon_id: string }>(req, sql`DELETE FROM coupon_redemptions WHERE order_id = ${id} RETURNING coupon_id`)
  for (const { coupon_id } of released) {
    await runSql(req, sql`UPDATE coupons SET uses_count = uses_count - 1, updated_at = now() WHERE id = ${coupon_id} AND uses_count > 0`)
  }
  const result = { order: id, number: row.number, status: 'canceled', restocked, couponUsesReleased: released.length }
  await audit(req, { category: 'billing', action: 'order.canceled', tenant, resourceType: 'orders', resourceId: id, after: result })
  await emit(req, { type: 'order.canceled', tenant, subject: { collection: 'orders', id }, data: { ...result, member: row.member_id ? String(row.member_id) : null } })
  return result
}
