import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { audit, emit, runSql } from '@/core'
import { emitCouponUses, type CouponUsesRow } from './emitCouponUses'
import { releaseGiftCardHold } from './releaseGiftCardHold'
import { restockOrder } from './restockOrder'
import { couponRedemptionsTable, couponsTable } from './sql/couponsTable'
import { ordersTable } from './sql/ordersTable'

export type ReleasedOrder = {
  order: string
  number: string
  status: 'canceled'
  reason: 'canceled' | 'expired'
  restocked: boolean
  couponUsesReleased: number
  giftCardReleased: number
}

/**
 * The one way an unpaid order ends unpaid (desk cancel, the expiry job, Stripe's
 * `checkout.session.expired`): `pending → canceled` by one conditional UPDATE — with `expired`
 * only when its hold (`expires_at`) is over — so whoever wins against a payment (`markOrderPaid`,
 * the same row) wins alone; then, only for that winner, its stock back (`restockOrder`), its coupon
 * use back (redemption deleted, use count decremented) and its gift-card amount back
 * (`releaseGiftCardHold`), an audit row and `order.canceled`. Null when the order was not pending
 * (or, for `expired`, its hold is not over).
 */
export const releaseOrder = async (
  req: PayloadRequest,
  id: string,
  reason: 'canceled' | 'expired',
): Promise<ReleasedOrder | null> => {
  const o = ordersTable(req)
  const r = couponRedemptionsTable(req)
  const c = couponsTable(req)
  const [row] = await runSql<{ tenant_id: string; member_id: string | null; number: string }>(
    req,
    sql`UPDATE ${o.$table} SET ${o.status} = 'canceled', ${o.updatedAt} = now()
        WHERE ${o.id} = ${id} AND ${o.status} = 'pending'${reason === 'expired' ? sql` AND ${o.expiresAt} <= now()` : sql``}
        RETURNING ${o.tenant} AS tenant_id, ${o.member} AS member_id, ${o.number} AS number`,
  )
  if (!row) return null
  const tenant = String(row.tenant_id)
  const restocked = await restockOrder(req, id)
  const released = await runSql<{ coupon_id: string }>(
    req,
    sql`DELETE FROM ${r.$table} WHERE ${r.order} = ${id} RETURNING ${r.coupon} AS coupon_id`,
  )
  for (const { coupon_id } of released) {
    // A use given back to an advertised coupon that had none left brings its offer back (`restored`).
    const [restored] = await runSql<CouponUsesRow>(
      req,
      sql`UPDATE ${c.$table} SET ${c.usesCount} = ${c.usesCount} - 1, ${c.updatedAt} = now() WHERE ${c.id} = ${coupon_id} AND ${c.usesCount} > 0
          RETURNING ${c.id} AS id, ${c.tenant} AS tenant_id, ${c.code} AS code, ${c.name} AS name,
                    ${c.advertise} AS advertise, ${c.active} AS active, ${c.startsAt} AS starts_at,
                    ${c.expiresAt} AS expires_at, ${c.usesCount} AS uses_count, ${c.maxUses} AS max_uses`,
    )
    await emitCouponUses(req, restored, 'restored')
  }
  const giftCardReleased = await releaseGiftCardHold(req, { tenant, order: id })
  const result: ReleasedOrder = {
    order: id,
    number: row.number,
    status: 'canceled',
    reason,
    restocked,
    couponUsesReleased: released.length,
    giftCardReleased,
  }
  await audit(req, {
    category: 'billing',
    action: reason === 'expired' ? 'order.expired' : 'order.canceled',
    tenant,
    resourceType: 'orders',
    resourceId: id,
    after: result,
  })
  await emit(req, {
    type: 'order.canceled',
    tenant,
    subject: { collection: 'orders', id },
    data: { ...result, member: row.member_id ? String(row.member_id) : null },
  })
  return result
}
